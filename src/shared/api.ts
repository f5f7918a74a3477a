// THE contract between the renderer and the main process, as the renderer
// sees it: `window.gloss` is a GlossApi. The methods, their argument schemas
// and result types are declared once, in ipc/methods.ts; GlossApi derives
// from that table and from the events of ipc/types.ts. Main implements the
// table (src/main/handlers.ts), the preload carries it over IPC, and the e2e
// harness carries it over Playwright. Errors cross as values, never as
// exceptions. Nothing is declared here that the table already says.
import type { InvokeApi } from './ipc/methods'
import type { IpcEvents } from './ipc/types'

/** Subscriptions to main → renderer events; each returns its unsubscribe function. */
export type EventApi = {
  [E in keyof IpcEvents]: (listener: (value: IpcEvents[E]) => void) => () => void
}

/**
 * What the preload answers itself, without main: the paths on disk of files
 * dropped on the window (Electron's webUtils.getPathForFile), which the
 * sandboxed renderer cannot see. Main checks every path it is given.
 */
export interface LocalApi {
  /** One path per file, in order; '' for a file that is not on disk. */
  pathsOfDroppedFiles(files: readonly File[]): string[]
}

export type GlossApi = InvokeApi & EventApi & LocalApi

export { ok, fail, type ErrorCode, type GlossError, type Result } from './ipc/result'
export type {
  AgreementProgress,
  AddArticlesProgress,
  AddArticlesResult,
  ExportProgress,
  ExportReceipt,
  FileReceipt,
  IpcEvents,
  MenuCommand,
  OpenedSession,
  PendingTable,
  RecentSession,
  SaveReceipt,
  TableMapping,
  TableRole,
} from './ipc/types'
export { TABLE_ROLES } from './ipc/types'
export { MAX_PNG_BYTES, isPngBase64, pngBase64Schema } from './ipc/png'
export {
  channelOf,
  EVENT_CHANNELS,
  EXPORT_PROGRESS_CHANNEL,
  INVOKE_METHODS,
  MENU_CHANNEL,
  type EventName,
  type InvokeMethod,
} from './ipc/names'
export type {
  CoderCopiesProgress,
  CoderCopiesResult,
  CoderCopyFile,
  CoderIdentity,
} from './ipc/coders'
export type { Edit } from './model/edits'
export type { MessageParam, MessageParams, MessageRef } from './main-messages'
export type { CodebookImport, CodebookImportProblem } from './model/codebook-ops'
export type { AttributeImport, AttributeImportProblem } from './model/attribute-import'
