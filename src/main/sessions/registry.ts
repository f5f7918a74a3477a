// The sessions main holds open: one entry per session id, each with its
// folder (index + article files), its lock (or the reason it is read-only),
// plus the recent list and the "reopen on next start" setting they feed.
// Opening covers the cases a session on disk can be in: already open, a
// folder whose index is damaged with a good `.bak` (recovery), a folder with
// an article file missing or broken (read-only, the article named), a
// one-file session of format 0 or 1 (upgraded into a folder beside it, the
// original left as it is), locked by another Gloss (read-only).
// It must never: write a session it holds read-only, write over a damaged
// file or an upgraded original, or import electron.
import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { copyFile, mkdir, readFile, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { fail, ok, type OpenedSession, type RecentSession, type Result } from '@shared/api'
import type { OpenedArticle, SessionProblems } from '@shared/ipc/types'
import { DEFAULT_CODEBOOK } from '@shared/model/codebook'
import {
  CORPUS_FORMAT,
  corpusFromArticle,
  type ArticleData,
  type ArticleEntry,
  type ArticleSource,
  type AttributeDef,
} from '@shared/model/corpus'
import {
  applyCorpusEdits,
  articlesTouched,
  isArticleEdit,
  viewOf,
  type CorpusEdit,
  type CorpusState,
} from '@shared/model/corpus-edits'
import { currentCoder, withOpened } from '@shared/model/coders'
import { EditError } from '@shared/model/edits'
import type { ArticleDocument, Session } from '@shared/model/schema'
import { englishText, mainMessage, type MessageRef } from '@shared/main-messages'
import { MessageError } from '../errors'
import {
  CorpusFolder,
  FOLDER_EXTENSION,
  indexPathOf,
  INDEX_FILE,
  inListOrder,
  isCorpusFolder,
  openCorpusFolder,
  readArticleFile,
  readCorpusIndex,
  withTrueCounts,
  type ArticleProblem,
  type OpeningCorpus,
} from '../store/corpus-folder'
import { keepOriginal, originalNameOf } from '../store/originals'
import { versionOf } from '../store/migrations'
import { RecentIndex } from '../store/recent-index'
import { loadSessionFile, parseJsonBytes, StoreError } from '../store/session-file'
import { lockPathOf, lockReason, SessionLocks } from '../store/session-lock'
import type { SettingsStore } from '../store/settings'
import { keepCopy, slug, stamp } from './file-names'

/** `state` with the texts and passages of restored articles back from `removed`. */
function withRestored(
  state: CorpusState,
  edit: Extract<CorpusEdit, { type: 'restoreArticles' }>,
  removed: Map<string, ArticleData>,
): CorpusState {
  const missing = edit.articles.filter((a) => !state.articles.has(a.entry.id))
  if (missing.length === 0) return state
  const articles = new Map(state.articles)
  const themes = new Set(state.meta.codebook.map((t) => t.id))
  for (const { entry } of missing) {
    const article = removed.get(entry.id)
    if (!article) throw new EditError(`article ${entry.id} cannot be restored`)
    // Its passages must still fit the codebook (a theme deleted since would be lost).
    for (const p of article.passages)
      for (const t of p.themeIds)
        if (!themes.has(t)) throw new EditError(`article ${entry.id}: unknown theme ${t}`)
    articles.set(entry.id, article)
    removed.delete(entry.id)
  }
  // The counts the index caches follow the articles' passages.
  const list = state.meta.articles.map((a) => {
    const n = articles.get(a.id)?.passages.length
    return n === undefined || n === a.passageCount ? a : { ...a, passageCount: n }
  })
  return { ...state, articles, meta: { ...state.meta, articles: list } }
}

export interface OpenEntry {
  state: CorpusState
  folder: CorpusFolder
  /** The article the renderer shows. */
  articleId: string
  readOnlyReason: MessageRef | null
  notice: MessageRef | null
  problems: ArticleProblem[]
  /**
   * Removed articles as they were when removed, until the session closes:
   * undoing the removal brings them back (their files are kept as long).
   */
  removed: Map<string, ArticleData>
  /**
   * Resolves once every article is in memory or known to be unreadable:
   * a session opens with its open article, the others are read in the
   * background; corpus-wide work waits for this.
   */
  loaded: Promise<void>
  /** True once `loaded` has resolved. */
  complete: boolean
  release: () => Promise<void>
}

/** A session that failed to load but has a previous good version. */
export class RecoverableError extends MessageError {
  constructor(
    message: MessageRef,
    readonly backupToken: string,
  ) {
    super(message)
  }
}

export interface SessionRegistryDeps {
  /** Where new sessions and the recent list live. */
  dataDir: string
  /**
   * The operating system's user: who new passages are attributed to when
   * no coder name is set (and outside a coder copy).
   */
  author: string
  /** The current time, as an ISO string. */
  now: () => string
  settings: SettingsStore
  /** Told when articles read after the open turn out unreadable (the session is now read-only). */
  onProblems?: (event: SessionProblems) => void
}

export class SessionRegistry {
  private readonly open = new Map<string, OpenEntry>()
  private readonly locks = new SessionLocks()
  /** Recovery tokens handed to the renderer → the damaged session's folder. */
  private readonly backups = new Map<string, string>()
  readonly recent: RecentIndex

  constructor(private readonly deps: SessionRegistryDeps) {
    this.recent = new RecentIndex(deps.dataDir)
  }

  /** Where new sessions (and unpacked copies) go: `<data folder>/sessions`. */
  get sessionsDir(): string {
    return join(this.deps.dataDir, 'sessions')
  }

  /** The open session with this id, if any. */
  get(sessionId: string): OpenEntry | undefined {
    return this.open.get(sessionId)
  }

  /** Runs `f` on the open session, or fails with not-found. */
  /** Runs `f` on the open session once all its articles are in memory, or fails with not-found. */
  async withOpen<T>(sessionId: string, f: (entry: OpenEntry) => Promise<Result<T>>) {
    const entry = this.open.get(sessionId)
    if (!entry) return fail('not-found', mainMessage('main.session.notOpen'))
    if (!entry.complete) await entry.loaded
    return f(entry)
  }

  /** Runs `f` on the open session (all articles in memory) if this Gloss may write it. */
  withWritable<T>(sessionId: string, f: (entry: OpenEntry) => Promise<Result<T>>) {
    return this.withOpen(sessionId, (entry) =>
      entry.readOnlyReason ? Promise.resolve(fail('read-only', entry.readOnlyReason)) : f(entry),
    )
  }

  /**
   * Runs `f` to apply `edits` if this Gloss may write the session. Edits of
   * an article already in memory go at once; edits of the index or of the
   * whole corpus wait until every article is read (and the session is still
   * writable then).
   */
  async withEditable<T>(
    sessionId: string,
    articleId: string | null,
    edits: readonly CorpusEdit[],
    f: (entry: OpenEntry) => Promise<Result<T>>,
  ): Promise<Result<T>> {
    const entry = this.open.get(sessionId)
    if (!entry) return fail('not-found', mainMessage('main.session.notOpen'))
    const now =
      articleId !== null && entry.state.articles.has(articleId) && edits.every(isArticleEdit)
    if (!now && !entry.complete) await entry.loaded
    return entry.readOnlyReason ? fail('read-only', entry.readOnlyReason) : f(entry)
  }

  /** The open article of a session as the renderer sees it. */
  view(entry: OpenEntry, articleId = entry.articleId): Session {
    const article = entry.state.articles.get(articleId)
    const listed = entry.state.meta.articles.find((a) => a.id === articleId)
    if (!article || !listed) throw new MessageError(mainMessage('main.article.unreadable'))
    return viewOf(entry.state, listed, article)
  }

  /**
   * Who new passages of the session are attributed to: in a coder copy its
   * coder, else the coder name setting, else the operating system's user.
   */
  async authorOf(entry: OpenEntry | undefined): Promise<string> {
    const { coderName } = await this.deps.settings.get()
    return currentCoder(entry?.state.meta.coderCopy, coderName, this.deps.author)
  }

  /** The operating system's user. */
  get systemUser(): string {
    return this.deps.author
  }

  /**
   * Records that the session's coder has the article shown: written with
   * the next index write or on close, as the open article is (showing an
   * article never waits for the index to be written). Only in a coder
   * copy: there, an article opened and left without a passage is coded
   * ("no theme"); in the analyst's own session, looking at an article is
   * not coding it (the analyst's units are those of articles with their
   * passages). Not in a session this Gloss may not write.
   */
  private async noteShown(entry: OpenEntry, articleId: string): Promise<void> {
    if (entry.readOnlyReason || !entry.state.meta.coderCopy) return
    const coder = await this.authorOf(entry)
    const meta = withOpened(entry.state.meta, coder, articleId)
    if (meta !== entry.state.meta) entry.state = { ...entry.state, meta }
  }

  /** The reply of every "open": the session and how it was opened. */
  async opened(entry: OpenEntry): Promise<OpenedSession> {
    return {
      session: this.view(entry),
      articleId: entry.articleId,
      meta: entry.state.meta,
      problems: entry.problems,
      filePath: entry.folder.dir,
      author: await this.authorOf(entry),
      readOnlyReason: entry.readOnlyReason && englishText(entry.readOnlyReason),
      readOnlyReasonRef: entry.readOnlyReason,
      notice: entry.notice && englishText(entry.notice),
      noticeRef: entry.notice,
    }
  }

  /** Puts the session first in the recent list. */
  touchRecent(entry: OpenEntry): Promise<void> {
    const { meta } = entry.state
    const recent: RecentSession = {
      id: entry.state.id,
      title: this.titleOf(entry),
      filePath: entry.folder.dir,
      updatedAt: entry.state.updatedAt,
      passageCount: meta.articles.reduce((n, a) => n + a.passageCount, 0),
      articleCount: meta.articles.length,
    }
    return this.recent.touch(recent)
  }

  /** The session's name: its article's title, or for a corpus its folder's name. */
  sessionTitle(entry: OpenEntry): string {
    return this.titleOf(entry)
  }

  /**
   * What the session is called: its article's title when it holds one, else
   * its folder's name (the first article's title when it was made).
   */
  titleOf(entry: OpenEntry): string {
    const { articles } = entry.state.meta
    if (articles.length === 1) return articles[0]!.title
    return basename(entry.folder.dir)
      .replace(/\.gloss$/, '')
      .replace(/-[0-9a-f]{8}$/, '')
  }

  /** Creates a session on an article, in the sessions folder, and opens it. */
  async create(
    document: ArticleDocument,
    attributes: Record<string, string> = {},
    source?: ArticleSource,
    /** The bytes of the file it was read from, to keep ("Keep a copy of the original file"). */
    original?: Uint8Array,
  ): Promise<OpenedSession> {
    const time = this.deps.now()
    const id = randomUUID()
    const articleId = randomUUID()
    const kept =
      original && source
        ? { ...source, original: originalNameOf(original, document.sourceFileName) }
        : source
    const state = corpusFromArticle(
      {
        id,
        createdAt: time,
        updatedAt: time,
        codebook: DEFAULT_CODEBOOK.map((t) => ({ ...t })),
        document,
        passages: [],
        ui: { scrollTop: 0 },
      },
      articleId,
      attributes,
      kept,
    )
    const dir = join(
      this.sessionsDir,
      `${slug(document.title)}-${id.slice(0, 8)}${FOLDER_EXTENSION}`,
    )
    await mkdir(dir, { recursive: true })
    if (original && kept?.original) await keepOriginal(dir, kept.original, original)
    const entry = await this.register(dir, state, new Map(), articleId, [])
    await this.noteShown(entry, articleId)
    await entry.folder.saveAll(entry.state, articleId)
    await this.touchRecent(entry)
    return this.opened(entry)
  }

  /**
   * Opens a session: a session folder, its `session.json`, or a one-file
   * session of an older format (upgraded into a folder beside it). A
   * damaged index with a `.bak` throws RecoverableError (its token opens
   * the backup). `notice`: what to tell the analyst about how a folder was
   * opened (e.g. unpacked from a copy).
   */
  async openPath(path: string, notice: MessageRef | null = null): Promise<OpenedSession> {
    const dir = basename(path) === INDEX_FILE ? dirname(path) : path
    if (await isCorpusFolder(dir)) return this.openFolder(dir, notice)
    return this.openOneFile(path)
  }

  private async openFolder(dir: string, notice: MessageRef | null = null): Promise<OpenedSession> {
    for (const entry of this.open.values())
      if (entry.folder.dir === dir) {
        await this.touchRecent(entry)
        return this.opened(entry)
      }
    let opening: OpeningCorpus
    try {
      opening = await openCorpusFolder(dir)
    } catch (e) {
      const index = indexPathOf(dir)
      if (e instanceof StoreError && e.code === 'invalid-session' && existsSync(`${index}.bak`)) {
        const token = randomUUID()
        this.backups.set(token, dir)
        throw new RecoverableError(
          mainMessage('main.load.recoverable', {
            reason: e.ref ?? e.message,
            backup: `${INDEX_FILE}.bak`,
          }),
          token,
        )
      }
      throw e
    }
    const existing = this.open.get(opening.state.id)
    // The same session in two folders (a copy): keep the one already open.
    if (existing) return this.opened(existing)
    const articleId = opening.firstArticleId
    if (!articleId) {
      const first = opening.problems[0]!
      throw new StoreError(
        'invalid-session',
        mainMessage('main.load.cannotOpen', { file: first.file, problem: first.problem }),
      )
    }
    const entry = await this.register(dir, opening.state, opening.files, articleId, [])
    entry.notice = notice
    // The other articles arrive in the background; the renderer has the open one meanwhile.
    let done = () => {}
    entry.complete = false
    entry.loaded = new Promise<void>((resolve) => (done = resolve)).then(() => {
      entry.complete = true
    })
    void opening.rest
      .then(({ articles, problems }) => {
        const all = new Map(entry.state.articles)
        for (const [id, article] of articles) if (!all.has(id)) all.set(id, article)
        entry.state = { ...entry.state, meta: withTrueCounts(entry.state.meta, all), articles: all }
        return problems.length ? this.markBroken(entry, problems) : undefined
      })
      .catch((e: unknown) =>
        this.markBroken(
          entry,
          entry.state.meta.articles
            .filter((a) => !entry.state.articles.has(a.id))
            .map((a) => ({
              articleId: a.id,
              title: a.title,
              file: entry.folder.fileOf(a.id) ?? dir,
              problem: e instanceof Error ? e.message : String(e),
            })),
        ),
      )
      .finally(done)
    if (opening.problems.length) await this.markBroken(entry, opening.problems, { quiet: true })
    await this.noteShown(entry, articleId)
    await Promise.all([
      !entry.readOnlyReason && entry.folder.removeUnnamedFiles(),
      this.touchRecent(entry),
    ])
    return this.opened(entry)
  }

  /**
   * Articles that cannot be read make the session read-only, with the first
   * one named: nothing is written while an article cannot be read (its file
   * stays as it is). Told to the renderer unless `quiet` (the open reply
   * carries it).
   */
  private async markBroken(
    entry: OpenEntry,
    problems: ArticleProblem[],
    { quiet = false } = {},
  ): Promise<void> {
    const known = new Set(entry.problems.map((p) => p.articleId))
    entry.problems = inListOrder(
      [...entry.problems, ...problems.filter((p) => !known.has(p.articleId))],
      entry.state.meta.articles,
    )
    const first = entry.problems[0]
    if (!first) return
    const wasWritable = entry.readOnlyReason === null
    if (wasWritable || entry.readOnlyReason?.key === 'main.load.articleBroken')
      entry.readOnlyReason = mainMessage('main.load.articleBroken', {
        title: first.title,
        file: first.file,
        problem: first.problem,
        count: entry.problems.length,
      })
    if (wasWritable) {
      // What was asked before is written (it touched readable articles only); then the lock goes.
      await entry.folder.flush()
      await entry.release()
      entry.release = async () => {}
    }
    const reason = entry.readOnlyReason
    if (!quiet && reason && this.open.get(entry.state.id) === entry)
      this.deps.onProblems?.({
        sessionId: entry.state.id,
        problems: entry.problems,
        readOnlyReason: englishText(reason),
        readOnlyReasonRef: reason,
      })
  }

  /** A one-file session (format 0 or 1): upgraded into a folder beside it, the file left as it is. */
  private async openOneFile(filePath: string): Promise<OpenedSession> {
    let bytes: Buffer | null = null
    try {
      if ((await stat(filePath)).isFile()) bytes = await readFile(filePath)
    } catch {
      // loadSessionFile below reports why the file cannot be read.
    }
    const version = bytes ? versionOf(parseJsonBytes(bytes, filePath)) : null
    if (version !== null && version > CORPUS_FORMAT)
      throw new StoreError(
        'newer-version',
        mainMessage('main.load.newer', { file: filePath, version, supported: CORPUS_FORMAT }),
      )
    if (version === CORPUS_FORMAT)
      throw new StoreError(
        'invalid-session',
        mainMessage('main.load.cannotOpen', {
          file: filePath,
          problem: mainMessage('main.load.indexOutsideFolder'),
        }),
      )
    const { session, migratedFrom } = await loadSessionFile(filePath)
    const from = migratedFrom ?? 1
    const base = filePath.replace(/\.gloss\.json$|\.json$/i, '')
    // Opened before: the folder it was upgraded into.
    for (let n = 0; ; n++) {
      const dir = `${base}${n ? `-${n}` : ''}${FOLDER_EXTENSION}`
      if (!existsSync(dir)) return this.upgrade(filePath, dir, session, from)
      const index = await readCorpusIndex(dir).catch(() => null)
      if (index?.id === session.id)
        return this.openFolder(
          dir,
          mainMessage('main.notice.upgradedBefore', {
            file: basename(filePath),
            folder: basename(dir),
          }),
        )
    }
  }

  private async upgrade(
    filePath: string,
    dir: string,
    session: Session,
    version: number,
  ): Promise<OpenedSession> {
    const existing = this.open.get(session.id)
    if (existing) return this.opened(existing)
    const state = corpusFromArticle(session, randomUUID())
    const articleId = state.meta.articles[0]!.id
    await mkdir(dir, { recursive: true })
    const entry = await this.register(dir, state, new Map(), articleId, [])
    if (entry.readOnlyReason) {
      entry.notice = mainMessage('main.notice.migratedReadOnly', { version })
    } else {
      await this.noteShown(entry, articleId)
      await entry.folder.saveAll(entry.state, articleId)
      entry.notice = mainMessage('main.notice.upgraded', {
        version,
        file: basename(filePath),
        folder: basename(dir),
      })
    }
    await this.touchRecent(entry)
    return this.opened(entry)
  }

  /**
   * Recovers a session whose index is damaged from its `.bak`: the damaged
   * index is moved aside as `session.corrupt-<time>.json`, then the good
   * version is put in place.
   */
  async openBackup(token: string): Promise<Result<OpenedSession>> {
    const dir = this.backups.get(token)
    if (!dir) return fail('not-found', mainMessage('main.recovery.gone'))
    const index = indexPathOf(dir)
    const good = await readCorpusIndex(dir, `${index}.bak`)
    if (this.open.has(good.id))
      return fail('invalid-argument', mainMessage('main.session.alreadyOpen'))
    const lock = await this.locks.acquire(index)
    if (!lock.acquired) return fail('read-only', lockReason(lock.owner, lockPathOf(index)))
    let damaged: string | null
    try {
      damaged = existsSync(index)
        ? await keepCopy(index, `corrupt-${stamp(this.deps.now())}`, { move: true })
        : null
      await copyFile(`${index}.bak`, index)
    } finally {
      await lock.release()
    }
    this.backups.delete(token)
    const opened = await this.openFolder(dir)
    const entry = this.open.get(opened.session.id)!
    entry.notice = damaged
      ? mainMessage('main.notice.recoveredKept', { file: basename(damaged) })
      : mainMessage('main.notice.recovered')
    return ok(await this.opened(entry))
  }

  /** Switches the session to another of its articles (remembered for the next open). */
  async openArticle(sessionId: string, articleId: string): Promise<Result<OpenedArticle>> {
    const entry = this.open.get(sessionId)
    if (!entry) return fail('not-found', mainMessage('main.session.notOpen'))
    const listed = entry.state.meta.articles.find((a) => a.id === articleId)
    if (!listed) return fail('not-found', mainMessage('main.article.notInSession'))
    // Still being read in the background: this one is read now.
    if (
      !entry.state.articles.has(articleId) &&
      !entry.problems.some((p) => p.articleId === articleId)
    )
      await this.readNow(entry, listed)
    if (!entry.state.articles.has(articleId))
      return fail('unreadable', mainMessage('main.article.unreadable'))
    entry.articleId = articleId
    if (!entry.readOnlyReason) entry.folder.setOpenArticle(articleId)
    await this.noteShown(entry, articleId)
    return ok({ session: this.view(entry, articleId), articleId })
  }

  /** Reads one article that the background reading has not reached yet. */
  private async readNow(entry: OpenEntry, listed: ArticleEntry): Promise<void> {
    const file = entry.folder.fileOf(listed.id)
    if (!file) return
    const { id, meta } = entry.state
    const read = await readArticleFile(
      entry.folder.dir,
      { id, codebook: meta.codebook },
      { ...listed, file: file.slice(entry.folder.dir.length + 1) },
    )
    // The background reading may have brought it meanwhile.
    if (entry.state.articles.has(listed.id)) return
    if ('problem' in read)
      await this.markBroken(entry, [
        { articleId: listed.id, title: listed.title, file, problem: read.problem },
      ])
    else
      entry.state = {
        ...entry.state,
        articles: new Map(entry.state.articles).set(listed.id, read),
      }
  }

  /**
   * Applies edits in order (all or nothing) and resolves once they are on
   * disk. `articleId`: the article the article edits are for.
   */
  async applyEdits(
    entry: OpenEntry,
    articleId: string | null,
    edits: readonly CorpusEdit[],
  ): Promise<void> {
    const now = this.deps.now()
    let state = entry.state
    const touched = new Set<string>()
    let index = false
    // Removed articles stay in memory: undoing the removal (or redoing an
    // add) restores them with their passages. Kept only if every edit fits.
    const removed = new Map(entry.removed)
    for (const edit of edits) {
      const before = state
      state = applyCorpusEdits(state, articleId, [edit], now)
      if (edit.type === 'removeArticles')
        for (const id of edit.ids) {
          const article = before.articles.get(id)
          if (article) removed.set(id, article)
        }
      if (edit.type === 'restoreArticles') state = withRestored(state, edit, removed)
      for (const id of articlesTouched(state, articleId, edit)) touched.add(id)
      if (!isArticleEdit(edit)) index = true
    }
    entry.state = state
    entry.removed = removed
    if (articleId !== null && state.articles.has(articleId)) entry.articleId = articleId
    await entry.folder.save(state, { articles: [...touched], index })
    if (!edits.every((e) => e.type === 'setUi')) await this.touchRecent(entry)
  }

  /** Adds articles read from files (one step: one index commit). */
  async addArticles(
    entry: OpenEntry,
    added: { entry: ArticleEntry; article: ArticleData; original?: Uint8Array }[],
    /** The session's custom attributes with those the added articles need (a table's columns). */
    attributeDefs?: AttributeDef[],
  ): Promise<void> {
    if (added.length === 0 && !attributeDefs) return
    // The kept originals first: the index that names them is the commit. One
    // that cannot be written is not named (the article is added all the
    // same; the entry is the batch's own, so its report shows it unkept).
    for (const a of added) {
      const source = a.entry.source
      if (!a.original || !source?.original) continue
      const kept = await keepOriginal(entry.folder.dir, source.original, a.original).then(
        () => true,
        () => false,
      )
      if (!kept) {
        const rest = { ...source }
        delete rest.original
        a.entry.source = rest
      }
    }
    const articles = new Map(entry.state.articles)
    for (const a of added) articles.set(a.entry.id, a.article)
    const state: CorpusState = {
      ...entry.state,
      updatedAt: this.deps.now(),
      articles,
      meta: {
        ...entry.state.meta,
        ...(attributeDefs && { attributeDefs }),
        articles: [...entry.state.meta.articles, ...added.map((a) => a.entry)],
      },
    }
    entry.state = state
    await entry.folder.save(state, { articles: added.map((a) => a.entry.id), index: true })
    await this.touchRecent(entry)
  }

  /** Writes pending edits, releases the lock and forgets the session. */
  async close(sessionId: string): Promise<Result<null>> {
    const entry = this.open.get(sessionId)
    if (!entry) return fail('not-found', mainMessage('main.session.notOpen'))
    await this.closeFolder(entry)
    this.open.delete(sessionId)
    await entry.release()
    // Back on the start screen: nothing to reopen next time.
    const { settings } = this.deps
    if ((await settings.get()).openSessionId === sessionId)
      await settings.update({ openSessionId: null })
    return ok(null)
  }

  /**
   * Writes what is pending. A session all of whose articles are read also
   * gets its index's caches (counts, the open article) written, and its
   * removed articles' files deleted; one still being read is only flushed
   * (closing never waits for the reading, nor writes while it could still
   * find an unreadable article).
   */
  private closeFolder(entry: OpenEntry): Promise<void> {
    if (entry.readOnlyReason || !entry.complete) return entry.folder.flush()
    return entry.folder.close(entry.state)
  }

  /** Writes everything pending. */
  async flushAll(): Promise<void> {
    await Promise.all([...this.open.values()].map((e) => e.folder.flush()))
  }

  /** Writes everything pending and releases every lock; called on quit. */
  async shutdown(): Promise<void> {
    await Promise.all([...this.open.values()].map((e) => this.closeFolder(e)))
    await Promise.all([...this.open.values()].map((e) => e.release()))
    this.open.clear()
  }

  /** Registers a loaded session: takes its lock, or opens it read-only. */
  private async register(
    dir: string,
    state: CorpusState,
    files: Map<string, string>,
    articleId: string,
    problems: ArticleProblem[],
  ): Promise<OpenEntry> {
    const index = indexPathOf(dir)
    const lock = await this.locks.acquire(index)
    const entry: OpenEntry = {
      state,
      folder: new CorpusFolder(dir, state, files, articleId),
      articleId,
      readOnlyReason: lock.acquired ? null : lockReason(lock.owner, lockPathOf(index)),
      notice: null,
      problems,
      removed: new Map(),
      loaded: Promise.resolve(),
      complete: true,
      release: lock.acquired ? () => lock.release() : async () => {},
    }
    this.open.set(state.id, entry)
    // Remembered so that Gloss can reopen it on the next start.
    await this.deps.settings.update({ openSessionId: state.id }).catch(() => undefined)
    return entry
  }
}
