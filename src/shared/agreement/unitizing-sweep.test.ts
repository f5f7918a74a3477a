// The sweep and the linear-time expected sum against the formula written out
// the slow way: every segment (unit or gap) of one coder against every
// segment of another, every unit against every gap, on 300 seeded random
// studies of one to four articles.
import { describe, expect, it } from 'vitest'
import { unitizingDisagreement, type CodedSpan, type UnitizingInput } from './unitizing'
import { radixSort } from './units-in-gaps'
import { prng } from '../../../test-support/prng'

interface Segment {
  start: number
  end: number
  unit: boolean
}

/** A coder's units (spans that do not overlap, in any order) and the gaps between them. */
function segmentsOf(spans: readonly CodedSpan[], length: number): Segment[] {
  const units = [...spans].sort((x, y) => x.start - y.start)
  const segments: Segment[] = []
  let at = 0
  for (const { start, end } of units) {
    if (start > at) segments.push({ start: at, end: start, unit: false })
    segments.push({ start, end, unit: true })
    at = end
  }
  if (length > at) segments.push({ start: at, end: length, unit: false })
  return segments
}

const contains = (outer: Segment, inner: Segment) =>
  outer.start <= inner.start && inner.end <= outer.end

function difference(g: Segment, h: Segment): number {
  const size = (s: Segment) => s.end - s.start
  if (g.unit && h.unit) {
    const overlap = g.start < h.end && h.start < g.end
    return overlap ? (g.start - h.start) ** 2 + (g.end - h.end) ** 2 : 0
  }
  if (g.unit && !h.unit) return contains(h, g) ? size(g) ** 2 : 0
  if (!g.unit && h.unit) return contains(g, h) ? size(h) ** 2 : 0
  return 0
}

function slowDisagreement(inputs: readonly UnitizingInput[]): {
  observed: number
  expected: number
} {
  let observed = 0
  let pairedPositions = 0
  let values = 0
  let length = 0
  const units: number[] = []
  const gaps: number[] = []
  for (const input of inputs) {
    if (input.coders < 2 || input.length === 0) continue
    const coders = Array.from({ length: input.coders }, (_, coder) =>
      segmentsOf(
        input.spans.filter((s) => s.coder === coder),
        input.length,
      ),
    )
    for (const [i, mine] of coders.entries()) {
      for (const segment of mine) (segment.unit ? units : gaps).push(segment.end - segment.start)
      for (const [j, theirs] of coders.entries()) {
        if (i === j) continue
        for (const g of mine) for (const h of theirs) observed += difference(g, h)
      }
    }
    pairedPositions += input.coders * (input.coders - 1) * input.length
    values += input.coders * input.length
    length += input.length
  }
  let sum = 0
  for (const l of units) {
    sum += ((units.length - 1) * (2 * l ** 3 - 3 * l ** 2 + l)) / 3
    for (const h of gaps) if (h >= l) sum += l * l * (h - l + 1)
  }
  const pairs = values * (values - 1) - units.reduce((total, l) => total + l * (l - 1), 0)
  return { observed: observed / (length * pairedPositions), expected: (2 * sum) / (length * pairs) }
}

/** Random spans that do not overlap within a coder (some touch), shuffled across coders. */
function randomStudy(rnd: () => number): UnitizingInput[] {
  const articles = 1 + Math.floor(rnd() * 4)
  return Array.from({ length: articles }, () => {
    const length = 1 + Math.floor(rnd() * 120)
    const coders = 1 + Math.floor(rnd() * 4)
    const spans: CodedSpan[] = []
    for (let coder = 0; coder < coders; coder++) {
      let at = Math.floor(rnd() * 10)
      while (at < length && rnd() < 0.8) {
        const end = Math.min(length, at + 1 + Math.floor(rnd() * 25))
        spans.push({ coder, start: at, end })
        at = end + (rnd() < 0.3 ? 0 : Math.floor(rnd() * 20))
      }
    }
    for (let k = spans.length - 1; k > 0; k--) {
      const other = Math.floor(rnd() * (k + 1))
      ;[spans[k], spans[other]] = [spans[other]!, spans[k]!]
    }
    return { length, coders, spans }
  })
}

describe('unitizing alpha’s sweep', () => {
  it('equals every segment compared with every segment, on 300 random studies', () => {
    const rnd = prng(20_240_611)
    let compared = 0
    for (let run = 0; run < 300; run++) {
      const study = randomStudy(rnd)
      const fast = unitizingDisagreement(study)
      if (fast.units === 0) continue
      const slow = slowDisagreement(study)
      expect(fast.observed, JSON.stringify(study)).toBeCloseTo(slow.observed, 12)
      expect(fast.expected, JSON.stringify(study)).toBeCloseTo(slow.expected, 12)
      compared++
    }
    expect(compared).toBeGreaterThan(150)
  })

  it('sorts lengths from 0 to 2³² − 1 (the radix sort used for very long articles)', () => {
    const rnd = prng(3)
    const lengths = Uint32Array.from({ length: 5000 }, () => Math.floor(rnd() * 2 ** 32))
    expect([...radixSort(lengths, 4000)]).toEqual([...lengths.slice(0, 4000)].sort((x, y) => x - y))
  })
})
