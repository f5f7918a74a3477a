// The values about coders that cross IPC: who the coder is, what "Make
// coder copies…" wrote, and how far it has come. Types only.
import type { CoderCopy } from '../model/corpus'
import type { MessageRef } from '../main-messages'

/** Who codes here, as the Settings dialog and the session view need it. */
export interface CoderIdentity {
  /** The operating system's user (the coder when no name is set). */
  systemUser: string
  /** The coder name setting (null: the system user). */
  coderName: string | null
  /** In a coder copy: whom it is for and where it comes from (its coder wins). */
  copy: CoderCopy | null
  /** Who new passages of the session (or of a new session) are attributed to. */
  author: string
}

/** One coder copy written. */
export interface CoderCopyFile {
  coder: string
  filePath: string
  /** Passages it holds (the analyst's own, with "Include my passages"). */
  passages: number
}

/** What "Make coder copies…" did: every copy written whole, in the order of the coders. */
export interface CoderCopiesResult {
  /** The folder chosen. */
  folder: string
  files: CoderCopyFile[]
  /** The analyst cancelled: the copies after the one being written were not made. */
  cancelled: boolean
  /** A copy could not be written (nothing of it is left): the copies after it were not made. */
  stoppedBy?: MessageRef | string
}

/** Progress of making coder copies, main → renderer: files packed of the total. */
export interface CoderCopiesProgress {
  sessionId: string
  /** Files packed, of all the copies' files. */
  done: number
  total: number
  /** The coder whose copy is being made ('' once all are made). */
  coder: string
  /** Which copy that is (from 1), of how many. */
  copy: number
  copies: number
}
