// createHandlers(deps) implements the GlossApi contract in plain Node. It
// imports nothing from 'electron': the Electron transport (ipc.ts) and the e2e
// harness both call it. Every argument is validated here with the contract's
// zod schemas, and nothing throws out: failures come back as Result values.
import { randomUUID } from 'node:crypto'
import { mkdir, writeFile, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import {
  argSchemas,
  INVOKE_METHODS,
  fail,
  ok,
  type ExportReceipt,
  type GlossApi,
  type InvokeMethod,
  type OpenedSession,
  type RecentSession,
  type Result,
  type SaveReceipt,
} from '../shared/api'
import { DEFAULT_CODEBOOK } from '../shared/model/codebook'
import { applyEdits, EditError, type Edit } from '../shared/model/edits'
import { SCHEMA_VERSION, type ArticleDocument, type Session } from '../shared/model/schema'
import type { Dialogs } from './dialogs'
import { sessionToCsv } from './export/csv'
import { ARTICLE_EXTENSIONS, ImportError, readArticle } from './import/article'
import { RecentIndex } from './store/recent-index'
import { readSessionFile, SESSION_EXTENSION, SessionFile, StoreError } from './store/session-file'

export interface HandlerDeps {
  /** Where sessions and the recent list live. */
  dataDir: string
  dialogs: Dialogs
  /** The bundled sample article. */
  samplePath: string
  author: string
  now?: () => Date
}

type Invokable = Omit<GlossApi, 'onMenuCommand'>
export type Handlers = {
  [M in InvokeMethod]: (...args: unknown[]) => ReturnType<Invokable[M]>
} & {
  /** Writes everything pending; called on quit. */
  flushAll(): Promise<void>
}

interface OpenEntry {
  session: Session
  file: SessionFile
}

export const SAMPLE_TITLE = 'OpenAI, vue de l’intérieur (exemple)'

export function createHandlers(deps: HandlerDeps): Handlers {
  const now = () => (deps.now ? deps.now() : new Date()).toISOString()
  const sessionsDir = join(deps.dataDir, 'sessions')
  const recent = new RecentIndex(deps.dataDir)
  const open = new Map<string, OpenEntry>()

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
  })

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
    const entry = { session, file: new SessionFile(filePath, session) }
    await entry.file.save(session)
    open.set(id, entry)
    await recent.touch(recentEntry(entry))
    return opened(entry)
  }

  async function openFile(filePath: string): Promise<OpenedSession> {
    for (const entry of open.values())
      if (entry.file.filePath === filePath) {
        await recent.touch(recentEntry(entry))
        return opened(entry)
      }
    const session = await readSessionFile(filePath)
    const existing = open.get(session.id)
    // The same session under two paths (a copy): keep the one already open.
    if (existing) return opened(existing)
    const entry = { session, file: new SessionFile(filePath, session) }
    open.set(session.id, entry)
    await recent.touch(recentEntry(entry))
    return opened(entry)
  }

  const impl: Invokable = {
    async openSample() {
      return ok(await createSession(await readArticle(deps.samplePath, SAMPLE_TITLE)))
    },

    async openArticle() {
      const filePath = await deps.dialogs.openFile({
        title: 'Open article',
        filters: [{ name: 'Articles', extensions: [...ARTICLE_EXTENSIONS] }],
      })
      if (!filePath) return ok(null)
      return ok(await createSession(await readArticle(filePath)))
    },

    async openSession() {
      const filePath = await deps.dialogs.openFile({
        title: 'Open session',
        filters: [{ name: 'Gloss sessions', extensions: ['json'] }],
      })
      if (!filePath) return ok(null)
      return ok(await openFile(filePath))
    },

    async openRecent(sessionId: string) {
      const entry = await recent.get(sessionId)
      if (!entry) return fail('not-found', 'This session is no longer in the recent list.')
      return ok(await openFile(entry.filePath))
    },

    async listRecent() {
      return ok(await recent.list())
    },

    async applyEdits(sessionId: string, edits: Edit[]): Promise<Result<SaveReceipt>> {
      const entry = open.get(sessionId)
      if (!entry) return fail('not-found', 'This session is not open.')
      // All or nothing: a bad edit leaves the session as it was.
      entry.session = applyEdits(entry.session, edits, now())
      const onlyUi = edits.every((e) => e.type === 'setUi')
      await entry.file.save(entry.session)
      if (!onlyUi) await recent.touch(recentEntry(entry))
      return ok({ savedAt: now() })
    },

    async exportCsv(sessionId: string): Promise<Result<ExportReceipt | null>> {
      const entry = open.get(sessionId)
      if (!entry) return fail('not-found', 'This session is not open.')
      const filePath = await deps.dialogs.saveFile({
        title: 'Export CSV',
        defaultFileName: `${slug(entry.session.document.title)}.csv`,
        filters: [{ name: 'CSV', extensions: ['csv'] }],
      })
      if (!filePath) return ok(null)
      await writeFileAtomic(filePath, sessionToCsv(entry.session))
      return ok({ filePath, rows: entry.session.passages.length })
    },

    async closeSession(sessionId: string) {
      const entry = open.get(sessionId)
      if (entry) {
        await entry.file.flush()
        open.delete(sessionId)
      }
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
  return handlers
}

function toFailure(e: unknown): Result<never> {
  if (e instanceof StoreError) return fail(e.code, e.message)
  if (e instanceof ImportError) return fail('unreadable', e.message)
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

/** Writes to a temp file beside the target, then renames it into place. */
async function writeFileAtomic(filePath: string, content: string): Promise<void> {
  const tmp = join(dirname(filePath), `.${basename(filePath)}.${randomUUID()}.tmp`)
  try {
    await writeFile(tmp, content, 'utf8')
    await rename(tmp, filePath)
  } catch (e) {
    await rm(tmp, { force: true })
    throw new StoreError('write-failed', `Cannot write ${filePath}: ${(e as Error).message}`)
  }
}
