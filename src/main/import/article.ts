// Reads an article file into a Gloss article: the one reader behind "Open
// article…" and "Add articles…". The file's content decides its format
// (formats/sniff.ts: a PDF named .docx is read as a PDF); the format's
// reader gives text blocks and attributes, which end here in the same
// normalization for every format (blocks joined by one blank line, then
// text.ts: BOM, LF, NFC), so that offsets, sha256 and duplicates mean the
// same whatever the source. A table of articles (CSV, Excel) is handed
// back as a table: its rows become articles once the analyst maps them.
// It must never: keep markup, run or fetch anything, or throw for one file
// anything but an ImportError with a translated reason.
import { readFile, stat } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import { mainMessage, type MainMessageKey, type MessageRef } from '@shared/main-messages'
import {
  isIsoDate,
  MAX_ATTRIBUTE_VALUE_LENGTH,
  type ArticleSource,
  type BuiltinAttribute,
  type SourceFormat,
} from '@shared/model/corpus'
import type { ArticleDocument } from '@shared/model/schema'
import { normalizeText } from '@shared/model/text'
import { MessageError, readFailureReason, type Reason } from '../errors'
import { sha256Hex } from '../store/hash'
import {
  DOCUMENT_READERS,
  FormatError,
  sniffFormat,
  TABLE_READERS,
  type FormatProblem,
  type ReadDocument,
  type ReadTable,
} from './formats'

export { ARTICLE_EXTENSIONS } from './formats'

/** Text files (text, Markdown, web pages, CSV) larger than this are refused by "Open article…". */
export const MAX_ARTICLE_BYTES = 50 * 1024 * 1024
/** Documents (PDF, Word, OpenDocument, EPUB, Excel) larger than this are refused: a print edition's PDF fits. */
export const MAX_DOCUMENT_BYTES = 200 * 1024 * 1024

/** Formats whose size is the text's (the text limit applies); the others are containers. */
const TEXT_FORMATS: ReadonlySet<SourceFormat> = new Set([
  'text',
  'markdown',
  'html',
  'mhtml',
  'csv',
])

/** Names of documents (containers), which may be larger than a text file. */
const DOCUMENT_EXTENSIONS: ReadonlySet<string> = new Set(['pdf', 'docx', 'odt', 'epub', 'xlsx'])

/** Names of text files: one of these that is not text is said to be "not a text file". */
const TEXT_EXTENSIONS: ReadonlySet<string> = new Set([
  'txt',
  'text',
  'md',
  'markdown',
  'csv',
  'tsv',
])

/** Why an article could not be read: the whole message, and the reason alone (without the file's name). */
export class ImportError extends MessageError {
  /** For lists that show the file's name beside it (the report of "Add articles…"). */
  readonly reason: Reason

  constructor(message: MessageRef, reason?: Reason) {
    super(message)
    this.reason = reason ?? message
  }
}

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

export interface ReadArticleOptions {
  /** The title to give the article (default: the file's own, else the file's name). */
  title?: string
  /** Text files larger than this are refused (default MAX_ARTICLE_BYTES). */
  maxBytes?: number
  /** Progress inside the file (pages of a PDF). */
  onProgress?: (done: number, total: number) => void
  /** True once the analyst has cancelled. */
  cancelled?: () => boolean
}

const PROBLEM_KEYS = {
  unsupported: 'main.format.unsupported',
  corrupt: 'main.format.corrupt',
  encrypted: 'main.format.encrypted',
  scanned: 'main.format.scanned',
  'no-text': 'main.format.noText',
  'too-large': 'main.format.tooLarge',
  'old-format': 'main.format.oldFormat',
  cancelled: 'main.format.cancelled',
} as const satisfies Record<FormatProblem, MainMessageKey>

/** A reader's problem as a reason (its detail, a library's words, after it where there is one). */
export function formatReason(e: FormatError): MessageRef {
  const reason = mainMessage(PROBLEM_KEYS[e.problem])
  return e.detail && e.problem === 'corrupt'
    ? mainMessage('main.format.detail', { reason, detail: e.detail.slice(0, 200) })
    : reason
}

/** Reads a file: one article, or a table of articles. Throws ImportError. */
export async function readArticleFile(
  filePath: string,
  options: ReadArticleOptions = {},
): Promise<ReadFile> {
  const { maxBytes = MAX_ARTICLE_BYTES } = options
  const file = basename(filePath)
  const cannotRead = (reason: Reason) =>
    new ImportError(mainMessage('main.import.cannotRead', { file, reason }), reason)
  const tooLarge = (limit: number) => {
    const mb = Math.round(limit / (1024 * 1024))
    return new ImportError(
      mainMessage('main.add.fileTooLarge', { file, limit: mb }),
      mainMessage('main.add.tooLarge', { limit: mb }),
    )
  }
  let bytes: Buffer
  try {
    const info = await stat(filePath)
    if (info.isDirectory()) throw cannotRead(mainMessage('main.io.isFolder'))
    if (!info.isFile()) throw cannotRead(mainMessage('main.add.notFile'))
    if (info.size > Math.max(maxBytes, MAX_DOCUMENT_BYTES)) throw tooLarge(MAX_DOCUMENT_BYTES)
    // A text file over the limit is refused unread; a document's limit is the larger one.
    if (info.size > maxBytes && !DOCUMENT_EXTENSIONS.has(extname(file).slice(1).toLowerCase()))
      throw tooLarge(maxBytes)
    bytes = await readFile(filePath)
  } catch (e) {
    if (e instanceof ImportError) throw e
    throw cannotRead(readFailureReason(e))
  }
  const sniffed = sniffFormat(bytes, file)
  if (sniffed === null && TEXT_EXTENSIONS.has(extname(file).slice(1).toLowerCase()))
    throw new ImportError(
      mainMessage('main.import.notText', { file }),
      mainMessage('main.add.notText'),
    )
  if (sniffed === null)
    throw new ImportError(
      mainMessage('main.import.notArticle', { file }),
      mainMessage('main.add.notArticle'),
    )
  if (sniffed === 'old-office' || sniffed === 'encrypted-office')
    throw cannotRead(
      formatReason(new FormatError(sniffed === 'old-office' ? 'old-format' : 'encrypted')),
    )
  if (TEXT_FORMATS.has(sniffed) && bytes.length > maxBytes) throw tooLarge(maxBytes)
  const source: ArticleSource = { format: sniffed, bytes: bytes.length }
  const context = { fileName: file, onProgress: options.onProgress, cancelled: options.cancelled }
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
    if (!reader)
      throw new ImportError(
        mainMessage('main.import.notArticle', { file }),
        mainMessage('main.add.notArticle'),
      )
    const read = await reader(bytes, context)
    return { kind: 'article', article: articleOf(read, file, source, options.title) }
  } catch (e) {
    if (e instanceof ImportError) throw e
    if (e instanceof FormatError && e.problem === 'no-text' && !TABLE_READERS[sniffed])
      throw emptyError(file, sniffed)
    if (e instanceof FormatError && e.problem === 'unsupported' && TEXT_FORMATS.has(sniffed))
      throw new ImportError(
        mainMessage('main.import.notText', { file }),
        mainMessage('main.add.notText'),
      )
    if (e instanceof FormatError) throw cannotRead(formatReason(e))
    throw cannotRead(mainMessage('main.format.corrupt'))
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

/** Reads a file that must hold one article ("Open article…"): a table is refused with why. */
export async function readArticle(
  filePath: string,
  options: string | ReadArticleOptions = {},
): Promise<ReadArticle> {
  const read = await readArticleFile(
    filePath,
    typeof options === 'string' ? { title: options } : options,
  )
  if (read.kind === 'article') return read.article
  const reason = mainMessage('main.format.tableOpen')
  throw new ImportError(
    mainMessage('main.import.cannotRead', { file: basename(filePath), reason }),
    reason,
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
  if (!text)
    throw new ImportError(
      mainMessage('main.import.empty', { file }),
      mainMessage(
        source.format === 'text' || source.format === 'markdown'
          ? 'main.add.empty'
          : 'main.format.noText',
      ),
    )
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
