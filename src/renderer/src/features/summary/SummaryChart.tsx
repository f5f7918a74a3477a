// The summary's bar chart: per theme (and untagged passages), the share of
// the article it covers, with the name and the numbers written beside every
// bar so that colour never carries meaning alone. Built as React SVG
// elements with presentation attributes only (no CSS classes, no innerHTML):
// the same SVG is serialized and rendered to a PNG, where page styles do not apply.
import type { Ref } from 'react'
import { useI18n } from '@renderer/i18n/i18n'
import { formatShare, type SummaryRow } from './summary-rows'
import { INK, MUTED, PAD, shorten, TRACK } from './chart-kit'
import { BarScale, ChartFrame } from './ChartFrame'

interface Props {
  rows: readonly SummaryRow[]
  documentTitle: string
  textCharacters: number
  ref?: Ref<SVGSVGElement>
}

const W = 680
const HEAD = 64
const ROW = 48
const AXIS = 44

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
    <ChartFrame
      ref={ref}
      titleId="summary-chart-title"
      title={title}
      subtitle={t('summary.chart.subtitle', {
        title: shorten(documentTitle, 60),
        characters: plural('summary.characters', textCharacters),
      })}
      width={W}
      height={H}
    >
      <BarScale
        x0={PAD}
        trackWidth={trackW}
        top={HEAD - 4}
        axisY={axisY}
        ticks={ticks}
        x={x}
        tickLabel={(tick) =>
          formatNumber(Number(tick.toFixed(2)) / 100, {
            style: 'percent',
            maximumFractionDigits: 2,
          })
        }
        label={t('summary.chart.axis')}
      >
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
              <rect x={PAD} y={y + 21} width={trackW} height={16} fill={TRACK} />
              <rect
                x={PAD}
                y={y + 21}
                width={w}
                height={16}
                fill={r.colour}
                stroke={r.untagged ? MUTED : 'none'}
                strokeDasharray={r.untagged ? '3 2' : undefined}
              />
            </g>
          )
        })}
      </BarScale>
    </ChartFrame>
  )
}
