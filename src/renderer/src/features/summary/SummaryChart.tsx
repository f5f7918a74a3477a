// The summary's bar chart: per theme (and untagged passages), the share of
// the article it covers, with the name and the numbers written beside every
// bar so that colour never carries meaning alone. Built as React SVG
// elements with presentation attributes only (no CSS classes, no innerHTML):
// the same SVG is serialized and rendered to a PNG, where page styles do not apply.
import type { Ref } from 'react'
import { useI18n } from '@renderer/i18n/i18n'
import { formatShare, shorten, type SummaryRow } from './summary-rows'

interface Props {
  rows: readonly SummaryRow[]
  documentTitle: string
  textCharacters: number
  ref?: Ref<SVGSVGElement>
}

const W = 680
const PAD = 20
const HEAD = 64
const ROW = 48
const AXIS = 44
const FONT = "'DejaVu Sans', 'Noto Sans', system-ui, -apple-system, 'Segoe UI', sans-serif"
const INK = '#1f2328'
const MUTED = '#5f6670'
const GRID = '#d9d5cb'

/** The smallest round share at or above `max`: the right end of the axis. */
export function axisMax(max: number): number {
  return [1, 2, 5, 10, 20, 25, 50, 100].find((m) => m >= max) ?? 100
}

export function SummaryChart({ rows, documentTitle, textCharacters, ref }: Props) {
  const i18n = useI18n()
  const { t, plural, formatNumber } = i18n
  const title = t('summary.chart.title')
  const top = Math.max(0, ...rows.map((r) => r.sharePercent))
  const max = axisMax(top)
  const trackW = W - 2 * PAD
  const H = HEAD + rows.length * ROW + AXIS
  const x = (share: number) => PAD + (share / max) * trackW
  const ticks = [0, max / 2, max]
  const axisY = HEAD + rows.length * ROW
  return (
    <svg
      ref={ref}
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${W} ${H}`}
      width={W}
      height={H}
      role="img"
      aria-labelledby="summary-chart-title"
      fontFamily={FONT}
      className="summary-chart"
    >
      <title id="summary-chart-title">{title}</title>
      <rect width={W} height={H} fill="#ffffff" />
      <text x={PAD} y={26} fontSize={16} fontWeight={700} fill={INK}>
        {title}
      </text>
      <text x={PAD} y={46} fontSize={12} fill={MUTED}>
        {t('summary.chart.subtitle', {
          title: shorten(documentTitle, 60),
          characters: plural('summary.characters', textCharacters),
        })}
      </text>
      {ticks.map((tick) => (
        <line
          key={tick}
          x1={x(tick)}
          x2={x(tick)}
          y1={HEAD - 4}
          y2={axisY}
          stroke={GRID}
          strokeDasharray="3 3"
        />
      ))}
      {rows.map((r, i) => {
        const y = HEAD + i * ROW
        const w = r.sharePercent > 0 ? Math.max(2, x(r.sharePercent) - PAD) : 0
        return (
          <g key={r.key}>
            <text x={PAD} y={y + 14} fontSize={13} fontWeight={700} fill={INK}>
              {shorten(r.name, 30)}
            </text>
            <text x={W - PAD} y={y + 14} fontSize={12} fill={INK} textAnchor="end">
              {t('summary.chart.numbers', {
                share: formatShare(r.sharePercent, i18n),
                passages: plural('count.passages', r.passages),
                characters: plural('summary.characters', r.characters),
              })}
            </text>
            <rect x={PAD} y={y + 21} width={trackW} height={16} fill="#f3f1ec" />
            <rect
              x={PAD}
              y={y + 21}
              width={w}
              height={16}
              fill={r.colour}
              stroke={r.untagged ? '#5f6670' : 'none'}
              strokeDasharray={r.untagged ? '3 2' : undefined}
            />
          </g>
        )
      })}
      <line x1={PAD} x2={W - PAD} y1={axisY} y2={axisY} stroke={MUTED} />
      {ticks.map((tick, i) => (
        <text
          key={tick}
          x={x(tick)}
          y={axisY + 16}
          fontSize={11}
          fill={MUTED}
          textAnchor={i === 0 ? 'start' : i === ticks.length - 1 ? 'end' : 'middle'}
        >
          {formatNumber(Number(tick.toFixed(2)) / 100, {
            style: 'percent',
            maximumFractionDigits: 2,
          })}
        </text>
      ))}
      <text x={W / 2} y={axisY + 34} fontSize={11} fill={MUTED} textAnchor="middle">
        {t('summary.chart.axis')}
      </text>
    </svg>
  )
}
