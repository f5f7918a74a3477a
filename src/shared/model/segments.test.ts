import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { computeSegments, passageAt, themesOf } from './segments'
import type { Passage } from './schema'

const T = '2026-01-01T00:00:00.000Z'
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

describe('computeSegments', () => {
  it('splits at every passage boundary inside the range and lists covering passages', () => {
    const a = passage('a', 2, 8)
    const b = passage('b', 5, 12)
    const segs = computeSegments(0, 10, [a, b])
    expect(segs.map((s) => [s.start, s.end, s.passages.map((p) => p.id).join('')])).toEqual([
      [0, 2, ''],
      [2, 5, 'a'],
      [5, 8, 'ab'],
      [8, 10, 'b'],
    ])
  })

  it('clips passages that cross the range (a passage over two paragraphs)', () => {
    const segs = computeSegments(10, 20, [passage('a', 0, 15)])
    expect(segs.map((s) => [s.start, s.end, s.passages.length])).toEqual([
      [10, 15, 1],
      [15, 20, 0],
    ])
  })

  it('covers the range exactly, and each segment lists exactly the passages covering it', () => {
    const arb = fc.array(
      fc
        .tuple(fc.nat(60), fc.integer({ min: 1, max: 30 }))
        .map(([s, len]) => [s, s + len] as const),
      { maxLength: 25 },
    )
    fc.assert(
      fc.property(arb, fc.nat(40), fc.integer({ min: 1, max: 50 }), (ranges, from, len) => {
        const to = from + len
        const ps = ranges.map(([s, e], i) => passage(`p${i}`, s, e))
        const segs = computeSegments(from, to, ps)
        expect(segs[0]!.start).toBe(from)
        expect(segs.at(-1)!.end).toBe(to)
        for (let i = 0; i < segs.length; i++) {
          const s = segs[i]!
          expect(s.end).toBeGreaterThan(s.start)
          if (i > 0) expect(s.start).toBe(segs[i - 1]!.end)
          const expected = ps.filter((p) => p.start <= s.start && p.end >= s.end).map((p) => p.id)
          expect(s.passages.map((p) => p.id).sort()).toEqual(expected.sort())
        }
      }),
      { numRuns: 300 },
    )
  })
})

describe('themesOf', () => {
  it('lists the themes of all covering passages once, in codebook order', () => {
    const [seg] = computeSegments(0, 5, [
      passage('a', 0, 5, ['safety', 'growth']),
      passage('b', 0, 5, ['growth']),
    ])
    expect(themesOf(seg!, ['growth', 'culture', 'secrecy', 'safety'])).toEqual(['growth', 'safety'])
  })
})

describe('passageAt', () => {
  it('picks the innermost passage under an offset', () => {
    const outer = passage('outer', 0, 20)
    const inner = passage('inner', 5, 8)
    expect(passageAt([outer, inner], 6)?.id).toBe('inner')
    expect(passageAt([outer, inner], 10)?.id).toBe('outer')
    expect(passageAt([outer, inner], 20)).toBeUndefined()
  })
})
