// The passage exports over a corpus: one row per passage (csv.ts's columns)
// or per passage and theme (tidy-csv.ts's), of every article given, in list
// order and then document order, with the article's columns right after
// `passage_id` (article-columns.ts: article_id, article_title, the builtin
// and custom attributes). Offsets stay per article, in code points. The file
// is made in chunks as it is written (csv.ts csvChunks): 200,000 passages
// never sit in memory as rows or as one string.
// Never writes files itself.
import type { ArticleData, ArticleEntry } from '@shared/model/corpus'
import { viewOf, type CorpusState } from '@shared/model/corpus-edits'
import type { Session } from '@shared/model/schema'
import { articleColumns, type ArticleColumns } from './article-columns'
import {
  csvCell,
  csvHeader,
  csvLine,
  csvLineChunks,
  neutralizeFormula,
  passageRecords,
} from './csv'
import { TIDY_HEADER, tidyRowCount, tidyRows } from './tidy-csv'

/** What an export reads of a corpus: the state main holds. */
export type CorpusInput = Pick<CorpusState, 'id' | 'createdAt' | 'updatedAt' | 'meta' | 'articles'>

/** The articles given whose text is held, each seen as a one-article session. */
export function* articleViews(
  state: CorpusInput,
  entries: readonly ArticleEntry[],
): Generator<{ entry: ArticleEntry; article: ArticleData; view: Session }> {
  for (const entry of entries) {
    const article = state.articles.get(entry.id)
    if (article) yield { entry, article, view: viewOf(state, entry, article) }
  }
}

/** Passages of the articles given (those held). */
export function passageCount(state: CorpusInput, entries: readonly ArticleEntry[]): number {
  let n = 0
  for (const e of entries) n += state.articles.get(e.id)?.passages.length ?? 0
  return n
}

/**
 * The article columns of a passage export whose own columns are `header`
 * (they go after its first cell, `passage_id`). `author` counts as taken:
 * the article's author stays `article_author`, as before the passage's
 * coder column was renamed from `author` to `coder`.
 */
function withArticleColumns(header: readonly string[], state: CorpusInput): ArticleColumns {
  return articleColumns(state.meta, [...header, 'author'])
}

/** The header of the corpus passage export (cells neutralized). */
export function corpusCsvHeader(state: CorpusInput): string[] {
  const own = csvHeader(state.meta).map(neutralizeFormula)
  return [own[0]!, ...withArticleColumns(own, state).names, ...own.slice(1)]
}

/**
 * The passage export of the articles given, BOM and header first, in
 * chunks; `taken` is told how many passages were written so far.
 */
export function corpusToCsvChunks(
  state: CorpusInput,
  entries: readonly ArticleEntry[],
  taken?: (passages: number) => void,
): Generator<string> {
  const own = csvHeader(state.meta).map(neutralizeFormula)
  const columns = withArticleColumns(own, state)
  function* lines(): Generator<string> {
    for (const { entry, view } of articleViews(state, entries)) {
      // The article's cells are the same on each of its rows: written once.
      const article = `,${csvLine(columns.cells(entry)).slice(0, -2)},`
      for (const r of passageRecords(view)) yield `${csvCell(r[0]!)}${article}${csvLine(r, 1)}`
    }
  }
  return csvLineChunks(csvLine([own[0]!, ...columns.names, ...own.slice(1)]), lines(), taken)
}

/** The header of the corpus tidy export. */
export function corpusTidyHeader(state: CorpusInput): string[] {
  const [first, ...rest] = TIDY_HEADER
  return [first, ...withArticleColumns(TIDY_HEADER, state).names, ...rest]
}

/** Rows of the corpus tidy export of the articles given. */
export function corpusTidyRowCount(state: CorpusInput, entries: readonly ArticleEntry[]): number {
  let n = 0
  for (const e of entries) {
    const a = state.articles.get(e.id)
    if (a) n += tidyRowCount(a.passages)
  }
  return n
}

/**
 * The tidy export (one row per passage and theme) of the articles given, in
 * chunks; `taken` is told how many passages (not rows) were written so far.
 */
export function corpusToTidyCsvChunks(
  state: CorpusInput,
  entries: readonly ArticleEntry[],
  taken?: (passages: number) => void,
): Generator<string> {
  const [first, ...rest] = TIDY_HEADER
  const columns = withArticleColumns(TIDY_HEADER, state)
  let passages = 0
  const passageDone = () => void passages++
  function* lines(): Generator<string> {
    for (const { entry, view } of articleViews(state, entries)) {
      const article = `,${csvLine(columns.cells(entry)).slice(0, -2)},`
      for (const r of tidyRows(view, passageDone))
        yield `${csvCell(r[0]!)}${article}${csvLine(r, 1)}`
    }
  }
  return csvLineChunks(
    csvLine([first, ...columns.names, ...rest]),
    lines(),
    taken && (() => taken(passages)),
  )
}
