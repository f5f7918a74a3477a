// Errors of the main process that carry a message for the renderer (a key of
// src/shared/main-messages.ts and its parameters, so the analyst reads it in
// their language), and errno codes in an analyst's words. Plain Node: no
// electron import. An unknown errno keeps the system's own (English) text.
import { englishText, mainMessage, type MessageRef } from '@shared/main-messages'

/** An error whose message is a MessageRef; `message` is its English text. */
export class MessageError extends Error {
  readonly ref: MessageRef | null

  constructor(message: string | MessageRef) {
    super(typeof message === 'string' ? message : englishText(message))
    this.ref = typeof message === 'string' ? null : message
  }
}

const errnoOf = (e: unknown): string | undefined =>
  (e as NodeJS.ErrnoException | null)?.code ?? undefined

/** A reason: a message, or a text shown as it is (the system's own words). */
export type Reason = MessageRef | string

const textOf = (e: unknown): string => (e instanceof Error ? e.message : String(e))

/** Why a write failed: a message for the errno codes an analyst can act on, else the system's text. */
export function writeFailureReason(e: unknown): Reason {
  switch (errnoOf(e)) {
    case 'ENOSPC':
      return mainMessage('main.save.diskFull')
    case 'EDQUOT':
      return mainMessage('main.save.quota')
    case 'EIO':
      return mainMessage('main.save.io')
    case 'EROFS':
      return mainMessage('main.save.readOnlyFolder')
    case 'EACCES':
    case 'EPERM':
      return mainMessage('main.io.permission')
    case 'ENOENT':
      return mainMessage('main.save.folderMissing')
    default:
      return textOf(e)
  }
}

/** Why a file could not be read: a message for common errno codes, else the system's text. */
export function readFailureReason(e: unknown): Reason {
  switch (errnoOf(e)) {
    case 'ENOENT':
      return mainMessage('main.io.fileMissing')
    case 'EISDIR':
      return mainMessage('main.io.isFolder')
    case 'EACCES':
    case 'EPERM':
      return mainMessage('main.io.permission')
    case 'EIO':
      return mainMessage('main.save.io')
    default:
      return textOf(e)
  }
}

/** The English text of a reason. */
export const reasonText = (reason: Reason): string =>
  typeof reason === 'string' ? reason : englishText(reason)
