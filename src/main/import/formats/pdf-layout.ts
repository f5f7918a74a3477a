// The PDF reader's text layout: from the pieces of text a PDF draws on its
// pages (positions, sizes, strings, in drawing order) to paragraphs in
// reading order. Pure and synchronous: it knows nothing of pdfjs or of files,
// so every rule here is tested on made-up pages.
//
// The rules, in order:
// - Pieces on one baseline, drawn one after the other, make a line; a space
//   goes between two pieces where the gap between them is wider than a fifth
//   of the font size (or where the PDF draws a space). Text drawn at an
//   angle other than the page's main direction (a watermark, a vertical
//   label in the margin) is left out. Word processors and layout programs
//   draw a column's lines one after the other; a PDF that draws its columns
//   row by row across the page comes out row by row.
// - Running headers and footers go: with 3 pages or more, a line near the
//   top or bottom of a page (the 3 outermost lines, within 12 % of the page's
//   height) whose text, digits aside, is on at least half the pages. Page
//   numbers go on every document: a lone "3", "- 3 -", "Page 3", "3 / 12",
//   "page 3 of 12" among those outermost lines.
// - Columns: a page whose lines sit side by side on both sides of an empty
//   vertical strip is read column by column (recursively, so three columns
//   work too); lines crossing the strip (a title, a full-width paragraph)
//   end one band of columns and are read in their place from top to bottom,
//   and so are the lines of a band above its first row of lines side by
//   side (the end of a full-width paragraph, a heading over the columns) or
//   set apart below its last row (a heading in larger type).
// - Paragraphs: in one column, a new paragraph starts where the gap to the
//   line above is wider than the document's usual line spacing, where the
//   font size changes by more than a tenth, or where a line is indented (a
//   first-line indent) after one that is not. From one column or page to the
//   paragraph goes on unless the new line is indented, or the last line
//   ended a sentence (. ! ? …) short of the column's right edge and the new
//   one starts with a capital.
// - Lines of a paragraph are joined with a space. A word broken at the end of
//   a line with a hyphen is mended, by this rule:
//     * a soft hyphen (U+00AD) is always a break: the word is joined;
//     * the hyphen stays when the letter before it is not a lowercase letter
//       or the text after it does not start with one ("French-Owen",
//       "COVID-19", "2020-2021");
//     * it stays when the document writes the hyphenated word elsewhere
//       within a line ("eux-mêmes", "well-known");
//     * otherwise the word is joined (hyphenation breaks words far more
//       often than a line breaks at a compound's own hyphen). A compound
//       broken at its hyphen that appears nowhere else in the document
//       therefore loses its hyphen: without a dictionary, nothing tells it
//       from a hyphenated word.
// - Ligature characters (ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ) are spelled out (NFKC on those
//   characters only), soft hyphens inside a line and control characters go,
//   and runs of spaces become one.
// It must never add text that the PDF does not draw, reorder the words of a
// line, or drop text but page furniture and text drawn at an angle.

/** One piece of text as a PDF page draws it (a pdfjs text item). */
export interface TextPiece {
  text: string
  /** The text matrix: [a, b, c, d, e, f] (e, f: where its baseline starts; user space, y upward). */
  transform: readonly number[]
  /** Its advance along the baseline, in user space. */
  width: number
  /** The PDF drew a line end after it (pdfjs `hasEOL`). */
  eol?: boolean
}

/** The text of one page: its box ([x0, y0, x1, y1], user space) and pieces in drawing order. */
export interface PageText {
  view: readonly [number, number, number, number]
  pieces: TextPiece[]
}

/** A line of text on a page, in the page's reading direction (y upward, baseline). */
export interface Line {
  text: string
  x0: number
  x1: number
  y: number
  /** Font size of most of its characters. */
  size: number
  /** 0-based page index. */
  page: number
}

/** Paragraphs in reading order, and a title guessed from the type sizes. */
export interface Layout {
  blocks: string[]
  /**
   * The first paragraph of the first page when its type is clearly larger
   * (1.3 times or more) than the body text's, among the first three
   * paragraphs of that page; undefined otherwise.
   */
  title?: string
}

/** Ligatures spelled out: ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ (NFKC on these code points only). */
export function expandLigatures(text: string): string {
  return text.replace(/[\uFB00-\uFB06]/g, (c) => c.normalize('NFKC'))
}

/** A line's text made clean: ligatures spelled out, controls and inner soft hyphens dropped, spaces collapsed. */
export function cleanLineText(text: string): string {
  const cleaned = expandLigatures(text)
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '')
    .replace(/[\t\n\r\f]/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim()
  // A soft hyphen is kept only at the end, where it marks a broken word.
  const end = cleaned.endsWith('\u00AD')
  const inner = cleaned.replaceAll('\u00AD', '')
  return end ? `${inner}\u00AD` : inner
}

// ---------------------------------------------------------------- lines

/** Pieces whose direction is more than this far (degrees) from the page's main direction are left out. */
const MAX_SKEW_DEGREES = 10
/** A gap wider than this (in font sizes) between two pieces on one baseline starts another line. */
const MAX_WORD_GAP = 3
/** A gap wider than this (in font sizes) between two pieces is a space. */
const SPACE_GAP = 0.2

interface Oriented {
  text: string
  x: number
  y: number
  width: number
  size: number
  eol: boolean
}

function quarterTurns(piece: TextPiece): { turns: number; skew: number } {
  const [a = 1, b = 0] = piece.transform
  const degrees = (Math.atan2(b, a) * 180) / Math.PI
  const turns = (((Math.round(degrees / 90) % 4) + 4) % 4) as 0 | 1 | 2 | 3
  return { turns, skew: Math.abs(degrees - Math.round(degrees / 90) * 90) }
}

/** Rotates a point by `turns` quarter turns clockwise, so that text drawn at that angle reads left to right. */
function unturn(x: number, y: number, turns: number): [number, number] {
  switch (turns) {
    case 1:
      return [y, -x]
    case 2:
      return [-x, -y]
    case 3:
      return [-y, x]
    default:
      return [x, y]
  }
}

/** The page's pieces turned to its main reading direction (the direction most characters are drawn in). */
function orient(page: PageText): { pieces: Oriented[]; bottom: number; top: number } {
  const weight = [0, 0, 0, 0]
  const turnsOf = page.pieces.map((p) => {
    const t = quarterTurns(p)
    if (t.skew <= MAX_SKEW_DEGREES) weight[t.turns]! += p.text.length
    return t
  })
  const main = weight.indexOf(Math.max(...weight))
  const [vx0, vy0, vx1, vy1] = page.view
  const corners = [
    unturn(vx0, vy0, main),
    unturn(vx1, vy1, main),
    unturn(vx0, vy1, main),
    unturn(vx1, vy0, main),
  ]
  const ys = corners.map((c) => c[1])
  const pieces: Oriented[] = []
  page.pieces.forEach((p, i) => {
    const t = turnsOf[i]!
    if (t.turns !== main || t.skew > MAX_SKEW_DEGREES) return
    const [, , c = 0, d = 0, e = 0, f = 0] = p.transform
    const [x, y] = unturn(e, f, main)
    pieces.push({
      text: p.text,
      x,
      y,
      width: Math.abs(p.width),
      size: Math.hypot(c, d) || 1,
      eol: p.eol === true,
    })
  })
  return { pieces, bottom: Math.min(...ys), top: Math.max(...ys) }
}

interface LineDraft {
  parts: string[]
  x0: number
  x1: number
  y: number
  /** Characters by font size, and the size of most. */
  sizes: Map<number, number>
  size: number
  pendingSpace: boolean
}

function addSize(draft: LineDraft, size: number, chars: number): void {
  const rounded = Math.round(size * 2) / 2
  const count = (draft.sizes.get(rounded) ?? 0) + chars
  draft.sizes.set(rounded, count)
  if (count > (draft.sizes.get(draft.size) ?? 0)) draft.size = rounded
}

function dominantSize(sizes: Map<number, number>): number {
  let best = 0
  let bestCount = -1
  for (const [size, count] of sizes)
    if (count > bestCount) {
      best = size
      bestCount = count
    }
  return best
}

/** A page's lines, and where its box's bottom and top are (in the lines' direction). */
export interface PageLines {
  lines: Line[]
  bottom: number
  top: number
}

const SPACE_AT_START = /^\s/
const SPACE_AT_END = /\s$/

/**
 * The lines of a page, in drawing order: pieces join the line before them
 * while they sit on its baseline and go on to its right.
 */
export function pageLines(page: PageText, pageIndex = 0): PageLines {
  const { pieces, bottom, top } = orient(page)
  const drafts: LineDraft[] = []
  let current: LineDraft | null = null
  for (const piece of pieces) {
    if (piece.text.trim() === '') {
      // A drawn space (or an empty end-of-line marker): a space, if the line goes on.
      if (current && piece.text.length > 0) current.pendingSpace = true
      if (piece.eol) current = null
      continue
    }
    const size = piece.size
    const sameLine =
      current !== null &&
      Math.abs(piece.y - current.y) <= 0.5 * Math.max(size, current.size) &&
      piece.x >= current.x1 - 0.5 * size &&
      piece.x - current.x1 <= MAX_WORD_GAP * size
    if (current && sameLine) {
      const last = current.parts[current.parts.length - 1] ?? ''
      const gap = piece.x - current.x1
      const spaced = SPACE_AT_END.test(last) || SPACE_AT_START.test(piece.text)
      if (!spaced && (current.pendingSpace || gap > SPACE_GAP * size)) current.parts.push(' ')
      current.parts.push(piece.text)
      current.x1 = Math.max(current.x1, piece.x + piece.width)
    } else {
      current = {
        parts: [piece.text],
        x0: piece.x,
        x1: piece.x + piece.width,
        y: piece.y,
        sizes: new Map(),
        size: Math.round(size * 2) / 2,
        pendingSpace: false,
      }
      drafts.push(current)
    }
    current.pendingSpace = false
    addSize(current, size, piece.text.length)
    if (piece.eol) current = null
  }
  const lines: Line[] = []
  for (const d of drafts) {
    const text = cleanLineText(d.parts.join(''))
    if (text === '' || text === '\u00AD') continue
    lines.push({ text, x0: d.x0, x1: d.x1, y: d.y, size: d.size, page: pageIndex })
  }
  return { lines, bottom, top }
}

// ---------------------------------------------------- headers and footers

/** Share of the page's height, at the top and at the bottom, where headers and footers sit. */
const EDGE_BAND = 0.12
/** How many lines at each edge of a page may be a header, footer or page number. */
const EDGE_LINES = 3

const PAGE_NUMBER =
  /^(?:(?:page|p\.|seite|página|pagina|pág\.)\s*)?[-–—]?\s*(?:\d{1,5}|[ivxlc]{1,7})\s*[-–—]?(?:\s*(?:\/|of|sur|de|von|\|)\s*\d{1,5})?$/i

/** Whether a line is nothing but a page number ("3", "- 3 -", "Page 3", "3 / 12", "page 3 of 12", "iv"). */
export function isPageNumber(text: string): boolean {
  return PAGE_NUMBER.test(text.trim())
}

function runningKey(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim()
}

/** The lines of a page at its top and bottom edges (the outermost few, within the edge bands). */
function edgeLines(lines: Line[], bottom: number, top: number): Set<Line> {
  const band = (top - bottom) * EDGE_BAND
  const byHeight = [...lines].sort((a, b) => b.y - a.y)
  const edges = new Set<Line>()
  for (const line of byHeight.slice(0, EDGE_LINES)) if (line.y >= top - band) edges.add(line)
  for (const line of byHeight.slice(-EDGE_LINES)) if (line.y <= bottom + band) edges.add(line)
  return edges
}

/**
 * Drops running headers and footers (3 pages or more: the same text, digits
 * aside, at an edge of at least half the pages) and page numbers (any
 * document) from the pages' lines.
 */
export function dropPageFurniture(
  pages: Line[][],
  bands: readonly { bottom: number; top: number }[],
): Line[][] {
  const edges = pages.map((lines, i) => edgeLines(lines, bands[i]!.bottom, bands[i]!.top))
  const pagesWithKey = new Map<string, number>()
  for (const pageEdges of edges) {
    const keys = new Set([...pageEdges].map((l) => runningKey(l.text)))
    for (const key of keys) pagesWithKey.set(key, (pagesWithKey.get(key) ?? 0) + 1)
  }
  const repeats = (line: Line): boolean =>
    pages.length >= 3 && (pagesWithKey.get(runningKey(line.text)) ?? 0) >= pages.length / 2
  return pages.map((lines, i) =>
    lines.filter((line) => !(edges[i]!.has(line) && (repeats(line) || isPageNumber(line.text)))),
  )
}

// ----------------------------------------------------------------- columns

/** Lines of one column (or of a full-width band), top to bottom. */
export interface Column {
  lines: Line[]
  /** The column's left edge (where most of its lines start). */
  left: number
  /** Its right edge (where its longest lines end). */
  right: number
}

function topDown(lines: Line[]): Line[] {
  return [...lines].sort((a, b) => b.y - a.y || a.x0 - b.x0)
}

function column(lines: Line[]): Column {
  const starts = new Map<number, number>()
  for (const l of lines) {
    const x = Math.round(l.x0)
    starts.set(x, (starts.get(x) ?? 0) + 1)
  }
  let left = Infinity
  let best = 0
  for (const [x, n] of starts) if (n > best || (n === best && x < left)) [left, best] = [x, n]
  return { lines: topDown(lines), left, right: Math.max(...lines.map((l) => l.x1)) }
}

/** Whether two lines sit side by side: on one baseline, give or take a line's height. */
function beside(a: Line, b: Line): boolean {
  return Math.abs(a.y - b.y) < Math.max(a.size, b.size)
}

/**
 * The x where a right-hand column starts, if the lines stand in columns:
 * lines start there, others end left of it, and at least 2 of the right-hand
 * lines, and half of them, have a left-hand line beside them. Of several
 * such places, the one with the most lines side by side.
 */
function findGutter(lines: Line[]): number | null {
  const left = Math.min(...lines.map((l) => l.x0))
  const right = Math.max(...lines.map((l) => l.x1))
  const width = right - left
  if (!(width > 0)) return null
  const starts = new Map<number, number>()
  for (const l of lines)
    if (l.x0 > left + 0.2 * width && l.x0 < left + 0.8 * width) {
      const key = Math.round(l.x0)
      starts.set(key, Math.min(starts.get(key) ?? Infinity, l.x0))
    }
  let best: number | null = null
  let bestScore = 0
  for (const start of starts.values()) {
    const gutter = start - 1
    const rightLines = lines.filter((l) => l.x0 >= gutter)
    const leftLines = lines.filter((l) => l.x1 <= gutter)
    const sideBySide = rightLines.filter((r) => leftLines.some((l) => beside(l, r))).length
    if (sideBySide < 2 || sideBySide < rightLines.length / 2) continue
    if (sideBySide > bestScore) [best, bestScore] = [gutter, sideBySide]
  }
  return best
}

function median(values: number[]): number | undefined {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

/**
 * A band of lines between full-width lines, split where columns stand side
 * by side: what comes above the first row of lines side by side is read
 * before the columns, and what a change of type size sets apart below the
 * last row (a heading over the text that follows the columns) after them;
 * when full-width text follows the band on the page, so is what a wide gap
 * sets apart below the last row. (Without that, lines below the last row
 * are a column that runs longer than the other.)
 */
function splitBand(
  band: Line[],
  gutter: number,
  fullWidthBelow: boolean,
): { above: Line[]; columns: [Line[], Line[]]; below: Line[] } | null {
  const leftSide = band.filter((l) => l.x1 <= gutter)
  const rightSide = band.filter((l) => l.x1 > gutter)
  const rows = band.filter((l) =>
    (l.x1 <= gutter ? rightSide : leftSide).some((other) => beside(l, other)),
  )
  if (rows.length === 0) return null
  const top = Math.max(...rows.map((l) => l.y))
  const bottom = Math.min(...rows.map((l) => l.y))
  const above = new Set(band.filter((l) => l.y > top + 0.5 * l.size))
  const below = new Set<Line>()
  for (const side of [leftSide, rightSide]) {
    const inColumn = topDown(side.filter((l) => !above.has(l)))
    const gaps: number[] = []
    for (let i = 1; i < inColumn.length; i++)
      if (inColumn[i]!.y >= bottom - 0.5 * inColumn[i]!.size)
        gaps.push(inColumn[i - 1]!.y - inColumn[i]!.y)
    const pitch = median(gaps) ?? 1.2 * (inColumn[0]?.size ?? 0)
    let apart = false
    for (let i = 1; i < inColumn.length; i++) {
      const line = inColumn[i]!
      if (line.y >= bottom - 0.5 * line.size) continue
      const previous = inColumn[i - 1]!
      apart ||=
        !sameSize(previous.size, line.size) || (fullWidthBelow && previous.y - line.y > 1.5 * pitch)
      if (apart) below.add(line)
    }
  }
  const inColumns = (l: Line) => !above.has(l) && !below.has(l)
  return {
    above: band.filter((l) => above.has(l)),
    columns: [leftSide.filter(inColumns), rightSide.filter(inColumns)],
    below: topDown([...below]),
  }
}

/**
 * A page's lines in reading order, as columns: text that runs across the
 * page top to bottom, and where columns stand side by side, the left column
 * before the right.
 */
export function readingOrder(lines: Line[], depth = 0): Column[] {
  if (lines.length === 0) return []
  const gutter = depth < 4 && lines.length >= 4 ? findGutter(lines) : null
  if (gutter === null) return [column(lines)]
  const crosses = (l: Line) => l.x0 < gutter && l.x1 > gutter
  // Runs of lines top to bottom: lines crossing the gutter, and bands of lines that do not.
  const runs: Line[][] = []
  for (const line of topDown(lines)) {
    const last = runs[runs.length - 1]
    if (last && crosses(last[0]!) === crosses(line)) last.push(line)
    else runs.push([line])
  }
  const out: Column[] = []
  let flow: Line[] = []
  const flushFlow = () => {
    if (flow.length > 0) out.push(column(flow))
    flow = []
  }
  runs.forEach((run, i) => {
    const split = crosses(run[0]!) ? null : splitBand(run, gutter, i < runs.length - 1)
    if (!split) {
      flow.push(...run)
      return
    }
    flow.push(...split.above)
    flushFlow()
    for (const side of split.columns) out.push(...readingOrder(side, depth + 1))
    flow.push(...split.below)
  })
  flushFlow()
  return out
}

// -------------------------------------------------------------- paragraphs

interface Placed {
  line: Line
  column: Column
}

/** Sizes within a tenth of each other are one size (12 and 14 points are not). */
function sameSize(a: number, b: number): boolean {
  return Math.abs(a - b) <= 0.1 * Math.min(a, b)
}

/** The usual distance between baselines, by font size: the most common one in the document. */
function lineSpacings(columns: Column[]): Map<number, number> {
  const counts = new Map<number, Map<number, number>>()
  for (const col of columns)
    for (let i = 1; i < col.lines.length; i++) {
      const a = col.lines[i - 1]!
      const b = col.lines[i]!
      if (a.size !== b.size) continue
      const dy = Math.round((a.y - b.y) * 2) / 2
      if (dy <= 0 || dy > 4 * a.size) continue
      const bySize = counts.get(a.size) ?? new Map<number, number>()
      bySize.set(dy, (bySize.get(dy) ?? 0) + 1)
      counts.set(a.size, bySize)
    }
  const out = new Map<number, number>()
  for (const [size, bySize] of counts) {
    let best = 0
    let bestCount = 0
    for (const [dy, n] of bySize)
      if (n > bestCount || (n === bestCount && dy < best)) [best, bestCount] = [dy, n]
    out.set(size, best)
  }
  return out
}

function indented(line: Line, col: Column): boolean {
  const offset = line.x0 - col.left
  return offset > 0.5 * line.size && offset < 0.3 * (col.right - col.left)
}

function short(line: Line, col: Column): boolean {
  return line.x1 < col.right - 1.5 * line.size
}

const SENTENCE_END = /[.!?…]["'»”’)\]]*$/u
const STARTS_LOWERCASE = /^["'«“‘([]*\p{Ll}/u
const ENDS_BROKEN = /[\p{L}\p{N}][-\u00AD\u2010]$/u

/** Whether `cur` starts a new paragraph after `prev` (in reading order). */
function startsParagraph(prev: Placed, cur: Placed, spacing: Map<number, number>): boolean {
  const a = prev.line
  const b = cur.line
  if (!sameSize(a.size, b.size)) return true
  const indent = indented(b, cur.column) && (!indented(a, prev.column) || short(a, prev.column))
  if (prev.column === cur.column) {
    const dy = a.y - b.y
    if (dy < 0.5 * b.size) return false // one row, drawn in two pieces
    const usual = spacing.get(b.size) ?? 1.2 * b.size
    const pitch = usual > 2.5 * b.size ? 1.2 * b.size : usual
    if (dy > pitch + Math.max(1, 0.2 * b.size)) return true
    return indent
  }
  // On to another column or page: the paragraph goes on unless it visibly ended.
  if (indented(b, cur.column)) return true
  if (ENDS_BROKEN.test(a.text) || STARTS_LOWERCASE.test(b.text)) return false
  if (!SENTENCE_END.test(a.text)) return false
  return short(a, prev.column)
}

// ------------------------------------------------------------ hyphenation

const HYPHENATED_WORD = /[\p{L}\p{M}\p{N}’']+(?:-[\p{L}\p{M}\p{N}’']+)+/gu

/**
 * The hyphenated words the document writes within its lines ("eux-mêmes";
 * not the pieces of words broken at a line end), lowercased: the only words
 * mending a broken word asks about.
 */
function hyphenatedWords(lines: Line[]): Set<string> {
  const words = new Set<string>()
  let brokenBefore = false
  for (const { text } of lines) {
    const broken = ENDS_BROKEN.test(text)
    if (text.includes('-'))
      for (const match of text.matchAll(HYPHENATED_WORD)) {
        const end = match.index + match[0].length
        if ((match.index === 0 && brokenBefore) || (broken && end >= text.length - 1)) continue
        words.add(match[0].toLowerCase())
      }
    brokenBefore = broken
  }
  return words
}

/** How two lines of a paragraph meet: characters cut from the end of the first, and what goes between. */
interface Joint {
  cut: number
  glue: string
}

function joint(first: string, second: string, words: ReadonlySet<string>): Joint {
  if (first.endsWith('\u00AD')) return { cut: 1, glue: '' }
  if (!ENDS_BROKEN.test(first)) return { cut: 0, glue: ' ' }
  const stem = first.slice(0, -1)
  const before = /[\p{L}\p{M}\p{N}’'-]+$/u.exec(stem)?.[0] ?? ''
  const after = /^[\p{L}\p{M}\p{N}’'-]+/u.exec(second)?.[0]?.replace(/[-’']+$/, '') ?? ''
  const lastBefore = [...before].pop() ?? ''
  const firstAfter = [...after][0] ?? ''
  // A capital, a digit or anything but a letter on either side: a hyphen of the text.
  if (!/\p{Ll}/u.test(lastBefore) || !/\p{Ll}/u.test(firstAfter)) return { cut: 0, glue: '' }
  // A compound the document writes elsewhere: its own hyphen.
  if (words.has(`${before}-${after}`.toLowerCase())) return { cut: 0, glue: '' }
  return { cut: 1, glue: '' }
}

/**
 * Joins two lines of a paragraph: with a space, or, when the first ends
 * with a word broken by a hyphen, mending the word (see the header).
 * `words`: the hyphenated words the document writes within its lines, lowercased.
 */
export function joinLines(first: string, second: string, words: ReadonlySet<string>): string {
  const { cut, glue } = joint(first, second, words)
  return first.slice(0, first.length - cut) + glue + second
}

/** A paragraph's text from its lines. */
function paragraphText(lines: string[], words: ReadonlySet<string>): string {
  const parts: string[] = []
  lines.forEach((line, i) => {
    if (i > 0) {
      const { cut, glue } = joint(lines[i - 1]!, line, words)
      if (cut > 0) parts.push(parts.pop()!.slice(0, -cut))
      parts.push(glue)
    }
    parts.push(line)
  })
  return parts.join('').replaceAll('\u00AD', '').replace(/ {2,}/g, ' ').trim()
}

// ----------------------------------------------------------------- layout

/**
 * Paragraphs of a document from its pages' lines (pageLines), in three
 * steps that a caller may spread out (the PDF reader yields between pages):
 * dropPageFurniture over all pages, readingOrder page by page, then
 * layoutColumns.
 */
export function layoutDocument(pages: PageLines[]): Layout {
  const kept = dropPageFurniture(
    pages.map((p) => p.lines),
    pages,
  )
  return layoutColumns(kept.map((lines) => readingOrder(lines)))
}

/** Paragraphs from every page's columns in reading order (readingOrder), and a title. */
export function layoutColumns(pages: Column[][]): Layout {
  const placed: Placed[] = pages.flatMap((columns) =>
    columns.flatMap((column) => column.lines.map((line) => ({ line, column }))),
  )
  const spacing = lineSpacings(pages.flat())
  const words = hyphenatedWords(placed.map((p) => p.line))

  const paragraphs: Placed[][] = []
  placed.forEach((p, i) => {
    const prev = placed[i - 1]
    if (!prev || startsParagraph(prev, p, spacing)) paragraphs.push([p])
    else paragraphs[paragraphs.length - 1]!.push(p)
  })
  const blocks = paragraphs.map((para) =>
    paragraphText(
      para.map((p) => p.line.text),
      words,
    ),
  )
  return { blocks, title: guessTitle(paragraphs, blocks, placed) }
}

/** Paragraphs of a document from its pages' text (pageLines, then layoutDocument). */
export function layoutPages(pages: PageText[]): Layout {
  return layoutDocument(pages.map((p, i) => pageLines(p, i)))
}

function guessTitle(
  paragraphs: Placed[][],
  blocks: string[],
  placed: Placed[],
): string | undefined {
  const chars = new Map<number, number>()
  for (const { line } of placed)
    chars.set(line.size, (chars.get(line.size) ?? 0) + line.text.length)
  const body = dominantSize(chars)
  const firstPage = placed[0]?.line.page
  for (let i = 0; i < Math.min(3, paragraphs.length); i++) {
    const first = paragraphs[i]![0]!.line
    if (first.page !== firstPage) break
    if (first.size >= 1.3 * body && blocks[i]) return blocks[i]
  }
  return undefined
}
