// The article × theme matrix CSV: one row per article (the unit of a
// content analysis), the dataset R, SPSS and Stata users feed to their
// models. Columns: article_id, title, the builtin and custom attributes
// (article-columns.ts), `passages`, `characters` (the article's length),
// `characters_coded` (covered by any passage), then per theme of the
// codebook `<theme>_passages` and `<theme>_chars` (characters covered by
// that theme's passages, overlaps counted once; corpus-stats.ts). Counts
// are code points, like every offset Gloss exports. Same file conventions
// as csv.ts. Never writes files itself.
import type { ArticleEntry } from '@shared/model/corpus'
import { articleStats } from '@shared/model/corpus-stats'
import { articleColumns } from './article-columns'
import type { CorpusInput } from './corpus-csv'
import { csvChunks, neutralizeFormula, type CsvRecord } from './csv'

const COUNT_COLUMNS = ['passages', 'characters', 'characters_coded'] as const

/** Theme column names, unique ignoring case (`_2`, `_3`… after a repeat), neutralized. */
function themeColumns(names: readonly string[]): string[] {
  const used = new Set<string>(COUNT_COLUMNS)
  const out: string[] = []
  for (const name of names)
    for (const suffix of ['passages', 'chars']) {
      let column = neutralizeFormula(`${name}_${suffix}`)
      for (let i = 2; used.has(column.toLowerCase()); i++)
        column = neutralizeFormula(`${name}_${suffix}_${i}`)
      used.add(column.toLowerCase())
      out.push(column)
    }
  return out
}

function matrixParts(state: CorpusInput) {
  const themes = themeColumns(state.meta.codebook.map((t) => t.name))
  const articles = articleColumns(state.meta, [...COUNT_COLUMNS, ...themes], {
    titleName: 'title',
  })
  return { header: [...articles.names, ...COUNT_COLUMNS, ...themes], articles }
}

/** The matrix's header (cells neutralized). */
export function matrixHeader(state: CorpusInput): string[] {
  return matrixParts(state).header
}

/**
 * The matrix of the articles given (those held), BOM and header first, in
 * chunks; `taken` is told how many of their passages are written so far.
 */
export function matrixCsvChunks(
  state: CorpusInput,
  entries: readonly ArticleEntry[],
  taken?: (passages: number) => void,
): Generator<string> {
  const { header, articles } = matrixParts(state)
  const ids = state.meta.codebook.map((t) => t.id)
  let passages = 0
  function* rows(): Generator<CsvRecord> {
    for (const entry of entries) {
      const article = state.articles.get(entry.id)
      if (!article) continue
      const s = articleStats(article)
      const counts: number[] = [s.passages, s.textCharacters, s.characters]
      for (const id of ids) {
        const c = s.themes.get(id)
        counts.push(c?.passages ?? 0, c?.characters ?? 0)
      }
      passages += s.passages
      yield [...articles.cells(entry), ...counts]
    }
  }
  return csvChunks(header, rows(), taken && (() => taken(passages)))
}

/** The whole matrix file as a string (tests). */
export function matrixCsv(state: CorpusInput, entries: readonly ArticleEntry[]): string {
  return [...matrixCsvChunks(state, entries)].join('')
}
