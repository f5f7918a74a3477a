// Test support: reading Result values returned by the handlers.
import type { GlossError, Result } from '@shared/api'

/** The value of an ok result; fails the test with the error otherwise. */
export function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`)
  return result.value
}

/** 'ok', or the error code of a failed result. */
export const codeOf = (r: Result<unknown>): string => (r.ok ? 'ok' : r.error.code)

/** The error of a failed result as the renderer reads it (code, key, params); null when ok. */
export function errorOf(r: Result<unknown>): Pick<GlossError, 'code' | 'key' | 'params'> | null {
  if (r.ok) return null
  const { code, key, params } = r.error
  return { code, key, params }
}
