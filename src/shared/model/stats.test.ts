import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { barePassage as passage } from '../../../test-support/bare-passage'
import { DEFAULT_CODEBOOK } from './codebook'
import type { Passage } from './schema'
import { cooccurrence, mapMarks, roundShare, summarize, unionRuns } from './stats'

const ORDER = DEFAULT_CODEBOOK.map((t) => t.id)

function session(text: string, passages: Passage[]) {
  return {
    document: { title: 't', sourceFileName: 't.txt', text, sha256: '0'.repeat(64) },
    codebook: DEFAULT_CODEBOOK.map((t) => ({ ...t })),
    passages,
  }
}

const theme = (s: ReturnType<typeof summarize>, id: string) =>
  s.themes.find((t) => t.themeId === id)!

/** Co-occurrence by the definition, pair by pair: the oracle for the sweep. */
function naiveCooccurrence(passages: Passage[], a: string, b: string): number {
  let n = passages.filter((p) => p.themeIds.includes(a) && p.themeIds.includes(b)).length
  for (let i = 0; i < passages.length; i++)
    for (let j = i + 1; j < passages.length; j++) {
      const p = passages[i]!
      const q = passages[j]!
      const overlap = p.start < q.end && q.start < p.end
      const has = (x: Passage, t: string) => x.themeIds.includes(t)
      if (overlap && ((has(p, a) && has(q, b)) || (has(p, b) && has(q, a)))) n++
    }
  return n
}

const TEXT = 'abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz0123' // 66 chars

describe('summarize: coverage', () => {
  it('counts an empty session as zero everywhere, without dividing by zero', () => {
    for (const text of ['', 'Some text.']) {
      const s = summarize(session(text, []))
      expect(s.textCharacters).toBe(text.length)
      expect(s.all).toEqual({ passages: 0, characters: 0, sharePercent: 0, runs: [] })
      expect(s.untagged.passages).toBe(0)
      expect(s.themes.map((t) => [t.themeId, t.passages, t.characters, t.sharePercent])).toEqual(
        ORDER.map((id) => [id, 0, 0, 0]),
      )
      expect(s.cooccurrence).toEqual(ORDER.map((_, i) => ORDER.map((_, j) => (i === j ? null : 0))))
    }
  })

  it('counts overlapping and nested passages of a theme once per character', () => {
    const passages = [
      passage(TEXT, 'a', 0, 10, ['growth']),
      passage(TEXT, 'b', 5, 15, ['growth']), // overlaps a: union 0–15
      passage(TEXT, 'c', 6, 8, ['growth', 'culture']), // nested in a and b
      passage(TEXT, 'd', 30, 36, ['growth']), // apart
      passage(TEXT, 'e', 36, 40, ['growth']), // touches d: one run 30–40
    ]
    const s = summarize(session(TEXT, passages))
    const growth = theme(s, 'growth')
    expect(growth.passages).toBe(5)
    expect(growth.characters).toBe(15 + 10)
    expect(growth.sharePercent).toBeCloseTo((25 / 66) * 100, 10)
    expect(growth.runs).toEqual([
      { start: 0, end: 15, passageId: 'a' },
      { start: 30, end: 40, passageId: 'd' },
    ])
    expect(theme(s, 'culture')).toMatchObject({ passages: 1, characters: 2 })
    expect(theme(s, 'safety')).toMatchObject({ passages: 0, characters: 0, runs: [] })
    expect(s.all).toMatchObject({ passages: 5, characters: 25 })
  })

  it('counts untagged passages apart, and in the whole', () => {
    const s = summarize(
      session(TEXT, [
        passage(TEXT, 'u1', 0, 4, []),
        passage(TEXT, 'u2', 2, 6, []),
        passage(TEXT, 'g', 10, 20, ['growth']),
      ]),
    )
    expect(s.untagged).toMatchObject({ passages: 2, characters: 6 })
    expect(s.untagged.sharePercent).toBeCloseTo((6 / 66) * 100, 10)
    expect(s.all).toMatchObject({ passages: 3, characters: 16 })
  })

  it('counts characters as code points: an emoji is one character, as in the CSV', () => {
    const text = 'a😀b👩‍💻c' // 👩‍💻 is three code points (woman, ZWJ, laptop)
    expect(text.length).toBe(10)
    const s = summarize(
      session(text, [
        passage(text, 'p', 1, 4, ['secrecy']), // 😀b
        passage(text, 'q', 3, 10, ['secrecy']), // b👩‍💻c
      ]),
    )
    expect(s.textCharacters).toBe(7)
    expect(theme(s, 'secrecy')).toMatchObject({ passages: 2, characters: 6 })
    expect(theme(s, 'secrecy').sharePercent).toBeCloseTo((6 / 7) * 100, 10)
  })

  it('reaches exactly 100% when passages cover the whole article', () => {
    const s = summarize(
      session(TEXT, [
        passage(TEXT, 'a', 0, 40, ['safety']),
        passage(TEXT, 'b', 20, 66, ['safety']),
      ]),
    )
    expect(theme(s, 'safety').sharePercent).toBe(100)
    expect(roundShare(theme(s, 'safety').sharePercent)).toBe(100)
  })
})

describe('summarize: co-occurrence', () => {
  it('counts a passage with both themes, and overlapping pairs across themes', () => {
    const passages = [
      passage(TEXT, 'both', 0, 10, ['growth', 'culture']), // 1 for growth×culture by itself
      passage(TEXT, 'g', 5, 12, ['growth']), // overlaps "both" (culture there): +1 growth×culture
      passage(TEXT, 'c', 11, 14, ['culture']), // overlaps g: +1 growth×culture
      passage(TEXT, 's', 14, 20, ['secrecy']), // touches c only: no overlap
      passage(TEXT, 'x', 30, 40, ['safety', 'secrecy']),
      passage(TEXT, 'y', 35, 36, ['safety']), // overlaps x: +1 secrecy×safety
    ]
    const m = summarize(session(TEXT, passages)).cooccurrence
    const at = (a: string, b: string) => m[ORDER.indexOf(a)]![ORDER.indexOf(b)]
    expect(at('growth', 'culture')).toBe(3)
    expect(at('culture', 'growth')).toBe(3)
    // Secrecy × safety: x itself, and the pair x–y (x has secrecy, y has safety).
    expect(at('secrecy', 'safety')).toBe(2)
    expect(at('culture', 'secrecy')).toBe(0)
    expect(at('growth', 'growth')).toBeNull()
  })

  it('counts a pair of passages once even when both carry both themes', () => {
    const m = cooccurrence(
      [
        passage(TEXT, 'p', 0, 10, ['growth', 'culture']),
        passage(TEXT, 'q', 2, 4, ['culture', 'growth']),
      ],
      ORDER,
    )
    // p itself, q itself, and the pair p–q once.
    expect(m[0]![1]).toBe(3)
  })

  it('ignores a same-theme overlap and themes missing from the codebook', () => {
    const m = cooccurrence(
      [passage(TEXT, 'p', 0, 10, ['growth', 'gone']), passage(TEXT, 'q', 2, 4, ['growth'])],
      ORDER,
    )
    expect(m.flat().every((n) => n === null || n === 0)).toBe(true)
  })

  it('agrees with the pair-by-pair definition on random sessions', () => {
    const arb = fc.array(
      fc.record({
        start: fc.integer({ min: 0, max: 60 }),
        len: fc.integer({ min: 1, max: 20 }),
        themes: fc.subarray(ORDER),
      }),
      { maxLength: 25 },
    )
    fc.assert(
      fc.property(arb, (raw) => {
        const passages = raw.map((r, i) =>
          passage(TEXT, `p${i}`, r.start, Math.min(66, r.start + r.len), r.themes),
        )
        const m = cooccurrence(passages, ORDER)
        for (let a = 0; a < ORDER.length; a++)
          for (let b = 0; b < ORDER.length; b++)
            expect(m[a]![b]).toBe(
              a === b ? null : naiveCooccurrence(passages, ORDER[a]!, ORDER[b]!),
            )
      }),
      { numRuns: 300 },
    )
  })

  it('covers exactly the characters some passage covers, on random sessions', () => {
    const arb = fc.array(
      fc.record({ start: fc.integer({ min: 0, max: 60 }), len: fc.integer({ min: 1, max: 20 }) }),
      { maxLength: 25 },
    )
    fc.assert(
      fc.property(arb, (raw) => {
        const passages = raw.map((r, i) =>
          passage(TEXT, `p${i}`, r.start, Math.min(66, r.start + r.len), ['growth']),
        )
        const covered = new Set<number>()
        for (const p of passages) for (let i = p.start; i < p.end; i++) covered.add(i)
        const runs = unionRuns(passages)
        expect(runs.reduce((n, r) => n + r.end - r.start, 0)).toBe(covered.size)
        for (let i = 1; i < runs.length; i++)
          expect(runs[i]!.start).toBeGreaterThan(runs[i - 1]!.end)
        expect(theme(summarize(session(TEXT, passages)), 'growth').characters).toBe(covered.size)
      }),
      { numRuns: 300 },
    )
  })
})

describe('mapMarks', () => {
  it('merges runs closer than the gap and keeps the first passage', () => {
    const runs = [
      { start: 0, end: 5, passageId: 'a' },
      { start: 7, end: 9, passageId: 'b' },
      { start: 30, end: 31, passageId: 'c' },
    ]
    expect(mapMarks(runs, 3)).toEqual([
      { start: 0, end: 9, passageId: 'a' },
      { start: 30, end: 31, passageId: 'c' },
    ])
    expect(mapMarks(runs, 1)).toEqual(runs)
    expect(runs[0]!.end).toBe(5) // the input is left alone
  })
})

describe('roundShare', () => {
  it('rounds to two decimals by default', () => {
    expect(roundShare(100 / 3)).toBe(33.33)
    expect(roundShare(2 / 3, 1)).toBe(0.7)
    expect(roundShare(0)).toBe(0)
  })
})
