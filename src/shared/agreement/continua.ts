// Agreement at the level of characters (the unit 'characters' of units.ts):
// per theme, one continuum per article, holding each coder's spans of that
// theme, the data Krippendorff's unitizing alpha (αu) compares.
//
// Rules:
// - Positions are code points (offsets.ts), end exclusive, so that they
//   match the CSV exports and Python's text[start:end].
// - A coder's passages of the theme are merged where they overlap or touch;
//   a passage's range is taken as the coder drew it (not trimmed).
// - Only articles at least one coder coded have a continuum (the others are
//   counted in `dropped`), and every theme has one for each of them, spans
//   or not: agreeing that a theme is absent is agreement.
// - A coder who did not code the article (UnitsRequest.coded) is absent from
//   its continua: coders are numbered per continuum, 0 to `coders` - 1, over
//   the coders who coded it, and `present` maps that number back to the
//   request's coder index. A continuum can then go to the coefficient
//   functions as it is, and a missing coder never reads as "marked nothing".
// Pure: no DOM, no Node. It must never count a coder who did not code an
// article as a coder of its continuum.
import { makeCodePointIndex } from '../model/offsets'
import type { Passage } from '../model/schema'
import type { UnitsRequest } from './units'

export interface Span {
  /** The coder's number in this continuum (an index into `present`). */
  coder: number
  /** Code points, end exclusive. */
  start: number
  end: number
}

export interface Continuum {
  articleId: string
  /** The article's length in code points. */
  length: number
  /** How many coders coded the article: spans' coder runs from 0 to coders - 1. */
  coders: number
  /**
   * The request's coder index of each coder of the continuum, ascending:
   * a span of coder i is request.coders[present[i]]'s. Coders not listed
   * did not code the article (missing data).
   */
  present: readonly number[]
  /** Each present coder's merged spans of the theme, by coder then start. */
  spans: Span[]
}

export interface SpanUnits {
  kind: 'characters'
  /** The request's coders, in order (the index `present` and `missing` refer to). */
  coders: readonly string[]
  /** Per theme id (in the request's order): a continuum per article at least one coder coded, in article order. */
  themes: Map<string, Continuum[]>
  /** Per coder: the articles kept for the others that this coder did not code. */
  missing: { coder: string; articles: number }[]
  /** Articles no coder coded: no continuum. */
  dropped: { articles: number }
}

/** The continua of the request (see the rules above). */
export function buildContinua(request: UnitsRequest): SpanUnits {
  const { coders, themeIds } = request
  const themes = new Map(themeIds.map((id) => [id, [] as Continuum[]]))
  const lists = [...themes.values()]
  const themeIndex = new Map(themeIds.map((id, i) => [id, i]))
  const coderIndex = new Map(coders.map((c, i) => [c, i]))
  const missing = coders.map((coder) => ({ coder, articles: 0 }))
  const dropped = { articles: 0 }
  // The continuum number of each request coder in the current article, -1 when absent.
  const local = new Int32Array(coders.length)

  for (const article of request.articles) {
    const present: number[] = []
    coders.forEach((coder, c) => {
      local[c] = request.coded(article.id, coder) ? present.push(c) - 1 : -1
    })
    if (present.length === 0) {
      dropped.articles++
      continue
    }
    for (let c = 0; c < coders.length; c++) if (local[c]! < 0) missing[c]!.articles++

    const { text } = article
    const toCodePoint = makeCodePointIndex(text)
    // Per theme, then per coder of the continuum: the spans, merged as they come (passages by start).
    const byTheme = new Array<Span[][] | undefined>(themeIds.length)
    for (const p of byStart(article.passages)) {
      const c = coderIndex.get(p.author)
      if (c === undefined || local[c]! < 0) continue
      const coder = local[c]!
      let start = -1
      let end = -1
      for (const id of p.themeIds) {
        const k = themeIndex.get(id)
        if (k === undefined) continue
        if (start < 0) {
          start = toCodePoint(Math.min(p.start, text.length))
          end = toCodePoint(Math.min(p.end, text.length))
          if (end <= start) break
        }
        const own = (byTheme[k] ??= present.map(() => []))[coder]!
        const last = own[own.length - 1]
        if (last && start <= last.end) last.end = Math.max(last.end, end)
        else own.push({ coder, start, end })
      }
    }
    const length = toCodePoint(text.length)
    for (let k = 0; k < lists.length; k++) {
      const spans: Span[] = []
      for (const own of byTheme[k] ?? []) for (const span of own) spans.push(span)
      lists[k]!.push({ articleId: article.id, length, coders: present.length, present, spans })
    }
  }
  return { kind: 'characters', coders: [...coders], themes, missing, dropped }
}

/** The passages by start (as Gloss keeps them), sorted only when they are not. */
function byStart(passages: readonly Passage[]): readonly Passage[] {
  for (let i = 1; i < passages.length; i++)
    if (passages[i - 1]!.start > passages[i]!.start)
      return [...passages].sort((a, b) => a.start - b.start)
  return passages
}
