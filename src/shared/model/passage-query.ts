// The coded segments of a whole corpus (the "Passages" view): every passage
// of every article, filtered by its themes, note, text and coder (the sidebar's
// PassageFilter, with the same rules as passage-filter.ts) and by its
// article's attributes (the articles panel's ArticleFilter), sorted by
// article list order then document order, or by theme, or by publication
// date. Main holds every article and answers the query; the renderer asks
// for the rows it shows, a window at a time. At 200,000 passages a query
// must take well under 100 ms: what every query needs of an article's
// passages (their themes as codebook places, their folded quotes and notes)
// is worked out once per passage list and kept while the list is the same.
// Pure: no DOM, no Node. Never changes the corpus.
import { z } from 'zod'
import type { ArticleEntry } from './corpus'
import type { CorpusState } from './corpus-edits'
import { articleFilterSchema, coderFilterSchema } from './corpus-filter-schema'
import { articleMatcher, type ArticleFilter } from './corpus-query'
import type { PassageFilter } from './passage-filter'
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
  themeIds: z.array(idSchema).max(2_000).readonly(),
  themeMode: z.enum(['any', 'all']),
  hasNote: z.boolean(),
  untagged: z.boolean(),
  text: z.string().max(1_000),
  coders: coderFilterSchema,
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
  /** The passage's coder (its `author`). */
  author: string
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
  const f = query.passages
  const text = foldString(f.text.trim(), DEFAULT_SEARCH_OPTIONS)
  // Themes as codebook places: the filter and the sort compare small numbers, not ids.
  const { codebook } = meta
  const place = new Map(codebook.map((t, i) => [t.id, i]))
  const chosen = new Uint8Array(codebook.length + 1)
  for (const id of f.themeIds) if (place.has(id)) chosen[place.get(id)!] = 1
  const wanted = new Set(f.themeIds).size
  const coders = f.coders.length > 0 ? new Set(f.coders) : null
  const byTheme = query.sort === 'theme'
  const { lists, articleStart } = index
  const total = articleStart[lists.length]!
  const out = new Uint32Array(total)
  const keys = byTheme ? new Uint32Array(total) : null
  let n = 0
  let articles = 0
  for (const a of articleOrder(index.articles, query.sort)) {
    const list = lists[a]!
    if (list.length === 0 || !keepArticle(index.articles[a]!)) continue
    const codes = wanted > 0 || byTheme ? themeCodes(list, codebook, place) : null
    const texts = text === '' ? null : searchable(list, () => foldedOf?.(a))
    const before = n
    const first = articleStart[a]!
    for (let i = 0; i < list.length; i++) {
      const p = list[i]!
      if (wanted > 0) {
        let hits = 0
        for (let k = codes!.start[i]!; k < codes!.start[i + 1]!; k++)
          hits += chosen[codes!.codes[k]!]!
        if (f.themeMode === 'all' ? hits < wanted : hits === 0) continue
      }
      if (f.hasNote && p.note.trim() === '') continue
      if (f.untagged && p.themeIds.length > 0) continue
      if (coders && !coders.has(p.author)) continue
      if (texts && !texts.quotes[i]!.includes(text) && !texts.notes[i]!.includes(text)) continue
      if (keys) keys[n] = codes!.first[i]!
      out[n++] = first + i
    }
    if (n > before) articles++
  }
  let positions: Uint32Array = out.subarray(0, n)
  if (keys) positions = countingSort(positions, keys.subarray(0, n), codebook.length + 1)
  return { index, positions, articles }
}

/** The themes of an article's passages as codebook places, all in one array. */
interface ThemeCodes {
  codebook: readonly { id: string }[]
  /** The places of passage i's themes are codes[start[i]] … codes[start[i + 1] - 1]. */
  codes: Uint16Array
  start: Uint32Array
  /** Passage i's first theme in codebook order (codebook.length: untagged). */
  first: Uint16Array
}

const themeCodesOf = new WeakMap<readonly Passage[], ThemeCodes>()

function themeCodes(
  list: readonly Passage[],
  codebook: readonly { id: string }[],
  place: ReadonlyMap<string, number>,
): ThemeCodes {
  let c = themeCodesOf.get(list)
  if (c?.codebook === codebook) return c
  const start = new Uint32Array(list.length + 1)
  list.forEach((p, i) => (start[i + 1] = start[i]! + p.themeIds.length))
  const codes = new Uint16Array(start[list.length]!)
  const first = new Uint16Array(list.length)
  list.forEach((p, i) => {
    let best = codebook.length
    p.themeIds.forEach((id, k) => {
      // A theme not in the codebook (never, in a valid session) is no theme a filter can ask for.
      const at = place.get(id) ?? codebook.length
      codes[start[i]! + k] = Math.min(at, 0xffff)
      best = Math.min(best, at)
    })
    first[i] = best
  })
  c = { codebook, codes, start, first }
  themeCodesOf.set(list, c)
  return c
}

/** The folded quotes and notes of an article's passages, in their order. */
interface Searchable {
  quotes: string[]
  notes: string[]
}

// Kept per passage list: an article's list is a new array after any edit of
// its passages, and the same array otherwise (one entry per article, not per
// passage: 200,000 weak keys would weigh on every garbage collection).
const searchables = new WeakMap<readonly Passage[], Searchable>()

/**
 * Works out what a text filter reads of an article's passages ahead of the
 * first one (main does it in the background once retrieval is used).
 */
export function prepareTextFilter(list: readonly Passage[], folded: FoldedText): void {
  searchable(list, () => folded)
}

function searchable(list: readonly Passage[], foldedOf: () => FoldedText | undefined): Searchable {
  let s = searchables.get(list)
  if (!s) {
    const article = foldedOf()
    s = {
      quotes: list.map((p) =>
        article && p.end <= article.text.length
          ? foldedSlice(article, p.start, p.end)
          : foldString(p.quote, DEFAULT_SEARCH_OPTIONS),
      ),
      notes: list.map((p) => (p.note === '' ? '' : foldString(p.note, DEFAULT_SEARCH_OPTIONS))),
    }
    searchables.set(list, s)
  }
  return s
}

/** Stable counting sort of `positions` by `keys` (each below `range`). */
function countingSort(positions: Uint32Array, keys: Uint32Array, range: number): Uint32Array {
  const counts = new Uint32Array(range + 1)
  for (const k of keys) counts[k + 1]!++
  for (let k = 1; k < counts.length; k++) counts[k]! += counts[k - 1]!
  const sorted = new Uint32Array(positions.length)
  positions.forEach((pos, i) => (sorted[counts[keys[i]!]!++] = pos))
  return sorted
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
      author: p.author,
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
