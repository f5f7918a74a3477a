// Theme by attribute as a chart: rows are themes, columns the values of an
// attribute (with their number of articles), each cell shaded by its value
// and the value written in it, so that shade never carries meaning alone.
// React SVG elements with presentation attributes only (PNG as on screen).
import type { Ref } from 'react'
import type { AttributeTable } from '@shared/model/corpus-stats'
import type { Theme } from '@shared/model/schema'
import { useI18n } from '@renderer/i18n/i18n'
import { cellFill, cellInk, INK, MUTED, PAD, shorten } from './chart-kit'
import { ChartFrame } from './ChartFrame'
import { cellValue, formatCell, type Measure } from './corpus-measure'

interface Props {
  codebook: readonly Theme[]
  table: AttributeTable
  /** The columns shown (the first ones of the table). */
  columns: number
  measure: Measure
  attributeName: string
  valueName: (value: string) => string
  subtitle: string
  ref?: Ref<SVGSVGElement>
}

const HEAD = 96
const LABEL = 200
const ROW = 26
const FOOT = 16
/** The chart's width when its columns fit (the page's width). */
const WIDTH = 900

export function HeatmapChart(props: Props) {
  const { codebook, table, columns, measure, attributeName, valueName, subtitle, ref } = props
  const { t, formatNumber } = useI18n()
  const cols = table.columns.slice(0, columns)
  const CW = Math.max(
    64,
    Math.min(120, Math.floor((WIDTH - 2 * PAD - LABEL) / Math.max(1, cols.length))),
  )
  const W = Math.max(520, 2 * PAD + LABEL + cols.length * CW)
  const H = HEAD + codebook.length * ROW + FOOT
  const values = codebook.map((_, r) =>
    cols.map((col, c) => cellValue(table.cells[r]![c]!, col.articles, measure)),
  )
  const max = Math.max(0, ...values.flat().map((v) => v ?? 0))
  const title = t('corpus.byAttribute.chart.title', { attribute: attributeName })
  const chars = Math.max(6, Math.floor(CW / 7))
  return (
    <ChartFrame
      ref={ref}
      titleId="corpus-heatmap-title"
      title={title}
      subtitle={shorten(subtitle, 110)}
      width={W}
      height={H}
      corpus
    >
      {cols.map((col, c) => {
        const x = PAD + LABEL + c * CW + CW / 2
        return (
          <g key={col.value}>
            <title>{valueName(col.value)}</title>
            <text x={x} y={HEAD - 22} fontSize={12} fontWeight={600} fill={INK} textAnchor="middle">
              {shorten(valueName(col.value), chars)}
            </text>
            <text x={x} y={HEAD - 8} fontSize={11} fill={MUTED} textAnchor="middle">
              {t('corpus.byAttribute.n', { count: formatNumber(col.articles) })}
            </text>
          </g>
        )
      })}
      {codebook.map((theme, r) => {
        const y = HEAD + r * ROW
        return (
          <g key={theme.id}>
            <rect x={PAD} y={y + 7} width={10} height={10} fill={theme.colour} />
            <text x={PAD + 16} y={y + 17} fontSize={12} fontWeight={600} fill={INK}>
              {shorten(theme.name, 26)}
            </text>
            {cols.map((col, c) => {
              const v = values[r]![c]!
              const x = PAD + LABEL + c * CW
              return (
                <g key={col.value}>
                  <rect
                    x={x + 1}
                    y={y + 1}
                    width={CW - 2}
                    height={ROW - 2}
                    fill={v === null ? '#ffffff' : cellFill(v, max)}
                    stroke="#e3e0d8"
                  />
                  <text
                    x={x + CW / 2}
                    y={y + 17}
                    fontSize={12}
                    fill={v === null ? MUTED : cellInk(v, max)}
                    textAnchor="middle"
                  >
                    {formatCell(v, measure, formatNumber)}
                  </text>
                </g>
              )
            })}
          </g>
        )
      })}
    </ChartFrame>
  )
}
