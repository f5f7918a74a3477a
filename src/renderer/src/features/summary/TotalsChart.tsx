// The corpus summary's first chart: per theme, the share of the articles
// that contain it (a bar), with its passages written beside every bar so
// that colour never carries meaning alone. React SVG elements with
// presentation attributes only: serialized as they are into a PNG.
import type { Ref } from 'react'
import type { ThemeTotal } from '@shared/model/corpus-stats'
import type { Theme } from '@shared/model/schema'
import { useI18n } from '@renderer/i18n/i18n'
import { formatShare } from './summary-rows'
import { INK, PAD, shorten, TRACK } from './chart-kit'
import { BarScale, ChartFrame } from './ChartFrame'

interface Props {
  codebook: readonly Theme[]
  totals: readonly ThemeTotal[]
  articles: number
  passages: number
  scopeLabel: string
  ref?: Ref<SVGSVGElement>
}

const W = 720
const HEAD = 64
const ROW = 26
const LABEL = 200
const NUMBERS = 170
const AXIS = 44
const TICKS = [0, 50, 100]

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
    <ChartFrame
      ref={ref}
      titleId="corpus-totals-title"
      title={title}
      subtitle={t('corpus.chart.subtitle', {
        scope: shorten(scopeLabel, 70),
        articles: plural('corpus.articles', articles),
        passages: plural('count.passages', passages),
      })}
      width={W}
      height={H}
      corpus
    >
      <BarScale
        x0={x0}
        trackWidth={trackW}
        top={HEAD - 4}
        axisY={axisY}
        ticks={TICKS}
        x={x}
        tickLabel={(tick) => formatNumber(tick / 100, { style: 'percent' })}
        label={t('corpus.themes.chart.axis')}
      >
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
      </BarScale>
    </ChartFrame>
  )
}
