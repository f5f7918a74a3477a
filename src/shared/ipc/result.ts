// Results of IPC calls: errors cross the process boundary as values, never
// as exceptions. A GlossError carries its English text and, where it has
// one, the message key the renderer translates. Pure: no Node, no DOM.
import { englishText, type MessageParams, type MessageRef } from '../main-messages'

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
