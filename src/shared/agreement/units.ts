// The units of analysis of inter-coder agreement: what the coders' passages
// are compared on, built from the articles of a session and the passages
// of each coder (passage.author), for the coefficient functions and the
// agreement units CSV.
//
// Rules:
// - Units. 'article': one unit spanning the whole text. 'paragraph': the
//   paragraphs of text.ts's splitParagraphs (its function, not a copy),
//   except a paragraph of white space only, which no passage can touch.
//   'sentence': the sentences of each paragraph (sentences.ts), in the
//   article's language. 'characters': no units; one continuum per article
//   and theme (continua.ts). Offsets are UTF-16, except in 'characters',
//   where they are code points (offsets.ts).
// - Overlap. A passage counts for a unit when they share at least one
//   character that is not white space (\s). Both are trimmed (trimRange)
//   and then compared as intervals: trimmed ranges that intersect always
//   share a non-space character, since each ends on one. A passage over
//   two paragraphs counts for both; a passage touching only the spaces
//   around a sentence does not count for it.
// - Values, per theme and coder: 1 when the coder gave the theme to a
//   passage overlapping the unit, 0 when the coder coded the article and did
//   not, -1 (missing) when the coder did not code the article (the `coded`
//   callback; passages the coder has there anyway are not read). Passages of
//   authors not in `coders`, and themes not in `themeIds`, are ignored.
// - Missing data. The units of an article no coder coded are left out
//   entirely and counted in `dropped`; `missing` counts, per coder, the
//   articles (and their units) kept for the others that this coder did not
//   code.
// Each passage finds its first unit by binary search over the article's
// sorted units and walks on while they overlap: never units × passages.
// Pure: no DOM, no Node. It must never read a passage's quote instead of
// its offsets, or turn missing data into 0.
import type { Passage } from '../model/schema'
import { splitParagraphs, trimRange } from '../model/text'
import { buildContinua, type SpanUnits } from './continua'
import { splitSentences } from './sentences'

export type { Continuum, SpanUnits } from './continua'

export type UnitKind = 'article' | 'paragraph' | 'sentence' | 'characters'

export interface AgreementArticle {
  id: string
  /** The normalized text; passage offsets point into it. */
  text: string
  /** The article's language attribute ('fr', 'en', 'fr-FR'…; empty: French rules). */
  language: string
  /** Every coder's passages of the article (passage.author is the coder). */
  passages: readonly Passage[]
}

export interface UnitsRequest {
  unit: UnitKind
  articles: readonly AgreementArticle[]
  /** passage.author values compared, in this order. */
  coders: readonly string[]
  themeIds: readonly string[]
  /** Did this coder code this article? False → the coder's values for the article's units are missing (null), not 0. */
  coded: (articleId: string, coder: string) => boolean
}

/** UTF-16 offsets into the article's text, end exclusive; an 'article' unit spans the whole text. */
export interface Unit {
  articleId: string
  start: number
  end: number
}

/** The value of a unit for a theme and coder in NominalUnits.values. */
export const PRESENT = 1
export const ABSENT = 0
export const MISSING = -1

export interface NominalUnits {
  kind: 'article' | 'paragraph' | 'sentence'
  /** The request's coders, in order: the coder index of `values` and `missing`. */
  coders: readonly string[]
  /** The units of the articles at least one coder coded, in article order then text order. */
  units: Unit[]
  /**
   * Per theme id (in the request's order), per coder index: a value per unit:
   * 1 (the coder gave the theme to a passage overlapping the unit), 0 (coded
   * the article, did not), -1 (missing).
   */
  values: Map<string, Int8Array[]>
  /** Per coder: the articles kept (and their units) that this coder did not code. */
  missing: { coder: string; articles: number; units: number }[]
  /** Articles no coder coded, and their units: left out of `units` entirely. */
  dropped: { articles: number; units: number }
}

/** The units of the request, with every coder's value per theme (or the continua, for 'characters'). */
export function buildUnits(request: UnitsRequest & { unit: 'characters' }): SpanUnits
export function buildUnits(request: UnitsRequest & { unit: NominalUnits['kind'] }): NominalUnits
export function buildUnits(request: UnitsRequest): NominalUnits | SpanUnits
export function buildUnits(request: UnitsRequest): NominalUnits | SpanUnits {
  checkUnique('coder', request.coders)
  checkUnique('theme', request.themeIds)
  return request.unit === 'characters'
    ? buildContinua(request)
    : buildNominal(request, request.unit)
}

/** One theme's rows (one per coder) as the matrix the coefficient functions take: 1, 0 or null. */
export function toMatrix(values: readonly Int8Array[]): (number | null)[][] {
  return values.map((row) => Array.from(row, (v) => (v === MISSING ? null : v)))
}

/** Which coders coded an article, by coder index. */
export function codedBy(request: UnitsRequest, articleId: string): boolean[] {
  return request.coders.map((c) => request.coded(articleId, c))
}

function checkUnique(what: string, ids: readonly string[]): void {
  if (new Set(ids).size !== ids.length) throw new RangeError(`a ${what} is listed twice`)
}

/** An article's units with their trimmed bounds (the bounds overlaps are tested on). */
interface ArticleUnits {
  units: Unit[]
  /** Trimmed start and end of each unit; an empty range for a unit of white space. */
  trimmed: number[]
}

function unitsOf(article: AgreementArticle, kind: NominalUnits['kind']): ArticleUnits {
  const { id, text } = article
  const units: Unit[] = []
  const trimmed: number[] = []
  const add = (start: number, end: number, t: { start: number; end: number } | null) => {
    units.push({ articleId: id, start, end })
    trimmed.push(t ? t.start : start, t ? t.end : start)
  }
  if (kind === 'article') {
    add(0, text.length, trimRange(text, 0, text.length))
    return { units, trimmed }
  }
  for (const p of splitParagraphs(text)) {
    if (kind === 'paragraph') {
      const t = trimRange(text, p.start, p.end)
      if (t) add(p.start, p.end, t)
    } else
      for (const s of splitSentences(text, p.start, p.end, article.language)) add(s.start, s.end, s)
  }
  return { units, trimmed }
}

function buildNominal(request: UnitsRequest, kind: NominalUnits['kind']): NominalUnits {
  const { coders, themeIds } = request
  const kept: { article: AgreementArticle; coded: boolean[]; first: number; own: ArticleUnits }[] =
    []
  const dropped = { articles: 0, units: 0 }
  const units: Unit[] = []
  for (const article of request.articles) {
    const own = unitsOf(article, kind)
    const coded = codedBy(request, article.id)
    if (!coded.includes(true)) {
      dropped.articles++
      dropped.units += own.units.length
      continue
    }
    kept.push({ article, coded, first: units.length, own })
    for (const u of own.units) units.push(u)
  }

  const values = new Map<string, Int8Array[]>()
  for (const id of themeIds)
    values.set(
      id,
      coders.map(() => new Int8Array(units.length)),
    )
  const rows = [...values.values()]
  const themeIndex = new Map(themeIds.map((id, i) => [id, i]))
  const coderIndex = new Map(coders.map((c, i) => [c, i]))
  const missing = coders.map((coder) => ({ coder, articles: 0, units: 0 }))

  for (const { article, coded, first, own } of kept) {
    const count = own.units.length
    coded.forEach((yes, c) => {
      if (yes) return
      missing[c]!.articles++
      missing[c]!.units += count
      for (const row of rows) row[c]!.fill(MISSING, first, first + count)
    })
    const { trimmed } = own
    for (const p of article.passages) {
      const c = coderIndex.get(p.author)
      if (c === undefined || !coded[c]) continue
      const t = trimRange(article.text, p.start, p.end)
      if (!t) continue
      // The first unit whose trimmed end is after the passage's trimmed start.
      let lo = 0
      let hi = count
      while (lo < hi) {
        const mid = (lo + hi) >>> 1
        if (trimmed[2 * mid + 1]! <= t.start) lo = mid + 1
        else hi = mid
      }
      for (const id of p.themeIds) {
        const k = themeIndex.get(id)
        if (k === undefined) continue
        const row = rows[k]![c]!
        for (let u = lo; u < count && trimmed[2 * u]! < t.end; u++)
          if (trimmed[2 * u + 1]! > trimmed[2 * u]!) row[first + u] = PRESENT
      }
    }
  }
  return { kind, coders: [...coders], units, values, missing, dropped }
}
