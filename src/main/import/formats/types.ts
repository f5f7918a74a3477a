// What every format reader gives back, and how it says a file cannot be read.
// A reader turns the bytes of one file into plain text blocks and the
// article's attributes; it never touches the disk, the session or Electron,
// and nothing it returns carries markup: the caller joins the blocks with a
// blank line and normalizes them (text.ts: BOM, LF, NFC, blank lines), so
// offsets, sha256 and duplicate detection mean the same for every format.
// It must never: run a script, fetch a URL, follow a path from inside a
// file, or inflate an archive past the zip reader's limits.

import type { SourceFormat } from '@shared/model/corpus'

/** The attributes a file may tell (builtin attributes of an article; any may be missing). */
export interface ReadAttributes {
  author?: string
  outlet?: string
  /** `YYYY-MM-DD` (the date only). */
  published?: string
  url?: string
  /** A BCP 47 tag as the file says it (`fr`, `en-GB`). */
  language?: string
}

/** One article read from a file. */
export interface ReadDocument {
  /** The article's title, when the file tells one (else the caller uses the file's name). */
  title?: string
  /**
   * The text as blocks: paragraphs, headings and list items, each its own
   * block, in reading order. Blocks may hold single line breaks (a poem, an
   * address); empty blocks are dropped by the caller.
   */
  blocks: string[]
  attributes: ReadAttributes
  /** For text files: the encoding the bytes were decoded from (`UTF-8`, `UTF-16LE`, `windows-1252`…). */
  encoding?: string
}

export interface ReaderContext {
  /** The file's name (for nothing but messages and fallbacks). */
  fileName: string
  /** Progress inside one file (pages of a PDF): done of total. */
  onProgress?: (done: number, total: number) => void
  /** True once the analyst has cancelled: a long reader stops at its next step (throws `cancelled`). */
  cancelled?: () => boolean
}

export type FormatReader = (bytes: Uint8Array, context: ReaderContext) => Promise<ReadDocument>

/**
 * Why a file cannot be read. The caller turns the problem into a translated
 * message naming the file; `detail` is shown after it when present (a
 * library's own message, never needed to understand the problem).
 */
export type FormatProblem =
  /** The bytes are not the format the name says, nor one Gloss reads (a PDF named .docx is read as a PDF by the caller). */
  | 'unsupported'
  /** Damaged or cut: a zip that is not one, a truncated PDF, XML that does not parse. */
  | 'corrupt'
  /** Encrypted or protected by a password (PDF, DOCX, ODT, EPUB with DRM). */
  | 'encrypted'
  /** A PDF without a text layer (a scan): Gloss does not read scanned pages (OCR). */
  | 'scanned'
  /** Readable, but no text in it. */
  | 'no-text'
  /** Over a limit (archive size, entries, ratio, markup size). */
  | 'too-large'
  /** An old binary format Gloss does not read (Word 97–2003 .doc, .xls): save it as .docx/.xlsx. */
  | 'old-format'
  /** The analyst cancelled. */
  | 'cancelled'

export class FormatError extends Error {
  constructor(
    readonly problem: FormatProblem,
    readonly detail?: string,
  ) {
    super(detail ? `${problem}: ${detail}` : problem)
    this.name = 'FormatError'
  }
}

/** Formats Gloss reads, by what the content is (not the name). */
export type ArticleFormat = SourceFormat

/** A table of articles (CSV, XLSX): one article per row, mapped by the analyst. */
export interface ReadTable {
  /** Header cells, trimmed; a blank header becomes `column N` (1-based). */
  columns: string[]
  /** Data rows, every row as long as `columns` (missing cells are ''). */
  rows: string[][]
  /** For CSV: the encoding the bytes were decoded from. */
  encoding?: string
  /** The sheet read (XLSX: the first sheet that has cells). */
  sheet?: string
}

export type TableReader = (bytes: Uint8Array, context: ReaderContext) => Promise<ReadTable>
