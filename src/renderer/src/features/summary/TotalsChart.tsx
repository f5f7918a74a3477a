// The corpus summary's first chart: per theme, the share of the articles
// that contain it (a bar), with its passages written beside every bar so
// that colour never carries meaning alone. React SVG elements with
// presentation attributes only: serialized as they are into a PNG.
import type { Ref } from 'react'
import type { ThemeTotal } from '@shared/model/corpus-stats'
import type { Theme } from '@shared/model/schema'
import { useI18n } from '@renderer/i18n/i18n'
import { formatShare } from './summary-rows'
import { FONT, GRID, INK, MUTED, shorten, TRACK } from './chart-kit'

interface Props {
  codebook: readonly Theme[]
  totals: readonly ThemeTotal[]
  articles: number
  passages: number
  scopeLabel: string
  ref?: Ref<SVGSVGElement>
}

const W = 720
const PAD = 20
const HEAD = 64
const ROW = 26
const LABEL = 200
const NUMBERS = 170
const AXIS = 44

export function TotalsChart({ codebook, totals, articles, passages, scopeLabel, ref }: Props) {
  const i18n = useI18n()
  const { t, plural, formatNumber } = i18n
  const title = t('corpus.themes.chart.title')
  const x0 = PAD + LABEL
  const trackW = W - PAD - NUMBERS - x0
  const H = HEAD + codebook.length * ROW + AXIS
  const axisY = HEAD + codebook.length * ROW
  const x = (share: number) => x0 + (share / 100) * trackW
  return (
    <svg
      ref={ref}
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${W} ${H}`}
      width={W}
      height={H}
      role="img"
      aria-labelledby="corpus-totals-title"
      fontFamily={FONT}
      className="summary-chart corpus-chart"
    >
      <title id="corpus-totals-title">{title}</title>
      <rect width={W} height={H} fill="#ffffff" />
      <text x={PAD} y={26} fontSize={16} fontWeight={700} fill={INK}>
        {title}
      </text>
      <text x={PAD} y={46} fontSize={12} fill={MUTED}>
        {t('corpus.chart.subtitle', {
          scope: shorten(scopeLabel, 70),
          articles: plural('corpus.articles', articles),
          passages: plural('count.passages', passages),
        })}
      </text>
      {[0, 50, 100].map((tick) => (
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
      {codebook.map((theme, i) => {
        const total = totals[i]!
        const y = HEAD + i * ROW
        const w = total.articlesPercent > 0 ? Math.max(2, x(total.articlesPercent) - x0) : 0
        return (
          <g key={theme.id}>
            <text x={PAD} y={y + 17} fontSize={12} fontWeight={600} fill={INK}>
              {shorten(theme.name, 28)}
            </text>
            <rect x={x0} y={y + 5} width={trackW} height={16} fill={TRACK} />
            <rect x={x0} y={y + 5} width={w} height={16} fill={theme.colour} />
            <text x={W - PAD} y={y + 17} fontSize={12} fill={INK} textAnchor="end">
              {t('corpus.themes.chart.numbers', {
                share: formatShare(total.articlesPercent, i18n),
                passages: plural('count.passages', total.passages),
              })}
            </text>
          </g>
        )
      })}
      <line x1={x0} x2={x0 + trackW} y1={axisY} y2={axisY} stroke={MUTED} />
      {[0, 50, 100].map((tick, i) => (
        <text
          key={tick}
          x={x(tick)}
          y={axisY + 16}
          fontSize={11}
          fill={MUTED}
          textAnchor={i === 0 ? 'start' : i === 2 ? 'end' : 'middle'}
        >
          {formatNumber(tick / 100, { style: 'percent' })}
        </text>
      ))}
      <text x={x0 + trackW / 2} y={axisY + 34} fontSize={11} fill={MUTED} textAnchor="middle">
        {t('corpus.themes.chart.axis')}
      </text>
    </svg>
  )
}
