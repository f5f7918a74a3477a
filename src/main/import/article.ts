// Reads an article file into a Gloss article: the one reader behind "Open
// article…" and "Add articles…". Main's part is here: the file's checks
// (a regular file, within the size limits) and its bytes; parsing them
// (the format told by the content, the reader, normalization, sha256:
// parse-article.ts) is the ArticleParser's, in the import worker when
// Gloss runs (parse-pool.ts). A table of articles (CSV, Excel) is handed
// back as a table: its rows become articles once the analyst maps them.
// It must never: keep markup, run or fetch anything, or throw for one file
// anything but an ImportError with a translated reason.
import { readFile, stat } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import { mainMessage } from '@shared/main-messages'
import { readFailureReason } from '../errors'
import { inProcessParser, type ArticleParser } from './article-parser'
import { cannotRead, ImportError } from './import-error'
import type { ReadArticle, ReadFile } from './parse-article'

export { ARTICLE_EXTENSIONS } from './formats'
export { cannotRead, ImportError } from './import-error'
export type { ReadArticle, ReadFile } from './parse-article'

/** Text files (text, Markdown, web pages, CSV) larger than this are refused by "Open article…". */
export const MAX_ARTICLE_BYTES = 50 * 1024 * 1024
/** Documents (PDF, Word, OpenDocument, EPUB, Excel) larger than this are refused: a print edition's PDF fits. */
export const MAX_DOCUMENT_BYTES = 200 * 1024 * 1024

/** Names of documents (containers), which may be larger than a text file. */
const DOCUMENT_EXTENSIONS: ReadonlySet<string> = new Set(['pdf', 'docx', 'odt', 'epub', 'xlsx'])

export interface ReadArticleOptions {
  /** The title to give the article (default: the file's own, else the file's name). */
  title?: string
  /** Text files larger than this are refused (default MAX_ARTICLE_BYTES). */
  maxBytes?: number
  /** Progress inside the file (pages of a PDF). */
  onProgress?: (done: number, total: number) => void
  /** True once the analyst has cancelled. */
  cancelled?: () => boolean
  /** Who parses the bytes (default: in this thread). */
  parser?: ArticleParser
  /** Given the file's bytes before they are parsed (to keep a copy: the parser may take them). */
  onBytes?: (bytes: Uint8Array) => void
}

/** Reads a file: one article, or a table of articles. Throws ImportError. */
export async function readArticleFile(
  filePath: string,
  options: ReadArticleOptions = {},
): Promise<ReadFile> {
  const { maxBytes = MAX_ARTICLE_BYTES, parser = inProcessParser } = options
  const file = basename(filePath)
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
    if (info.isDirectory()) throw cannotRead(file, mainMessage('main.io.isFolder'))
    if (!info.isFile()) throw cannotRead(file, mainMessage('main.add.notFile'))
    if (info.size > Math.max(maxBytes, MAX_DOCUMENT_BYTES)) throw tooLarge(MAX_DOCUMENT_BYTES)
    // A text file over the limit is refused unread; a document's limit is the larger one.
    if (info.size > maxBytes && !DOCUMENT_EXTENSIONS.has(extname(file).slice(1).toLowerCase()))
      throw tooLarge(maxBytes)
    bytes = await readFile(filePath)
  } catch (e) {
    if (e instanceof ImportError) throw e
    throw cannotRead(file, readFailureReason(e))
  }
  options.onBytes?.(bytes)
  return parser.parse(
    bytes,
    { file, maxBytes, ...(options.title !== undefined && { title: options.title }) },
    { onProgress: options.onProgress, cancelled: options.cancelled },
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
  throw cannotRead(basename(filePath), mainMessage('main.format.tableOpen'))
}
