// Searching every article of a corpus with the article search's rules
// (search.ts: accent- and case-insensitive unless asked, offsets in the
// original text). A search is a scan over the articles in list order that
// can stop and resume: the first results come back at once, the rest in
// later slices. Results are grouped by article: one row per article with
// matches, then one row per match with a few words of context. Each
// article's folded text is kept (FoldCache) for the next search.
// Pure: no DOM, no Node. Never changes the corpus.
import { z } from 'zod'
import type { ArticleData, ArticleEntry } from './corpus'
import type { CorpusState } from './corpus-edits'
import { findMatches, foldString, foldText, type FoldedText, type SearchOptions } from './search'

/** Most matches a search keeps (and shows); past it, matches are only counted. */
export const MAX_SEARCH_MATCHES = 10_000
/** Characters of context on each side of a match, before cutting to whole words. */
export const CONTEXT_CHARS = 60

export const searchOptionsSchema = z.object({ matchCase: z.boolean(), matchAccents: z.boolean() })

/** A row of the results: an article with its number of matches, or one match with its context. */
export type CorpusSearchRow =
  | { kind: 'article'; articleId: string; matches: number }
  | {
      kind: 'match'
      articleId: string
      /** The match in the article's text (UTF-16 offsets, end exclusive). */
      start: number
      end: number
      /** Words before the match (from the same paragraph), "…" first when cut. */
      before: string
      text: string
      after: string
    }

/** How far a search has come. */
export interface CorpusSearchStatus {
  /** Matches kept (at most MAX_SEARCH_MATCHES). */
  matches: number
  /** Matches found, kept or only counted. */
  found: number
  /** Articles with a kept match. */
  articles: number
  /** Rows: one per article with a kept match, plus one per kept match. */
  rowCount: number
  /** Every article has been read. */
  done: boolean
}

/** A search just started: its id, how far it came, and its first rows. */
export interface CorpusSearchPage {
  searchId: string
  status: CorpusSearchStatus
  rows: CorpusSearchRow[]
}

/**
 * The folded texts of a corpus's articles, kept while their text is the
 * same: with the default options (the Passages view's text filter and most
 * searches), and with the one other set of options last searched with (a
 * fold weighs about six bytes per character: a 10 MB corpus is not kept
 * four times over).
 */
export class FoldCache {
  private readonly byDefault = new Map<string, FoldedText>()
  private readonly byOther = new Map<string, FoldedText>()
  private other: string | null = null

  get(article: Pick<ArticleData, 'id' | 'text'>, options: SearchOptions): FoldedText {
    const key = `${options.matchCase ? 'C' : 'c'}${options.matchAccents ? 'A' : 'a'}`
    const isDefault = !options.matchCase && !options.matchAccents
    if (!isDefault && key !== this.other) {
      this.byOther.clear()
      this.other = key
    }
    const map = isDefault ? this.byDefault : this.byOther
    let folded = map.get(article.id)
    // Article texts never change; a restored or re-added article is checked all the same.
    if (folded?.text !== article.text)
      map.set(article.id, (folded = foldText(article.text, options)))
    return folded
  }

  /** Forgets articles no longer in the corpus. */
  keepOnly(ids: ReadonlySet<string>): void {
    for (const map of [this.byDefault, this.byOther])
      for (const id of map.keys()) if (!ids.has(id)) map.delete(id)
  }
}

/** A search over a corpus, run in slices. */
export class CorpusSearch {
  private readonly articles: readonly ArticleEntry[]
  private next = 0
  /** Matches kept: article index, start, end (three numbers per match). */
  private readonly kept: number[] = []
  private found = 0
  /** Per article with kept matches: its index and the position of its first match in `kept` / 3. */
  private readonly groups: { article: number; first: number; count: number }[] = []
  /** Row of each group's header. */
  private readonly groupRow: number[] = []
  private readonly query: string

  constructor(
    private readonly state: Pick<CorpusState, 'meta' | 'articles'>,
    query: string,
    private readonly options: SearchOptions,
    private readonly cache: FoldCache,
    private readonly limit = MAX_SEARCH_MATCHES,
  ) {
    this.articles = state.meta.articles
    this.query = query
    // A query that folds to nothing finds nothing: done at once.
    if (foldString(query, options) === '') this.next = this.articles.length
  }

  /**
   * Reads articles until `matches` more are kept, the clock passes
   * `deadline` (ms, from `now`), or every article has been read.
   */
  run(until: { matches?: number; deadline?: number; now?: () => number } = {}): CorpusSearchStatus {
    const now = until.now ?? (() => Date.now())
    const wanted = this.kept.length / 3 + (until.matches ?? Infinity)
    while (this.next < this.articles.length) {
      const a = this.next++
      const article = this.state.articles.get(this.articles[a]!.id)
      if (article) this.read(a, article)
      if (this.kept.length / 3 >= wanted) break
      if (until.deadline !== undefined && now() >= until.deadline) break
    }
    return this.status()
  }

  private read(a: number, article: ArticleData): void {
    const matches = findMatches(this.cache.get(article, this.options), this.query)
    this.found += matches.length
    const room = Math.max(0, this.limit - this.kept.length / 3)
    if (room === 0 || matches.length === 0) return
    const take = Math.min(room, matches.length)
    this.groupRow.push(this.rowCount())
    this.groups.push({ article: a, first: this.kept.length / 3, count: take })
    for (let i = 0; i < take; i++) this.kept.push(a, matches[i]!.start, matches[i]!.end)
  }

  private rowCount(): number {
    return this.groups.length + this.kept.length / 3
  }

  status(): CorpusSearchStatus {
    return {
      matches: this.kept.length / 3,
      found: this.found,
      articles: this.groups.length,
      rowCount: this.rowCount(),
      done: this.next >= this.articles.length,
    }
  }

  /** Rows [from, to) as far as the search has come. */
  rows(from: number, to: number): CorpusSearchRow[] {
    const out: CorpusSearchRow[] = []
    const last = Math.min(to, this.rowCount())
    let g = this.groupAt(Math.max(0, from))
    for (let row = Math.max(0, from); row < last; row++) {
      while (g + 1 < this.groups.length && this.groupRow[g + 1]! <= row) g++
      const group = this.groups[g]!
      const entry = this.articles[group.article]!
      const offset = row - this.groupRow[g]!
      if (offset === 0) {
        out.push({ kind: 'article', articleId: entry.id, matches: group.count })
        continue
      }
      const k = (group.first + offset - 1) * 3
      const text = this.state.articles.get(entry.id)?.text ?? ''
      out.push({
        kind: 'match',
        articleId: entry.id,
        ...withContext(text, this.kept[k + 1]!, this.kept[k + 2]!),
      })
    }
    return out
  }

  /** The group whose rows include `row` (binary search over the header rows). */
  private groupAt(row: number): number {
    let lo = 0
    let hi = this.groups.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1
      if (this.groupRow[mid]! <= row) lo = mid
      else hi = mid - 1
    }
    return lo
  }
}

/** A match with a few words on each side, from its own paragraph, white space flattened. */
export function withContext(
  text: string,
  start: number,
  end: number,
  chars = CONTEXT_CHARS,
): { start: number; end: number; before: string; text: string; after: string } {
  const paraStart = text.lastIndexOf('\n', start - 1) + 1
  let paraEnd = text.indexOf('\n', end)
  if (paraEnd < 0) paraEnd = text.length
  let from = Math.max(paraStart, start - chars)
  let to = Math.min(paraEnd, end + chars)
  // Whole words: when cut inside a word, move inward to the nearest space.
  if (from > paraStart && !/\s/.test(text[from - 1]!)) {
    const space = text.indexOf(' ', from)
    if (space >= 0 && space < start) from = space + 1
  }
  if (to < paraEnd && !/\s/.test(text[to]!)) {
    const space = text.lastIndexOf(' ', to)
    if (space > end) to = space
  }
  // Never half of a surrogate pair.
  if (isLow(text.charCodeAt(from))) from++
  if (isLow(text.charCodeAt(to))) to--
  const flat = (s: string) => s.replace(/\s+/g, ' ')
  return {
    start,
    end,
    before: (from > paraStart ? '…' : '') + flat(text.slice(from, start)),
    text: flat(text.slice(start, end)),
    after: flat(text.slice(end, to)) + (to < paraEnd ? '…' : ''),
  }
}

const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff
