import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { PassageIndex } from './interval-index'
import type { Passage } from './schema'

const passage = (id: string, start: number, end: number) => ({ id, start, end }) as Passage

const arbPassages = fc
  .array(
    fc
      .tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 120 }))
      .map(([start, length]) => ({ start, end: start + length })),
    { maxLength: 80 },
  )
  .map((spans) =>
    spans
      .map((s, i) => passage(`p${i}`, s.start, s.end))
      .sort((a, b) => a.start - b.start || b.end - a.end),
  )

const ids = (ps: readonly Passage[]) => ps.map((p) => p.id).sort()

describe('PassageIndex', () => {
  it('finds exactly the passages overlapping a range, as a full scan does', () => {
    fc.assert(
      fc.property(
        arbPassages,
        fc.integer({ min: -5, max: 450 }),
        fc.integer({ min: 1, max: 200 }),
        (passages, from, length) => {
          const to = from + length
          const expected = passages.filter((p) => p.start < to && p.end > from)
          expect(ids(new PassageIndex(passages).overlapping(from, to))).toEqual(ids(expected))
        },
      ),
      { numRuns: 1000 },
    )
  })

  it('finds the passages under one character, innermost first', () => {
    const index = new PassageIndex([
      passage('outer', 0, 50),
      passage('long-before', 2, 40),
      passage('inner', 10, 14),
      passage('after', 20, 30),
    ])
    expect(index.at(12).map((p) => p.id)).toEqual(['inner', 'long-before', 'outer'])
    // A passage that starts early and ends late is found though later ones end sooner.
    expect(index.at(35).map((p) => p.id)).toEqual(['long-before', 'outer'])
    expect(index.at(14).map((p) => p.id)).toEqual(['long-before', 'outer'])
    expect(index.at(50)).toEqual([])
  })

  it('accepts passages out of order by sorting a copy', () => {
    const passages = [passage('b', 30, 40), passage('a', 0, 35)]
    const index = new PassageIndex(passages)
    expect(index.overlapping(36, 37).map((p) => p.id)).toEqual(['b'])
    expect(index.overlapping(31, 32).map((p) => p.id)).toEqual(['a', 'b'])
    expect(passages.map((p) => p.id)).toEqual(['b', 'a'])
  })

  it('is empty for an empty range or no passages', () => {
    expect(new PassageIndex([passage('a', 0, 10)]).overlapping(5, 5)).toEqual([])
    expect(new PassageIndex([]).overlapping(0, 100)).toEqual([])
    expect(new PassageIndex([]).size).toBe(0)
  })
})
