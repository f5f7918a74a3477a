// The part of unitizing alpha's expected disagreement that counts every way a
// unit could lie inside a gap: Σ over units g of l_g² · Σ over gaps h with
// l_h ≥ l_g of (l_h − l_g + 1) (the positions where g fits in h). Pairing
// every unit with every gap would be O(units · gaps), hundreds of thousands
// squared for one theme over a corpus; instead the lengths are counted by
// value (a histogram, when the longest length is not much more than the
// number of lengths) or put in order by a radix sort, and walked once from the
// longest down, so the cost stays linear. Must never be given fractions,
// negative numbers or lengths of 2³² or more (Uint32Array holds them).

/** Histograms up to this many slots per length counted (plus a floor for small studies). */
const HISTOGRAM_SLOTS_PER_LENGTH = 8
const HISTOGRAM_FLOOR = 1 << 16

export function unitsInGaps(
  units: Uint32Array,
  unitCount: number,
  gaps: Uint32Array,
  gapCount: number,
): number {
  let longest = 0
  for (let i = 0; i < unitCount; i++) if (units[i]! > longest) longest = units[i]!
  for (let i = 0; i < gapCount; i++) if (gaps[i]! > longest) longest = gaps[i]!
  const slots = HISTOGRAM_SLOTS_PER_LENGTH * (unitCount + gapCount) + HISTOGRAM_FLOOR
  return longest < slots
    ? byHistogram(units, unitCount, gaps, gapCount, longest)
    : bySorting(radixSort(units, unitCount), radixSort(gaps, gapCount))
}

function byHistogram(
  units: Uint32Array,
  unitCount: number,
  gaps: Uint32Array,
  gapCount: number,
  longest: number,
): number {
  const unitsOfLength = new Uint32Array(longest + 1)
  const gapsOfLength = new Uint32Array(longest + 1)
  for (let i = 0; i < unitCount; i++) unitsOfLength[units[i]!]!++
  for (let i = 0; i < gapCount; i++) gapsOfLength[gaps[i]!]!++
  let sum = 0
  let longerGaps = 0
  let longerGapsLength = 0
  for (let length = longest; length > 0; length--) {
    const gapsHere = gapsOfLength[length]!
    longerGaps += gapsHere
    longerGapsLength += gapsHere * length
    const unitsHere = unitsOfLength[length]!
    if (unitsHere > 0) {
      sum += unitsHere * length * length * (longerGapsLength - longerGaps * (length - 1))
    }
  }
  return sum
}

/** Both in ascending order: the units from the longest down, gaps taken in as they fit. */
function bySorting(units: Uint32Array, gaps: Uint32Array): number {
  let sum = 0
  let longerGaps = 0
  let longerGapsLength = 0
  let gap = gaps.length - 1
  for (let unit = units.length - 1; unit >= 0; unit--) {
    const length = units[unit]!
    for (; gap >= 0 && gaps[gap]! >= length; gap--) {
      longerGaps++
      longerGapsLength += gaps[gap]!
    }
    sum += length * length * (longerGapsLength - longerGaps * (length - 1))
  }
  return sum
}

const DIGIT_BITS = 11
const BUCKETS = 1 << DIGIT_BITS

/** The first `count` lengths in ascending order, a least significant digit radix sort (a new array). */
export function radixSort(lengths: Uint32Array, count: number): Uint32Array {
  let source = lengths.slice(0, count)
  let longest = 0
  for (let i = 0; i < count; i++) if (source[i]! > longest) longest = source[i]!
  let target = new Uint32Array(count)
  const starts = new Uint32Array(BUCKETS)
  for (let shift = 0; shift < 32 && longest >>> shift > 0; shift += DIGIT_BITS) {
    starts.fill(0)
    for (let i = 0; i < count; i++) starts[(source[i]! >>> shift) & (BUCKETS - 1)]!++
    let position = 0
    for (let bucket = 0; bucket < BUCKETS; bucket++) {
      const size = starts[bucket]!
      starts[bucket] = position
      position += size
    }
    for (let i = 0; i < count; i++) {
      const length = source[i]!
      target[starts[(length >>> shift) & (BUCKETS - 1)]!++] = length
    }
    const sorted = target
    target = source
    source = sorted
  }
  return source
}
