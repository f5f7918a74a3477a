// Where the coders disagree, for the analyst to look at: every unit of one
// theme where the coders who coded it did not all give the same value (one
// gave the theme, another did not), and, at the level of characters, every
// segment of an article where the coders who coded it do not all cover the
// text with the theme. Coders who did not code the article are left out of
// the comparison (their value is null), never read as "did not give it".
// Offsets are UTF-16 (the renderer's), end exclusive; the excerpt is the
// unit's text, white space collapsed, cut at EXCERPT_CHARS.
// A theme keeps the first DISAGREEMENTS_KEPT in text order and counts the
// rest, so that a reply stays small; the agreement units CSV has them all.
// Pure: no DOM, no Node.
import type { Continuum } from './continua'
import { MISSING, PRESENT, type Unit } from './units'

/** Disagreements kept per theme for the reply (the others are only counted). */
export const DISAGREEMENTS_KEPT = 200
/** Longest excerpt of a unit, in UTF-16 units (an ellipsis ends a longer one). */
export const EXCERPT_CHARS = 160

/** A coder's value on a unit: 1 gave the theme, 0 did not, null did not code the article. */
export type CoderValue = 0 | 1 | null

export interface Disagreement {
  articleId: string
  /** UTF-16 offsets into the article's text, end exclusive. */
  start: number
  end: number
  excerpt: string
  /** Per coder of the request, in its order. */
  values: CoderValue[]
  /** A passage of the theme over the unit by a coder who gave it (to open the article there). */
  passageId?: string
  /** At the level of characters: the text just before and after the stretch (it may be a few letters). */
  context?: { before: string; after: string }
}

/** Characters of context on each side of a stretch of characters. */
export const CONTEXT_CHARS = 40

/** The id of a passage of the theme by one of the coders `givers` (request indexes) over [start, end). */
export type PassageFinder = (
  articleId: string,
  start: number,
  end: number,
  givers: readonly number[],
) => string | undefined

function withPassage(d: Disagreement, find: PassageFinder | undefined): Disagreement {
  const givers = d.values.flatMap((v, c) => (v === 1 ? [c] : []))
  const passageId = find?.(d.articleId, d.start, d.end, givers)
  return passageId === undefined ? d : { ...d, passageId }
}

export interface ThemeDisagreements {
  /** Every disagreement of the theme. */
  total: number
  /** The first DISAGREEMENTS_KEPT of them, in article then text order. */
  shown: Disagreement[]
}

export function noDisagreements(): ThemeDisagreements {
  return { total: 0, shown: [] }
}

/** The unit's text for a list: white space collapsed, cut with an ellipsis. */
export function excerptOf(text: string, start: number, end: number): string {
  const cut = Math.min(end, start + EXCERPT_CHARS * 2)
  const flat = text.slice(start, cut).replace(/\s+/g, ' ').trim()
  if (flat.length <= EXCERPT_CHARS && cut === end) return flat
  return `${flat.slice(0, EXCERPT_CHARS - 1).trimEnd()}…`
}

const valueOf = (v: number): CoderValue => (v === MISSING ? null : v === PRESENT ? 1 : 0)

/** Adds the disagreements among `units` (one theme's rows, one per coder) to `into`. */
export function addUnitDisagreements(
  into: ThemeDisagreements,
  units: readonly Unit[],
  rows: readonly Int8Array[],
  textOf: (articleId: string) => string,
  findPassage?: PassageFinder,
): void {
  for (let u = 0; u < units.length; u++) {
    let zeros = 0
    let ones = 0
    for (const row of rows) {
      const v = row[u]!
      if (v === PRESENT) ones++
      else if (v !== MISSING) zeros++
    }
    if (zeros === 0 || ones === 0) continue
    into.total++
    if (into.shown.length >= DISAGREEMENTS_KEPT) continue
    const { articleId, start, end } = units[u]!
    const values = rows.map((row) => valueOf(row[u]!))
    const excerpt = excerptOf(textOf(articleId), start, end)
    into.shown.push(withPassage({ articleId, start, end, excerpt, values }, findPassage))
  }
}

/**
 * Adds the disagreements of one theme's continuum (an article; code point
 * spans) to `into`: the stretches over which the set of its coders covering
 * the text stays the same and holds some of them but not all.
 */
export function addSegmentDisagreements(
  into: ThemeDisagreements,
  continuum: Continuum,
  /** The request's number of coders. */
  coders: number,
  text: string,
  findPassage?: PassageFinder,
): void {
  const { spans, present } = continuum
  if (continuum.coders < 2 || spans.length === 0) return
  // Each coder's spans start and end: +1 / −1 at a position.
  const events: [position: number, coder: number, step: number][] = []
  for (const s of spans) events.push([s.start, s.coder, 1], [s.end, s.coder, -1])
  events.sort((x, y) => x[0] - y[0] || x[2] - y[2])
  const depth = new Int32Array(continuum.coders)
  let covering = 0
  let toUtf16: ((cp: number) => number) | null = null
  let open: { start: number; key: string; values: CoderValue[] } | null = null
  const close = (end: number) => {
    if (!open) return
    into.total++
    if (into.shown.length < DISAGREEMENTS_KEPT) {
      toUtf16 ??= utf16Index(text)
      const start = toUtf16(open.start)
      const stop = toUtf16(end)
      const { articleId } = continuum
      const excerpt = excerptOf(text, start, stop)
      const values = open.values
      const context = {
        before: text
          .slice(Math.max(0, start - CONTEXT_CHARS), start)
          .replace(/\s+/g, ' ')
          .trimStart(),
        after: text
          .slice(stop, stop + CONTEXT_CHARS)
          .replace(/\s+/g, ' ')
          .trimEnd(),
      }
      const d = { articleId, start, end: stop, excerpt, values, context }
      into.shown.push(withPassage(d, findPassage))
    }
    open = null
  }
  for (let i = 0; i < events.length;) {
    const at = events[i]![0]
    for (; i < events.length && events[i]![0] === at; i++) {
      const [, coder, step] = events[i]!
      const before = depth[coder]!
      depth[coder] = before + step
      if (before === 0 && step > 0) covering++
      else if (before === 1 && step < 0) covering--
    }
    const disagree = covering > 0 && covering < continuum.coders
    const key = disagree ? Array.from(depth, (d) => (d > 0 ? 1 : 0)).join('') : ''
    // A stretch ends where the set of coders covering the text changes.
    if (open && open.key !== key) close(at)
    if (disagree && !open) {
      const values = new Array<CoderValue>(coders).fill(null)
      present.forEach((c, local) => (values[c] = depth[local]! > 0 ? 1 : 0))
      open = { start: at, key, values }
    }
  }
  close(continuum.length)
}

/** UTF-16 offset of each code point offset of `text`. */
function utf16Index(text: string): (cp: number) => number {
  if (!/[\uD800-\uDFFF]/.test(text)) return (cp) => cp
  const offsets: number[] = []
  for (let i = 0; i < text.length; i++) {
    offsets.push(i)
    const c = text.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) i++
    }
  }
  offsets.push(text.length)
  return (cp) => offsets[Math.min(cp, offsets.length - 1)]!
}
