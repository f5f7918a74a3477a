// The values that cross IPC besides sessions and edits: what an open, a
// save or an export returns, and the payloads of main → renderer events.
// Types only.
import type { ArticleEntry, AttributeDef, CorpusMeta } from '../model/corpus'
import type { Session } from '../model/schema'
import type { MessageRef } from '../main-messages'
import type { TableField } from '../model/table-mapping'
import type { CoderCopiesProgress } from './coders'

/** An article of the session the renderer could not be given (its file is missing or broken). */
export interface ArticleProblemInfo {
  articleId: string
  title: string
  file: string
  /** A message, or the system's own words. */
  problem: MessageRef | string
}

export interface OpenedSession {
  /** The open article, seen with the session's codebook. */
  session: Session
  /** The article shown in `session`. */
  articleId: string
  /** The session's index: codebook, groups, attribute definitions, articles. */
  meta: CorpusMeta
  /** Articles that could not be read (the session is then read-only). */
  problems: ArticleProblemInfo[]
  /** Where the session folder is, for display only. */
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
  /** Articles in the session (absent in lists written before sessions held several). */
  articleCount?: number
}

/** One article of the open session, as loadArticle returns it. */
export interface OpenedArticle {
  session: Session
  articleId: string
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

// Adding articles to an open session (Add articles…, dropped files, Paste as new article).

/** What adding articles did: every file is in exactly one of added, duplicates and failures, or was not reached. */
export interface AddArticlesResult {
  /** The articles added, in the order of the files (already in the session and on disk). */
  added: ArticleEntry[]
  /** Files whose normalized text is already in the session: the title of the article that has it. */
  duplicates: { file: string; title: string }[]
  /** Files that could not be read, with why (a message, or the system's own words). */
  failures: { file: string; reason: MessageRef | string }[]
  /** The analyst cancelled: the files after the cancel were not read. */
  cancelled: boolean
  /** The session could not be written: the batch stopped there (the articles added so far are kept). */
  stoppedBy?: MessageRef | string
  /** Articles added with a remark (a table's row whose date or value could not be read, and was left out). */
  notes?: { file: string; reason: MessageRef | string }[]
  /** The session's custom attributes after the add, when it made new ones (a table's columns). */
  attributeDefs?: AttributeDef[]
  /**
   * Files that are tables of articles (CSV, Excel): read, and waiting for
   * the analyst to map their columns (addArticleTable adds their rows).
   */
  tables?: PendingTable[]
}

/** The roles a column of a table of articles can take (besides custom attributes). */
export { TABLE_FIELDS as TABLE_ROLES } from '../model/table-mapping'
export type TableRole = TableField

/** Which column (0-based) gives what: the text is required; other columns may become custom attributes. */
export interface TableMapping {
  columns: { text: number } & Partial<Record<TableRole, number>>
  /** Columns kept as custom attributes, named as their header (an existing attribute of that name is used). */
  custom: number[]
}

/** A table of articles read by main, waiting for its mapping. */
export interface PendingTable {
  /** Main's handle of the table read (valid while the session is open). */
  token: string
  file: string
  format: 'csv' | 'xlsx'
  columns: string[]
  /** The first rows, to show beside the mapping. */
  sample: string[][]
  rowCount: number
  encoding?: string
  sheet?: string
  /** Main's guess of the mapping, from the headers (perhaps without a text column). */
  guess: { columns: Partial<Record<TableRole, number>>; custom: number[] }
}

/** Progress of adding files, main → renderer: files handled of the total, and the one being read. */
export interface AddArticlesProgress {
  sessionId: string
  done: number
  total: number
  /** The name of the file being read ('' once the batch is over). */
  file: string
  /** How far inside that file (pages of a PDF), when it says. */
  part?: { done: number; total: number }
}

/** Commands the app menu sends to the renderer. */
export type MenuCommand =
  | 'export-csv'
  | 'undo'
  | 'redo'
  | 'close-session'
  | 'add-articles'
  | 'paste-article'
  | 'save-copy'
  // Coders (features/coders, features/settings).
  | 'coder-copies'
  | 'settings'
  | 'bring-back-coders'
  | 'agreement'

/**
 * Articles of an open session found unreadable after it opened (a session
 * opens with its open article; the others are read in the background): the
 * session is read-only from now on, as if the problems had been found at once.
 */
export interface SessionProblems {
  sessionId: string
  problems: ArticleProblemInfo[]
  readOnlyReason: string
  readOnlyReasonRef: MessageRef
}

/** Main → renderer events: the renderer's subscription method → what each event carries. */
export interface IpcEvents {
  /** App-menu commands. */
  onMenuCommand: MenuCommand
  /** The progress of CSV exports. */
  onExportProgress: ExportProgress
  /** The progress of adding articles. */
  onAddArticlesProgress: AddArticlesProgress
  /** Unreadable articles found after a session opened. */
  onSessionProblems: SessionProblems
  /** The progress of making coder copies. */
  onCoderCopiesProgress: CoderCopiesProgress
  /** The progress of an agreement computation. */
  onAgreementProgress: AgreementProgress
}

/**
 * Progress of an agreement computation, main → renderer: the articles' units
 * built (in steps of a few articles), then the themes computed.
 */
export interface AgreementProgress {
  sessionId: string
  stage: 'units' | 'themes'
  done: number
  total: number
}
