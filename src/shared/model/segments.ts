// Splits text into segments over which the covering passages do not change:
// the unit the article view paints. One native sort of the boundaries, then
// difference arrays and one sweep: O((n + b) log(n + b)) for n passages and b
// extra cuts, however deeply the passages overlap.
import type { Passage } from './schema'

export interface Segment {
  start: number
  end: number
  /** How many passages cover the segment. */
  depth: number
  /** Theme ids present on the segment, in codebook order, without repeats. */
  themeIds: string[]
}

/**
 * Segments of [from, to), cut at every passage boundary and at `cuts` (e.g.
 * paragraph boundaries, so that no segment crosses a paragraph).
 */
export function computeSegments(
  from: number,
  to: number,
  passages: readonly Passage[],
  codebookOrder: readonly string[],
  cuts: readonly number[] = [],
): Segment[] {
  // Every boundary inside [from, to], sorted (a native numeric sort) and unique.
  const raw = new Float64Array(2 + cuts.length + 2 * passages.length)
  let n = 0
  raw[n++] = from
  raw[n++] = to
  for (const c of cuts) if (c > from && c < to) raw[n++] = c
  for (const p of passages) {
    if (p.start >= to || p.end <= from) continue
    raw[n++] = Math.max(from, p.start)
    raw[n++] = Math.min(to, p.end)
  }
  const sorted = raw.subarray(0, n).sort()
  let m = 0
  for (let i = 0; i < n; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[m++] = sorted[i]!
  const bounds = sorted.subarray(0, m)

  // Difference arrays: what starts and stops at each boundary.
  const themeIndex = new Map(codebookOrder.map((id, i) => [id, i]))
  const T = codebookOrder.length
  const depthDelta = new Int32Array(m)
  const themeDelta = new Int32Array(m * T)
  for (const p of passages) {
    if (p.start >= to || p.end <= from) continue
    const i = indexOf(bounds, Math.max(from, p.start))
    const j = indexOf(bounds, Math.min(to, p.end))
    depthDelta[i]!++
    depthDelta[j]!--
    for (const id of p.themeIds) {
      const t = themeIndex.get(id)
      if (t === undefined) continue
      themeDelta[i * T + t]!++
      themeDelta[j * T + t]!--
    }
  }

  const counts = new Int32Array(T)
  let depth = 0
  const segments: Segment[] = []
  for (let k = 0; k + 1 < m; k++) {
    depth += depthDelta[k]!
    const themeIds: string[] = []
    for (let t = 0; t < T; t++) {
      counts[t]! += themeDelta[k * T + t]!
      if (counts[t]! > 0) themeIds.push(codebookOrder[t]!)
    }
    segments.push({ start: bounds[k]!, end: bounds[k + 1]!, depth, themeIds })
  }
  return segments
}

/** Index of `value` in the sorted, unique `bounds` (it is always there). */
function indexOf(bounds: Float64Array, value: number): number {
  let lo = 0
  let hi = bounds.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (bounds[mid]! < value) lo = mid + 1
    else hi = mid
  }
  return lo
}
