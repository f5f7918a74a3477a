// A one-file copy of a session (`<title>.gloss.zip`: session.json and
// articles/<id>.<n>.json, optionally under one `<name>.gloss/` folder) read
// in memory, as hostile input: its size checked before it is read, its zip
// checked by zip-reader.ts, its names accepted one by one (a `.bak`, a lock
// and system clutter skipped; anything else refused), its index and article
// files validated exactly as an opened folder's are (corpus-folder.ts's
// parseCorpusIndex and checkArticleFile). Shared by "Open session…" on a
// copy (sessions/portable-copy.ts, which then unpacks it) and "Bring coders'
// work back…" (sessions/coder-copy-read.ts, which never unpacks it).
// Every problem is a CopyProblem carrying the problem alone: the caller
// names the copy in its own words.
// It must never: write a file, serve an entry name it did not accept, or
// inflate past the limits.
import { readFile, stat } from 'node:fs/promises'
import { setImmediate as nextTurn } from 'node:timers/promises'
import {
  MAX_ARTICLES,
  ORIGINAL_FILE,
  type ArticleData,
  type CorpusIndex,
} from '@shared/model/corpus'
import { mainMessage } from '@shared/main-messages'
import { MessageError, readFailureReason, type Reason } from '../errors'
import { ARTICLES_DIR, checkArticleFile, INDEX_FILE, parseCorpusIndex } from './corpus-folder'
import { parseJsonBytes, StoreError } from './session-file'
import {
  formatBytes,
  readZipDirectory,
  unpackEntry,
  ZipProblem,
  type ZipEntry,
  type ZipLimits,
} from './zip-reader'

/** The largest copy Gloss reads (it is read whole). */
export const MAX_COPY_BYTES = 1024 ** 3
export const COPY_LIMITS: ZipLimits = {
  entries: MAX_ARTICLES + 64,
  entryBytes: 512 * 1024 ** 2,
  totalBytes: 2 * 1024 ** 3,
  // Session JSON packs 3–10 times; 200 is far beyond any text.
  ratio: 200,
}

const ARTICLE_ENTRY = /^articles\/[A-Za-z0-9_-]{1,64}\.[0-9]{1,9}\.json$/
/** Entries a zipped session folder may hold that are never read. */
const SKIPPED_ENTRY =
  /^(session\.json\.bak|session\.json\.lock|articles\/[A-Za-z0-9_-]{1,64}\.[0-9]{1,9}\.json\.bak|(.*\/)?\.DS_Store|__MACOSX\/.*)$/
const TOP_FOLDER = /^[^/\\]{1,200}\.gloss\/$/

/** What is wrong with a copy, without naming it (the caller does, in its own words). */
export class CopyProblem extends MessageError {
  constructor(readonly problem: Reason) {
    super(problem)
  }
}

/** A copy's bytes and the session files it holds, by their name in a session folder. */
export interface SessionZip {
  bytes: Buffer
  files: Map<string, ZipEntry>
}

/** Reads a copy and its directory (the limits checked first); throws CopyProblem. */
export async function readSessionZip(path: string): Promise<SessionZip> {
  let bytes: Buffer
  try {
    const info = await stat(path)
    if (info.size > MAX_COPY_BYTES)
      throw new CopyProblem(
        mainMessage('main.copy.tooLarge', { limit: formatBytes(MAX_COPY_BYTES) }),
      )
    bytes = await readFile(path)
  } catch (e) {
    if (e instanceof CopyProblem) throw e
    throw new CopyProblem(readFailureReason(e))
  }
  try {
    return { bytes, files: sessionEntries(readZipDirectory(bytes, COPY_LIMITS)) }
  } catch (e) {
    if (e instanceof ZipProblem) throw new CopyProblem(e.problem)
    throw e
  }
}

/** The files a copy may hold, by name in the session folder; throws ZipProblem. */
function sessionEntries(entries: ZipEntry[]): Map<string, ZipEntry> {
  // A zipped folder puts everything under `<name>.gloss/`: the folder of its session.json.
  const index = entries.find((e) => e.name === INDEX_FILE || e.name.endsWith(`/${INDEX_FILE}`))
  const top = index ? index.name.slice(0, -INDEX_FILE.length) : ''
  if (top && !TOP_FOLDER.test(top))
    throw new ZipProblem(mainMessage('main.copy.strangeFile', { name: index!.name }))
  const files = new Map<string, ZipEntry>()
  for (const entry of entries) {
    const name = top && entry.name.startsWith(top) ? entry.name.slice(top.length) : entry.name
    if (name === '' || name === `${ARTICLES_DIR}/` || name === 'originals/') continue
    if (SKIPPED_ENTRY.test(name)) continue
    // The index, its articles, and the copies of original files it keeps.
    const known = name === INDEX_FILE || ARTICLE_ENTRY.test(name) || ORIGINAL_FILE.test(name)
    if (entry.isFolder || !known)
      throw new ZipProblem(mainMessage('main.copy.strangeFile', { name: entry.name }))
    if (files.has(name)) throw new ZipProblem(mainMessage('main.copy.twice', { name }))
    files.set(name, entry)
  }
  if (!files.has(INDEX_FILE)) throw new ZipProblem(mainMessage('main.copy.noIndex'))
  return files
}

/** The bytes of one file of the copy (by its name in a session folder); throws CopyProblem. */
export function unpackSessionFile(zip: SessionZip, name: string): Buffer {
  const entry = zip.files.get(name)
  if (!entry) throw new CopyProblem(mainMessage('main.io.fileMissing'))
  try {
    return unpackEntry(zip.bytes, entry)
  } catch (e) {
    if (e instanceof ZipProblem) throw new CopyProblem(e.problem)
    throw e
  }
}

/** The index's JSON, not validated yet (callers may look at it first); throws CopyProblem. */
export function indexJsonOf(zip: SessionZip): Record<string, unknown> {
  try {
    return parseJsonBytes(unpackSessionFile(zip, INDEX_FILE), INDEX_FILE) as Record<string, unknown>
  } catch (e) {
    throw new CopyProblem(innerProblem(e))
  }
}

/** The index validated as on open; throws CopyProblem (a newer format's too). */
export function validateIndex(json: unknown): CorpusIndex {
  try {
    return parseCorpusIndex(json, INDEX_FILE)
  } catch (e) {
    throw new CopyProblem(innerProblem(e))
  }
}

/**
 * Every article the index names, read from the copy and checked as on open
 * (its session, its text's sha256, its passages against the codebook),
 * yielding to the event loop as it goes. Throws CopyProblem naming the
 * first article that cannot be read.
 */
export async function readZipArticles(
  zip: SessionZip,
  index: CorpusIndex,
): Promise<Map<string, ArticleData>> {
  const articles = new Map<string, ArticleData>()
  let lastTurn = Date.now()
  for (const entry of index.articles) {
    let read: ArticleData | { problem: Reason }
    if (!zip.files.has(entry.file)) read = { problem: mainMessage('main.io.fileMissing') }
    else {
      try {
        read = checkArticleFile(unpackSessionFile(zip, entry.file), entry.file, index, entry)
      } catch (e) {
        if (!(e instanceof CopyProblem)) throw e
        read = { problem: e.problem }
      }
    }
    if ('problem' in read)
      throw new CopyProblem(
        mainMessage('main.copy.articleBroken', {
          title: entry.title,
          file: entry.file,
          problem: read.problem,
        }),
      )
    articles.set(entry.id, read)
    // A long copy: main keeps answering the window meanwhile.
    if (Date.now() - lastTurn > 30) {
      await nextTurn()
      lastTurn = Date.now()
    }
  }
  return articles
}

/** The problem inside a "Cannot open <file>: <problem>" error, else its message or text. */
export function innerProblem(e: unknown): Reason {
  const problem = e instanceof StoreError ? e.ref?.params?.problem : undefined
  if (typeof problem === 'object' && problem !== null && 'key' in problem) return problem
  if (e instanceof MessageError && e.ref) return e.ref
  return e instanceof Error ? e.message : String(e)
}
