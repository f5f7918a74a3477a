// Themes over time as a chart: one line per theme shown, by period of
// publication, in one panel or, split by an attribute, one small panel per
// value sharing one scale. A period without articles leaves a gap (a share
// of nothing is not zero). The legend names every line. React SVG elements
// with presentation attributes only (PNG as on screen).
import type { Ref } from 'react'
import type { OverTime } from '@shared/model/corpus-stats'
import type { Theme } from '@shared/model/schema'
import { useI18n } from '@renderer/i18n/i18n'
import { GRID, INK, MUTED, niceMax, PAD, shorten } from './chart-kit'
import { ChartFrame } from './ChartFrame'
import { cellValue, type Measure } from './corpus-measure'

interface Props {
  codebook: readonly Theme[]
  /** Indexes (in the codebook) of the themes drawn. */
  shown: readonly number[]
  time: OverTime
  /** The series drawn (the first ones). */
  panels: number
  measure: Measure
  title: string
  subtitle: string
  periodName: (key: string) => string
  splitName: (value: string) => string
  ref?: Ref<SVGSVGElement>
}

const W = 900
const AXIS_W = 44
const LEGEND_ROW = 18

export function TimeChart(props: Props) {
  const { codebook, shown, time, measure, title, subtitle, periodName, splitName, ref } = props
  const { formatNumber } = useI18n()
  const series = time.series.slice(0, props.panels)
  const split = time.splitAttribute !== null
  const perRow = split ? 2 : 1
  const panelW = (W - 2 * PAD - (perRow - 1) * 24) / perRow
  const panelH = split ? 190 : 260
  // The legend: theme names in rows as wide as the chart.
  const legend: { x: number; row: number; theme: Theme }[] = []
  let lx = 0
  let row = 0
  for (const i of shown) {
    const theme = codebook[i]!
    const w = 26 + Math.min(24, [...theme.name].length) * 7
    if (lx + w > W - 2 * PAD && lx > 0) {
      lx = 0
      row++
    }
    legend.push({ x: PAD + lx, row, theme })
    lx += w
  }
  const legendH = (row + 1) * LEGEND_ROW
  const top = 60 + legendH + 8
  const rows = Math.ceil(series.length / perRow)
  const H = top + rows * (panelH + 16) + 8
  const values = series.map((s) =>
    shown.map((i) => s.cells[i]!.map((cell, b) => cellValue(cell, s.articles[b]!, measure))),
  )
  const max = niceMax(Math.max(0, ...values.flat(2).map((v) => v ?? 0)))
  const n = time.bins.length
  // Labels under every `every`-th period, and the last unless it would touch the one before.
  const every = Math.max(1, Math.ceil(n / (split ? 4 : 8)))
  const labelled = time.bins.flatMap((_, b) =>
    b % every === 0 || (b === n - 1 && b % every > every / 2) ? [b] : [],
  )
  const tick = (v: number) =>
    measure === 'articles'
      ? formatNumber(v / 100, { style: 'percent', maximumFractionDigits: 0 })
      : formatNumber(v)
  return (
    <ChartFrame
      ref={ref}
      titleId="corpus-time-title"
      title={title}
      subtitle={shorten(subtitle, 110)}
      width={W}
      height={H}
      corpus
    >
      {legend.map(({ x, row, theme }) => (
        <g key={theme.id}>
          <line
            x1={x}
            x2={x + 16}
            y1={60 + row * LEGEND_ROW + 6}
            y2={60 + row * LEGEND_ROW + 6}
            stroke={theme.colour}
            strokeWidth={3}
          />
          <text x={x + 21} y={60 + row * LEGEND_ROW + 10} fontSize={11} fill={INK}>
            {shorten(theme.name, 24)}
          </text>
        </g>
      ))}
      {series.map((s, p) => {
        const px = PAD + (p % perRow) * (panelW + 24)
        const py = top + Math.floor(p / perRow) * (panelH + 16)
        const plotX = px + AXIS_W
        const plotW = panelW - AXIS_W - 8
        const plotTop = py + (split ? 22 : 6)
        const plotH = panelH - (split ? 22 : 6) - 24
        const x = (b: number) => plotX + (n === 1 ? plotW / 2 : (b / (n - 1)) * plotW)
        const y = (v: number) => plotTop + plotH - (v / max) * plotH
        return (
          <g key={s.split ?? ''}>
            {split && (
              <text x={px} y={py + 12} fontSize={12} fontWeight={700} fill={INK}>
                {shorten(splitName(s.split ?? ''), 40)}
              </text>
            )}
            {[0, max / 2, max].map((v) => (
              <g key={v}>
                <line
                  x1={plotX}
                  x2={plotX + plotW}
                  y1={y(v)}
                  y2={y(v)}
                  stroke={GRID}
                  strokeDasharray={v ? '3 3' : undefined}
                />
                <text x={plotX - 6} y={y(v) + 4} fontSize={10} fill={MUTED} textAnchor="end">
                  {tick(v)}
                </text>
              </g>
            ))}
            {labelled.map((b) => (
              <text
                key={time.bins[b]}
                x={x(b)}
                y={plotTop + plotH + 14}
                fontSize={10}
                fill={MUTED}
                textAnchor={n === 1 ? 'middle' : b === 0 ? 'start' : b === n - 1 ? 'end' : 'middle'}
              >
                {periodName(time.bins[b]!)}
              </text>
            ))}
            {shown.map((themeIndex, k) => {
              const points = values[p]![k]!
              let d = ''
              let pen = false
              points.forEach((v, b) => {
                if (v === null) pen = false
                else {
                  d += `${pen ? 'L' : 'M'}${x(b).toFixed(1)},${y(v).toFixed(1)}`
                  pen = true
                }
              })
              const theme = codebook[themeIndex]!
              return (
                <g key={theme.id}>
                  <path
                    d={d}
                    fill="none"
                    stroke={theme.colour}
                    strokeWidth={2}
                    strokeLinejoin="round"
                  />
                  {n <= 24 &&
                    points.map((v, b) =>
                      v === null ? null : (
                        <circle key={b} cx={x(b)} cy={y(v)} r={2.5} fill={theme.colour} />
                      ),
                    )}
                </g>
              )
            })}
          </g>
        )
      })}
    </ChartFrame>
  )
}
