// What reading an article file does once its bytes are in hand: tell the
// format by the content (formats/sniff.ts: a PDF named .docx is read as a
// PDF), run the format's reader, and end every format's blocks in the same
// normalization (blocks joined by one blank line, then text.ts: BOM, LF,
// NFC) and sha256, so that offsets and duplicates mean the same whatever
// the source. A table of articles (CSV, Excel) comes back as a table. This
// is the work the import worker does (parse-worker.ts); main reads the
// file (article.ts) and hands the bytes over.
// It must never: touch the disk, the network or the session, keep markup,
// or throw for a file anything but an ImportError with a translated reason.
import { basename, extname } from 'node:path'
import { mainMessage } from '@shared/main-messages'
import {
  isIsoDate,
  MAX_ATTRIBUTE_VALUE_LENGTH,
  type ArticleSource,
  type BuiltinAttribute,
  type SourceFormat,
} from '@shared/model/corpus'
import type { ArticleDocument } from '@shared/model/schema'
import { normalizeText } from '@shared/model/text'
import { sha256Hex } from '../store/hash'
import {
  DOCUMENT_READERS,
  FormatError,
  sniffFormat,
  TABLE_READERS,
  type ReadDocument,
  type ReadTable,
} from './formats'
import { cannotRead, formatReason, ImportError } from './import-error'

/** An article read from a file: its text, title, attributes and what it was read from. */
export interface ReadArticle extends ArticleDocument {
  /** Builtin attributes the file told (and, for a table's row, custom ones by id). */
  attributes: Partial<Record<BuiltinAttribute, string>> & Record<string, string>
  source: ArticleSource
}

/** What a file holds: one article, or a table of articles (one per row). */
export type ReadFile =
  | { kind: 'article'; article: ReadArticle }
  | { kind: 'table'; table: ReadTable; source: ArticleSource; file: string }

/** What reading a file's bytes needs besides them. */
export interface ParseRequest {
  /** The file's name (messages, the title's fallback, the extension's hints). */
  file: string
  /** The title to give the article (default: the file's own, else the file's name). */
  title?: string
  /** Text formats larger than this are refused. */
  maxBytes: number
}

/** Progress inside the file (pages of a PDF) and the analyst's cancel. */
export interface ParseProgress {
  onProgress?: (done: number, total: number) => void
  cancelled?: () => boolean
}

/** Formats whose size is the text's (the text limit applies); the others are containers. */
const TEXT_FORMATS: ReadonlySet<SourceFormat> = new Set([
  'text',
  'markdown',
  'html',
  'mhtml',
  'csv',
])

/** Names of text files: one of these that is not text is said to be "not a text file". */
const TEXT_EXTENSIONS: ReadonlySet<string> = new Set([
  'txt',
  'text',
  'md',
  'markdown',
  'csv',
  'tsv',
])

/** The text limit as the analyst reads it (MB). */
function tooLarge(file: string, limit: number): ImportError {
  const mb = Math.round(limit / (1024 * 1024))
  return new ImportError(
    mainMessage('main.add.fileTooLarge', { file, limit: mb }),
    mainMessage('main.add.tooLarge', { limit: mb }),
  )
}

const notArticle = (file: string) =>
  new ImportError(
    mainMessage('main.import.notArticle', { file }),
    mainMessage('main.add.notArticle'),
  )

const notText = (file: string) =>
  new ImportError(mainMessage('main.import.notText', { file }), mainMessage('main.add.notText'))

/** Reads a file's bytes: one article, or a table of articles. Throws ImportError only. */
export async function parseArticle(
  bytes: Uint8Array,
  request: ParseRequest,
  progress: ParseProgress = {},
): Promise<ReadFile> {
  const { file, maxBytes } = request
  const extension = extname(file).slice(1).toLowerCase()
  let sniffed: ReturnType<typeof sniffFormat>
  try {
    sniffed = sniffFormat(bytes, file)
  } catch {
    throw cannotRead(file, mainMessage('main.format.corrupt'))
  }
  if (sniffed === null && TEXT_EXTENSIONS.has(extension)) throw notText(file)
  if (sniffed === null) throw notArticle(file)
  if (sniffed === 'old-office' || sniffed === 'encrypted-office')
    throw cannotRead(
      file,
      formatReason(new FormatError(sniffed === 'old-office' ? 'old-format' : 'encrypted')),
    )
  if (TEXT_FORMATS.has(sniffed) && bytes.length > maxBytes) throw tooLarge(file, maxBytes)
  const source: ArticleSource = { format: sniffed, bytes: bytes.length }
  const context = { fileName: file, onProgress: progress.onProgress, cancelled: progress.cancelled }
  try {
    const tableReader = TABLE_READERS[sniffed]
    if (tableReader) {
      const table = await tableReader(bytes, context)
      return {
        kind: 'table',
        table,
        file,
        source: table.encoding ? { ...source, encoding: table.encoding } : source,
      }
    }
    const reader = DOCUMENT_READERS[sniffed]
    if (!reader) throw notArticle(file)
    const read = await reader(bytes, context)
    return { kind: 'article', article: articleOf(read, file, source, request.title) }
  } catch (e) {
    if (e instanceof ImportError) throw e
    if (e instanceof FormatError && e.problem === 'no-text' && !TABLE_READERS[sniffed])
      throw emptyError(file, sniffed)
    if (e instanceof FormatError && e.problem === 'unsupported' && TEXT_FORMATS.has(sniffed))
      throw notText(file)
    if (e instanceof FormatError) throw cannotRead(file, formatReason(e))
    throw cannotRead(file, mainMessage('main.format.corrupt'))
  }
}

/** A file with no text: "empty" for a text file, "no text found" for a document. */
function emptyError(file: string, format: SourceFormat): ImportError {
  return new ImportError(
    mainMessage('main.import.empty', { file }),
    mainMessage(
      format === 'text' || format === 'markdown' ? 'main.add.empty' : 'main.format.noText',
    ),
  )
}

/** The article of a reader's blocks: joined, normalized, titled, with its attributes checked. */
export function articleOf(
  read: ReadDocument,
  file: string,
  source: ArticleSource,
  title?: string,
): ReadArticle {
  const text = normalizeText(
    read.blocks
      .map((b) => b.trim())
      .filter(Boolean)
      .join('\n\n'),
  )
  if (!text) throw emptyError(file, source.format)
  return {
    title: oneLine(title ?? read.title ?? '') || basename(file, extname(file)) || file,
    sourceFileName: file,
    text,
    sha256: sha256Hex(text),
    attributes: attributesOf(read),
    source: read.encoding ? { ...source, encoding: read.encoding.slice(0, 40) } : source,
  }
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim().slice(0, 1000)

/** The builtin attributes a file told, each checked: one line, not too long, a date as YYYY-MM-DD. */
function attributesOf(read: ReadDocument): ReadArticle['attributes'] {
  const out: ReadArticle['attributes'] = {}
  for (const [key, raw] of Object.entries(read.attributes) as [BuiltinAttribute, unknown][]) {
    if (typeof raw !== 'string') continue
    const value = oneLine(raw).slice(0, MAX_ATTRIBUTE_VALUE_LENGTH)
    if (!value) continue
    if (key === 'published' && !isIsoDate(value)) continue
    if (key === 'url' && !/^https?:\/\//i.test(value)) continue
    out[key] = value
  }
  return out
}
