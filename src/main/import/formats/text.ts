// Plain text and Markdown files as analysts receive them: saved by Word,
// Notepad, LibreOffice or a news database export, in UTF-8 (with or
// without a BOM), UTF-16 or a legacy single-byte charset (Windows-1252
// above all). decodeText finds the encoding and says which: a BOM first;
// then UTF-16 without BOM when the NULs say so; then strict UTF-8; then
// chardet's guess among single-byte charsets (ISO-8859-15 told from
// Windows-1252 by its letters); else Windows-1252. The readers split the
// text into blocks on blank lines. Markdown is kept as written; its first
// heading is the title.
// It must never: touch the disk, read a binary file as text (NULs outside
// UTF-16 are refused), or decode with a multi-byte guess that could turn
// the text into mojibake.
import { analyse } from 'chardet'
import { FormatError, type FormatReader, type ReadDocument } from './types'
import { settle } from './settle'

/** Text and the encoding it was decoded from, named for the analyst. */
export interface DecodedText {
  text: string
  /** `UTF-8`, `UTF-8 (BOM)`, `UTF-16LE`, `UTF-16BE`, `windows-1252`, `ISO-8859-7`… */
  encoding: string
}

/** How much of a file the encoding guesses look at. */
const SAMPLE_BYTES = 256 * 1024

/**
 * Single-byte charsets decoded on chardet's word, from its names to the
 * WHATWG labels TextDecoder knows (ISO-8859-1 is decoded as its superset
 * Windows-1252, as browsers do). Multi-byte guesses are never taken.
 */
const SINGLE_BYTE: Record<string, string> = {
  'ISO-8859-1': 'windows-1252',
  'windows-1252': 'windows-1252',
  'ISO-8859-2': 'iso-8859-2',
  'ISO-8859-5': 'iso-8859-5',
  'ISO-8859-6': 'iso-8859-6',
  'ISO-8859-7': 'iso-8859-7',
  'ISO-8859-8': 'iso-8859-8',
  'ISO-8859-9': 'windows-1254',
  'KOI8-R': 'koi8-r',
  'windows-1250': 'windows-1250',
  'windows-1251': 'windows-1251',
  'windows-1253': 'windows-1253',
  'windows-1254': 'windows-1254',
  'windows-1255': 'windows-1255',
  'windows-1256': 'windows-1256',
  'windows-1257': 'windows-1257',
  'windows-1258': 'windows-1258',
  'windows-874': 'windows-874',
}

/** chardet's confidence (0–100) below which its guess is not taken. */
const MIN_CONFIDENCE = 30
/** How far a non-Western guess must lead Windows-1252's own score to be taken. */
const MIN_LEAD = 10

const hasNul = (bytes: Uint8Array) => bytes.includes(0)

/**
 * Which UTF-16 the bytes are, judged by their NULs alone: text in Latin
 * scripts has a NUL in every other byte, always on the same side.
 */
export function utf16ByNuls(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  // UTF-16 comes in pairs of bytes; a few bytes with a NUL are binary, not text.
  if (bytes.length % 2 !== 0) return null
  const n = Math.min(bytes.length, SAMPLE_BYTES) & ~1
  if (n < 8) return null
  let even = 0
  let odd = 0
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++
    if (bytes[i + 1] === 0) odd++
  }
  const pairs = n / 2
  if (odd >= pairs * 0.3 && even <= pairs * 0.02) return 'utf-16le'
  if (even >= pairs * 0.3 && odd <= pairs * 0.02) return 'utf-16be'
  return null
}

/** Windows-1252's characters for bytes 0x80–0x9F (the five it leaves undefined stay C1 controls). */
const CP1252_C1 =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178'

function decodeWith(label: string, bytes: Uint8Array): string {
  const text = new TextDecoder(label).decode(bytes)
  // Some Node versions decode windows-1252 as ISO-8859-1 (0x92 as U+0092, not ’): map C1 ourselves.
  return label === 'windows-1252'
    ? text.replace(/[\u0080-\u009F]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80]!)
    : text
}

/** The readable name of a WHATWG label: `windows-1252`, `ISO-8859-7`, `KOI8-R`. */
const nameOf = (label: string) => (label.startsWith('windows-') ? label : label.toUpperCase())

const isLetter = (b: number | undefined) =>
  b !== undefined &&
  ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || (b >= 0xc0 && b !== 0xd7 && b !== 0xf7))
const isDigit = (b: number | undefined) => b !== undefined && b >= 0x30 && b <= 0x39

/**
 * Whether Western text is ISO-8859-15 rather than Windows-1252 (chardet
 * does not tell them apart): no byte of 0x80–0x9F (Windows-1252's quotes,
 * dashes, € and œ), and a byte that is a letter or € in ISO-8859-15 but a
 * symbol in Windows-1252: ¤ (€), ¦ ¨ (Š š), or ¼ ½ ¾ (Œ œ Ÿ) next to a
 * letter and no digit (`cœur`, `L'œuvre`, not `1½`).
 */
function looksLikeLatin9(bytes: Uint8Array): boolean {
  let found = false
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!
    if (b >= 0x80 && b <= 0x9f) return false
    if (found) continue
    if (b === 0xa4 || b === 0xa6 || b === 0xa8) found = true
    else if (b >= 0xbc && b <= 0xbe) {
      const [before, after] = [bytes[i - 1], bytes[i + 1]]
      found = (isLetter(before) || isLetter(after)) && !isDigit(before) && !isDigit(after)
    }
  }
  return found
}

/** chardet's single-byte guess for bytes that are not UTF-8, or Windows-1252. */
function guessSingleByte(bytes: Uint8Array): string {
  const label = guessByChardet(bytes)
  return label === 'windows-1252' && looksLikeLatin9(bytes) ? 'iso-8859-15' : label
}

function guessByChardet(bytes: Uint8Array): string {
  let matches: ReturnType<typeof analyse>
  try {
    matches = analyse(bytes.subarray(0, SAMPLE_BYTES))
  } catch {
    return 'windows-1252'
  }
  const western = Math.max(
    0,
    ...matches.filter((m) => SINGLE_BYTE[m.name] === 'windows-1252').map((m) => m.confidence),
  )
  const best = matches.find((m) => SINGLE_BYTE[m.name] !== undefined)
  if (!best || best.confidence < MIN_CONFIDENCE) return 'windows-1252'
  const label = SINGLE_BYTE[best.name]!
  if (label !== 'windows-1252' && best.confidence < western + MIN_LEAD) return 'windows-1252'
  return label
}

/**
 * Decodes a text file's bytes and names the encoding. Throws
 * FormatError('unsupported') for binary content (NULs in a file that is
 * not UTF-16).
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const binary = () => new FormatError('unsupported', 'binary content (NUL bytes)')
  const [b0, b1, b2] = [bytes[0], bytes[1], bytes[2]]
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    if (hasNul(bytes)) throw binary()
    return { text: decodeWith('utf-8', bytes), encoding: 'UTF-8 (BOM)' }
  }
  const bom16 =
    b0 === 0xff && b1 === 0xfe ? 'utf-16le' : b0 === 0xfe && b1 === 0xff ? 'utf-16be' : null
  const utf16 = bom16 ?? (hasNul(bytes) ? utf16ByNuls(bytes) : null)
  if (utf16) {
    const text = decodeWith(utf16, bytes)
    if (text.includes('\u0000')) throw binary()
    return { text, encoding: utf16 === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE' }
  }
  if (hasNul(bytes)) throw binary()
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' }
  } catch {
    const label = guessSingleByte(bytes)
    return { text: decodeWith(label, bytes), encoding: nameOf(label) }
  }
}

/** Blocks of a text: split on blank lines (lines of nothing but spaces or tabs); empty blocks dropped. */
export function textBlocks(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n(?:[ \t]*\n)+/)
    .map((b) => b.replace(/^(?:[ \t]*\n)+|(?:\n[ \t]*)+$/g, ''))
    .filter((b) => b.trim() !== '')
}

/** A Markdown text's first ATX heading (`# Title`, any level, closing #s dropped), at most 200 characters. */
export function markdownTitle(text: string): string | undefined {
  const heading = /^ {0,3}#{1,6}[ \t]+(.+)$/m.exec(text)
  const title = heading?.[1]
    ?.replace(/[ \t]+#+[ \t]*$/, '')
    .trim()
    .slice(0, 200)
  return title || undefined
}

function read(bytes: Uint8Array, markdown: boolean): ReadDocument {
  const { text, encoding } = decodeText(bytes)
  const blocks = textBlocks(text)
  if (blocks.length === 0) throw new FormatError('no-text')
  const title = markdown ? markdownTitle(text) : undefined
  return { ...(title ? { title } : {}), blocks, attributes: {}, encoding }
}

/** Reads a plain text file (.txt): blocks split on blank lines, no title. */
export const readText: FormatReader = (bytes) => settle(() => read(bytes, false))

/** Reads a Markdown file (.md) as its text; the title is its first heading. */
export const readMarkdown: FormatReader = (bytes) => settle(() => read(bytes, true))
