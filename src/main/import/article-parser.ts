// The seam between reading an article file (main: the file's bytes) and
// parsing it (the format readers): an ArticleParser takes the bytes and
// gives back the article or the table, or an ImportError. Two of them: the
// pool of import workers (parse-pool.ts), which keeps the parsing off
// main's event loop and is what Gloss uses, and this in-process one, for
// code that runs without a built worker (the sample article, tests of other
// concerns).
// It must never: read or write a file itself.
import { parseArticle, type ParseProgress, type ParseRequest, type ReadFile } from './parse-article'

export interface ArticleParser {
  /**
   * Parses one file's bytes. The bytes may be handed over (their buffer
   * transferred to a worker): the caller must not use them afterwards.
   * Rejects with an ImportError only.
   */
  parse(bytes: Uint8Array, request: ParseRequest, progress?: ParseProgress): Promise<ReadFile>
  /** How many files a batch may read ahead of the one it waits for (parsed meanwhile). */
  readonly readAhead: number
  /** Stops for good: what runs is cancelled, later calls are refused as cancelled. */
  close(): Promise<void>
}

/** Parses in the caller's thread (the readers yield between steps, but one step can be long). */
export const inProcessParser: ArticleParser = {
  parse: (bytes, request, progress) => parseArticle(bytes, request, progress),
  readAhead: 0,
  close: () => Promise.resolve(),
}
