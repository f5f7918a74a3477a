import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { computeLayeredSegments } from './coder-segments'
import type { Passage } from './schema'
import { computeSegments } from './segments'

const T = '2026-01-01T00:00:00.000Z'
const ORDER = ['growth', 'culture', 'secrecy', 'safety']
const passage = (
  id: string,
  start: number,
  end: number,
  themeIds: string[],
  author: string,
): Passage => ({
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
  author,
})
const SLOTS: Record<string, number> = { ana: 0, bo: 1, cy: 2 }
const slotOf = (p: Passage) => SLOTS[p.author] ?? 5

const summary = (segs: ReturnType<typeof computeLayeredSegments>) =>
  segs.map((s) => [
    s.start,
    s.end,
    s.depth,
    s.themeIds.join(' '),
    s.layers.map((l) => `${l.slot}:${l.themeIds.join('+')}`).join(' '),
  ])

describe('computeLayeredSegments', () => {
  it('says which coder gives which theme where two coders tag the same sentence', () => {
    const a = passage('a', 0, 10, ['growth'], 'ana')
    const b = passage('b', 0, 10, ['safety'], 'bo')
    const c = passage('c', 4, 14, ['growth', 'culture'], 'bo')
    expect(summary(computeLayeredSegments(0, 16, [a, b, c], ORDER, slotOf))).toEqual([
      [0, 4, 2, 'growth safety', '0:growth 1:safety'],
      [4, 10, 3, 'growth culture safety', '0:growth 1:growth+culture+safety'],
      [10, 14, 1, 'growth culture', '1:growth+culture'],
      [14, 16, 0, '', ''],
    ])
  })

  it('keeps untagged passages as a layer without themes, and merges coders of one slot', () => {
    const a = passage('a', 2, 6, [], 'ana')
    const b = passage('b', 2, 6, ['secrecy'], 'x')
    const c = passage('c', 4, 8, ['culture'], 'y')
    expect(summary(computeLayeredSegments(0, 8, [a, b, c], ORDER, slotOf))).toEqual([
      [0, 2, 0, '', ''],
      [2, 4, 2, 'secrecy', '0: 5:secrecy'],
      [4, 6, 3, 'culture secrecy', '0: 5:culture+secrecy'],
      [6, 8, 1, 'culture', '5:culture'],
    ])
  })

  it('gives the plain sweep’s bounds, depths and themes, and layers that add up (property)', () => {
    const arb = fc
      .array(
        fc.record({
          start: fc.integer({ min: 0, max: 40 }),
          len: fc.integer({ min: 1, max: 20 }),
          themes: fc.subarray(ORDER),
          author: fc.constantFrom('ana', 'bo', 'cy', 'x'),
        }),
        { maxLength: 25 },
      )
      .map((rs) => rs.map((r, i) => passage(`p${i}`, r.start, r.start + r.len, r.themes, r.author)))
    fc.assert(
      fc.property(arb, fc.integer({ min: 0, max: 20 }), (passages, from) => {
        const to = from + 30
        const plain = computeSegments(from, to, passages, ORDER)
        const layered = computeLayeredSegments(from, to, passages, ORDER, slotOf)
        expect(layered.map(({ layers: _, ...s }) => s)).toEqual(plain)
        for (const s of layered) {
          const covering = passages.filter((p) => p.start < s.end && p.end > s.start)
          const slots = [...new Set(covering.map(slotOf))].sort((a, b) => a - b)
          expect(s.layers.map((l) => l.slot)).toEqual(slots)
          for (const l of s.layers) {
            const themes = new Set(
              covering.filter((p) => slotOf(p) === l.slot).flatMap((p) => p.themeIds),
            )
            expect(l.themeIds).toEqual(ORDER.filter((id) => themes.has(id)))
          }
        }
      }),
    )
  })
})
