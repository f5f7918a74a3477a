// An interval index over passages, keyed by text offset: which passages
// overlap a stretch of text, or cover one character, without scanning them
// all. Passages sorted by start (the order the session keeps) plus a running
// maximum of their ends: the first passage that can reach `from` is found by
// binary search, the last by binary search on the starts, and only that
// window is scanned. Built in O(n); queries cost O(log n + window).
import type { Passage } from './schema'

export class PassageIndex {
  /** Passages sorted by start. */
  readonly passages: readonly Passage[]
  private readonly starts: Float64Array
  /** maxEnd[i]: the largest end among passages[0..i]; never decreases. */
  private readonly maxEnd: Float64Array

  constructor(passages: readonly Passage[]) {
    let sorted = true
    for (let i = 1; i < passages.length && sorted; i++)
      sorted = passages[i - 1]!.start <= passages[i]!.start
    this.passages = sorted ? passages : [...passages].sort((a, b) => a.start - b.start)
    const n = this.passages.length
    this.starts = new Float64Array(n)
    this.maxEnd = new Float64Array(n)
    let max = -Infinity
    for (let i = 0; i < n; i++) {
      const p = this.passages[i]!
      this.starts[i] = p.start
      max = Math.max(max, p.end)
      this.maxEnd[i] = max
    }
  }

  get size(): number {
    return this.passages.length
  }

  /** Passages with start < to and end > from, in index (start) order. */
  overlapping(from: number, to: number): Passage[] {
    const out: Passage[] = []
    if (to <= from) return out
    // First i whose running max end passes `from`: no earlier passage reaches it.
    let lo = 0
    let hi = this.passages.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.maxEnd[mid]! <= from) lo = mid + 1
      else hi = mid
    }
    for (let i = lo; i < this.passages.length && this.starts[i]! < to; i++) {
      const p = this.passages[i]!
      if (p.end > from) out.push(p)
    }
    return out
  }

  /** Passages covering the character at `offset`, innermost (shortest) first. */
  at(offset: number): Passage[] {
    return this.overlapping(offset, offset + 1).sort((a, b) => a.end - a.start - (b.end - b.start))
  }
}
