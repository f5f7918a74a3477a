import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  adjacentPassage,
  filterPassages,
  isFiltering,
  NO_FILTER,
  type PassageFilter,
} from './passage-filter'
import type { Passage } from './schema'

function passage(
  id: string,
  start: number,
  themeIds: string[],
  quote: string,
  note = '',
  author = 'test',
  end = start + quote.length,
): Passage {
  return {
    id,
    start,
    end,
    quote,
    prefix: '',
    suffix: '',
    themeIds,
    note,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    author,
  }
}

// In document order.
const P = [
  passage('a', 0, ['growth'], 'Croissance rapide'),
  passage('b', 40, ['growth', 'safety'], 'La sécurité des modèles', 'À relire'),
  passage('c', 90, [], 'Chaos', 'Questions d’ÉCONOMIE', 'Ana'),
  passage('d', 120, ['culture'], 'une culture du secret', '', ''),
  passage('e', 160, ['safety', 'secrecy', 'growth'], 'Sécurité et secret', '   ', 'Ana'),
]

const ids = (f: Partial<PassageFilter>) =>
  filterPassages(P, { ...NO_FILTER, ...f }).map((p) => p.id)

describe('filterPassages', () => {
  it('returns the same list when nothing filters', () => {
    expect(filterPassages(P, NO_FILTER)).toBe(P)
    expect(filterPassages(P, { ...NO_FILTER, text: '   ' })).toBe(P)
    expect(isFiltering(NO_FILTER)).toBe(false)
  })

  it('keeps passages with ANY of the selected themes', () => {
    expect(ids({ themeIds: ['safety'] })).toEqual(['b', 'e'])
    expect(ids({ themeIds: ['culture', 'safety'] })).toEqual(['b', 'd', 'e'])
  })

  it('keeps passages with ALL of the selected themes', () => {
    expect(ids({ themeIds: ['growth', 'safety'], themeMode: 'all' })).toEqual(['b', 'e'])
    expect(ids({ themeIds: ['growth', 'safety', 'secrecy'], themeMode: 'all' })).toEqual(['e'])
    expect(ids({ themeIds: ['culture', 'safety'], themeMode: 'all' })).toEqual([])
  })

  it('treats ANY and ALL alike for a single theme', () => {
    expect(ids({ themeIds: ['growth'], themeMode: 'all' })).toEqual(ids({ themeIds: ['growth'] }))
  })

  it('keeps passages with a note, ignoring blank notes', () => {
    expect(ids({ hasNote: true })).toEqual(['b', 'c'])
  })

  it('keeps untagged passages', () => {
    expect(ids({ untagged: true })).toEqual(['c'])
  })

  it('finds text in the quote or the note, accent- and case-insensitively', () => {
    expect(ids({ text: 'securite' })).toEqual(['b', 'e'])
    expect(ids({ text: 'SÉCURITÉ' })).toEqual(['b', 'e'])
    expect(ids({ text: 'economie' })).toEqual(['c'])
    expect(ids({ text: "d'economie" })).toEqual(['c']) // typographic apostrophe in the note
    expect(ids({ text: 'a relire' })).toEqual(['b'])
    expect(ids({ text: '  secret ' })).toEqual(['d', 'e'])
    expect(ids({ text: 'nowhere' })).toEqual([])
  })

  it('does not match across the quote and the note', () => {
    expect(ids({ text: 'modèles à' })).toEqual([])
  })

  it('keeps the passages of ANY of the chosen coders, the empty one included', () => {
    expect(ids({ coders: ['Ana'] })).toEqual(['c', 'e'])
    expect(ids({ coders: ['Ana', 'test'] })).toEqual(['a', 'b', 'c', 'e'])
    expect(ids({ coders: [''] })).toEqual(['d'])
    expect(ids({ coders: ['Nobody'] })).toEqual([])
    expect(isFiltering({ ...NO_FILTER, coders: ['Ana'] })).toBe(true)
  })

  it('requires every criterion at once', () => {
    expect(ids({ coders: ['Ana'], themeIds: ['growth'] })).toEqual(['e'])
    expect(ids({ themeIds: ['growth'], hasNote: true })).toEqual(['b'])
    expect(ids({ themeIds: ['growth'], text: 'secret' })).toEqual(['e'])
    expect(ids({ untagged: true, hasNote: true, text: 'chaos' })).toEqual(['c'])
    expect(ids({ untagged: true, themeIds: ['growth'] })).toEqual([])
  })

  it('keeps document order and never adds a passage (property)', () => {
    const filter = fc.record({
      themeIds: fc.subarray(['growth', 'culture', 'secrecy', 'safety']),
      themeMode: fc.constantFrom<'any' | 'all'>('any', 'all'),
      hasNote: fc.boolean(),
      untagged: fc.boolean(),
      text: fc.constantFrom('', 'se', 'SÉC', 'chaos', 'x'),
      coders: fc.subarray(['test', 'Ana', '', 'Nobody']),
    })
    fc.assert(
      fc.property(filter, (f) => {
        const shown = filterPassages(P, f)
        const positions = shown.map((p) => P.indexOf(p))
        expect(positions.every((at, i) => at >= 0 && (i === 0 || at > positions[i - 1]!))).toBe(
          true,
        )
        // ALL never shows more than ANY.
        expect(filterPassages(P, { ...f, themeMode: 'all' }).length).toBeLessThanOrEqual(
          filterPassages(P, { ...f, themeMode: 'any' }).length,
        )
      }),
    )
  })
})

describe('adjacentPassage', () => {
  it('moves to the next and previous passage, staying at the ends', () => {
    expect(adjacentPassage(P, P[1]!, 1)?.id).toBe('c')
    expect(adjacentPassage(P, P[1]!, -1)?.id).toBe('a')
    expect(adjacentPassage(P, P[4]!, 1)?.id).toBe('e')
    expect(adjacentPassage(P, P[0]!, -1)?.id).toBe('a')
  })

  it('starts at the first (J) or the last (K) passage when none is selected', () => {
    expect(adjacentPassage(P, null, 1)?.id).toBe('a')
    expect(adjacentPassage(P, null, -1)?.id).toBe('e')
    expect(adjacentPassage([], null, 1)).toBeNull()
  })

  it('continues from a passage the filter hides, by its place in the text', () => {
    const shown = filterPassages(P, { ...NO_FILTER, themeIds: ['safety'] }) // b, e
    expect(adjacentPassage(shown, P[2]!, 1)?.id).toBe('e')
    expect(adjacentPassage(shown, P[2]!, -1)?.id).toBe('b')
    expect(adjacentPassage(shown, P[0]!, -1)?.id).toBe('b')
    const last = passage('z', 500, [], 'fin')
    expect(adjacentPassage(shown, last, 1)?.id).toBe('e')
  })
})
