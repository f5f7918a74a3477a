// Finding text in an article the way an analyst expects: by default case-
// and accent-insensitive ("securite" finds "sécurité", "ECONOMIE" finds
// "économie", "coeur" finds "cœur", "strasse" finds "Straße"), with
// typographic apostrophes and quotes matching their ASCII forms both ways.
// Matches are reported as UTF-16 offsets of the ORIGINAL text (what the DOM
// and the session use), even though folding changes lengths (NFD splits "é"
// in two, "ß" becomes "ss", accents disappear): the text is folded one code
// point at a time and an index map remembers where each folded unit came from.
// Pure: no DOM, no Node.

export interface SearchOptions {
  /** "A" and "a" differ. */
  matchCase: boolean
  /** "é" and "e" differ (and ligatures such as "œ" stay one letter). */
  matchAccents: boolean
}

export const DEFAULT_SEARCH_OPTIONS: SearchOptions = { matchCase: false, matchAccents: false }

/** A match in the original text, in UTF-16 offsets (end exclusive). */
export interface TextMatch {
  start: number
  end: number
}

/** A text folded for searching, with the way back to the original offsets. */
export interface FoldedText {
  readonly text: string
  readonly folded: string
  /**
   * `origin[j]` is the original UTF-16 offset of the code point whose folding
   * starts at folded unit j, or -1 when unit j is inside the folding of a code
   * point (the "s" of "ß" → "ss", the accent of "é" → "e\u0301", the low half
   * of a surrogate pair). `origin[folded.length]` is `text.length`. Code points
   * that fold to nothing (stripped accents) have no unit: the next boundary
   * lies after them, so a match ending before one takes it along.
   */
  readonly origin: Int32Array
  readonly options: SearchOptions
}

// Punctuation that has an ASCII twin, matched the same in every mode.
const APOSTROPHES = new Set([0x2018, 0x2019, 0x201a, 0x201b, 0x02bc, 0x2032, 0xff07])
const DOUBLE_QUOTES = new Set([0x201c, 0x201d, 0x201e, 0x201f, 0x2033, 0xff02])
const HYPHENS = new Set([0x2010, 0x2011])
const SPACES = new Set([
  0x00a0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009,
  0x200a, 0x202f, 0x205f, 0x3000,
])
// Letters that accent-insensitive search treats as their base letters but
// that Unicode does not decompose.
const LETTERS: Record<string, string> = {
  œ: 'oe',
  Œ: 'OE',
  æ: 'ae',
  Æ: 'AE',
  ø: 'o',
  Ø: 'O',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ħ: 'h',
  Ħ: 'H',
  ı: 'i',
  ŀ: 'l',
  Ŀ: 'L',
  ð: 'd',
  Ð: 'D',
  þ: 'th',
  Þ: 'TH',
}
const NONSPACING_MARK = /\p{Mn}/gu
const ANY_LETTERS = new RegExp(`[${Object.keys(LETTERS).join('')}]`, 'gu')

function isVariationSelector(cp: number): boolean {
  return (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef)
}

function caseFold(s: string): string {
  // toLowerCase plus the full case foldings it misses.
  return s.toLowerCase().replace(/ß/g, 'ss').replace(/ς/g, 'σ')
}

function foldCodePointUncached(cp: number, options: SearchOptions): string {
  if (APOSTROPHES.has(cp)) return "'"
  if (DOUBLE_QUOTES.has(cp)) return '"'
  if (HYPHENS.has(cp)) return '-'
  if (SPACES.has(cp)) return ' '
  if (isVariationSelector(cp)) return ''
  let s = String.fromCodePoint(cp)
  if (options.matchAccents) {
    // Canonical decomposition only: "é" and "e\u0301" are the same text.
    s = s.normalize('NFD')
  } else {
    s = loosen(s).replace(ANY_LETTERS, (ch) => LETTERS[ch] ?? ch)
  }
  if (!options.matchCase) {
    s = caseFold(s)
    // Lower-casing may bring accents back ("İ" → "i\u0307").
    s = options.matchAccents ? s.normalize('NFD') : loosen(s)
  }
  return s
}

/** Compatibility decomposition ("ﬁ" → "fi", "²" → "2") without the accents. */
function loosen(s: string): string {
  const loose = s.normalize('NFKD').replace(NONSPACING_MARK, '')
  // Spacing accents ("¨", "´") would decompose to a space and a mark: keep them.
  return loose !== '' && loose.trim() === '' && !/\s/u.test(s) ? s : loose
}

const caches = new Map<string, Map<number, string>>()

function cacheFor(options: SearchOptions): Map<number, string> {
  const key = `${options.matchCase ? 'C' : 'c'}${options.matchAccents ? 'A' : 'a'}`
  let cache = caches.get(key)
  if (!cache) caches.set(key, (cache = new Map<number, string>()))
  return cache
}

/** How one code point reads for searching, under `options`. */
export function foldCodePoint(cp: number, options: SearchOptions = DEFAULT_SEARCH_OPTIONS): string {
  // ASCII fast path: only the case can change.
  if (cp < 0x80) {
    if (!options.matchCase && cp >= 0x41 && cp <= 0x5a) return String.fromCharCode(cp + 32)
    return String.fromCharCode(cp)
  }
  const cache = cacheFor(options)
  let s = cache.get(cp)
  if (s === undefined) cache.set(cp, (s = foldCodePointUncached(cp, options)))
  return s
}

/**
 * Per options: the one UTF-16 unit each BMP unit folds to, when it folds to
 * exactly one (-1: it folds to none or several, or is half of a surrogate
 * pair; -2: not looked up yet). Folding a long text then costs a table
 * lookup per unit instead of a string per code point.
 */
const unitTables = new Map<string, Int32Array>()

function unitTableFor(options: SearchOptions): Int32Array {
  const key = `${options.matchCase ? 'C' : 'c'}${options.matchAccents ? 'A' : 'a'}`
  let table = unitTables.get(key)
  if (!table) {
    table = new Int32Array(0x10000).fill(-2)
    for (let c = 0; c < 0x80; c++) table[c] = foldCodePoint(c, options).charCodeAt(0)
    for (let c = 0xd800; c < 0xe000; c++) table[c] = -1
    unitTables.set(key, table)
  }
  return table
}

/** The entry of `unit` in `table`, looked up the first time it is needed. */
function lookUp(table: Int32Array, unit: number, options: SearchOptions): number {
  const f = foldCodePoint(unit, options)
  const v = f.length === 1 ? f.charCodeAt(0) : -1
  table[unit] = v
  return v
}

const utf16 = typeof TextDecoder === 'undefined' ? null : new TextDecoder('utf-16le')

/** Units to a string: decoded at once, or a chunk at a time when a lone surrogate must be kept. */
function unitsToString(units: Uint16Array, length: number, loneSurrogate: boolean): string {
  // The decoder would replace a lone surrogate with U+FFFD; short strings are as quick this way.
  if (utf16 && !loneSurrogate) return utf16.decode(units.subarray(0, length))
  const parts: string[] = []
  for (let i = 0; i < length; i += 0x2000)
    parts.push(
      String.fromCharCode.apply(null, units.subarray(i, Math.min(length, i + 0x2000)) as never),
    )
  return parts.join('')
}

/** Where foldString writes its units (grown when needed, never shrunk). */
let scratch: Uint16Array = new Uint16Array(1024)

/** A string as it reads for searching (no offsets kept). */
export function foldString(s: string, options: SearchOptions = DEFAULT_SEARCH_OPTIONS): string {
  // Pure ASCII needs no per-code-point work.
  if (!/[^\0-\x7f]/.test(s)) return options.matchCase ? s : s.toLowerCase()
  const table = unitTableFor(options)
  let n = 0
  for (let i = 0; i < s.length;) {
    if (n + 2 > scratch.length) scratch = grown(scratch, n + 2)
    const unit = s.charCodeAt(i)
    let v = table[unit]!
    if (v === -2) v = lookUp(table, unit, options)
    if (v >= 0) {
      scratch[n++] = v
      i++
      continue
    }
    const cp = s.codePointAt(i)!
    const f = foldCodePoint(cp, options)
    // Some compatibility forms fold to many units (U+FDFA to eighteen).
    if (n + f.length > scratch.length) scratch = grown(scratch, n + f.length)
    for (let k = 0; k < f.length; k++) scratch[n++] = f.charCodeAt(k)
    i += cp > 0xffff ? 2 : 1
  }
  return unitsToString(scratch, n, true)
}

function grown(units: Uint16Array, need: number): Uint16Array {
  const next = new Uint16Array(Math.max(units.length * 2, need))
  next.set(units)
  return next
}

/** Where foldText writes (grown when needed, never shrunk): one allocation per text, not three. */
let scratchUnits: Uint16Array = new Uint16Array(0)
let scratchOrigin: Int32Array = new Int32Array(0)

function ensureScratch(need: number): void {
  if (need <= scratchUnits.length) return
  const size = Math.max(need, scratchUnits.length * 2, 4096)
  const units = new Uint16Array(size)
  units.set(scratchUnits)
  const origin = new Int32Array(size + 1)
  origin.set(scratchOrigin)
  scratchUnits = units
  scratchOrigin = origin
}

/** Folds `text` for searching, keeping the map back to its offsets. */
export function foldText(
  text: string,
  options: SearchOptions = DEFAULT_SEARCH_OPTIONS,
): FoldedText {
  const table = unitTableFor(options)
  // Folding rarely lengthens a text by more than a little ("œ" → "oe", "…" → "...").
  ensureScratch(text.length + (text.length >> 3) + 16)
  let units = scratchUnits
  let origin = scratchOrigin
  let n = 0
  let lone = false
  for (let i = 0; i < text.length;) {
    const unit = text.charCodeAt(i)
    let v = table[unit]!
    if (v === -2) v = lookUp(table, unit, options)
    if (v >= 0) {
      // Folds to one unit (most of any text): no string made.
      if (n + 2 > units.length) {
        ensureScratch(n + 2)
        units = scratchUnits
        origin = scratchOrigin
      }
      units[n] = v
      origin[n++] = i++
      continue
    }
    const cp = text.codePointAt(i)!
    if (cp >= 0xd800 && cp < 0xe000) lone = true
    const f = foldCodePoint(cp, options)
    if (n + f.length + 2 > units.length) {
      ensureScratch(n + f.length + 2)
      units = scratchUnits
      origin = scratchOrigin
    }
    for (let k = 0; k < f.length; k++) {
      units[n + k] = f.charCodeAt(k)
      origin[n + k] = k === 0 ? i : -1
    }
    n += f.length
    i += cp > 0xffff ? 2 : 1
  }
  origin[n] = text.length
  return {
    text,
    folded: unitsToString(units, n, lone),
    // A copy of its own: the scratch is reused by the next text.
    origin: origin.slice(0, n + 1),
    options,
  }
}

/**
 * Where the folding of the code point at original offset `offset` starts in
 * `f.folded` (the first folded unit from `offset` on): the folding of
 * `text.slice(a, b)` is `f.folded.slice(foldedOffset(f, a), foldedOffset(f, b))`
 * when a and b do not split a surrogate pair.
 */
export function foldedOffset(f: FoldedText, offset: number): number {
  const { origin } = f
  let lo = 0
  let hi = origin.length - 1
  // origin, without its -1 entries, increases; a -1 belongs to the code point before it.
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    let at = mid
    while (at > 0 && origin[at]! < 0) at--
    if (origin[at]! >= offset) hi = mid
    else lo = mid + 1
  }
  return lo
}

/** The folding of `f.text.slice(start, end)`, taken from `f` (no new folding). */
export function foldedSlice(f: FoldedText, start: number, end: number): string {
  return f.folded.slice(foldedOffset(f, start), foldedOffset(f, end))
}

const MARK = /\p{M}/u

/** Code points that attach to the one before: a match may not start on one nor end before one. */
function attaches(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return false
  const cp = text.codePointAt(i)!
  if (cp === 0x200d) return true // zero-width joiner
  if (cp >= 0x1f3fb && cp <= 0x1f3ff) return true // emoji skin tones
  return MARK.test(String.fromCodePoint(cp))
}

/**
 * Every match of `query` in the text, left to right, not overlapping, as
 * offsets of the original text. A match never splits a character: not a
 * surrogate pair, not a letter from its accents, not a ligature or "ß", not an
 * emoji from its joiner or skin tone. An empty query (or one that folds to
 * nothing) has no match.
 */
export function findMatches(
  text: string | FoldedText,
  query: string,
  options: SearchOptions = DEFAULT_SEARCH_OPTIONS,
): TextMatch[] {
  const f = typeof text === 'string' ? foldText(text, options) : text
  const q = foldString(query, f.options)
  const out: TextMatch[] = []
  if (!q) return out
  const { folded, origin } = f
  const original = f.text
  let from = 0
  for (;;) {
    const j = folded.indexOf(q, from)
    if (j < 0) break
    const start = origin[j]!
    const end = origin[j + q.length]!
    if (
      start >= 0 &&
      end >= 0 &&
      !attaches(original, start) &&
      original.charCodeAt(start - 1) !== 0x200d &&
      !attaches(original, end)
    ) {
      out.push({ start, end })
      from = j + q.length
    } else from = j + 1
  }
  return out
}

/** Whether `haystack` contains `query`, both folded with `options`. */
export function containsFolded(
  haystack: string,
  query: string,
  options: SearchOptions = DEFAULT_SEARCH_OPTIONS,
): boolean {
  const q = foldString(query, options)
  return q === '' || foldString(haystack, options).includes(q)
}

/**
 * Index of the first match at or after `offset` (wrapping to the first match),
 * or -1 when there is none: where a new search starts reading.
 */
export function firstMatchFrom(matches: readonly TextMatch[], offset: number): number {
  if (matches.length === 0) return -1
  let lo = 0
  let hi = matches.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (matches[mid]!.start < offset) lo = mid + 1
    else hi = mid
  }
  return lo === matches.length ? 0 : lo
}
