// Splits a stretch of text into segments over which the set of covering
// passages is constant: the unit the article view paints. Pure and O((n + b)
// log b) for n passages and b boundaries.
import type { Passage } from './schema'

export interface Segment {
  start: number
  end: number
  /** Passages covering the whole segment, in document order. */
  passages: Passage[]
}

/** Segments of [from, to) given passages sorted in document order. */
export function computeSegments(from: number, to: number, passages: readonly Passage[]): Segment[] {
  const inside = passages.filter((p) => p.start < to && p.end > from)
  const points = new Set<number>([from, to])
  for (const p of inside) {
    points.add(Math.max(from, p.start))
    points.add(Math.min(to, p.end))
  }
  const bounds = [...points].sort((a, b) => a - b)
  const segments: Segment[] = []
  for (let i = 0; i + 1 < bounds.length; i++)
    segments.push({ start: bounds[i]!, end: bounds[i + 1]!, passages: [] })
  for (const p of inside) {
    let i = lowerBound(segments, Math.max(from, p.start))
    for (; i < segments.length && segments[i]!.start < p.end; i++) segments[i]!.passages.push(p)
  }
  return segments
}

function lowerBound(segments: Segment[], start: number): number {
  let lo = 0
  let hi = segments.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (segments[mid]!.start < start) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** The theme ids present on a segment, in codebook order, without repeats. */
export function themesOf(segment: Segment, codebookOrder: readonly string[]): string[] {
  const present = new Set(segment.passages.flatMap((p) => p.themeIds))
  return codebookOrder.filter((id) => present.has(id))
}

/** The innermost (shortest) passage covering `offset`, if any. */
export function passageAt(passages: readonly Passage[], offset: number): Passage | undefined {
  let best: Passage | undefined
  for (const p of passages)
    if (p.start <= offset && offset < p.end && (!best || p.end - p.start < best.end - best.start))
      best = p
  return best
}
