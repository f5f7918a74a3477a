// The sums unitizing alpha needs, gathered one continuum (article) at a time
// for one theme: each coder's spans put in order and merged into units, the
// observed disagreement of every pair of coders by one sweep over their
// units, and every unit's and gap's length for the expected disagreement.
// unitizing.ts holds the formulas and turns these sums into alpha; this module
// must never divide by anything (an empty tally stays all zeros). It reads
// each span object once; the rest works on typed arrays reused from one
// article to the next.
import { unitsInGaps } from './units-in-gaps'
import type { CodedSpan, UnitizingInput } from './unitizing'

/** The largest length a continuum may have (positions are 32-bit integers). */
const LONGEST = 2 ** 31 - 1

export class UnitizingTally {
  /** Σ over continua, over ordered pairs of coders (i ≠ j), of δ² between i's and j's segments. */
  observed = 0
  /** Σ m (m − 1) L: ordered pairs of coders times the positions they both coded. */
  pairedPositions = 0
  /** Σ m L: the values (coder × position) on every included continuum. */
  values = 0
  /** Σ L: the length of the included continua, end to end. */
  length = 0
  /** Continua included (two coders or more, length above 0) and left out. */
  continua = 0
  excluded = 0
  /** Continua left out for having fewer than two coders. */
  withOneCoder = 0
  unitCount = 0
  gapCount = 0
  /** Σ l (l − 1) and Σ l (l − 1)(2l − 1) over the units. */
  unitPairs = 0
  unitCubes = 0
  private readonly unitLengths: Uint32Array
  private readonly gapLengths: Uint32Array
  // One article's spans: as read, then grouped by coder (coderStart..coderEnd).
  private starts: Int32Array
  private ends: Int32Array
  private spare: { starts: Int32Array; ends: Int32Array }
  private readonly owners: Int32Array
  private readonly coderStart: Int32Array
  private readonly coderEnd: Int32Array

  constructor(inputs: readonly UnitizingInput[]) {
    let spans = 0
    let coderLists = 0
    let mostSpans = 0
    let mostCoders = 0
    for (const input of inputs) {
      spans += input.spans.length
      coderLists += Math.max(0, input.coders)
      mostSpans = Math.max(mostSpans, input.spans.length)
      mostCoders = Math.max(mostCoders, input.coders)
    }
    this.unitLengths = new Uint32Array(spans)
    // a coder's gaps are at most their units plus one
    this.gapLengths = new Uint32Array(spans + coderLists)
    this.starts = new Int32Array(mostSpans)
    this.ends = new Int32Array(mostSpans)
    this.spare = { starts: new Int32Array(mostSpans), ends: new Int32Array(mostSpans) }
    this.owners = new Int32Array(mostSpans)
    this.coderStart = new Int32Array(mostCoders + 1)
    this.coderEnd = new Int32Array(mostCoders + 1)
  }

  add(input: UnitizingInput): void {
    const { length, coders, spans } = input
    if (!Number.isInteger(length) || length < 0 || length > LONGEST) {
      throw new RangeError(
        `A continuum's length must be a whole number from 0 to ${LONGEST}, not ${length}`,
      )
    }
    if (!Number.isInteger(coders) || coders < 0) {
      throw new RangeError(`The number of coders must be a whole number, not ${coders}`)
    }
    this.readSpans(spans, coders, length)
    if (coders < 2 || length === 0) {
      this.excluded++
      if (coders < 2) this.withOneCoder++
      return
    }
    this.continua++
    this.length += length
    this.values += coders * length
    this.pairedPositions += coders * (coders - 1) * length
    for (let coder = 0; coder < coders; coder++) {
      this.mergeOverlaps(coder)
      this.addSegments(coder, length)
    }
    for (let i = 0; i < coders; i++) {
      for (let j = i + 1; j < coders; j++) this.observed += 2 * this.pairDisagreement(i, j)
    }
  }

  /** Σ_g l_g² Σ_{gaps h: l_h ≥ l_g} (l_h − l_g + 1) over every unit and gap so far. */
  unitsInGaps(): number {
    return unitsInGaps(this.unitLengths, this.unitCount, this.gapLengths, this.gapCount)
  }

  /** Spans into starts/ends, checked, then grouped by coder (a counting sort) unless they are already. */
  private readSpans(spans: readonly CodedSpan[], coders: number, length: number): void {
    const { coderStart, coderEnd, starts, ends, owners } = this
    coderStart.fill(0, 0, coders + 1)
    let grouped = true
    let previousCoder = 0
    for (let k = 0; k < spans.length; k++) {
      const { coder, start, end } = spans[k]!
      // (x | 0) === x: a whole number that fits in 32 bits (not NaN, not a text)
      if ((coder | 0) !== coder || coder < 0 || coder >= coders) {
        throw new RangeError(`A span's coder must be from 0 to ${coders - 1}, not ${coder}`)
      }
      if ((start | 0) !== start || (end | 0) !== end || start < 0 || end <= start || end > length) {
        throw new RangeError(
          `A span must have whole-number positions with 0 ≤ start < end ≤ ${length}, not ${start}–${end}`,
        )
      }
      starts[k] = start
      ends[k] = end
      owners[k] = coder
      coderStart[coder + 1]!++
      if (coder < previousCoder) grouped = false
      previousCoder = coder
    }
    for (let coder = 0; coder < coders; coder++) coderStart[coder + 1]! += coderStart[coder]!
    if (grouped) {
      coderEnd.set(coderStart.subarray(1, coders + 1))
      return
    }
    // each coder's end moves up from their start as their spans are placed
    coderEnd.set(coderStart.subarray(0, coders))
    const target = this.spare
    for (let k = 0; k < spans.length; k++) {
      const at = coderEnd[owners[k]!]!++
      target.starts[at] = starts[k]!
      target.ends[at] = ends[k]!
    }
    this.spare = { starts, ends }
    this.starts = target.starts
    this.ends = target.ends
  }

  /**
   * One coder's spans in order of start, overlapping spans merged into one
   * unit (their union); spans that only touch stay two units.
   */
  private mergeOverlaps(coder: number): void {
    const { starts, ends } = this
    const first = this.coderStart[coder]!
    const last = this.coderEnd[coder]!
    let ordered = true
    for (let k = first + 1; k < last && ordered; k++) ordered = starts[k - 1]! <= starts[k]!
    if (!ordered) {
      const order = Array.from({ length: last - first }, (_, k) => first + k)
      order.sort((x, y) => starts[x]! - starts[y]!)
      const sortedStarts = order.map((k) => starts[k]!)
      const sortedEnds = order.map((k) => ends[k]!)
      starts.set(sortedStarts, first)
      ends.set(sortedEnds, first)
    }
    let kept = first
    for (let k = first; k < last; k++) {
      if (kept > first && starts[k]! < ends[kept - 1]!) {
        ends[kept - 1] = Math.max(ends[kept - 1]!, ends[k]!)
      } else {
        starts[kept] = starts[k]!
        ends[kept] = ends[k]!
        kept++
      }
    }
    this.coderEnd[coder] = kept
  }

  /** A coder's units and the gaps around them (no gap where units touch). */
  private addSegments(coder: number, length: number): void {
    const { starts, ends, unitLengths, gapLengths } = this
    let { unitCount, gapCount, unitPairs, unitCubes } = this
    let previousEnd = 0
    for (let k = this.coderStart[coder]!; k < this.coderEnd[coder]!; k++) {
      const start = starts[k]!
      const unit = ends[k]! - start
      if (start > previousEnd) gapLengths[gapCount++] = start - previousEnd
      unitLengths[unitCount++] = unit
      unitPairs += unit * (unit - 1)
      unitCubes += unit * (unit - 1) * (2 * unit - 1)
      previousEnd = ends[k]!
    }
    if (length > previousEnd) gapLengths[gapCount++] = length - previousEnd
    this.unitCount = unitCount
    this.gapCount = gapCount
    this.unitPairs = unitPairs
    this.unitCubes = unitCubes
  }

  /**
   * Σ δ² between the segments of coders i and j, in one sweep over their
   * units (both in order, neither overlapping itself): two overlapping units
   * differ by (Δ start)² + (Δ end)²; a unit that overlaps none of the other
   * coder's units lies inside one of their gaps and differs by its length²;
   * gap against gap, or a unit against a gap it sticks out of, differ by 0.
   */
  private pairDisagreement(i: number, j: number): number {
    const { starts, ends } = this
    const lastA = this.coderEnd[i]!
    const lastB = this.coderEnd[j]!
    let a = this.coderStart[i]!
    let b = this.coderStart[j]!
    let aOverlapped = false
    let bOverlapped = false
    let sum = 0
    while (a < lastA && b < lastB) {
      const startA = starts[a]!
      const endA = ends[a]!
      const startB = starts[b]!
      const endB = ends[b]!
      if (endA <= startB) {
        if (!aOverlapped) sum += (endA - startA) * (endA - startA)
        a++
        aOverlapped = false
      } else if (endB <= startA) {
        if (!bOverlapped) sum += (endB - startB) * (endB - startB)
        b++
        bOverlapped = false
      } else {
        sum += (startA - startB) * (startA - startB) + (endA - endB) * (endA - endB)
        aOverlapped = endA > endB
        bOverlapped = endB > endA
        if (endA <= endB) a++
        if (endB <= endA) b++
      }
    }
    for (; a < lastA; a++, aOverlapped = false) {
      if (!aOverlapped) sum += (ends[a]! - starts[a]!) * (ends[a]! - starts[a]!)
    }
    for (; b < lastB; b++, bOverlapped = false) {
      if (!bOverlapped) sum += (ends[b]! - starts[b]!) * (ends[b]! - starts[b]!)
    }
    return sum
  }
}
