import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { computeSegments } from './segments'
import type { Passage } from './schema'

const T = '2026-01-01T00:00:00.000Z'
const ORDER = ['growth', 'culture', 'secrecy', 'safety']
const passage = (id: string, start: number, end: number, themeIds: string[] = []): Passage => ({
  id,
  start,
  end,
  quote: 'x'.repeat(end - start),
  prefix: '',
  suffix: '',
  themeIds,
  note: '',
  createdAt: T,
  updatedAt: T,
  author: '',
})

const summary = (segs: ReturnType<typeof computeSegments>) =>
  segs.map((s) => [s.start, s.end, s.depth, s.themeIds.join(' ')])

describe('computeSegments', () => {
  it('splits at every passage boundary and lists depth and themes', () => {
    const a = passage('a', 2, 8, ['culture'])
    const b = passage('b', 5, 12, ['secrecy', 'growth'])
    expect(summary(computeSegments(0, 10, [a, b], ORDER))).toEqual([
      [0, 2, 0, ''],
      [2, 5, 1, 'culture'],
      [5, 8, 2, 'growth culture secrecy'],
      [8, 10, 1, 'growth secrecy'],
    ])
  })

  it('clips passages that cross the range and cuts at paragraph boundaries', () => {
    expect(
      summary(computeSegments(10, 20, [passage('a', 0, 15, ['safety'])], ORDER, [12, 30])),
    ).toEqual([
      [10, 12, 1, 'safety'],
      [12, 15, 1, 'safety'],
      [15, 20, 0, ''],
    ])
  })

  it('counts a theme once where two passages with it overlap, and ignores unknown themes', () => {
    const segs = computeSegments(
      0,
      6,
      [passage('a', 0, 4, ['growth']), passage('b', 2, 6, ['growth', 'gone'])],
      ORDER,
    )
    expect(summary(segs)).toEqual([
      [0, 2, 1, 'growth'],
      [2, 4, 2, 'growth'],
      [4, 6, 1, 'growth'],
    ])
  })

  it('covers the range exactly; each segment has the depth and themes of the passages covering it', () => {
    const arb = fc.array(
      fc
        .tuple(fc.nat(60), fc.integer({ min: 1, max: 30 }), fc.subarray(ORDER))
        .map(([s, len, themes]) => [s, s + len, themes] as const),
      { maxLength: 25 },
    )
    fc.assert(
      fc.property(arb, fc.nat(40), fc.integer({ min: 1, max: 50 }), (ranges, from, len) => {
        const to = from + len
        const ps = ranges.map(([s, e, th], i) => passage(`p${i}`, s, e, [...th]))
        const segs = computeSegments(from, to, ps, ORDER)
        expect(segs[0]!.start).toBe(from)
        expect(segs.at(-1)!.end).toBe(to)
        for (let i = 0; i < segs.length; i++) {
          const s = segs[i]!
          expect(s.end).toBeGreaterThan(s.start)
          if (i > 0) expect(s.start).toBe(segs[i - 1]!.end)
          const covering = ps.filter((p) => p.start <= s.start && p.end >= s.end)
          expect(s.depth).toBe(covering.length)
          const themes = new Set(covering.flatMap((p) => p.themeIds))
          expect(s.themeIds).toEqual(ORDER.filter((t) => themes.has(t)))
        }
      }),
      { numRuns: 300 },
    )
  })
})
