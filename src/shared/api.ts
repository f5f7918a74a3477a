// The ONE contract between the renderer and the main process. The main
// process implements it (src/main/handlers.ts), the preload carries it over
// IPC as `window.gloss`, and the e2e harness carries it over Playwright.
// Errors cross as values, never as exceptions.
import { z } from 'zod'
import { editSchema, type Edit } from './model/edits'
import { idSchema, type Session } from './model/schema'
import { settingsChangeSchema, type Settings, type SettingsChange } from './settings'
import type { CodebookImport } from './model/codebook-ops'
import type { InvokeMethod } from './ipc-channels'
import { englishText, type MessageParams, type MessageRef } from './main-messages'

export { channelOf, INVOKE_METHODS, MENU_CHANNEL, type InvokeMethod } from './ipc-channels'

export type ErrorCode =
  | 'invalid-argument'
  | 'not-found'
  | 'unreadable'
  | 'invalid-session'
  | 'newer-version'
  | 'read-only'
  | 'invalid-edit'
  | 'write-failed'
  | 'internal'

export interface GlossError {
  code: ErrorCode
  /** In English: the fallback for a renderer that does not know `key`, and what logs show. */
  message: string
  /**
   * The message as a key of the renderer's catalogs (src/shared/main-messages.ts)
   * with its parameters, so that the renderer shows it in the analyst's
   * language. Absent for errors that have no translation (unexpected ones).
   */
  key?: string
  params?: MessageParams
  /**
   * Set when a session failed to load but its previous good version
   * (`<file>.bak`) exists: pass it to openBackup to recover.
   */
  backupToken?: string
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: GlossError }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
/** A failed result; with a MessageRef, its English text becomes `message`. */
export const fail = (
  code: ErrorCode,
  message: string | MessageRef,
  extra?: Partial<GlossError>,
): Result<never> => ({
  ok: false,
  error:
    typeof message === 'string'
      ? { ...extra, code, message }
      : {
          ...extra,
          code,
          message: englishText(message),
          key: message.key,
          ...(message.params ? { params: message.params } : {}),
        },
})

export interface OpenedSession {
  session: Session
  /** Where the session file is, for display only. */
  filePath: string
  /** Who new passages are attributed to. */
  author: string
  /** Set when the session cannot be edited here, with the reason (in English). */
  readOnlyReason: string | null
  /** readOnlyReason as a message for the renderer to translate. */
  readOnlyReasonRef?: MessageRef | null
  /** Something the analyst should know about how the file was opened (in English). */
  notice: string | null
  /** notice as a message for the renderer to translate. */
  noticeRef?: MessageRef | null
}

export interface RecentSession {
  id: string
  title: string
  filePath: string
  /** ISO time of the last saved edit. */
  updatedAt: string
  passageCount: number
}

export interface SaveReceipt {
  savedAt: string
}

export interface ExportReceipt {
  filePath: string
  rows: number
}

export interface FileReceipt {
  filePath: string
}

/**
 * Progress of a long export, main → renderer: rows written of the total.
 * The first report (done 0) comes once the save dialog has closed.
 */
export interface ExportProgress {
  done: number
  total: number
}

/** Commands the app menu sends to the renderer. */
export type MenuCommand = 'export-csv' | 'undo' | 'redo' | 'close-session'

export interface GlossApi {
  /** Creates a new session on the bundled sample article. */
  openSample(): Promise<Result<OpenedSession>>
  /** Asks for a .txt/.md file and creates a session on it; null when cancelled. */
  openArticle(): Promise<Result<OpenedSession | null>>
  /** Asks for a *.gloss.json file and opens it; null when cancelled. */
  openSession(): Promise<Result<OpenedSession | null>>
  /**
   * Recovers a session that failed to load from its previous good version:
   * the damaged file is kept as `<name>.corrupt-<time>.json`, never overwritten.
   */
  openBackup(backupToken: string): Promise<Result<OpenedSession>>
  /** Reopens a session from the recent list. */
  openRecent(sessionId: string): Promise<Result<OpenedSession>>
  listRecent(): Promise<Result<RecentSession[]>>
  /** Applies edits in order and resolves once they are on disk. */
  applyEdits(sessionId: string, edits: Edit[]): Promise<Result<SaveReceipt>>
  /** Asks where to save, then writes the CSV; null when cancelled. */
  exportCsv(sessionId: string): Promise<Result<ExportReceipt | null>>
  /** Asks where to save, then writes the tidy CSV (one row per passage and theme); null when cancelled. */
  exportTidyCsv(sessionId: string): Promise<Result<ExportReceipt | null>>
  /** Asks where to save, then writes the summary's numbers as CSV; null when cancelled. */
  exportSummaryCsv(sessionId: string): Promise<Result<ExportReceipt | null>>
  /** Asks where to save, then writes the summary chart (PNG bytes, base64); null when cancelled. */
  saveSummaryPng(sessionId: string, pngBase64: string): Promise<Result<FileReceipt | null>>
  /** Asks where to save, then writes the codebook as CSV (name, description, colour, key); null when cancelled. */
  exportCodebookCsv(sessionId: string): Promise<Result<ExportReceipt | null>>
  /**
   * Asks for a codebook CSV and reads it against the session's codebook
   * (merge by name). Changes nothing itself: returns the edit to apply (one
   * undo step) or the file's problems with their rows; null when cancelled.
   */
  importCodebookCsv(sessionId: string): Promise<Result<CodebookImport | null>>
  /** Writes pending edits and forgets the session. */
  closeSession(sessionId: string): Promise<Result<null>>
  getSettings(): Promise<Result<Settings>>
  updateSettings(change: SettingsChange): Promise<Result<Settings>>
  /** Subscribes to app-menu commands; returns an unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void
  /** Subscribes to the progress of CSV exports; returns an unsubscribe function. */
  onExportProgress(listener: (progress: ExportProgress) => void): () => void
}

/** Largest chart image saveSummaryPng accepts, in bytes (decoded). */
export const MAX_PNG_BYTES = 20 * 1024 * 1024

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

/** True for canonical base64 (padded, no whitespace) whose bytes start with the PNG signature. */
export function isPngBase64(s: string): boolean {
  if (s.length < 12 || s.length % 4 !== 0) return false
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    const b64 =
      (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47
    // '=' only as the last one or two characters.
    if (!b64 && !(c === 61 && i >= s.length - 2 && (i === s.length - 1 || s[i + 1] === '=')))
      return false
  }
  const head = atob(s.slice(0, 12))
  return PNG_SIGNATURE.every((byte, i) => head.charCodeAt(i) === byte)
}

/** A PNG image as base64, at most MAX_PNG_BYTES once decoded. */
export const pngBase64Schema = z
  .string()
  .max(Math.ceil(MAX_PNG_BYTES / 3) * 4, 'the image is larger than 20 MB')
  .refine(isPngBase64, 'not a PNG image in base64')

/** Argument schemas of every invokable method, checked in main before use. */
export const argSchemas: Record<InvokeMethod, z.ZodType<unknown[]>> = {
  openSample: z.tuple([]),
  openArticle: z.tuple([]),
  openSession: z.tuple([]),
  openRecent: z.tuple([idSchema]),
  openBackup: z.tuple([idSchema]),
  listRecent: z.tuple([]),
  getSettings: z.tuple([]),
  updateSettings: z.tuple([settingsChangeSchema]),
  applyEdits: z.tuple([idSchema, z.array(editSchema).min(1).max(10_000)]),
  exportCsv: z.tuple([idSchema]),
  exportTidyCsv: z.tuple([idSchema]),
  exportSummaryCsv: z.tuple([idSchema]),
  saveSummaryPng: z.tuple([idSchema, pngBase64Schema]),
  exportCodebookCsv: z.tuple([idSchema]),
  importCodebookCsv: z.tuple([idSchema]),
  closeSession: z.tuple([idSchema]),
}

export type { Edit }
export type { MessageParam, MessageParams, MessageRef } from './main-messages'
export type { CodebookImport, CodebookImportProblem } from './model/codebook-ops'
