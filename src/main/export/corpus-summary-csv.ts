// The corpus summary's numbers as CSV, one file per table of the summary
// view, each in long ("tidy") form so that R and pandas read them without
// reshaping and a pivot table rebuilds the view's grid:
// - themes: one row per theme (then untagged passages, with an empty
//   theme): theme, passages, articles, articles_percent, characters,
//   share_percent;
// - by attribute: one row per theme and value: theme, <attribute>,
//   articles (with that value), articles_with_theme, articles_percent,
//   passages; a date attribute's values are years (`<attribute>_year`);
// - over time: one row per period (ISO week 2025-W03, month 2025-03 or
//   year), [split value,] and theme, same counts; the articles without a
//   publication date come last with an empty period.
// Computed in main from corpus-stats.ts over the corpus, never from numbers
// the renderer sends. Same file conventions as csv.ts. Never writes files.
import type { AttributeDef } from '@shared/model/corpus'
import { isDateAttribute, type Cell, type CorpusSummary } from '@shared/model/corpus-stats'
import type { Theme } from '@shared/model/schema'
import { roundShare } from '@shared/model/stats'
import { neutralizeFormula, recordsToCsv, type CsvRecord } from './csv'

export type SummaryTable = 'themes' | 'byAttribute' | 'overTime'

const COUNTS = ['articles', 'articles_with_theme', 'articles_percent', 'passages'] as const

/** The column name of an attribute: its name, unique against `taken` (ignoring case). */
export function attributeColumn(
  attribute: string,
  defs: readonly AttributeDef[],
  taken: readonly string[],
  years = false,
): string {
  const name =
    (attribute === 'title' ? 'title' : defs.find((d) => d.id === attribute)?.name) ?? attribute
  const used = new Set(taken.map((n) => n.toLowerCase()))
  let column = neutralizeFormula(years ? `${name}_year` : name)
  if (used.has(column.toLowerCase())) column = neutralizeFormula(`article_${column}`)
  for (let i = 2; used.has(column.toLowerCase()); i++)
    column = neutralizeFormula(`article_${name}_${i}`)
  return column
}

const counts = (articles: number, cell: Cell): CsvRecord => [
  articles,
  cell.articles,
  roundShare(articles ? (cell.articles * 100) / articles : 0),
  cell.passages,
]

function themesRecords(summary: CorpusSummary, codebook: readonly Theme[]): CsvRecord[] {
  const header = [
    'theme',
    'passages',
    'articles',
    'articles_percent',
    'characters',
    'share_percent',
  ]
  const row = (name: string, t: CorpusSummary['untagged']): CsvRecord => [
    neutralizeFormula(name),
    t.passages,
    t.articles,
    roundShare(t.articlesPercent),
    t.characters,
    roundShare(t.sharePercent),
  ]
  return [
    header,
    ...codebook.map((theme, i) => row(theme.name, summary.themes[i]!)),
    row('', summary.untagged),
  ]
}

function byAttributeRecords(
  summary: CorpusSummary,
  codebook: readonly Theme[],
  defs: readonly AttributeDef[],
): CsvRecord[] {
  const table = summary.byAttribute
  if (!table) return []
  const column = attributeColumn(table.attribute, defs, ['theme', ...COUNTS], table.years)
  const rows: CsvRecord[] = [['theme', column, ...COUNTS]]
  codebook.forEach((theme, t) => {
    table.columns.forEach((col, c) =>
      rows.push([
        neutralizeFormula(theme.name),
        neutralizeFormula(col.value),
        ...counts(col.articles, table.cells[t]![c]!),
      ]),
    )
  })
  return rows
}

function overTimeRecords(
  summary: CorpusSummary,
  codebook: readonly Theme[],
  defs: readonly AttributeDef[],
): CsvRecord[] {
  const time = summary.overTime
  if (!time) return []
  const split = time.splitAttribute
  const splitColumn = split
    ? [attributeColumn(split, defs, ['period', 'theme', ...COUNTS], isDateAttribute(split, defs))]
    : []
  const rows: CsvRecord[] = [['period', ...splitColumn, 'theme', ...COUNTS]]
  for (const series of time.series) {
    const splitCell = split ? [neutralizeFormula(series.split ?? '')] : []
    time.bins.forEach((period, b) =>
      codebook.forEach((theme, t) =>
        rows.push([
          period,
          ...splitCell,
          neutralizeFormula(theme.name),
          ...counts(series.articles[b]!, series.cells[t]![b]!),
        ]),
      ),
    )
  }
  // The undated articles, after every dated row.
  for (const series of time.series) {
    if (!series.undated) continue
    const splitCell = split ? [neutralizeFormula(series.split ?? '')] : []
    codebook.forEach((theme, t) =>
      rows.push([
        '',
        ...splitCell,
        neutralizeFormula(theme.name),
        ...counts(series.undated, series.undatedCells[t]!),
      ]),
    )
  }
  return rows
}

/** The records of one table of the summary, header first. */
export function corpusSummaryRecords(
  summary: CorpusSummary,
  table: SummaryTable,
  meta: { codebook: readonly Theme[]; attributeDefs: readonly AttributeDef[] },
): CsvRecord[] {
  switch (table) {
    case 'themes':
      return themesRecords(summary, meta.codebook)
    case 'byAttribute':
      return byAttributeRecords(summary, meta.codebook, meta.attributeDefs)
    case 'overTime':
      return overTimeRecords(summary, meta.codebook, meta.attributeDefs)
  }
}

/** One table of the summary as a CSV file, BOM included, and its number of data rows. */
export function corpusSummaryCsv(...args: Parameters<typeof corpusSummaryRecords>): {
  csv: string
  rows: number
} {
  const records = corpusSummaryRecords(...args)
  return { csv: recordsToCsv(records), rows: Math.max(0, records.length - 1) }
}
