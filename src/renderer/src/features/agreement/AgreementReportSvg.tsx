// The agreement report as one page for a methods section: the title, what was
// compared, the table of figures (all themes last), Cohen's kappa of each
// pair of coders, what was left out and why, and Krippendorff's benchmarks,
// as an SVG of plain elements with their styles as attributes (no CSS
// reaches an SVG drawn into an image), saved as PNG through svg-to-png.
// Never measures text: columns have fixed widths, notes wrap at a character
// count that fits the page.
import { forwardRef, type ReactNode } from 'react'
import type { AgreementFigures, AgreementReport, ReportCoefficient } from '@shared/agreement/report'
import type { Theme } from '@shared/model/schema'
import { useI18n } from '@renderer/i18n/i18n'
import { exclusionTexts } from './ExclusionNote'
import { figureText } from './figures'

const WIDTH = 900
const MARGIN = 32
const ROW = 22
const NOTE_CHARS = 130
const INK = '#1f2328'
const MUTED = '#5f6670'
const LINE = '#d6d2c8'
const FONT = 'DejaVu Sans, Noto Sans, Segoe UI, sans-serif'
const BADGE = { reliable: '#1e7a46', tentative: '#9a6700', 'not-reliable': '#a4262c' } as const

/** Words of `text` in lines of at most `chars` characters. */
function wrap(text: string, chars: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > chars) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  if (line) lines.push(line)
  return lines
}

interface Props {
  report: AgreementReport
  themes: ReadonlyMap<string, Theme>
}

export const AgreementReportSvg = forwardRef<SVGSVGElement, Props>(function AgreementReportSvg(
  { report, themes },
  ref,
) {
  const i18n = useI18n()
  const { t, plural, formatNumber, formatDate } = i18n
  const characters = report.unit === 'characters'
  const { compared, excluded } = report.exclusions
  const many = characters ? 1 : report.themes.length
  // Values not defined read "n/d", their reasons once under the tables.
  const reasons = new Set<string>()
  const value = (c: ReportCoefficient | null, percent = false) => {
    if (!c) return '—'
    if (c.value !== null) return figureText(c, i18n, percent)
    reasons.add(figureText(c, i18n))
    return t('agreement.notDefined.short')
  }
  // Columns: [header, x (right edge for numbers), cell of a row].
  type Column = [head: string, x: number, cell: (f: AgreementFigures, overall: boolean) => string]
  const columns: Column[] = [
    [
      t(characters ? 'agreement.col.articles' : 'agreement.col.units'),
      380,
      (_, o) => formatNumber(o ? compared * many : compared),
    ],
    [t('agreement.col.excluded'), 460, (_, o) => formatNumber(o ? excluded * many : excluded)],
  ]
  if (characters) columns.push([t('agreement.col.unitizing'), 620, (f) => value(f.unitizing)])
  else
    columns.push(
      [t('agreement.col.percent'), 560, (f) => value(f.percent, true)],
      [t('agreement.col.fleiss'), 650, (f) => value(f.fleiss)],
      [t('agreement.col.alpha'), 760, (f) => value(f.alpha)],
    )
  const benchmarkOf = (f: AgreementFigures) => (characters ? f.unitizing : f.alpha)?.benchmark
  const rows = [
    ...report.themes.map((f) => ({
      name: themes.get(f.themeId)?.name ?? f.themeId,
      f,
      overall: false,
    })),
    {
      name: t(characters ? 'agreement.overall' : 'agreement.overall.pooled'),
      f: report.overall,
      overall: true,
    },
  ]
  const out: ReactNode[] = []
  let y = MARGIN + 20
  const text = (x: number, content: string, attrs: Record<string, string | number> = {}) =>
    out.push(
      <text key={out.length} x={x} y={y} fill={INK} fontFamily={FONT} fontSize={12} {...attrs}>
        {content}
      </text>,
    )
  text(MARGIN, t('agreement.report.title'), { fontSize: 20, fontWeight: 600 })
  y += 22
  text(
    MARGIN,
    t('agreement.report.subtitle', {
      unit: t(`agreement.unit.${report.unit}`),
      coders: report.coders.join(', '),
      articles: plural('agreement.kind.article', report.articles),
    }) + ` · ${formatDate(new Date().toISOString())}`,
    { fill: MUTED },
  )
  y += 30
  text(MARGIN, t('agreement.col.theme'), { fontWeight: 600 })
  for (const [head, x] of columns) text(x, head, { fontWeight: 600, textAnchor: 'end' })
  out.push(
    <line key="head-line" x1={MARGIN} x2={WIDTH - MARGIN} y1={y + 7} y2={y + 7} stroke={LINE} />,
  )
  for (const row of rows) {
    y += ROW
    if (row.overall)
      out.push(
        <line
          key="foot-line"
          x1={MARGIN}
          x2={WIDTH - MARGIN}
          y1={y - 15}
          y2={y - 15}
          stroke={LINE}
        />,
      )
    const weight = row.overall ? 600 : 400
    text(MARGIN, row.name.length > 40 ? `${row.name.slice(0, 39)}…` : row.name, {
      fontWeight: weight,
    })
    for (const [, x, cell] of columns)
      text(x, cell(row.f, row.overall), { textAnchor: 'end', fontWeight: weight })
    const benchmark = benchmarkOf(row.f)
    if (benchmark)
      text(780, t(`agreement.benchmark.${benchmark}`), { fill: BADGE[benchmark], fontWeight: 600 })
  }
  const pairs = report.overall.cohen
  if (pairs.length > 0 && pairs.length <= 4) {
    y += 34
    text(MARGIN, t('agreement.pairs'), { fontWeight: 600 })
    pairs.forEach((p, i) =>
      text(380 + i * 130, t('agreement.col.pair', { a: p.coderA, b: p.coderB }), {
        textAnchor: 'end',
        fontWeight: 600,
      }),
    )
    for (const row of rows) {
      y += ROW
      text(MARGIN, row.name.length > 40 ? `${row.name.slice(0, 39)}…` : row.name, {
        fontWeight: row.overall ? 600 : 400,
      })
      row.f.cohen.forEach((p, i) => text(380 + i * 130, value(p.kappa), { textAnchor: 'end' }))
    }
  }
  const exclusions = exclusionTexts(report, i18n)
  const undefinedNote = [...reasons]
    .map((r) => `${t('agreement.notDefined.short')}: ${r}`)
    .join('; ')
  y += 16
  for (const line of [
    ...(undefinedNote ? [undefinedNote] : []),
    exclusions.summary,
    ...exclusions.reasons.map((r) => `– ${r}`),
  ].flatMap((s) => wrap(s, NOTE_CHARS))) {
    y += 18
    text(MARGIN, line, { fill: MUTED })
  }
  y += 8
  const overall = t(
    characters ? 'agreement.overall.help.characters' : 'agreement.overall.help.nominal',
  )
  for (const line of [overall, t('agreement.benchmarkNote')].flatMap((s) => wrap(s, NOTE_CHARS))) {
    y += 18
    text(MARGIN, line, { fill: MUTED })
  }
  const height = y + MARGIN
  return (
    <svg
      ref={ref}
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${WIDTH} ${height}`}
      width={WIDTH}
      height={height}
      role="img"
      aria-label={t('agreement.report.title')}
    >
      <rect width={WIDTH} height={height} fill="#ffffff" />
      {out}
    </svg>
  )
})
