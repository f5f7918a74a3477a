// Reads an article file (.txt or .md) into a Gloss document. The content is
// only ever treated as text: nothing in it is parsed as HTML or executed.
import { readFile, stat } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import { normalizeText } from '@shared/model/text'
import type { ArticleDocument } from '@shared/model/schema'
import { sha256Hex } from '../store/session-file'
import { mainMessage } from '@shared/main-messages'
import { MessageError, readFailureReason } from '../errors'

export const ARTICLE_EXTENSIONS = ['txt', 'md', 'markdown'] as const
export const MAX_ARTICLE_BYTES = 50 * 1024 * 1024

export class ImportError extends MessageError {}

export async function readArticle(filePath: string, title?: string): Promise<ArticleDocument> {
  const ext = extname(filePath).slice(1).toLowerCase()
  const file = basename(filePath)
  if (!(ARTICLE_EXTENSIONS as readonly string[]).includes(ext))
    throw new ImportError(mainMessage('main.import.notArticle', { file }))
  let bytes: Buffer
  try {
    const info = await stat(filePath)
    if (info.size > MAX_ARTICLE_BYTES)
      throw new ImportError(mainMessage('main.import.tooLarge', { file }))
    bytes = await readFile(filePath)
  } catch (e) {
    if (e instanceof ImportError) throw e
    throw new ImportError(
      mainMessage('main.import.cannotRead', { file, reason: readFailureReason(e) }),
    )
  }
  let raw: string
  try {
    raw = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new ImportError(mainMessage('main.import.notUtf8', { file }))
  }
  if (raw.includes('\u0000')) throw new ImportError(mainMessage('main.import.notText', { file }))
  const text = normalizeText(raw)
  if (!text) throw new ImportError(mainMessage('main.import.empty', { file }))
  return {
    title: title ?? titleOf(text, filePath, ext),
    sourceFileName: basename(filePath),
    text,
    sha256: sha256Hex(text),
  }
}

/** A Markdown file's first heading, else the file name without extension. */
function titleOf(text: string, filePath: string, ext: string): string {
  if (ext !== 'txt') {
    const heading = /^#{1,6}[ \t]+(.+)$/m.exec(text)
    if (heading?.[1]) return heading[1].trim().slice(0, 200)
  }
  return basename(filePath, extname(filePath))
}
