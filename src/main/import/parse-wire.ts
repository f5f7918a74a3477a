// The messages between main and an import worker, and an ImportError as
// plain data so that it crosses (structured clone keeps no class): main
// sends a file's bytes (their buffer transferred, not copied) and what
// reading them needs; the worker answers with progress (pages of a PDF),
// then the article or table, or the error as a value.
// It must never: carry anything but plain data (no function, no class).
import type { MessageRef } from '@shared/main-messages'
import type { Reason } from '../errors'
import { damaged, ImportError } from './import-error'
import type { ParseRequest, ReadFile } from './parse-article'

/** Main → worker: read this file's bytes. */
export interface ParseJob {
  type: 'parse'
  id: number
  bytes: Uint8Array
  request: ParseRequest
}

/** An ImportError as data; null for anything else a reader let out (a bug: the file is said damaged). */
export type WireError = { message: MessageRef; reason: Reason } | null

/** Worker → main. */
export type WorkerReply =
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'done'; id: number; read: ReadFile }
  | { type: 'failed'; id: number; error: WireError }

export function errorToWire(e: unknown): WireError {
  return e instanceof ImportError && e.ref ? { message: e.ref, reason: e.reason } : null
}

/** The ImportError again, with the same message key and parameters. */
export function errorFromWire(error: WireError, file: string): ImportError {
  return error ? new ImportError(error.message, error.reason) : damaged(file)
}
