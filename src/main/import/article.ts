// Reads an article file (.txt or .md) into a Gloss document: the one reader
// behind "Open article…" and "Add articles…" (the formats of later imports
// plug in here, by extension). The content is only ever treated as text:
// nothing in it is parsed as HTML or executed.
import { readFile, stat } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import { normalizeText } from '@shared/model/text'
import type { ArticleDocument } from '@shared/model/schema'
import { sha256Hex } from '../store/session-file'
import { mainMessage, type MessageRef } from '@shared/main-messages'
import { MessageError, readFailureReason, type Reason } from '../errors'
import { markdownTitle } from './formats/text'

export const ARTICLE_EXTENSIONS = ['txt', 'md', 'markdown'] as const
export const MAX_ARTICLE_BYTES = 50 * 1024 * 1024

/** Why an article could not be read: the whole message, and the reason alone (without the file's name). */
export class ImportError extends MessageError {
  /** For lists that show the file's name beside it (the report of "Add articles…"). */
  readonly reason: Reason

  constructor(message: MessageRef, reason?: Reason) {
    super(message)
    this.reason = reason ?? message
  }
}

export interface ReadArticleOptions {
  /** The title to give the article (default: a Markdown file's first heading, else the file name). */
  title?: string
  /** Files larger than this are refused (default MAX_ARTICLE_BYTES). */
  maxBytes?: number
}

export async function readArticle(
  filePath: string,
  options: string | ReadArticleOptions = {},
): Promise<ArticleDocument> {
  const { title, maxBytes = MAX_ARTICLE_BYTES } =
    typeof options === 'string' ? { title: options } : options
  const ext = extname(filePath).slice(1).toLowerCase()
  const file = basename(filePath)
  const cannotRead = (reason: Reason) =>
    new ImportError(mainMessage('main.import.cannotRead', { file, reason }), reason)
  let bytes: Buffer
  try {
    const info = await stat(filePath)
    if (info.isDirectory()) throw cannotRead(mainMessage('main.io.isFolder'))
    if (!(ARTICLE_EXTENSIONS as readonly string[]).includes(ext))
      throw new ImportError(
        mainMessage('main.import.notArticle', { file }),
        mainMessage('main.add.notArticle'),
      )
    if (!info.isFile()) throw cannotRead(mainMessage('main.add.notFile'))
    if (info.size > maxBytes) {
      const limit = Math.round(maxBytes / (1024 * 1024))
      throw new ImportError(
        maxBytes === MAX_ARTICLE_BYTES
          ? mainMessage('main.import.tooLarge', { file })
          : mainMessage('main.add.fileTooLarge', { file, limit }),
        mainMessage('main.add.tooLarge', { limit }),
      )
    }
    bytes = await readFile(filePath)
  } catch (e) {
    if (e instanceof ImportError) throw e
    throw cannotRead(readFailureReason(e))
  }
  let raw: string
  try {
    raw = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new ImportError(
      mainMessage('main.import.notUtf8', { file }),
      mainMessage('main.add.notUtf8'),
    )
  }
  if (raw.includes('\u0000'))
    throw new ImportError(
      mainMessage('main.import.notText', { file }),
      mainMessage('main.add.notText'),
    )
  const text = normalizeText(raw)
  if (!text)
    throw new ImportError(mainMessage('main.import.empty', { file }), mainMessage('main.add.empty'))
  return {
    title: title ?? titleOf(text, filePath, ext),
    sourceFileName: basename(filePath),
    text,
    sha256: sha256Hex(text),
  }
}

/** A Markdown file's first heading, else the file name without extension. */
function titleOf(text: string, filePath: string, ext: string): string {
  const heading = ext !== 'txt' ? markdownTitle(text) : undefined
  return heading ?? basename(filePath, extname(filePath))
}
