// Why an article file could not be read, as the analyst reads it: an
// ImportError carries the whole message (with the file's name) and the
// reason alone (for the report of "Add articles…", which shows the name
// beside it), both as main messages so that the renderer translates them.
// A reader's FormatError becomes such a reason here. Plain data inside, so
// that an ImportError can cross from the import worker and be rebuilt.
// It must never: hold anything but messages (no stack, no library object).
import { mainMessage, type MainMessageKey, type MessageRef } from '@shared/main-messages'
import { MessageError, type Reason } from '../errors'
import { FormatError, type FormatProblem } from './formats/types'

/** Why an article could not be read: the whole message, and the reason alone (without the file's name). */
export class ImportError extends MessageError {
  /** For lists that show the file's name beside it (the report of "Add articles…"). */
  readonly reason: Reason

  constructor(message: MessageRef, reason?: Reason) {
    super(message)
    this.reason = reason ?? message
  }
}

/** "Cannot read <file>: <reason>". */
export function cannotRead(file: string, reason: Reason): ImportError {
  return new ImportError(mainMessage('main.import.cannotRead', { file, reason }), reason)
}

const PROBLEM_KEYS = {
  unsupported: 'main.format.unsupported',
  corrupt: 'main.format.corrupt',
  encrypted: 'main.format.encrypted',
  scanned: 'main.format.scanned',
  'no-text': 'main.format.noText',
  'too-large': 'main.format.tooLarge',
  'old-format': 'main.format.oldFormat',
  cancelled: 'main.format.cancelled',
} as const satisfies Record<FormatProblem, MainMessageKey>

/** A reader's problem as a reason (its detail, a library's words, after it where there is one). */
export function formatReason(e: FormatError): MessageRef {
  const reason = mainMessage(PROBLEM_KEYS[e.problem])
  return e.detail && e.problem === 'corrupt'
    ? mainMessage('main.format.detail', { reason, detail: e.detail.slice(0, 200) })
    : reason
}

/** The file could not be read to the end: damaged (also what a crashed reader says). */
export const damaged = (file: string): ImportError =>
  cannotRead(file, mainMessage('main.format.corrupt'))

/** The analyst cancelled while the file was being read. */
export const cancelledRead = (file: string): ImportError =>
  cannotRead(file, formatReason(new FormatError('cancelled')))
