// The numbers of a session's summary: per theme, how many passages, how much
// of the article they cover (the union of their ranges, overlaps counted
// once), where in the article they are, and which themes tag overlapping
// text. Shared by the summary view (renderer) and the summary CSV (main).
// Pure: no DOM, no Node, no Electron; never changes the session it reads.
import { makeCodePointIndex } from './offsets'
import type { Passage, Session } from './schema'

/** A stretch of text covered by a theme, in UTF-16 offsets (end exclusive). */
export interface Run {
  start: number
  end: number
  /** The passage that starts the run: where a jump to the run lands. */
  passageId: string
}

export interface Coverage {
  /** Passages counted (a passage with two themes counts once for each). */
  passages: number
  /** Characters covered, as Unicode code points (like the CSV offsets), overlaps once. */
  characters: number
  /** characters / the article's characters × 100; 0 for an empty article. */
  sharePercent: number
  /** The covered stretches, in text order, disjoint and not touching. */
  runs: Run[]
}

export interface ThemeCoverage extends Coverage {
  themeId: string
}

export interface SessionSummary {
  /** The article's length in Unicode code points. */
  textCharacters: number
  /** Every passage, whatever its themes. */
  all: Coverage
  /** One entry per codebook theme, in codebook order. */
  themes: ThemeCoverage[]
  /** Passages without any theme. */
  untagged: Coverage
  /**
   * cooccurrence[i][j] for themes i ≠ j of the codebook (see
   * COOCCURRENCE_DEFINITION); symmetric; the diagonal is null.
   */
  cooccurrence: (number | null)[][]
}

/**
 * The co-occurrence count of themes A and B, in one sentence (shown in the
 * summary view and the README): each passage tagged with both counts once,
 * and so does each pair of distinct passages whose ranges share at least one
 * character where one has A and the other has B.
 */
export const COOCCURRENCE_DEFINITION =
  'Two themes co-occur once for each passage tagged with both, and once for each pair of passages that share at least one character where one passage has the first theme and the other the second.'

type SummaryInput = Pick<Session, 'document' | 'codebook' | 'passages'>

export function summarize(session: SummaryInput): SessionSummary {
  const { text } = session.document
  const toCodePoint = makeCodePointIndex(text)
  const textCharacters = toCodePoint(text.length)
  const cover = (passages: readonly Passage[]) => coverage(passages, toCodePoint, textCharacters)
  const byTheme = new Map(session.codebook.map((t) => [t.id, [] as Passage[]]))
  const untagged: Passage[] = []
  for (const p of session.passages) {
    if (p.themeIds.length === 0) untagged.push(p)
    for (const id of p.themeIds) byTheme.get(id)?.push(p)
  }
  return {
    textCharacters,
    all: cover(session.passages),
    themes: session.codebook.map((t) => ({ themeId: t.id, ...cover(byTheme.get(t.id)!) })),
    untagged: cover(untagged),
    cooccurrence: cooccurrence(
      session.passages,
      session.codebook.map((t) => t.id),
    ),
  }
}

function coverage(
  passages: readonly Passage[],
  toCodePoint: (utf16: number) => number,
  textCharacters: number,
): Coverage {
  const runs = unionRuns(passages)
  let characters = 0
  for (const r of runs) characters += toCodePoint(r.end) - toCodePoint(r.start)
  return {
    passages: passages.length,
    characters,
    sharePercent: textCharacters ? (characters / textCharacters) * 100 : 0,
    runs,
  }
}

/**
 * The union of the passages' ranges as disjoint runs; touching ranges merge.
 * A run's passage is the first to start there (the earliest listed on a tie).
 */
export function unionRuns(passages: readonly Passage[]): Run[] {
  const runs: Run[] = []
  for (const i of sortedBy(passages, (p) => p.start)) {
    const p = passages[i]!
    const last = runs[runs.length - 1]
    if (last && p.start <= last.end) last.end = Math.max(last.end, p.end)
    else runs.push({ start: p.start, end: p.end, passageId: p.id })
  }
  return runs
}

/**
 * Co-occurrence counts (COOCCURRENCE_DEFINITION) in one sweep over the
 * passages in start order: the passages still open when one starts are
 * exactly those it overlaps, so every overlapping pair is seen once, and
 * counts per theme (and per pair of themes) of the open passages give the
 * pairs without listing them: O(n log n + n·T²) for T themes.
 */
export function cooccurrence(
  passages: readonly Passage[],
  themeIds: readonly string[],
): (number | null)[][] {
  const T = themeIds.length
  const index = new Map(themeIds.map((id, i) => [id, i]))
  const counts = Array.from({ length: T }, () => new Array<number>(T).fill(0))
  // Each passage's themes as codebook slots, once.
  const slots = passages.map((p) => [
    ...new Set(p.themeIds.map((id) => index.get(id)).filter((i) => i !== undefined)),
  ])
  const starts = sortedBy(passages, (p) => p.start)
  const ends = sortedBy(passages, (p) => p.end)
  // Open passages: how many have theme a (open[a][a]), and both a and b (open[a][b]).
  const open = Array.from({ length: T }, () => new Array<number>(T).fill(0))
  const add = (mine: number[], delta: number) => {
    for (const a of mine) for (const b of mine) open[a]![b]! += delta
  }
  const has = new Uint8Array(T)
  let closed = 0
  for (const i of starts) {
    const start = passages[i]!.start
    // A passage that ends at or before this start began before it: it is open, and closes now.
    while (closed < ends.length && passages[ends[closed]!]!.end <= start)
      add(slots[ends[closed++]!]!, -1)
    const mine = slots[i]!
    if (mine.length) {
      has.fill(0)
      for (const a of mine) has[a] = 1
      for (let a = 0; a < T; a++)
        for (let b = a + 1; b < T; b++) {
          // Open passages q with (A here and B in q) or (B here and A in q), each once.
          let n = (has[a] ? open[b]![b]! : 0) + (has[b] ? open[a]![a]! : 0)
          if (has[a] && has[b]) n += 1 - open[a]![b]!
          counts[a]![b]! += n
        }
      add(mine, 1)
    }
  }
  return counts.map((row, a) =>
    row.map((_, b) => (a === b ? null : a < b ? counts[a]![b]! : counts[b]![a]!)),
  )
}

/** Indexes of the passages sorted by `key`: one native numeric sort of (key, index) packed in a float. */
function sortedBy(passages: readonly Passage[], key: (p: Passage) => number): Uint32Array {
  const n = passages.length
  const packed = new Float64Array(n)
  for (let i = 0; i < n; i++) packed[i] = key(passages[i]!) * n + i
  packed.sort()
  const out = new Uint32Array(n)
  for (let i = 0; i < n; i++) out[i] = packed[i]! % n
  return out
}

/**
 * The runs as marks on a strip: runs closer than `minGap` (UTF-16 units)
 * merge, so that a strip `textLength / minGap` marks wide never holds more
 * marks than it can show. Each mark keeps its first run's passage.
 */
export function mapMarks(runs: readonly Run[], minGap: number): Run[] {
  const marks: Run[] = []
  for (const r of runs) {
    const last = marks[marks.length - 1]
    if (last && r.start - last.end < minGap) last.end = Math.max(last.end, r.end)
    else marks.push({ ...r })
  }
  return marks
}

/** A share rounded to `decimals` places, as a number (for the CSV). */
export function roundShare(percent: number, decimals = 2): number {
  const f = 10 ** decimals
  return Math.round(percent * f) / f
}
