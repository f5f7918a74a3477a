// The numbers of a corpus: per article (passages, characters coded, and per
// theme the passages and characters covered), then over a set of articles
// (the whole session or those passing a filter): per theme the passages,
// the articles that contain it, the characters covered and their share;
// themes by the values of one attribute; themes over time by `published`.
// Shared by main (the corpus summary and the matrix CSV, over every
// article) and its tests. Characters are Unicode code points, like the CSV
// offsets; a theme's characters in an article are the union of its
// passages' ranges (overlaps counted once, stats.ts unionRuns).
// Pure: no DOM, no Node, no Electron; never changes what it reads.
import {
  isIsoDate,
  type ArticleData,
  type ArticleEntry,
  type AttributeDef,
  type CorpusMeta,
} from './corpus'
import { attributeOf } from './corpus-query'
import { makeCodePointIndex } from './offsets'
import type { Passage } from './schema'
import { binOf, binsBetween, countBins, type TimeBin } from './time-bins'

export interface Counts {
  passages: number
  /** Code points covered, overlaps once. */
  characters: number
}

export interface ArticleStats extends Counts {
  /** The article's length in code points. */
  textCharacters: number
  /** By theme id, the themes that tag at least one passage. */
  themes: ReadonlyMap<string, Counts>
  /** Passages without a theme. */
  untagged: Counts
}

type ArticleInput = Pick<ArticleData, 'text' | 'passages'>

// Articles are replaced, never changed, by an edit: their numbers can be kept.
const statsCache = new WeakMap<ArticleInput, ArticleStats>()

/** The numbers of one article (kept for the same article object). */
export function articleStats(article: ArticleInput): ArticleStats {
  let stats = statsCache.get(article)
  if (!stats) {
    stats = computeArticleStats(article)
    statsCache.set(article, stats)
  }
  return stats
}

/** A union of ranges being swept in start order: the open run and the code points closed so far. */
interface Sweep {
  passages: number
  characters: number
  start: number
  end: number
}

const newSweep = (): Sweep => ({ passages: 0, characters: 0, start: 0, end: -1 })

/**
 * One sweep over the passages in start order: per theme (and for all
 * passages, and untagged ones) a run grows while the next passage starts
 * inside it or touching it, and its code points are counted when it closes,
 * as stats.ts unionRuns does, without a sort per theme.
 */
function computeArticleStats({ text, passages }: ArticleInput): ArticleStats {
  const toCodePoint = makeCodePointIndex(text)
  const add = (s: Sweep, p: Passage) => {
    s.passages++
    if (p.start <= s.end) {
      if (p.end > s.end) s.end = p.end
      return
    }
    if (s.end >= 0) s.characters += toCodePoint(s.end) - toCodePoint(s.start)
    s.start = p.start
    s.end = p.end
  }
  const close = (s: Sweep): Counts => ({
    passages: s.passages,
    characters: s.end >= 0 ? s.characters + toCodePoint(s.end) - toCodePoint(s.start) : 0,
  })
  const all = newSweep()
  const untagged = newSweep()
  const byTheme = new Map<string, Sweep>()
  for (const i of startOrder(passages)) {
    const p = passages[i]!
    add(all, p)
    const ids = p.themeIds
    if (ids.length === 0) add(untagged, p)
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k]!
      if (k > 0 && ids.indexOf(id) !== k) continue // a theme listed twice counts once
      let s = byTheme.get(id)
      if (!s) byTheme.set(id, (s = newSweep()))
      add(s, p)
    }
  }
  const themes = new Map<string, Counts>()
  for (const [id, s] of byTheme) themes.set(id, close(s))
  const total = close(all)
  return {
    textCharacters: toCodePoint(text.length),
    passages: total.passages,
    characters: total.characters,
    themes,
    untagged: close(untagged),
  }
}

/** Indexes of the passages by start: as they are when already so (main keeps them sorted). */
function startOrder(passages: readonly Passage[]): ArrayLike<number> & Iterable<number> {
  const n = passages.length
  let sorted = true
  for (let i = 1; i < n && sorted; i++) sorted = passages[i - 1]!.start <= passages[i]!.start
  if (sorted) return Array.from({ length: n }, (_, i) => i)
  return Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => passages[a]!.start - passages[b]!.start || a - b,
  )
}

/** A theme (or untagged passages) over a set of articles. */
export interface ThemeTotal extends Counts {
  /** Articles with at least one such passage. */
  articles: number
  /** characters / the articles' characters × 100 (0 for no text). */
  sharePercent: number
  /** articles / the set's articles × 100 (0 for no article). */
  articlesPercent: number
}

/** One cell of a theme by attribute or over time: articles containing the theme and its passages. */
export interface Cell {
  articles: number
  passages: number
}

export interface AttributeTable {
  attribute: string
  /** Whether values are years of a date attribute. */
  years: boolean
  /** The values, in order (see orderValues); '' for the articles without one. */
  columns: { value: string; articles: number }[]
  /** cells[theme][column], themes in codebook order. */
  cells: Cell[][]
}

export interface TimeSeries {
  /** The split attribute's value ('' for none); null when not split. */
  split: string | null
  /** Dated articles per bin. */
  articles: number[]
  /** cells[theme][bin]. */
  cells: Cell[][]
  /** Articles of this series without a date. */
  undated: number
  /** Per theme, the undated articles containing it and its passages there. */
  undatedCells: Cell[]
}

/** More bins than a chart can show (or than main should send): the analyst picks a coarser bin. */
export const MAX_TIME_BINS = 1_000

export interface OverTime {
  bin: TimeBin
  /** Every bin from the first dated article's to the last's; [] when too many or none. */
  bins: string[]
  /** Articles without a publication date (not in the bins). */
  undated: number
  /** The number of bins when above MAX_TIME_BINS (then no series), else null. */
  tooMany: number | null
  splitAttribute: string | null
  series: TimeSeries[]
}

export interface CorpusSummary {
  /** Articles in the set. */
  articles: number
  /** Articles with at least one passage. */
  codedArticles: number
  passages: number
  /** Code points covered by any passage, overlaps once per article. */
  characters: number
  textCharacters: number
  sharePercent: number
  /** One per codebook theme, in codebook order. */
  themes: (ThemeTotal & { themeId: string })[]
  untagged: ThemeTotal
  byAttribute: AttributeTable | null
  overTime: OverTime | null
}

export interface CorpusSummaryOptions {
  /** The attribute of the theme by attribute table (an attribute id, a builtin or 'title'). */
  attribute?: string | null
  /** The bin of themes over time (by `published`); null for none. */
  bin?: TimeBin | null
  /** The attribute that splits themes over time into one series per value. */
  split?: string | null
}

/** The attribute that dates articles for themes over time. */
export const DATE_ATTRIBUTE = 'published'

// part × 100 first: whole numbers give exact shares where they can (11 of 20 is 55, not 55.000…01).
const percent = (part: number, whole: number) => (whole ? (part * 100) / whole : 0)

function attributeType(attribute: string, defs: readonly AttributeDef[]) {
  if (attribute === DATE_ATTRIBUTE) return 'date'
  return defs.find((d) => d.id === attribute)?.type ?? 'text'
}

/** Dates are grouped by year (groupValue). */
export function isDateAttribute(attribute: string, defs: readonly AttributeDef[]): boolean {
  return attributeType(attribute, defs) === 'date'
}

/**
 * The value an article is grouped under: its attribute value, dates as
 * their year (YYYY), '' when it has none.
 */
export function groupValue(
  entry: ArticleEntry,
  attribute: string,
  defs: readonly AttributeDef[],
): string {
  const v = attributeOf(entry, attribute)
  return attributeType(attribute, defs) === 'date' && isIsoDate(v) ? v.slice(0, 4) : v
}

/**
 * The order of an attribute's values as columns: a category's values in
 * their defined order, then any others; dates (years) and numbers
 * ascending; text by number of articles (most first), then alphabetically
 * (by code point, the same on every machine). The empty value is last.
 */
export function orderValues(
  counts: ReadonlyMap<string, number>,
  attribute: string,
  defs: readonly AttributeDef[],
): string[] {
  const type = attributeType(attribute, defs)
  const values = [...counts.keys()].filter((v) => v !== '')
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
  if (type === 'number') values.sort((a, b) => Number(a) - Number(b) || byText(a, b))
  else if (type === 'date') values.sort(byText)
  else if (type === 'category') {
    const defined = defs.find((d) => d.id === attribute)?.values ?? []
    const rank = new Map(defined.map((v, i) => [v, i]))
    values.sort((a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || byText(a, b))
  } else values.sort((a, b) => counts.get(b)! - counts.get(a)! || byText(a, b))
  if (counts.has('')) values.push('')
  return values
}

const emptyCells = (themes: number, columns: number): Cell[][] =>
  Array.from({ length: themes }, () =>
    Array.from({ length: columns }, () => ({ articles: 0, passages: 0 })),
  )

/** Adds an article's theme counts to column `column` of `cells`. */
function addArticle(cells: Cell[][], column: number, themeIds: readonly string[], s: ArticleStats) {
  for (let t = 0; t < themeIds.length; t++) {
    const c = s.themes.get(themeIds[t]!)
    if (!c) continue
    const cell = cells[t]![column]!
    cell.articles++
    cell.passages += c.passages
  }
}

/**
 * The summary of a set of articles (`entries`, in list order; those whose
 * text is not in `articles` are left out).
 */
export function summarizeCorpus(
  meta: Pick<CorpusMeta, 'codebook' | 'attributeDefs'>,
  articles: ReadonlyMap<string, ArticleInput>,
  entries: readonly ArticleEntry[],
  options: CorpusSummaryOptions = {},
): CorpusSummary {
  const themeIds = meta.codebook.map((t) => t.id)
  const rows: { entry: ArticleEntry; stats: ArticleStats }[] = []
  for (const entry of entries) {
    const a = articles.get(entry.id)
    if (a) rows.push({ entry, stats: articleStats(a) })
  }
  let passages = 0
  let characters = 0
  let textCharacters = 0
  let codedArticles = 0
  const totals = themeIds.map(() => ({ passages: 0, characters: 0, articles: 0 }))
  const untagged = { passages: 0, characters: 0, articles: 0 }
  for (const { stats } of rows) {
    passages += stats.passages
    characters += stats.characters
    textCharacters += stats.textCharacters
    if (stats.passages) codedArticles++
    themeIds.forEach((id, t) => {
      const c = stats.themes.get(id)
      if (!c) return
      const total = totals[t]!
      total.passages += c.passages
      total.characters += c.characters
      total.articles++
    })
    if (stats.untagged.passages) {
      untagged.passages += stats.untagged.passages
      untagged.characters += stats.untagged.characters
      untagged.articles++
    }
  }
  const total = (c: { passages: number; characters: number; articles: number }): ThemeTotal => ({
    ...c,
    sharePercent: percent(c.characters, textCharacters),
    articlesPercent: percent(c.articles, rows.length),
  })
  return {
    articles: rows.length,
    codedArticles,
    passages,
    characters,
    textCharacters,
    sharePercent: percent(characters, textCharacters),
    themes: totals.map((c, t) => ({ themeId: themeIds[t]!, ...total(c) })),
    untagged: total(untagged),
    byAttribute: options.attribute
      ? attributeTable(rows, themeIds, options.attribute, meta.attributeDefs)
      : null,
    overTime: options.bin
      ? overTime(rows, themeIds, options.bin, options.split ?? null, meta.attributeDefs)
      : null,
  }
}

type Row = { entry: ArticleEntry; stats: ArticleStats }

/** The rows grouped by their value of `attribute`, in column order. */
function groups(rows: readonly Row[], attribute: string, defs: readonly AttributeDef[]) {
  const byValue = new Map<string, Row[]>()
  for (const row of rows) {
    const v = groupValue(row.entry, attribute, defs)
    const list = byValue.get(v)
    if (list) list.push(row)
    else byValue.set(v, [row])
  }
  const counts = new Map([...byValue].map(([v, list]) => [v, list.length]))
  return orderValues(counts, attribute, defs).map((value) => ({ value, rows: byValue.get(value)! }))
}

function attributeTable(
  rows: readonly Row[],
  themeIds: readonly string[],
  attribute: string,
  defs: readonly AttributeDef[],
): AttributeTable {
  const columns = groups(rows, attribute, defs)
  const cells = emptyCells(themeIds.length, columns.length)
  columns.forEach((col, c) => {
    for (const { stats } of col.rows) addArticle(cells, c, themeIds, stats)
  })
  return {
    attribute,
    years: attributeType(attribute, defs) === 'date',
    columns: columns.map((col) => ({ value: col.value, articles: col.rows.length })),
    cells,
  }
}

function overTime(
  rows: readonly Row[],
  themeIds: readonly string[],
  bin: TimeBin,
  split: string | null,
  defs: readonly AttributeDef[],
): OverTime {
  const dateOf = (r: Row) => {
    const v = attributeOf(r.entry, DATE_ATTRIBUTE)
    return isIsoDate(v) ? v : null
  }
  let first: string | null = null
  let last: string | null = null
  let undated = 0
  for (const r of rows) {
    const d = dateOf(r)
    if (d === null) undated++
    else {
      if (first === null || d < first) first = d
      if (last === null || d > last) last = d
    }
  }
  const base = { bin, undated, splitAttribute: split }
  if (first === null || last === null) return { ...base, bins: [], tooMany: null, series: [] }
  const count = countBins(first, last, bin)
  if (count > MAX_TIME_BINS) return { ...base, bins: [], tooMany: count, series: [] }
  const bins = binsBetween(first, last, bin)
  const index = new Map(bins.map((b, i) => [b, i]))
  const parts = split ? groups(rows, split, defs) : [{ value: null, rows }]
  const series = parts.map(({ value, rows: part }): TimeSeries => {
    const articles = new Array<number>(bins.length).fill(0)
    // One more column for the undated articles.
    const cells = emptyCells(themeIds.length, bins.length + 1)
    let partUndated = 0
    for (const r of part) {
      const d = dateOf(r)
      const column = d === null ? bins.length : index.get(binOf(d, bin))!
      if (d === null) partUndated++
      else articles[column]!++
      addArticle(cells, column, themeIds, r.stats)
    }
    const undatedCells = cells.map((row) => row.pop()!)
    return { split: value, articles, cells, undated: partUndated, undatedCells }
  })
  return { ...base, bins, tooMany: null, series }
}
