// Benchmark settings shared by the setup and the bench files. BENCH_QUICK=1
// runs a fast subset: fewer runs, no 50,000-passage set.
import { join } from 'node:path'

export const QUICK = process.env.BENCH_QUICK === '1'

/** Passage counts for "open", and for the interactive scenarios. */
export const OPEN_SIZES = QUICK ? [0, 1_000, 10_000] : [0, 1_000, 10_000, 50_000]
export const INTERACTIVE_SIZE = 10_000
export const CSV_SIZE = 100_000
export const SAVE_SIZE = 10_000

export const RUNS = QUICK ? 3 : 5
/** 50,000 passages: fewer runs (each one takes seconds for some contenders). */
export const RUNS_LARGE = 3
export const ADDS = QUICK ? 20 : 30
export const KEYSTROKES = QUICK ? 20 : 30
export const FILTER_TOGGLES = QUICK ? 6 : 10
export const SCROLL_RUNS = QUICK ? 2 : 3
export const SCROLL_FRAMES = 120
export const SCROLL_STEP = 200
export const HIT_POINTS = 1000
export const SAVE_RUNS = QUICK ? 10 : 20
export const CSV_RUNS = QUICK ? 5 : 7
export const LOAD_RUNS = QUICK ? 5 : 10
/** 50,000 passages: a contender whose run takes longer than this runs once. */
export const SLOW_RUN_MS = 20_000
/** A single contender run longer than this is reported as "timeout". */
export const RUN_CAP_MS = 60_000
export const SLOW_FRAME_MS = 25

export const VIEWPORT = { width: 1280, height: 860 }

export const runsFor = (passages: number) => (passages > INTERACTIVE_SIZE ? RUNS_LARGE : RUNS)

/** The run's temp folder (set by the global setup): data, peer pages, result parts. */
export function runDir(): string {
  const dir = process.env.BENCH_RUN_DIR
  if (!dir)
    throw new Error('BENCH_RUN_DIR is not set: run through bench/playwright.bench.config.ts')
  return dir
}
export const sessionFile = (passages: number) =>
  join(runDir(), 'peers', 'data', `session-${passages}.gloss.json`)
export const addsFile = () => join(runDir(), 'peers', 'data', 'adds.json')

// The corpus scenarios: a session of 2,000 articles (2–10 KB each, about
// 12 MB of text), 200,000 passages, 40 themes in 6 groups and 8 attributes
// (test-support/generate-corpus.ts BENCH_CORPUS), written once by the
// global setup as a real session folder.
/** The nominal size of the corpus scenarios' rows (the exact count is in their notes). */
export const CORPUS_PASSAGES = 200_000
export const CORPUS_OPEN_RUNS = QUICK ? 3 : 5
export const CORPUS_SAVE_RUNS = QUICK ? 10 : 20
export const CORPUS_INDEX_RUNS = QUICK ? 5 : 10
export const CORPUS_MERGE_RUNS = QUICK ? 2 : 3
export const CORPUS_SWITCHES = QUICK ? 10 : 20
export const CORPUS_ADDS = QUICK ? 15 : 30
export const CORPUS_SEARCH_RUNS = QUICK ? 5 : 10
/** The corpus session folder (and its index, what "Open session…" is given). */
export const corpusFolder = () => join(runDir(), 'corpus', 'bench-corpus.gloss')
export const corpusIndex = () => join(corpusFolder(), 'session.json')

/** Rejects with 'timeout' after `ms`; the caller cleans up (closes the context). */
export async function withCap<T>(promise: Promise<T>, ms = RUN_CAP_MS): Promise<T | 'timeout'> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const cap = new Promise<'timeout'>(
    (resolve) => (timer = setTimeout(() => resolve('timeout'), ms)),
  )
  try {
    return await Promise.race([promise, cap])
  } finally {
    clearTimeout(timer)
  }
}
