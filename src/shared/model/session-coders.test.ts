import { describe, expect, it } from 'vitest'
import {
  coderCounts,
  codersOf,
  countAuthors,
  hasSeveralCoders,
  orderCoders,
  passagesOfShownCoders,
} from './session-coders'
import type { CoderRecord } from './corpus'

const T = '2026-01-01T00:00:00.000Z'
const record = (name: string, opened: string[] = []): CoderRecord => ({ name, opened })
const by = (...authors: string[]) => authors.map((author, i) => ({ id: `p${i}`, author }))

describe('orderCoders', () => {
  it('puts consensus first, then the index’s coders in its order, the others by name, no coder last', () => {
    const meta = { coders: [record('Zoé'), record('Ali', [])] }
    expect(orderCoders(['', 'bob', 'Ali', 'consensus', 'Zoé', 'anna', 'Bea'], meta)).toEqual([
      'consensus',
      'Zoé',
      'Ali',
      'anna',
      'Bea',
      'bob',
      '',
    ])
  })

  it('drops repeats and sorts numbers in names as numbers', () => {
    expect(orderCoders(['coder 10', 'coder 2', 'coder 2'])).toEqual(['coder 2', 'coder 10'])
  })
})

describe('codersOf', () => {
  it('gives the index’s coders and every author seen, once each', () => {
    const meta = { coders: [record('Léa', ['a1'])] }
    expect(codersOf(meta, by('Marc', 'Léa', ''), by('Marc', 'consensus'))).toEqual([
      'consensus',
      'Léa',
      'Marc',
      '',
    ])
  })

  it('is the passages’ authors when the index lists no coders (older sessions)', () => {
    expect(codersOf({}, by('', ''))).toEqual([''])
    expect(codersOf({})).toEqual([])
    expect(hasSeveralCoders(codersOf({}, by('', 'Ana')))).toBe(true)
    expect(hasSeveralCoders(codersOf({}, by('Ana', 'Ana')))).toBe(false)
  })
})

describe('coderCounts', () => {
  it('counts each coder’s passages and opened articles, coders without passages included', () => {
    const meta = { coders: [record('Léa', ['a1', 'a2']), record('Tom', ['a1'])] }
    const counts = countAuthors([by('Léa', 'Marc'), by('Léa', '')])
    expect(coderCounts(meta, counts)).toEqual([
      { name: 'Léa', passages: 2, articlesOpened: 2 },
      { name: 'Tom', passages: 0, articlesOpened: 1 },
      { name: 'Marc', passages: 1, articlesOpened: 0 },
      { name: '', passages: 1, articlesOpened: 0 },
    ])
  })
})

describe('passagesOfShownCoders', () => {
  const passages = by('Ana', 'Bo', 'Ana', '').map((p) => ({ ...p, createdAt: T }))

  it('keeps the same list when no coder is hidden, or none of the hidden has passages here', () => {
    expect(passagesOfShownCoders(passages, new Set())).toBe(passages)
    expect(passagesOfShownCoders(passages, new Set(['Zed']))).toBe(passages)
  })

  it('drops the hidden coders’ passages, keeping the order', () => {
    expect(passagesOfShownCoders(passages, new Set(['Ana'])).map((p) => p.id)).toEqual(['p1', 'p3'])
    expect(passagesOfShownCoders(passages, new Set(['', 'Bo', 'Ana']))).toEqual([])
  })
})
