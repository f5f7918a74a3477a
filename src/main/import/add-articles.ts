// Adds articles to an open session: a batch of files (from "Add articles…"
// or dropped on the window) or one pasted text. Each file is read by the
// one article reader (article.ts: checks, then its parser: in the import
// worker when Gloss runs); a few files ahead of the one being added are
// read meanwhile (the parser's readAhead), so that parsing overlaps main's
// commits, but files are handled in the batch's order. A file whose
// normalized text is already in the session (or earlier in the batch) is
// reported as a duplicate, a file that cannot be read is reported with its
// reason, and the rest are added. Read articles are committed in chunks,
// each one index commit (crash-atomic): a cancel, checked between files,
// keeps every chunk committed before it and the files added so far. The
// event loop is given back between files, so that a drop of thousands of
// files never holds main for long.
// It must never: add an article twice, add files out of the batch's
// order, lose a committed chunk on cancel, or import electron.
import { randomUUID } from 'node:crypto'
import { basename, isAbsolute } from 'node:path'
import type { AddArticlesResult, PendingTable } from '@shared/ipc/types'
import { mainMessage } from '@shared/main-messages'
import { MAX_ARTICLES, type ArticleData, type ArticleEntry } from '@shared/model/corpus'
import type { ArticleDocument } from '@shared/model/schema'
import type { Reason } from '../errors'
import { originalNameOf } from '../store/originals'
import { StoreError } from '../store/session-file'
import {
  cannotRead,
  ImportError,
  readArticleFile,
  type ReadArticle,
  type ReadFile,
} from './article'
import { inProcessParser, type ArticleParser } from './article-parser'
import { ReadAhead, type ReadProgress } from './read-ahead'

/** Files larger than this are not added (20 MB): far above any article. */
export const MAX_ADDED_BYTES = 20 * 1024 * 1024
/** Most articles in one index commit. */
export const CHUNK_ARTICLES = 100
/** Articles in the first commit, before the time a commit takes here is known. */
const FIRST_CHUNK = 20
/** A chunk is committed once reading it has taken this long (ms), so that a cancel acts soon. */
export const CHUNK_MS = 250
/**
 * What one commit should take (ms): each article is a durable file write, so
 * chunks are sized from the time the last commit took per article, keeping
 * a cancel (which waits for the commit under way) well within a second.
 */
export const COMMIT_TARGET_MS = 300

export interface AddedArticle {
  entry: ArticleEntry
  article: ArticleData
  /**
   * The bytes of the file it was read from, when the analyst keeps
   * originals: written as `entry.source.original` before the commit.
   */
  original?: Uint8Array
}

/** A file read by a batch, with its bytes when originals are kept. */
type BatchRead = ReadFile & { original?: Uint8Array }

/** How far a batch is: files handled of the total, and the one being read. */
export interface BatchProgress {
  done: number
  total: number
  file: string
  /** Inside the file being read: pages of a PDF. */
  part?: { done: number; total: number }
}

export interface BatchDeps {
  /** The articles of the session now (duplicates are looked for among them). */
  existing: () => readonly ArticleEntry[]
  /** Commits read articles to the session in one index write. */
  commit: (added: AddedArticle[]) => Promise<void>
  now: () => string
  /** True once the analyst has cancelled. */
  cancelled: () => boolean
  onProgress?: (progress: BatchProgress) => void
  /** Parses the files' bytes (default: in this thread); the batch reads its readAhead files ahead. */
  parser?: ArticleParser
  /** Reads one file (default: the article reader with the 20 MB limit, through the parser). */
  read?: (path: string, within: ReadProgress) => Promise<ReadFile>
  /** Files read ahead of the one being added (default: the parser's readAhead; 0 with `read`). */
  readAhead?: number
  /** A file that is a table of articles: kept for the analyst to map (null: reported as not added). */
  onTable?: (read: Extract<ReadFile, { kind: 'table' }>) => PendingTable | null
  chunkArticles?: number
  chunkMs?: number
  /** Keep a copy of each file an article is read from ("Keep a copy of the original file"). */
  keepOriginals?: boolean
}

export type { ReadProgress }

/** A new article of the session from a document read or pasted (with what the file told of it). */
export function newArticle(
  document: ArticleDocument & Partial<Pick<ReadArticle, 'attributes' | 'source'>>,
  now: string,
): AddedArticle {
  const id = randomUUID()
  return {
    entry: {
      id,
      title: document.title,
      sourceFileName: document.sourceFileName,
      sha256: document.sha256,
      chars: document.text.length,
      addedAt: now,
      attributes: { ...document.attributes },
      passageCount: 0,
      ...(document.source && { source: document.source }),
    },
    article: { id, text: document.text, passages: [], ui: { scrollTop: 0 }, updatedAt: now },
  }
}

/** The article, naming the copy of its original file that its commit writes. */
function withOriginal(added: AddedArticle, bytes: Uint8Array | undefined): AddedArticle {
  const source = added.entry.source
  if (!bytes || !source) return added
  const original = originalNameOf(bytes, added.entry.sourceFileName)
  return { ...added, entry: { ...added.entry, source: { ...source, original } }, original: bytes }
}

/** Gives the event loop back (IPC, saves, other handlers) before the next file. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * The article reader with the batch's size limit; a relative path (never
 * from a dialog or a drop) is refused. With `keep`, an article's read
 * carries a copy of the file's bytes (the parser may take the originals).
 */
function readForBatch(parser: ArticleParser, keep: boolean) {
  return async (path: string, within: ReadProgress): Promise<BatchRead> => {
    if (!isAbsolute(path)) throw cannotRead(basename(path), mainMessage('main.add.notFile'))
    let original: Uint8Array | undefined
    const read = await readArticleFile(path, {
      maxBytes: MAX_ADDED_BYTES,
      parser,
      ...within,
      ...(keep && { onBytes: (bytes: Uint8Array) => void (original = Uint8Array.from(bytes)) }),
    })
    return original && read.kind === 'article' ? { ...read, original } : read
  }
}

/** Reads `paths` in order and adds what can be added; never throws for one file. */
export async function addArticleBatch(
  paths: readonly string[],
  deps: BatchDeps,
): Promise<AddArticlesResult> {
  const parser = deps.parser ?? inProcessParser
  const reads = new ReadAhead(
    paths,
    deps.read ?? readForBatch(parser, deps.keepOriginals === true),
    deps.cancelled,
    deps.readAhead ?? (deps.read ? 0 : parser.readAhead),
  )
  const chunkArticles = deps.chunkArticles ?? CHUNK_ARTICLES
  const chunkMs = deps.chunkMs ?? CHUNK_MS
  let chunkLimit = Math.min(chunkArticles, FIRST_CHUNK)
  const result: AddArticlesResult = { added: [], duplicates: [], failures: [], cancelled: false }
  // The session's texts by sha256, and those of this batch as they are read.
  const known = new Map<string, string>()
  for (const a of deps.existing()) if (!known.has(a.sha256)) known.set(a.sha256, a.title)
  let chunk: AddedArticle[] = []
  let chunkStarted = performance.now()
  const commit = async () => {
    if (chunk.length === 0) return
    const done = chunk
    chunk = []
    // Counted as added before the write: on a failed write main still holds them.
    result.added.push(...done.map((a) => a.entry))
    const started = performance.now()
    await deps.commit(done)
    const perArticle = (performance.now() - started) / done.length
    chunkLimit = Math.max(1, Math.min(chunkArticles, Math.floor(COMMIT_TARGET_MS / perArticle)))
  }
  let lastReport = -Infinity
  /** Files handled so far (read, or found a duplicate, or failed). */
  let handled = 0
  try {
    for (let i = 0; i < paths.length; i++, handled = i) {
      if (deps.cancelled()) {
        result.cancelled = true
        break
      }
      const file = basename(paths[i]!)
      // At most one report per frame or so: thousands of files make no flood of events.
      const time = performance.now()
      if (time - lastReport >= 30 || i === 0) {
        lastReport = time
        deps.onProgress?.({ done: i, total: paths.length, file })
      }
      const room = MAX_ARTICLES - deps.existing().length - chunk.length
      if (room <= 0) {
        reads.skip(i)
        result.failures.push({ file, reason: mainMessage('main.add.full', { max: MAX_ARTICLES }) })
        continue
      }
      const reading = reads.take(i, room - 1)
      let lastPage = -Infinity
      const reportPart = (part: { done: number; total: number }) => {
        // Pages of a long PDF: at most one report per frame or so.
        const t = performance.now()
        if (t - lastPage < 30 && part.done < part.total) return
        lastPage = t
        deps.onProgress?.({ done: i, total: paths.length, file, part })
      }
      if (reading.part) reportPart(reading.part)
      reading.listen(reportPart)
      const outcome = await reading.outcome
      if (outcome.ok) add(outcome.read, file)
      else {
        const e = outcome.error
        // A file stopped by the cancel is not a failure: the batch says it was cancelled.
        if (deps.cancelled() && e instanceof ImportError) continue
        result.failures.push({
          file,
          reason: e instanceof ImportError ? e.reason : e instanceof Error ? e.message : String(e),
        })
      }
      if (chunk.length >= chunkLimit || performance.now() - chunkStarted >= chunkMs) {
        const stopped = await commitOrStop(commit)
        if (stopped) return { ...result, stoppedBy: stopped }
        chunkStarted = performance.now()
      }
      await yieldToEventLoop()
    }
  } finally {
    reads.stop()
  }
  // What was read before a cancel is added too: the analyst saw it counted.
  const stopped = await commitOrStop(commit)
  deps.onProgress?.({ done: handled, total: paths.length, file: '' })
  return stopped ? { ...result, stoppedBy: stopped } : result

  /** A file read: its article joins the chunk (unless a duplicate), a table waits for its mapping. */
  function add(read: BatchRead, file: string) {
    if (read.kind === 'table') {
      // Its rows are added once the analyst has chosen its columns.
      const pending = deps.onTable?.(read) ?? null
      if (pending) (result.tables ??= []).push(pending)
      else result.failures.push({ file, reason: mainMessage('main.format.table') })
      return
    }
    const document = read.article
    const duplicateOf = known.get(document.sha256)
    if (duplicateOf !== undefined) result.duplicates.push({ file, title: duplicateOf })
    else {
      known.set(document.sha256, document.title)
      chunk.push(withOriginal(newArticle(document, deps.now()), read.original))
    }
  }
}

/**
 * Commits a chunk; when the session cannot be written, the batch stops with
 * the reason. The chunk's articles are in the session all the same: main
 * keeps them and writes them with the next save, as it does any edit.
 */
async function commitOrStop(commit: () => Promise<void>): Promise<Reason | null> {
  try {
    await commit()
    return null
  } catch (e) {
    if (e instanceof StoreError) return e.ref ?? e.message
    return e instanceof Error ? e.message : String(e)
  }
}
