// createHandlers(deps) implements the GlossApi contract in plain Node. It
// imports nothing from 'electron': the Electron transport (ipc.ts) and the e2e
// harness both call it. Every argument is validated here with the contract's
// zod schemas, and nothing throws out: failures come back as Result values.
import { randomUUID } from 'node:crypto'
import { existsSync, constants } from 'node:fs'
import { copyFile, mkdir, writeFile, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import {
  argSchemas,
  INVOKE_METHODS,
  fail,
  ok,
  type ExportProgress,
  type ExportReceipt,
  type FileReceipt,
  type GlossApi,
  type InvokeMethod,
  type OpenedSession,
  type RecentSession,
  type Result,
  type SaveReceipt,
  type CodebookImport,
} from '../shared/api'
import { DEFAULT_CODEBOOK } from '../shared/model/codebook'
import { applyEdits, EditError, type Edit } from '../shared/model/edits'
import { SCHEMA_VERSION, type ArticleDocument, type Session } from '../shared/model/schema'
import type { Dialogs } from './dialogs'
import { sessionToCsvChunks } from './export/csv'
import { sessionToSummaryCsv } from './export/summary-csv'
import { sessionToTidyCsv } from './export/tidy-csv'
import { codebookToCsv } from './export/codebook-csv'
import { readCodebookFile } from './import/codebook-csv'
import { ARTICLE_EXTENSIONS, ImportError, readArticle } from './import/article'
import { RecentIndex } from './store/recent-index'
import { SettingsStore } from './store/settings'
import type { Settings, SettingsChange } from '../shared/settings'
import { englishText, mainMessage, type MessageRef } from '../shared/main-messages'
import { MessageError, writeFailureReason } from './errors'
import { mainText, resolveLocale, type MainTextKey } from './i18n'
import {
  loadSessionFile,
  SESSION_EXTENSION,
  SessionFile,
  StoreError,
  type LoadedSession,
} from './store/session-file'
import { lockPathOf, lockReason, SessionLocks } from './store/session-lock'

export interface HandlerDeps {
  /** Where sessions and the recent list live. */
  dataDir: string
  dialogs: Dialogs
  /** The bundled sample article. */
  samplePath: string
  author: string
  now?: () => Date
  /** Shared with the window code in Electron; created on dataDir otherwise. */
  settings?: SettingsStore
  /**
   * The system language (Electron's app.getLocale()), read when a dialog
   * opens; dialogs speak it when the locale setting is 'system'. English
   * when absent.
   */
  systemLanguage?: () => string
  /** Told of every settings change the renderer makes (to rebuild the menu). */
  onSettingsChange?: (settings: Settings) => void
  /** Told how a CSV export advances (sent on to the renderer). */
  onExportProgress?: (progress: ExportProgress) => void
}

type Invokable = Omit<GlossApi, 'onMenuCommand' | 'onExportProgress'>
export type Handlers = {
  [M in InvokeMethod]: (...args: unknown[]) => ReturnType<Invokable[M]>
} & {
  /** Writes everything pending. */
  flushAll(): Promise<void>
  /** Writes everything pending and releases every session lock; called on quit. */
  shutdown(): Promise<void>
}

interface OpenEntry {
  session: Session
  file: SessionFile
  readOnlyReason: MessageRef | null
  notice: MessageRef | null
  release(): Promise<void>
}

/** A session that failed to load but has a previous good version. */
class RecoverableError extends MessageError {
  constructor(
    message: MessageRef,
    readonly backupToken: string,
  ) {
    super(message)
  }
}

export const SAMPLE_TITLE = 'OpenAI, vue de l’intérieur (exemple)'

export function createHandlers(deps: HandlerDeps): Handlers {
  const now = () => (deps.now ? deps.now() : new Date()).toISOString()
  const sessionsDir = join(deps.dataDir, 'sessions')
  const recent = new RecentIndex(deps.dataDir)
  const settings = deps.settings ?? new SettingsStore(deps.dataDir)
  const open = new Map<string, OpenEntry>()
  const locks = new SessionLocks()
  /** Recovery tokens handed to the renderer → the damaged session's path. */
  const backups = new Map<string, string>()

  const recentEntry = (entry: OpenEntry): RecentSession => ({
    id: entry.session.id,
    title: entry.session.document.title,
    filePath: entry.file.filePath,
    updatedAt: entry.session.updatedAt,
    passageCount: entry.session.passages.length,
  })

  const opened = (entry: OpenEntry): OpenedSession => ({
    session: entry.session,
    filePath: entry.file.filePath,
    author: deps.author,
    readOnlyReason: entry.readOnlyReason && englishText(entry.readOnlyReason),
    readOnlyReasonRef: entry.readOnlyReason,
    notice: entry.notice && englishText(entry.notice),
    noticeRef: entry.notice,
  })

  /** The words of the native dialogs, in the language the renderer shows. */
  async function dialogText(): Promise<(key: MainTextKey) => string> {
    const { locale } = await settings.get()
    const lang = resolveLocale(locale, deps.systemLanguage?.() ?? 'en')
    return (key) => mainText(lang, key)
  }

  const notOpen = () => fail('not-found', mainMessage('main.session.notOpen'))

  /** Asks where to save an export of the session (`<title><suffix>.<ext>`); null when cancelled. */
  async function askSavePath(
    entry: OpenEntry,
    title: MainTextKey,
    suffix: string,
    ext: 'csv' | 'png',
  ): Promise<string | null> {
    const text = await dialogText()
    return deps.dialogs.saveFile({
      title: text(title),
      defaultFileName: `${slug(entry.session.document.title)}${suffix}.${ext}`,
      filters: [{ name: text(ext === 'csv' ? 'filter.csv' : 'filter.png'), extensions: [ext] }],
    })
  }

  /** Registers a loaded session: takes its lock, or opens it read-only. */
  async function register(
    filePath: string,
    session: Session,
    notice: MessageRef | null,
    { onDisk = false } = {},
  ): Promise<OpenEntry> {
    const lock = await locks.acquire(filePath)
    const entry: OpenEntry = {
      session,
      file: new SessionFile(filePath, session, { onDisk }),
      readOnlyReason: lock.acquired ? null : lockReason(lock.owner, lockPathOf(filePath)),
      notice,
      release: lock.acquired ? lock.release : async () => {},
    }
    open.set(session.id, entry)
    // Remembered so that Gloss can reopen it on the next start.
    await settings.update({ openSessionId: session.id }).catch(() => undefined)
    return entry
  }

  async function createSession(document: ArticleDocument): Promise<OpenedSession> {
    const time = now()
    const id = randomUUID()
    const session: Session = {
      schemaVersion: SCHEMA_VERSION,
      id,
      createdAt: time,
      updatedAt: time,
      document,
      codebook: DEFAULT_CODEBOOK.map((t) => ({ ...t })),
      passages: [],
      ui: { scrollTop: 0 },
    }
    await mkdir(sessionsDir, { recursive: true })
    const filePath = join(
      sessionsDir,
      `${slug(document.title)}-${id.slice(0, 8)}${SESSION_EXTENSION}`,
    )
    const entry = await register(filePath, session, null)
    await entry.file.save(session)
    await recent.touch(recentEntry(entry))
    return opened(entry)
  }

  async function openFile(filePath: string): Promise<OpenedSession> {
    for (const entry of open.values())
      if (entry.file.filePath === filePath) {
        await recent.touch(recentEntry(entry))
        return opened(entry)
      }
    let loaded: LoadedSession
    try {
      loaded = await loadSessionFile(filePath)
    } catch (e) {
      if (
        e instanceof StoreError &&
        e.code === 'invalid-session' &&
        existsSync(`${filePath}.bak`)
      ) {
        const token = randomUUID()
        backups.set(token, filePath)
        throw new RecoverableError(
          mainMessage('main.load.recoverable', {
            reason: e.ref ?? e.message,
            backup: `${basename(filePath)}.bak`,
          }),
          token,
        )
      }
      throw e
    }
    const existing = open.get(loaded.session.id)
    // The same session under two paths (a copy): keep the one already open.
    if (existing) return opened(existing)
    const entry = await register(filePath, loaded.session, null, { onDisk: true })
    if (loaded.migratedFrom !== null) {
      const version = loaded.migratedFrom
      if (entry.readOnlyReason) {
        entry.notice = mainMessage('main.notice.migratedReadOnly', { version })
      } else {
        const kept = await keepCopy(filePath, `v${version}-backup`)
        await entry.file.save(entry.session)
        entry.notice = mainMessage('main.notice.migrated', { version, file: basename(kept) })
      }
    }
    await recent.touch(recentEntry(entry))
    return opened(entry)
  }

  const impl: Invokable = {
    async openSample() {
      return ok(await createSession(await readArticle(deps.samplePath, SAMPLE_TITLE)))
    },

    async openArticle() {
      const text = await dialogText()
      const filePath = await deps.dialogs.openFile({
        title: text('dialog.openArticle'),
        filters: [{ name: text('filter.articles'), extensions: [...ARTICLE_EXTENSIONS] }],
      })
      if (!filePath) return ok(null)
      return ok(await createSession(await readArticle(filePath)))
    },

    async openSession() {
      const text = await dialogText()
      const filePath = await deps.dialogs.openFile({
        title: text('dialog.openSession'),
        filters: [{ name: text('filter.sessions'), extensions: ['json'] }],
      })
      if (!filePath) return ok(null)
      return ok(await openFile(filePath))
    },

    async openBackup(token: string) {
      const filePath = backups.get(token)
      if (!filePath) return fail('not-found', mainMessage('main.recovery.gone'))
      const { session } = await loadSessionFile(`${filePath}.bak`)
      if (open.has(session.id))
        return fail('invalid-argument', mainMessage('main.session.alreadyOpen'))
      const entry = await register(filePath, session, null)
      if (entry.readOnlyReason) {
        open.delete(session.id)
        return fail('read-only', entry.readOnlyReason)
      }
      // Keep the damaged file as it is, under another name, then put the good version in place.
      const damaged = existsSync(filePath)
        ? await keepCopy(filePath, `corrupt-${stamp(now())}`, { move: true })
        : null
      await entry.file.save(session)
      backups.delete(token)
      entry.notice = damaged
        ? mainMessage('main.notice.recoveredKept', { file: basename(damaged) })
        : mainMessage('main.notice.recovered')
      await recent.touch(recentEntry(entry))
      return ok(opened(entry))
    },

    async openRecent(sessionId: string) {
      const entry = await recent.get(sessionId)
      if (!entry) return fail('not-found', mainMessage('main.session.notInRecent'))
      return ok(await openFile(entry.filePath))
    },

    async listRecent() {
      return ok(await recent.list())
    },

    async getSettings() {
      return ok(await settings.get())
    },

    async updateSettings(change: SettingsChange) {
      const updated = await settings.update(change)
      deps.onSettingsChange?.(updated)
      return ok(updated)
    },

    async applyEdits(sessionId: string, edits: Edit[]): Promise<Result<SaveReceipt>> {
      const entry = open.get(sessionId)
      if (!entry) return notOpen()
      if (entry.readOnlyReason) return fail('read-only', entry.readOnlyReason)
      // All or nothing: a bad edit leaves the session as it was.
      entry.session = applyEdits(entry.session, edits, now())
      const onlyUi = edits.every((e) => e.type === 'setUi')
      await entry.file.save(entry.session)
      if (!onlyUi) await recent.touch(recentEntry(entry))
      return ok({ savedAt: now() })
    },

    async exportCsv(sessionId: string): Promise<Result<ExportReceipt | null>> {
      const entry = open.get(sessionId)
      if (!entry) return notOpen()
      const filePath = await askSavePath(entry, 'dialog.exportCsv', '', 'csv')
      if (!filePath) return ok(null)
      const total = entry.session.passages.length
      const report = progressReporter(deps.onExportProgress, total)
      report(0, true)
      // Written chunk by chunk: main stays responsive during a large export,
      // and tells the renderer how far it is.
      await writeFileAtomic(filePath, sessionToCsvChunks(entry.session, report))
      report(total, true)
      return ok({ filePath, rows: total })
    },

    async exportTidyCsv(sessionId: string): Promise<Result<ExportReceipt | null>> {
      const entry = open.get(sessionId)
      if (!entry) return notOpen()
      const filePath = await askSavePath(entry, 'dialog.exportTidyCsv', '-tidy', 'csv')
      if (!filePath) return ok(null)
      const report = progressReporter(deps.onExportProgress, entry.session.passages.length)
      report(0, true)
      const { csv, rows } = sessionToTidyCsv(entry.session)
      await writeFileAtomic(filePath, csv)
      report(entry.session.passages.length, true)
      return ok({ filePath, rows })
    },

    async exportSummaryCsv(sessionId: string): Promise<Result<ExportReceipt | null>> {
      const entry = open.get(sessionId)
      if (!entry) return notOpen()
      const filePath = await askSavePath(entry, 'dialog.saveSummaryCsv', '-summary', 'csv')
      if (!filePath) return ok(null)
      const { csv, rows } = sessionToSummaryCsv(entry.session)
      await writeFileAtomic(filePath, csv)
      return ok({ filePath, rows })
    },

    async saveSummaryPng(
      sessionId: string,
      pngBase64: string,
    ): Promise<Result<FileReceipt | null>> {
      const entry = open.get(sessionId)
      if (!entry) return notOpen()
      const filePath = await askSavePath(entry, 'dialog.saveSummaryPng', '-summary', 'png')
      if (!filePath) return ok(null)
      await writeFileAtomic(filePath, Buffer.from(pngBase64, 'base64'))
      return ok({ filePath })
    },

    async exportCodebookCsv(sessionId: string): Promise<Result<ExportReceipt | null>> {
      const entry = open.get(sessionId)
      if (!entry) return notOpen()
      const filePath = await askSavePath(entry, 'dialog.exportCodebook', '-codebook', 'csv')
      if (!filePath) return ok(null)
      await writeFileAtomic(filePath, codebookToCsv(entry.session.codebook))
      return ok({ filePath, rows: entry.session.codebook.length })
    },

    async importCodebookCsv(sessionId: string): Promise<Result<CodebookImport | null>> {
      const entry = open.get(sessionId)
      if (!entry) return notOpen()
      if (entry.readOnlyReason) return fail('read-only', entry.readOnlyReason)
      const text = await dialogText()
      const filePath = await deps.dialogs.openFile({
        title: text('dialog.importCodebook'),
        filters: [{ name: text('filter.csv'), extensions: ['csv', 'txt'] }],
      })
      if (!filePath) return ok(null)
      // Read against the session as it is now; the renderer applies the edit
      // (so that it is one undo step) and main checks it again then.
      const plan = await readCodebookFile(filePath, entry.session, now())
      if (plan.edit) applyEdits(entry.session, [plan.edit], now())
      return ok({ filePath, ...plan })
    },

    async closeSession(sessionId: string) {
      const entry = open.get(sessionId)
      if (!entry) return notOpen()
      await entry.file.flush()
      open.delete(sessionId)
      await entry.release()
      // Back on the start screen: nothing to reopen next time.
      if ((await settings.get()).openSessionId === sessionId)
        await settings.update({ openSessionId: null })
      return ok(null)
    },
  }

  const handlers = {} as Handlers
  for (const method of INVOKE_METHODS) {
    const run = impl[method] as (...args: unknown[]) => Promise<Result<unknown>>
    ;(handlers as Record<string, unknown>)[method] = async (...args: unknown[]) => {
      const parsed = argSchemas[method].safeParse(args)
      if (!parsed.success)
        return fail(
          'invalid-argument',
          `${method}: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
        )
      try {
        return await run(...(parsed.data as unknown[]))
      } catch (e) {
        return toFailure(e)
      }
    }
  }
  handlers.flushAll = async () => {
    await Promise.all([...open.values()].map((e) => e.file.flush()))
  }
  handlers.shutdown = async () => {
    await handlers.flushAll()
    await Promise.all([...open.values()].map((e) => e.release()))
    open.clear()
  }
  return handlers
}

function toFailure(e: unknown): Result<never> {
  if (e instanceof RecoverableError)
    return fail('invalid-session', e.ref ?? e.message, { backupToken: e.backupToken })
  if (e instanceof StoreError) return fail(e.code, e.ref ?? e.message)
  if (e instanceof ImportError) return fail('unreadable', e.ref ?? e.message)
  if (e instanceof EditError) return fail('invalid-edit', e.message)
  return fail('internal', e instanceof Error ? e.message : String(e))
}

/** A file-name-safe form of a title (keeps accented letters). */
export function slug(title: string): string {
  const s = title
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .toLowerCase()
  return s || 'session'
}

/** A file-name-safe form of an ISO time. */
const stamp = (iso: string) => iso.replace(/[:.]/g, '-')

/**
 * Keeps a copy of a session file beside it as `<name>.<label>.json` (moved
 * rather than copied with `move`), never overwriting an existing file.
 */
async function keepCopy(filePath: string, label: string, { move = false } = {}): Promise<string> {
  const base = filePath.replace(/\.gloss\.json$|\.json$/i, '')
  for (let n = 0; ; n++) {
    const target = `${base}.${label}${n ? `-${n}` : ''}.json`
    if (existsSync(target)) continue
    if (move) await rename(filePath, target)
    else await copyFile(filePath, target, constants.COPYFILE_EXCL)
    return target
  }
}

/** Writes to a temp file beside the target, then renames it into place. */
/** Export progress for the renderer: at most every 100 ms, unless forced (start, end). */
function progressReporter(
  send: ((progress: ExportProgress) => void) | undefined,
  total: number,
): (done: number, force?: boolean) => void {
  let last = -Infinity
  return (done, force = false) => {
    const now = performance.now()
    if (!send || (!force && now - last < 100)) return
    last = now
    send({ done, total })
  }
}

async function writeFileAtomic(
  filePath: string,
  content: string | Uint8Array | Iterable<string>,
): Promise<void> {
  const tmp = join(dirname(filePath), `.${basename(filePath)}.${randomUUID()}.tmp`)
  try {
    await writeFile(tmp, content, 'utf8')
    await rename(tmp, filePath)
  } catch (e) {
    await rm(tmp, { force: true })
    throw new StoreError(
      'write-failed',
      mainMessage('main.write.cannotWrite', { path: filePath, reason: writeFailureReason(e) }),
    )
  }
}
