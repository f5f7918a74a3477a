// The values that cross IPC besides sessions and edits: what an open, a
// save or an export returns, and the payloads of main → renderer events.
// Types only.
import type { Session } from '../model/schema'
import type { MessageRef } from '../main-messages'

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

/** Main → renderer events: the renderer's subscription method → what each event carries. */
export interface IpcEvents {
  /** App-menu commands. */
  onMenuCommand: MenuCommand
  /** The progress of CSV exports. */
  onExportProgress: ExportProgress
}
