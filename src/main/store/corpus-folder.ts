// A session folder (format 2) on disk: `<name>.gloss/session.json` (the
// index: codebook, theme groups, attribute definitions, the article list)
// and one file per article, `articles/<id>.<generation>.json` (text,
// passages, view state). Main is its only writer.
//
// Writes, and why every edit is crash-atomic:
// - an edit of one article (a passage, a note, the scroll position) rewrites
//   that article's file in place, durably (temp file, fsync, rename: the old
//   or the new file, never a mixture), keeping the version it replaces as
//   `.bak`. The index is not written: the passage counts it caches are
//   recomputed from the article files on load.
// - an edit that changes the index (the codebook, attributes, the list), and
//   every edit that touches several articles, writes each touched article to
//   a NEW file (the next generation), then the index naming the new files.
//   The index's rename is the commit: a crash before it leaves the old index
//   naming the old, untouched files; after it, the new ones. Old generations
//   are deleted after the commit, and files no index names are deleted on
//   the next open.
//
// It must never: write a folder it holds read-only, overwrite an article
// file the index does not name, or import electron.
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { Low } from 'lowdb'
import {
  articleFileSchema,
  CORPUS_FORMAT,
  corpusIndexSchema,
  findIndexProblems,
  type ArticleData,
  type ArticleFile,
  type CorpusIndex,
  type IndexArticle,
} from '@shared/model/corpus'
import type { CorpusState } from '@shared/model/corpus-edits'
import { comparePassages } from '@shared/model/edits'
import { findPassageProblems } from '@shared/model/schema'
import { mainMessage, type MessageRef } from '@shared/main-messages'
import { readFailureReason, writeFailureReason, type Reason } from '../errors'
import {
  DurableJSONFile,
  isTempFileOf,
  syncFolder,
  writeFileDurably,
  type DurableFs,
} from './durable-file'
import { eachAtMost } from './each-at-most'
import { removeUnnamedOriginals } from './originals'
import { sha256Hex } from './hash'
import { versionOf } from './migrations'
import { parseJsonBytes, StoreError } from './session-file'

export const INDEX_FILE = 'session.json'
export const FOLDER_EXTENSION = '.gloss'
export const ARTICLES_DIR = 'articles'

export const indexPathOf = (dir: string) => join(dir, INDEX_FILE)

/** What the index may name as an article file (as its schema says). */
const ARTICLE_FILE = /^articles\/[A-Za-z0-9_-]+\.[0-9]+\.json$/

/** An article the session could not read: which one, which file, what is wrong. */
export interface ArticleProblem {
  articleId: string
  title: string
  file: string
  problem: Reason
}

export interface LoadedCorpus {
  state: CorpusState
  /** The article files, by article id (relative to the folder). */
  files: Map<string, string>
  openArticleId: string | null
  /** Articles that could not be read: the session then opens read-only. */
  problems: ArticleProblem[]
}

const isMessageRef = (v: unknown): v is MessageRef =>
  typeof v === 'object' && v !== null && typeof (v as { key?: unknown }).key === 'string'

const invalidAt = (file: string, problem: MessageRef) =>
  new StoreError('invalid-session', mainMessage('main.load.cannotOpen', { file, problem }))

/** Reads and validates a session folder's index; throws StoreError. */
export async function readCorpusIndex(
  dir: string,
  file: string = indexPathOf(dir),
): Promise<CorpusIndex> {
  let bytes: Buffer
  try {
    bytes = await readFile(file)
  } catch (e) {
    throw new StoreError(
      'unreadable',
      mainMessage('main.load.cannotOpen', { file, problem: readFailureReason(e) }),
    )
  }
  return parseCorpusIndex(parseJsonBytes(bytes, file), file)
}

/**
 * Validates an index's JSON (read from `file`, or from a zip in memory):
 * its version, its shape, what zod cannot see. Throws StoreError naming
 * `file`; never touches the disk.
 */
export function parseCorpusIndex(json: unknown, file: string): CorpusIndex {
  const version = versionOf(json)
  if (version === null) throw invalidAt(file, mainMessage('main.load.noVersion'))
  if (version > CORPUS_FORMAT)
    throw new StoreError(
      'newer-version',
      mainMessage('main.load.newer', { file, version, supported: CORPUS_FORMAT }),
    )
  const parsed = corpusIndexSchema.safeParse(json)
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    const detail = first?.message ?? 'invalid'
    throw invalidAt(
      file,
      first?.path.length
        ? mainMessage('main.load.shapeAt', { path: first.path.join('.'), detail })
        : mainMessage('main.load.shape', { detail }),
    )
  }
  const index = parsed.data
  const problems = findIndexProblems(index)
  if (new Set(index.articles.map((a) => a.file)).size !== index.articles.length)
    problems.push('two articles share a file')
  if (index.ui.articleId !== null && !index.articles.some((a) => a.id === index.ui.articleId))
    index.ui.articleId = null
  if (problems.length)
    throw invalidAt(
      file,
      mainMessage('main.load.inconsistent', { detail: problems.slice(0, 3).join('; ') }),
    )
  return index
}

/**
 * Reads one article file and checks it against its index entry and the
 * codebook; returns the article, or the problem (never throws).
 */
export async function readArticleFile(
  dir: string,
  index: Pick<CorpusIndex, 'id' | 'codebook'>,
  entry: IndexArticle,
): Promise<ArticleData | { problem: Reason }> {
  const path = join(dir, entry.file)
  let bytes: Buffer
  try {
    bytes = await readFile(path)
  } catch (e) {
    return { problem: readFailureReason(e) }
  }
  return checkArticleFile(bytes, path, index, entry)
}

/**
 * Checks the bytes of an article file (read from `path`, or from a zip in
 * memory) against its index entry and the codebook: its shape, its session
 * and article, its text's sha256, its passages. Returns the article, or the
 * problem (never throws, never touches the disk).
 */
export function checkArticleFile(
  bytes: Buffer,
  path: string,
  index: Pick<CorpusIndex, 'id' | 'codebook'>,
  entry: Pick<IndexArticle, 'id' | 'sha256'>,
): ArticleData | { problem: Reason } {
  let json: unknown
  try {
    json = parseJsonBytes(bytes, path)
  } catch (e) {
    // The problem itself (empty, not JSON…): the caller names the file.
    const inner = e instanceof StoreError ? e.ref?.params?.problem : undefined
    return { problem: isMessageRef(inner) ? inner : mainMessage('main.load.empty') }
  }
  const parsed = articleFileSchema.safeParse(json)
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    const detail = first?.message ?? 'invalid'
    return {
      problem: first?.path.length
        ? mainMessage('main.load.shapeAt', { path: first.path.join('.'), detail })
        : mainMessage('main.load.shape', { detail }),
    }
  }
  const a = parsed.data
  if (a.id !== entry.id || a.sessionId !== index.id)
    return { problem: mainMessage('main.load.otherArticle') }
  if (sha256Hex(a.text) !== entry.sha256) return { problem: mainMessage('main.load.checksum') }
  const view = {
    document: { title: '', sourceFileName: '', text: a.text, sha256: '' },
    codebook: index.codebook,
  }
  const problems: string[] = []
  const ids = new Set<string>()
  const known = new Set(index.codebook.map((t) => t.id))
  for (const p of a.passages) {
    if (ids.has(p.id)) problems.push(`duplicate passage id ${p.id}`)
    ids.add(p.id)
    problems.push(...findPassageProblems(view, p, known))
    if (problems.length >= 3) break
  }
  if (problems.length)
    return {
      problem: mainMessage('main.load.inconsistent', { detail: problems.slice(0, 3).join('; ') }),
    }
  a.passages.sort(comparePassages)
  return { id: a.id, text: a.text, passages: a.passages, ui: a.ui, updatedAt: a.updatedAt }
}

/** A session folder opened for work: the index and one article now, the others as they load. */
export interface OpeningCorpus {
  /** The index's meta (passage counts as cached) and the first article read. */
  state: CorpusState
  /** The article files, by article id (relative to the folder). */
  files: Map<string, string>
  /** The article the index says was open. */
  openArticleId: string | null
  /** The article read first (the open one, else the first readable), null when none reads. */
  firstArticleId: string | null
  /** Problems of the articles tried before it. */
  problems: ArticleProblem[]
  /**
   * The other articles, read in the background (a few files at a time, so
   * that main keeps answering meanwhile), with their problems.
   */
  rest: Promise<{ articles: Map<string, ArticleData>; problems: ArticleProblem[] }>
}

const problemOf = (dir: string, entry: IndexArticle, problem: Reason): ArticleProblem => ({
  articleId: entry.id,
  title: entry.title,
  file: join(dir, entry.file),
  problem,
})

/**
 * Opens a session folder: reads and checks the index, then the article
 * that was open (or the first that reads), and starts reading the others.
 * Throws StoreError when the index cannot be used.
 */
export async function openCorpusFolder(dir: string): Promise<OpeningCorpus> {
  const index = await readCorpusIndex(dir)
  const files = new Map(index.articles.map((a) => [a.id, a.file]))
  const order = [...index.articles]
  const open = order.findIndex((a) => a.id === index.ui.articleId)
  if (open > 0) order.unshift(...order.splice(open, 1))
  const articles = new Map<string, ArticleData>()
  const problems: ArticleProblem[] = []
  let first: IndexArticle | undefined
  while ((first = order.shift())) {
    const read = await readArticleFile(dir, index, first)
    if (!('problem' in read)) {
      articles.set(first.id, read)
      break
    }
    problems.push(problemOf(dir, first, read.problem))
  }
  // The others are read later, but a file that is missing or is a folder
  // is known now (one listing of the folder): the session opens read-only.
  const listed = new Map(
    (await readdir(join(dir, ARTICLES_DIR), { withFileTypes: true }).catch(() => [])).map((e) => [
      `${ARTICLES_DIR}/${e.name}`,
      e,
    ]),
  )
  const later: IndexArticle[] = []
  for (const entry of first ? order : []) {
    const found = listed.get(entry.file)
    if (!found) problems.push(problemOf(dir, entry, mainMessage('main.io.fileMissing')))
    else if (found.isDirectory())
      problems.push(problemOf(dir, entry, mainMessage('main.io.isFolder')))
    else later.push(entry)
  }
  const meta = {
    codebook: index.codebook,
    themeGroups: index.themeGroups,
    attributeDefs: index.attributeDefs,
    articles: index.articles.map(({ file: _file, ...entry }) => entry),
    ...(index.coders && { coders: index.coders }),
    ...(index.coderCopy && { coderCopy: index.coderCopy }),
  }
  return {
    state: { id: index.id, createdAt: index.createdAt, updatedAt: index.updatedAt, meta, articles },
    files,
    openArticleId: index.ui.articleId,
    firstArticleId: first?.id ?? null,
    problems: inListOrder(problems, meta.articles),
    rest: readArticles(dir, index, later),
  }
}

/** Reads articles a few at a time (many small files read faster in parallel). */
async function readArticles(
  dir: string,
  index: CorpusIndex,
  entries: IndexArticle[],
): Promise<{ articles: Map<string, ArticleData>; problems: ArticleProblem[] }> {
  const articles = new Map<string, ArticleData>()
  const problems: ArticleProblem[] = []
  await eachAtMost(8, entries, async (entry) => {
    const read = await readArticleFile(dir, index, entry)
    if ('problem' in read) problems.push(problemOf(dir, entry, read.problem))
    else articles.set(entry.id, read)
  })
  return { articles, problems }
}

/** The counts are a cache: the article files are the truth. */
export function withTrueCounts(
  meta: CorpusState['meta'],
  articles: ReadonlyMap<string, ArticleData>,
): CorpusState['meta'] {
  let changed = false
  const list = meta.articles.map((entry) => {
    const a = articles.get(entry.id)
    if (!a || a.passages.length === entry.passageCount) return entry
    changed = true
    return { ...entry, passageCount: a.passages.length }
  })
  return changed ? { ...meta, articles: list } : meta
}

/** Sorts problems in the order of the article list. */
export function inListOrder(
  problems: ArticleProblem[],
  list: readonly { id: string }[],
): ArticleProblem[] {
  const at = new Map(list.map((a, i) => [a.id, i]))
  return [...problems].sort((a, b) => (at.get(a.articleId) ?? 0) - (at.get(b.articleId) ?? 0))
}

/** Reads a whole session folder. Articles that cannot be read are listed, not thrown. */
export async function loadCorpusFolder(dir: string): Promise<LoadedCorpus> {
  const opening = await openCorpusFolder(dir)
  const rest = await opening.rest
  const articles = new Map([...opening.state.articles, ...rest.articles])
  const { meta } = opening.state
  return {
    state: { ...opening.state, meta: withTrueCounts(meta, articles), articles },
    files: opening.files,
    openArticleId: opening.openArticleId,
    problems: inListOrder([...opening.problems, ...rest.problems], meta.articles),
  }
}

/**
 * Deletes what an interrupted save can leave in a session folder: temp
 * files (of the index and of article files), and article files (with their
 * temp and `.bak` files) that neither the index (`named`) nor the index's
 * `.bak` names. Only names Gloss makes are touched; call it only while
 * holding the folder's lock. Returns how many files went, and the article
 * files the `.bak` names (null when there is no usable `.bak`).
 */
export async function removeUnnamedFiles(
  dir: string,
  named: Iterable<string>,
  /** The kept originals the index names (store/originals.ts). */
  originals: Iterable<string> = [],
): Promise<{ removed: number; bakFiles: Set<string> | null }> {
  const keep = new Set([...named].map((f) => f.slice(ARTICLES_DIR.length + 1)))
  const keepOriginals = new Set(originals)
  let bakFiles: Set<string> | null = null
  // The previous index's files stay too: its .bak may be needed for recovery.
  // (Only its files' names are needed: no full validation, which costs at 2,000 articles.)
  try {
    const bak = JSON.parse(await readFile(`${indexPathOf(dir)}.bak`, 'utf8')) as {
      articles?: { file?: unknown; source?: { original?: unknown } }[]
    }
    bakFiles = new Set()
    for (const a of Array.isArray(bak.articles) ? bak.articles : []) {
      if (typeof a?.file === 'string' && ARTICLE_FILE.test(a.file)) {
        bakFiles.add(a.file)
        keep.add(a.file.slice(ARTICLES_DIR.length + 1))
      }
      const original = a?.source?.original
      if (typeof original === 'string') keepOriginals.add(original)
    }
  } catch {
    // No usable .bak: nothing more to keep.
  }
  let removed = await removeUnnamedOriginals(dir, keepOriginals)
  const remove = async (path: string) => {
    await unlink(path).then(
      () => removed++,
      () => {},
    )
  }
  for (const name of await readdir(dir).catch(() => []))
    if (isTempFileOf(indexPathOf(dir), name)) await remove(join(dir, name))
  let names: string[]
  try {
    names = await readdir(join(dir, ARTICLES_DIR))
  } catch {
    return { removed, bakFiles }
  }
  for (const name of names) {
    // `<id>.<gen>.json`, its `.bak`, or a temp file of either.
    const file = /^\.?([A-Za-z0-9_-]+\.[0-9]+\.json)(\.bak)?(\.[0-9]+\.[0-9a-f]{12}\.tmp)?$/.exec(
      name,
    )
    if (!file) continue
    const temp = file[3] !== undefined
    if (temp !== name.startsWith('.')) continue
    if (!temp && keep.has(file[1]!)) continue
    await remove(join(dir, ARTICLES_DIR, name))
  }
  return { removed, bakFiles }
}

/** Article files a commit writes at once. */
const COMMIT_WRITERS = 8

/** What an edit asks the folder to write. */
export interface WriteRequest {
  /** Articles whose files change. */
  articles: readonly string[]
  /** Whether the index changes (codebook, attributes, list, open article). */
  index: boolean
}

/**
 * A session folder open for writing. Saves are coalesced: while one write
 * runs, later saves wait, and what they touched is written once after it
 * (the newest state of each article and of the index).
 */
export class CorpusFolder {
  private latest: CorpusState
  private openArticleId: string | null
  private dirtyArticles = new Set<string>()
  private dirtyIndex = false
  private waiters: { resolve: () => void; reject: (e: Error) => void }[] = []
  private draining = false
  private running: Promise<void> = Promise.resolve()
  private readonly inPlace = new Map<string, DurableJSONFile<ArticleFile>>()
  private readonly indexDb: Low<CorpusIndex>
  private readonly indexFile: DurableJSONFile<CorpusIndex>
  /**
   * The article files the index kept as `session.json.bak` names, once this
   * folder has written the index (null: not known). They stay on disk, so
   * that the `.bak` always opens whole.
   */
  private bakFiles: Set<string> | null = null
  /** Files of removed articles, kept (undo may restore them) until the session closes. */
  private removed = new Map<string, string>()
  private readonly fs: Partial<DurableFs> | undefined

  constructor(
    readonly dir: string,
    initial: CorpusState,
    /** The article files by id, as the index on disk names them. */
    private readonly files: Map<string, string>,
    openArticleId: string | null,
    options: { fs?: Partial<DurableFs> } = {},
  ) {
    this.latest = initial
    this.openArticleId = openArticleId
    this.fs = options.fs
    // One line: the index is read by Gloss, and at 2,000 articles indenting it adds a third.
    this.indexFile = new DurableJSONFile<CorpusIndex>(indexPathOf(dir), {
      ...options,
      compact: true,
    })
    this.indexDb = new Low<CorpusIndex>(this.indexFile, this.indexOf(initial))
  }

  get indexPath(): string {
    return indexPathOf(this.dir)
  }

  /** The article file of an article (absolute), if it has one. */
  fileOf(articleId: string): string | undefined {
    const f = this.files.get(articleId) ?? this.removed.get(articleId)
    return f && join(this.dir, f)
  }

  /**
   * On open, while holding the lock: removes what interrupted saves left
   * (see `removeUnnamedFiles`), and remembers the files the `.bak` names, so
   * that the first commit deletes those it no longer needs. (Without this, a
   * generation that only the `.bak` named at open would outlive the `.bak`.)
   */
  async removeUnnamedFiles(): Promise<number> {
    const originals = this.latest.meta.articles.flatMap((a) =>
      a.source?.original ? [a.source.original] : [],
    )
    const { removed, bakFiles } = await removeUnnamedFiles(this.dir, this.files.values(), originals)
    if (this.bakFiles === null) this.bakFiles = bakFiles
    return removed
  }

  /** Writes the whole session: a new folder, or one being migrated. */
  saveAll(state: CorpusState, openArticleId: string | null): Promise<void> {
    this.openArticleId = openArticleId
    return this.save(state, { articles: [...state.articles.keys()], index: true })
  }

  /**
   * Remembers the article that is open, written with the next index write
   * or on close: switching articles never waits for the index (about 1 MB
   * at 2,000 articles) to be written.
   */
  setOpenArticle(articleId: string): void {
    this.openArticleId = articleId
  }

  /** Resolves once `state` (or a newer one) is on disk for what `request` touched. */
  save(state: CorpusState, request: WriteRequest): Promise<void> {
    this.latest = state
    for (const id of request.articles) this.dirtyArticles.add(id)
    if (request.index) this.dirtyIndex = true
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }))
    if (!this.draining) {
      this.draining = true
      this.running = this.drain()
    }
    return done
  }

  /** Resolves when every save asked for so far has been attempted. */
  async flush(): Promise<void> {
    while (this.draining) await this.running
  }

  /**
   * On close: writes the cached counts, the open article and the coders'
   * opened articles if they changed, and deletes removed
   * articles' files (unless the index's `.bak` names them: then the next
   * open, once the `.bak` has moved on, does).
   */
  async close(state: CorpusState = this.latest): Promise<void> {
    await this.flush()
    this.latest = state
    const onDisk = this.indexDb.data.articles
    const stale =
      this.indexDb.data.ui.articleId !== this.openArticleId ||
      // The articles each coder opened, recorded as they were shown (as the open article).
      JSON.stringify(this.indexDb.data.coders ?? []) !==
        JSON.stringify(this.latest.meta.coders ?? []) ||
      onDisk.length !== this.latest.meta.articles.length ||
      this.latest.meta.articles.some((a, i) => onDisk[i]?.passageCount !== a.passageCount)
    if (stale) await this.save(this.latest, { articles: [], index: true }).catch(() => {})
    const keep = new Set([...this.files.values(), ...(this.bakFiles ?? [])])
    const gone = [...this.removed.values()]
    this.removed.clear()
    if (this.bakFiles) await this.deleteFiles(gone.filter((f) => !keep.has(f)))
  }

  /** Deletes article files and their `.bak`; a file already gone is fine. */
  private async deleteFiles(files: Iterable<string>): Promise<void> {
    for (const file of files) {
      const path = join(this.dir, file)
      this.inPlace.delete(path)
      await unlink(path).catch(() => {})
      await unlink(`${path}.bak`).catch(() => {})
    }
  }

  private async drain(): Promise<void> {
    while (this.dirtyArticles.size || this.dirtyIndex) {
      const state = this.latest
      const articles = [...this.dirtyArticles].filter((id) => state.articles.has(id))
      const index = this.dirtyIndex
      this.dirtyArticles = new Set()
      this.dirtyIndex = false
      const waiters = this.waiters
      this.waiters = []
      try {
        if (index) await this.commit(state, articles)
        else for (const id of articles) await this.writeInPlace(state, id)
        for (const w of waiters) w.resolve()
      } catch (e) {
        // Not written: the same articles (and index) are tried again with the next save.
        for (const id of articles) this.dirtyArticles.add(id)
        if (index) this.dirtyIndex = true
        const err =
          e instanceof StoreError ? e : new StoreError('write-failed', writeFailureReason(e))
        // Saves asked for meanwhile are not written either: they fail too,
        // and what they touched stays pending for the next save.
        for (const w of [...waiters, ...this.waiters]) w.reject(err)
        this.waiters = []
        break
      }
    }
    this.draining = false
  }

  private articleFile(state: CorpusState, id: string): ArticleFile {
    return articleFileOf(state, id)
  }

  /** Article files found missing once (moved or deleted under Gloss): written again next time. */
  private readonly missingReported = new Set<string>()

  private async writeInPlace(state: CorpusState, id: string): Promise<void> {
    const file = this.files.get(id)
    if (!file) return this.commit(state, [id])
    const path = join(this.dir, file)
    // The file vanished (moved or deleted in a file manager): say so once,
    // then write it again where it was on the next try.
    if (existsSync(dirname(path)) && !existsSync(path) && !this.missingReported.has(path)) {
      this.missingReported.add(path)
      throw new StoreError('write-failed', mainMessage('main.save.fileMoved'))
    }
    this.missingReported.delete(path)
    let db = this.inPlace.get(path)
    if (!db) {
      db = new DurableJSONFile<ArticleFile>(path, { fs: this.fs, compact: true })
      this.inPlace.set(path, db)
    }
    await db.write(this.articleFile(state, id))
  }

  /** New generations of `articles`, then the index naming them (the commit), then cleanup. */
  private async commit(state: CorpusState, articles: readonly string[]): Promise<void> {
    // Never recreate a session folder that was moved or deleted (ENOENT is
    // passed on): only its articles folder, the first time.
    await mkdir(join(this.dir, ARTICLES_DIR)).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'EEXIST') throw e
    })
    const next = new Map(this.files)
    const removed = new Map(this.removed)
    // Articles no longer listed keep their files until close (undo), then go.
    const listed = new Set(state.meta.articles.map((a) => a.id))
    for (const [id, file] of this.files)
      if (!listed.has(id)) {
        removed.set(id, file)
        next.delete(id)
      }
    // Restored articles get their files back.
    for (const id of listed)
      if (!next.has(id) && removed.has(id)) {
        next.set(id, removed.get(id)!)
        removed.delete(id)
      }
    const replaced: string[] = []
    const writes = articles.map((id) => {
      const old = next.get(id)
      const generation = old ? Number(/\.([0-9]+)\.json$/.exec(old)?.[1] ?? 0) + 1 : 1
      const file = `${ARTICLES_DIR}/${id}.${generation}.json`
      if (old) replaced.push(old)
      next.set(id, file)
      return { id, file }
    })
    // Several files at a time (their fsyncs overlap), the folder synced once.
    await eachAtMost(COMMIT_WRITERS, writes, ({ id, file }) =>
      writeFileDurably(join(this.dir, file), `${JSON.stringify(this.articleFile(state, id))}\n`, {
        fs: this.fs,
        syncFolder: false,
      }),
    )
    if (writes.length) await syncFolder(join(this.dir, ARTICLES_DIR), { fs: this.fs })
    for (const a of state.meta.articles)
      if (!next.has(a.id))
        throw new StoreError(
          'write-failed',
          mainMessage('main.save.articleMissing', { title: a.title }),
        )
    const previous = new Set(this.files.values())
    this.indexDb.data = this.indexOf(state, next)
    await this.indexDb.write()
    // Committed. The index replaced is now `session.json.bak`: its files
    // stay. Files of the index before it, and generations replaced by
    // this commit, go once neither index nor `.bak` names them.
    const oldBak = this.bakFiles
    this.bakFiles = this.indexFile.backupKept ? previous : null
    this.files.clear()
    for (const [id, f] of next) this.files.set(id, f)
    this.removed = removed
    // Replaced files are no longer written in place.
    for (const old of replaced) this.inPlace.delete(join(this.dir, old))
    if (!oldBak || !this.bakFiles) return
    const keep = new Set([...next.values(), ...this.bakFiles, ...this.removed.values()])
    await this.deleteFiles([...oldBak, ...replaced].filter((f) => !keep.has(f)))
  }

  /**
   * The files of a copy of `state` as a fresh folder (every article at
   * generation 1, the open article remembered): [name, JSON text], the
   * index first. For "Save a copy as one file…".
   */
  copyFiles(state: CorpusState): Generator<[string, string]> {
    return freshFolderFiles(state, this.openArticleId)
  }

  private indexOf(state: CorpusState, files: Map<string, string> = this.files): CorpusIndex {
    return indexOf(state, files, this.openArticleId)
  }
}

/** The index of `state`, naming `files` (an article without one: generation 0). */
function indexOf(
  state: CorpusState,
  files: Map<string, string>,
  openArticleId: string | null,
): CorpusIndex {
  return {
    schemaVersion: CORPUS_FORMAT,
    id: state.id,
    createdAt: state.createdAt,
    updatedAt: state.updatedAt,
    codebook: state.meta.codebook,
    themeGroups: state.meta.themeGroups,
    attributeDefs: state.meta.attributeDefs,
    articles: state.meta.articles.map((a) => ({
      ...a,
      file: files.get(a.id) ?? `${ARTICLES_DIR}/${a.id}.0.json`,
    })),
    ...(state.meta.coders && { coders: state.meta.coders }),
    ...(state.meta.coderCopy && { coderCopy: state.meta.coderCopy }),
    ui: { articleId: openArticleId },
  }
}

/** An article's file content. */
function articleFileOf(state: CorpusState, id: string): ArticleFile {
  const a = state.articles.get(id)!
  return {
    schemaVersion: CORPUS_FORMAT,
    sessionId: state.id,
    id,
    updatedAt: a.updatedAt,
    text: a.text,
    passages: a.passages,
    ui: a.ui,
  }
}

/**
 * The files of `state` as a fresh session folder (every article at
 * generation 1): [name, JSON text], the index first. For copies of a
 * session ("Save a copy as one file…", coder copies), built from memory.
 */
export function* freshFolderFiles(
  state: CorpusState,
  openArticleId: string | null,
): Generator<[string, string]> {
  const files = new Map(
    state.meta.articles.map((a) => [a.id, `${ARTICLES_DIR}/${a.id}.1.json`] as const),
  )
  yield [INDEX_FILE, `${JSON.stringify(indexOf(state, files, openArticleId))}\n`]
  for (const [id, file] of files) yield [file, `${JSON.stringify(articleFileOf(state, id))}\n`]
}

/** True when `path` is a session folder (holds an index). */
export async function isCorpusFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory() && existsSync(indexPathOf(path))
  } catch {
    return false
  }
}
