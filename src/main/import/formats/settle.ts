// Runs a reader's synchronous work as the promise a reader returns, so that
// nothing but a FormatError ever leaves it: any other exception (a bug, a
// library's own error on input it did not expect) becomes `corrupt`, with
// the original message as the detail.
// It must never: swallow an error without a FormatError in its place.
import { FormatError } from './types'

/** The result of `work`, or its error as a FormatError. */
export function settle<T>(work: () => T): Promise<T> {
  return new Promise<T>((resolve) => resolve(work())).catch((e: unknown) => {
    throw e instanceof FormatError
      ? e
      : new FormatError('corrupt', e instanceof Error ? e.message : String(e))
  })
}
