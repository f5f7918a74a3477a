// createHandlers(deps) implements the methods of the contract table
// (src/shared/ipc/methods.ts) in plain Node, as a composition of the modules
// that do the work: the session registry (sessions/), exports
// (export/save-export.ts), codebook import planning (import/codebook-plan.ts)
// and the settings. The table's types force a handler for every method, with
// typed arguments: callers that cannot be trusted (ipc.ts, the e2e harness)
// go through checked-calls.ts, which validates them first.
// It must never import 'electron', and nothing throws out of a handler:
// failures come back as Result values.
import { fail, ok, type ExportProgress, type Result } from '@shared/api'
import type { HandlerMethods } from '@shared/ipc/methods'
import { INVOKE_METHODS } from '@shared/ipc/names'
import { applyEdits, EditError } from '@shared/model/edits'
import { mainMessage } from '@shared/main-messages'
import type { Settings } from '@shared/settings'
import type { Dialogs } from './dialogs'
import { dialogWords } from './dialog-words'
import { codebookToCsv } from './export/codebook-csv'
import { sessionToCsvChunks } from './export/csv'
import { createSaveExport, EXPORT_KINDS } from './export/save-export'
import { sessionToSummaryCsv } from './export/summary-csv'
import { sessionToTidyCsv } from './export/tidy-csv'
import { ARTICLE_EXTENSIONS, ImportError, readArticle } from './import/article'
import { planCodebookImport } from './import/codebook-plan'
import { RecoverableError, SessionRegistry } from './sessions/registry'
import { StoreError } from './store/session-file'
import { SettingsStore } from './store/settings'

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

export type Handlers = HandlerMethods & {
  /** Writes everything pending. */
  flushAll(): Promise<void>
  /** Writes everything pending and releases every session lock; called on quit. */
  shutdown(): Promise<void>
}

export const SAMPLE_TITLE = 'OpenAI, vue de l’intérieur (exemple)'

export function createHandlers(deps: HandlerDeps): Handlers {
  const now = () => (deps.now ? deps.now() : new Date()).toISOString()
  const settings = deps.settings ?? new SettingsStore(deps.dataDir)
  const words = dialogWords(settings, deps.systemLanguage)
  const { dialogs } = deps
  const sessions = new SessionRegistry({
    dataDir: deps.dataDir,
    author: deps.author,
    now,
    settings,
  })
  const saveExport = createSaveExport({ dialogs, words, onExportProgress: deps.onExportProgress })

  /** Asks for a file to open; null when cancelled. */
  async function askOpenPath(kind: 'article' | 'session'): Promise<string | null> {
    const text = await words()
    return kind === 'article'
      ? dialogs.openFile({
          title: text('dialog.openArticle'),
          filters: [{ name: text('filter.articles'), extensions: [...ARTICLE_EXTENSIONS] }],
        })
      : dialogs.openFile({
          title: text('dialog.openSession'),
          filters: [{ name: text('filter.sessions'), extensions: ['json'] }],
        })
  }

  const impl: HandlerMethods = {
    openSample: async () =>
      ok(await sessions.create(await readArticle(deps.samplePath, SAMPLE_TITLE))),
    openArticle: async () => {
      const filePath = await askOpenPath('article')
      return ok(filePath ? await sessions.create(await readArticle(filePath)) : null)
    },
    openSession: async () => {
      const filePath = await askOpenPath('session')
      return ok(filePath ? await sessions.openFile(filePath) : null)
    },
    openBackup: (token) => sessions.openBackup(token),
    openRecent: async (sessionId) => {
      const entry = await sessions.recent.get(sessionId)
      if (!entry) return fail('not-found', mainMessage('main.session.notInRecent'))
      return ok(await sessions.openFile(entry.filePath))
    },
    listRecent: async () => ok(await sessions.recent.list()),
    getSettings: async () => ok(await settings.get()),
    updateSettings: async (change) => {
      const updated = await settings.update(change)
      deps.onSettingsChange?.(updated)
      return ok(updated)
    },
    applyEdits: (sessionId, edits) =>
      sessions.withWritable(sessionId, async (entry) => {
        // All or nothing: a bad edit leaves the session as it was.
        entry.session = applyEdits(entry.session, edits, now())
        await entry.file.save(entry.session)
        if (!edits.every((e) => e.type === 'setUi')) await sessions.touchRecent(entry)
        return ok({ savedAt: now() })
      }),
    exportCsv: (sessionId) =>
      sessions.withOpen(sessionId, async ({ session }) =>
        ok(
          await saveExport(session, EXPORT_KINDS.passagesCsv, (report) => ({
            content: sessionToCsvChunks(session, report),
            rows: session.passages.length,
          })),
        ),
      ),
    exportTidyCsv: (sessionId) =>
      sessions.withOpen(sessionId, async ({ session }) =>
        ok(await saveExport(session, EXPORT_KINDS.tidyCsv, () => csvOf(sessionToTidyCsv(session)))),
      ),
    exportSummaryCsv: (sessionId) =>
      sessions.withOpen(sessionId, async ({ session }) =>
        ok(
          await saveExport(session, EXPORT_KINDS.summaryCsv, () =>
            csvOf(sessionToSummaryCsv(session)),
          ),
        ),
      ),
    saveSummaryPng: (sessionId, pngBase64) =>
      sessions.withOpen(sessionId, async ({ session }) =>
        ok(
          await saveExport(session, EXPORT_KINDS.summaryPng, () => ({
            content: Buffer.from(pngBase64, 'base64'),
          })),
        ),
      ),
    exportCodebookCsv: (sessionId) =>
      sessions.withOpen(sessionId, async ({ session }) =>
        ok(
          await saveExport(session, EXPORT_KINDS.codebookCsv, () => ({
            content: codebookToCsv(session.codebook),
            rows: session.codebook.length,
          })),
        ),
      ),
    importCodebookCsv: (sessionId) =>
      sessions.withWritable(sessionId, async ({ session }) =>
        ok(await planCodebookImport({ dialogs, words, now }, session)),
      ),
    closeSession: (sessionId) => sessions.close(sessionId),
  }

  return {
    ...neverThrow(impl),
    flushAll: () => sessions.flushAll(),
    shutdown: () => sessions.shutdown(),
  }
}

/** A CSV writer's output as an export's content and row count. */
const csvOf = ({ csv, rows }: { csv: string; rows: number }) => ({ content: csv, rows })

/** The same handlers, with any exception turned into a failed Result. */
function neverThrow(impl: HandlerMethods): HandlerMethods {
  const safe: Partial<Record<keyof HandlerMethods, unknown>> = {}
  for (const method of INVOKE_METHODS) {
    const run = impl[method] as (...args: unknown[]) => Promise<Result<unknown>>
    safe[method] = async (...args: unknown[]) => {
      try {
        return await run(...args)
      } catch (e) {
        return toFailure(e)
      }
    }
  }
  return safe as HandlerMethods
}

function toFailure(e: unknown): Result<never> {
  if (e instanceof RecoverableError)
    return fail('invalid-session', e.ref ?? e.message, { backupToken: e.backupToken })
  if (e instanceof StoreError) return fail(e.code, e.ref ?? e.message)
  if (e instanceof ImportError) return fail('unreadable', e.ref ?? e.message)
  if (e instanceof EditError) return fail('invalid-edit', e.message)
  return fail('internal', e instanceof Error ? e.message : String(e))
}
