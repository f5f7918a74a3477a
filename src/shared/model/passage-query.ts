// The coded segments of a whole corpus (the "Passages" view): every passage
// of every article, filtered by its themes, note and text (the sidebar's
// PassageFilter) and by its article's attributes (the articles panel's
// ArticleFilter), sorted by article list order then document order, or by
// theme, or by publication date. Main holds every article and answers the
// query; the renderer asks for the rows it shows, a window at a time.
// Pure: no DOM, no Node. Never changes the corpus.
import { z } from 'zod'
import type { ArticleEntry } from './corpus'
import type { CorpusState } from './corpus-edits'
import { articleFilterSchema } from './corpus-filter-schema'
import { articleMatcher, type ArticleFilter } from './corpus-query'
import { isFiltering, passageMatcher, type PassageFilter } from './passage-filter'
import { idSchema, type Passage } from './schema'
import { DEFAULT_SEARCH_OPTIONS, foldedSlice, foldString, type FoldedText } from './search'

export const PASSAGE_SORTS = ['list', 'theme', 'published'] as const
/** list: article list order, then document order; theme: codebook order of the first theme; published: oldest article first. */
export type PassageSort = (typeof PASSAGE_SORTS)[number]

export interface PassageQuery {
  passages: PassageFilter
  articles: ArticleFilter
  sort: PassageSort
}

export const passageFilterSchema = z.object({
  themeIds: z.array(idSchema).max(2_000),
  themeMode: z.enum(['any', 'all']),
  hasNote: z.boolean(),
  untagged: z.boolean(),
  text: z.string().max(1_000),
})

export const passageQuerySchema = z.object({
  passages: passageFilterSchema,
  articles: articleFilterSchema,
  sort: z.enum(PASSAGE_SORTS),
})

/** Longest quote and note a row carries (the table shows two lines). */
export const ROW_QUOTE_LENGTH = 300
export const ROW_NOTE_LENGTH = 200

/** One row of the Passages view: what the renderer cannot read from the index it holds. */
export interface PassageRow {
  id: string
  articleId: string
  start: number
  end: number
  /** Cut to ROW_QUOTE_LENGTH (an ellipsis added). */
  quote: string
  /** Cut to ROW_NOTE_LENGTH. */
  note: string
  themeIds: string[]
}

/** A query just run: its id, its counts and its first rows. */
export interface PassageQueryPage {
  queryId: string
  /** Passages found. */
  total: number
  /** Articles they belong to. */
  articles: number
  rows: PassageRow[]
}

/**
 * Every passage of a corpus as one list (article list order, then document
 * order) without copying it: each article's own array, and where it starts.
 */
export interface PassageIndex {
  readonly articles: readonly ArticleEntry[]
  /** The passages of each article (empty when its file could not be read). */
  readonly lists: readonly (readonly Passage[])[]
  /** `articleStart[a]` is the position of article a's first passage; one more entry at the end. */
  readonly articleStart: Uint32Array
}

const NONE: readonly Passage[] = []

export function indexPassages(state: Pick<CorpusState, 'meta' | 'articles'>): PassageIndex {
  const articles = state.meta.articles
  const lists = articles.map((entry) => state.articles.get(entry.id)?.passages ?? NONE)
  const articleStart = new Uint32Array(articles.length + 1)
  lists.forEach((list, a) => (articleStart[a + 1] = articleStart[a]! + list.length))
  return { articles, lists, articleStart }
}

/** The passage at a position of the index, and its article. */
function passageAt(index: PassageIndex, pos: number): { passage: Passage; article: number } {
  const a = articleAt(index, pos)
  return { passage: index.lists[a]![pos - index.articleStart[a]!]!, article: a }
}

/** What a query found: positions in the index, in the order asked for. */
export interface PassageQueryResult {
  readonly index: PassageIndex
  readonly positions: Uint32Array
  /** Articles with at least one passage found. */
  readonly articles: number
}

/**
 * The passages of `index` that pass `query`, sorted as it asks. `foldedOf`
 * gives an article's text folded with the default search options, when the
 * caller keeps them: a quote's folding is then a slice of it (quotes are
 * slices of the text), instead of a new folding per passage.
 */
export function runPassageQuery(
  index: PassageIndex,
  query: PassageQuery,
  meta: Pick<CorpusState['meta'], 'attributeDefs' | 'codebook'>,
  foldedOf?: (article: number) => FoldedText | undefined,
): PassageQueryResult {
  const keepArticle = articleMatcher(query.articles, meta.attributeDefs)
  const text = foldString(query.passages.text.trim(), DEFAULT_SEARCH_OPTIONS)
  const others = { ...query.passages, text: '' }
  const filtering = isFiltering(others)
  const keep = passageMatcher(others)
  const { lists, articleStart } = index
  const out = new Uint32Array(articleStart[lists.length]!)
  let n = 0
  let articles = 0
  for (const a of articleOrder(index.articles, query.sort)) {
    const list = lists[a]!
    if (list.length === 0 || !keepArticle(index.articles[a]!)) continue
    const folded = text === '' ? undefined : foldedOf?.(a)
    const before = n
    const first = articleStart[a]!
    for (let i = 0; i < list.length; i++) {
      const p = list[i]!
      if (filtering && !keep(p)) continue
      if (text !== '' && !foldedQuote(p, folded).includes(text) && !foldedNote(p).includes(text))
        continue
      out[n++] = first + i
    }
    if (n > before) articles++
  }
  let positions: Uint32Array = out.subarray(0, n)
  if (query.sort === 'theme') positions = byFirstTheme(positions, index, meta.codebook)
  return { index, positions, articles }
}

// Passages never change in place (an edit makes a new object): their folded
// quote and note are kept for as long as the object lives.
const quotes = new WeakMap<Passage, string>()
const notes = new WeakMap<Passage, string>()

function foldedQuote(p: Passage, article: FoldedText | undefined): string {
  let s = quotes.get(p)
  if (s === undefined) {
    s =
      article && article.text.slice(p.start, p.end) === p.quote
        ? foldedSlice(article, p.start, p.end)
        : foldString(p.quote, DEFAULT_SEARCH_OPTIONS)
    quotes.set(p, s)
  }
  return s
}

function foldedNote(p: Passage): string {
  if (p.note === '') return ''
  let s = notes.get(p)
  if (s === undefined) notes.set(p, (s = foldString(p.note, DEFAULT_SEARCH_OPTIONS)))
  return s
}

/** Article indices in the order of the sort: the list's, or by publication date (undated last). */
function articleOrder(articles: readonly ArticleEntry[], sort: PassageSort): number[] {
  const order = articles.map((_, a) => a)
  if (sort !== 'published') return order
  const date = (a: number) => articles[a]!.attributes.published ?? ''
  // Stable: articles of the same day keep their list order.
  return order.sort((x, y) => {
    const dx = date(x)
    const dy = date(y)
    if (dx === dy) return x - y
    if (dx === '') return 1
    if (dy === '') return -1
    return dx < dy ? -1 : 1
  })
}

/** Stable counting sort by the codebook position of each passage's first theme (untagged last). */
function byFirstTheme(
  positions: Uint32Array,
  index: PassageIndex,
  codebook: readonly { id: string }[],
): Uint32Array {
  const rank = new Map(codebook.map((t, i) => [t.id, i]))
  const untagged = codebook.length
  const keyOf = (p: Passage) => {
    let best = untagged
    for (const id of p.themeIds) best = Math.min(best, rank.get(id) ?? untagged)
    return best
  }
  const keys = new Uint32Array(positions.length)
  const counts = new Uint32Array(untagged + 2)
  positions.forEach((pos, i) => {
    const k = keyOf(passageAt(index, pos).passage)
    keys[i] = k
    counts[k + 1]!++
  })
  for (let k = 1; k < counts.length; k++) counts[k]! += counts[k - 1]!
  const sorted = new Uint32Array(positions.length)
  positions.forEach((pos, i) => (sorted[counts[keys[i]!]!++] = pos))
  return sorted
}

/** Rows [from, to) of a result. */
export function passageRows(result: PassageQueryResult, from: number, to: number): PassageRow[] {
  const { index, positions } = result
  const rows: PassageRow[] = []
  const last = Math.min(to, positions.length)
  for (let i = Math.max(0, from); i < last; i++) {
    const { passage: p, article } = passageAt(index, positions[i]!)
    rows.push({
      id: p.id,
      articleId: index.articles[article]!.id,
      start: p.start,
      end: p.end,
      quote: cut(p.quote, ROW_QUOTE_LENGTH),
      note: cut(p.note, ROW_NOTE_LENGTH),
      themeIds: p.themeIds,
    })
  }
  return rows
}

/** The article a position of the index belongs to (binary search over articleStart). */
function articleAt(index: PassageIndex, pos: number): number {
  const starts = index.articleStart
  let lo = 0
  let hi = starts.length - 2
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1
    if (starts[mid]! <= pos) lo = mid
    else hi = mid - 1
  }
  // Articles without passages share their start with the next: take the last one that starts here.
  return lo
}

/** `text` cut to at most `max` UTF-16 units (never inside a surrogate pair), with an ellipsis when cut. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text
  let end = max - 1
  const c = text.charCodeAt(end - 1)
  if (c >= 0xd800 && c <= 0xdbff) end--
  return `${text.slice(0, end)}…`
}
