// Text helpers shared by the importer and the renderer: normalization of an
// article's text, paragraphs, and snapping a selection to whole words.

/**
 * Normalizes article text so that offsets stay stable: Unicode NFC, LF line
 * endings, no BOM, no trailing spaces on lines, at most one blank line in a
 * row, no leading or trailing blank lines.
 */
export function normalizeText(raw: string): string {
  // The last step also drops a BOM that reaches the start once leading blank lines go.
  return raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .normalize('NFC')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^[\n\uFEFF]+|\n+$/g, '')
}

export interface Paragraph {
  start: number
  end: number
}

/** Paragraphs are the non-empty lines of the normalized text. */
export function splitParagraphs(text: string): Paragraph[] {
  const out: Paragraph[] = []
  let start = 0
  while (start <= text.length) {
    let end = text.indexOf('\n', start)
    if (end === -1) end = text.length
    if (end > start) out.push({ start, end })
    start = end + 1
  }
  return out
}

const WORD = /[\p{L}\p{N}\p{M}_]/u
const JOINER = /['’\-‐]/u

function isWordAt(text: string, i: number): boolean {
  const ch = text[i]
  if (ch === undefined) return false
  if (WORD.test(ch)) return true
  // An apostrophe or hyphen between two letters belongs to the word (l’équipe, peut-être).
  return JOINER.test(ch) && WORD.test(text[i - 1] ?? '') && WORD.test(text[i + 1] ?? '')
}

/**
 * Widens [start, end) to whole words and trims surrounding white space.
 * Returns null when nothing but white space is selected.
 */
export function snapToWords(
  text: string,
  start: number,
  end: number,
): { start: number; end: number } | null {
  const trimmed = trimRange(text, start, end)
  if (!trimmed) return null
  let { start: s, end: e } = trimmed
  if (isWordAt(text, s)) while (s > 0 && isWordAt(text, s - 1)) s--
  if (isWordAt(text, e - 1)) while (e < text.length && isWordAt(text, e)) e++
  return { start: s, end: e }
}

/** Trims white space at both ends of [start, end); null when nothing is left. */
export function trimRange(
  text: string,
  start: number,
  end: number,
): { start: number; end: number } | null {
  let s = Math.max(0, Math.min(start, end))
  let e = Math.min(text.length, Math.max(start, end))
  while (s < e && /\s/u.test(text[s]!)) s++
  while (e > s && /\s/u.test(text[e - 1]!)) e--
  return s === e ? null : { start: s, end: e }
}
