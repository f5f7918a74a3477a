// createHandlers(deps) implements the methods of the contract table
// (src/shared/ipc/methods.ts) in plain Node, as a composition of handler
// groups by concern (handlers/: sessions, codebook, exports, …), each built
// from one HandlerContext: the session registry (sessions/), the dialogs,
// the export writer (export/save-export.ts) and the settings. The table's types force a handler for every method, with
// typed arguments: callers that cannot be trusted (ipc.ts, the e2e harness)
// go through checked-calls.ts, which validates them first.
// It must never import 'electron', and nothing throws out of a handler:
// failures come back as Result values.
import {
  fail,
  type AddArticlesProgress,
  type CoderCopiesProgress,
  type AgreementProgress,
  type ExportProgress,
  type Result,
} from '@shared/api'
import type { SessionProblems } from '@shared/ipc/types'
import type { HandlerMethods } from '@shared/ipc/methods'
import { INVOKE_METHODS } from '@shared/ipc/names'
import { EditError } from '@shared/model/edits'
import type { Settings } from '@shared/settings'
import type { Dialogs } from './dialogs'
import { dialogWords } from './dialog-words'
import { createSaveExport } from './export/save-export'
import { agreementHandlers } from './handlers/agreement'
import { articleHandlers } from './handlers/articles'
import { attributeHandlers } from './handlers/attributes'
import { bringBackHandlers } from './handlers/bring-back'
import { codebookHandlers } from './handlers/codebook'
import { coderCountHandlers } from './handlers/coder-counts'
import { corpusSummaryHandlers } from './handlers/corpus-summary'
import type { HandlerContext } from './handlers/context'
import { exportHandlers } from './handlers/exports'
import { portableHandlers } from './handlers/portable'
import { originalHandlers } from './handlers/originals'
import { retrievalHandlers } from './handlers/retrieval'
import { sessionHandlers } from './handlers/sessions'
import { coderHandlers } from './handlers/coders'
import { ImportError } from './import/article'
import { inProcessParser } from './import/article-parser'
import { createParsePool } from './import/parse-pool'
import { RecoverableError, SessionRegistry } from './sessions/registry'
import { StoreError } from './store/session-file'
import { SettingsStore } from './store/settings'

export interface HandlerDeps {
  /** Where sessions and the recent list live. */
  dataDir: string
  dialogs: Dialogs
  /** The bundled sample article. */
  samplePath: string
  /** The operating system's user (who codes when no coder name is set). */
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
  /** Told how adding articles advances (sent on to the renderer). */
  onAddArticlesProgress?: (progress: AddArticlesProgress) => void
  /** Told of articles found unreadable after a session opened (sent on to the renderer). */
  onSessionProblems?: (event: SessionProblems) => void
  /** Told how making coder copies advances (sent on to the renderer). */
  onCoderCopiesProgress?: (progress: CoderCopiesProgress) => void
  /**
   * The import worker's built script (src/main/import/parse-worker.ts):
   * imported files are parsed in a pool of worker threads, off main's
   * event loop. Absent: parsed in main's thread (tests of other concerns).
   */
  importWorker?: string | URL
  /** Told how an agreement computation advances (sent on to the renderer). */
  onAgreementProgress?: (progress: AgreementProgress) => void
}

export type Handlers = HandlerMethods & {
  /** Writes everything pending. */
  flushAll(): Promise<void>
  /** Writes everything pending and releases every session lock; called on quit. */
  shutdown(): Promise<void>
}

export { SAMPLE_TITLE } from './handlers/sessions'

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
    onProblems: deps.onSessionProblems,
  })
  const saveExport = createSaveExport({ dialogs, words, onExportProgress: deps.onExportProgress })
  const parser = deps.importWorker
    ? createParsePool({ workerPath: deps.importWorker })
    : inProcessParser

  const ctx: HandlerContext = {
    sessions,
    dialogs,
    words,
    now,
    settings,
    saveExport,
    samplePath: deps.samplePath,
    parser,
    onSettingsChange: deps.onSettingsChange,
    onExportProgress: deps.onExportProgress,
    onAddArticlesProgress: deps.onAddArticlesProgress,
    onCoderCopiesProgress: deps.onCoderCopiesProgress,
    onAgreementProgress: deps.onAgreementProgress,
  }
  const impl: HandlerMethods = {
    ...sessionHandlers(ctx),
    ...codebookHandlers(ctx),
    ...exportHandlers(ctx),
    ...articleHandlers(ctx),
    ...attributeHandlers(ctx),
    ...portableHandlers(ctx),
    ...originalHandlers(ctx),
    ...retrievalHandlers(ctx),
    ...corpusSummaryHandlers(ctx),
    ...coderHandlers(ctx),
    ...bringBackHandlers(ctx),
    ...coderCountHandlers(ctx),
    ...agreementHandlers(ctx),
  }

  return {
    ...neverThrow(impl),
    flushAll: () => sessions.flushAll(),
    // The import workers are stopped, not waited for: what they were reading is cancelled.
    shutdown: async () => {
      await Promise.all([parser.close(), sessions.shutdown()])
    },
  }
}

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
