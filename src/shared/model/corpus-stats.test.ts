// Every number of the corpus summary on small corpora computed by hand.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { barePassage as passage } from '../../../test-support/bare-passage'
import type { ArticleEntry, AttributeDef } from './corpus'
import { articleMatcher, NO_ARTICLE_FILTER } from './corpus-query'
import {
  articleStats,
  MAX_TIME_BINS,
  orderValues,
  summarizeCorpus,
  type CorpusSummaryOptions,
} from './corpus-stats'
import type { Theme } from './schema'
import { summarize as summarizeArticle } from './stats'

const T = '2026-01-01T00:00:00.000Z'

const CODEBOOK: Theme[] = [
  { id: 'a', name: 'Alpha', colour: '#000000' },
  { id: 'b', name: 'Bêta', colour: '#111111' },
  { id: 'c', name: 'Gamma', colour: '#222222' },
]
const DEFS: AttributeDef[] = [
  { id: 'attr-n', name: 'Pages', type: 'number' },
  { id: 'attr-k', name: 'Genre', type: 'category', values: ['news', 'opinion', 'interview'] },
]
const META = { codebook: CODEBOOK, attributeDefs: DEFS }

// a1: ten letters. Alpha on [0,4) and [2,6) (one stretch of 6), Bêta on
// [2,6) (4), one untagged passage on [8,10) (2). Coded: [0,6) ∪ [8,10) = 8.
const TEXT1 = 'abcdefghij'
// a2: two emoji (two UTF-16 units each) then "abc": 5 code points.
// Bêta on [0,4) (both emoji) and [2,5) (emoji + "a"): one stretch of 3 code
// points; Gamma on [2,5): 2 code points.
const TEXT2 = '😀😀abc'
const TEXT3 = 'hello'

const ARTICLES = new Map([
  [
    'a1',
    {
      text: TEXT1,
      passages: [
        passage(TEXT1, 'p1', 0, 4, ['a']),
        passage(TEXT1, 'p2', 2, 6, ['a', 'b']),
        passage(TEXT1, 'p3', 8, 10, []),
      ],
    },
  ],
  [
    'a2',
    {
      text: TEXT2,
      passages: [passage(TEXT2, 'q1', 0, 4, ['b']), passage(TEXT2, 'q2', 2, 5, ['b', 'c'])],
    },
  ],
  ['a3', { text: TEXT3, passages: [] }],
])

function entry(id: string, attributes: Record<string, string>, passageCount: number): ArticleEntry {
  return {
    id,
    title: `Article ${id}`,
    sourceFileName: `${id}.txt`,
    sha256: '0'.repeat(64),
    chars: 0,
    addedAt: T,
    attributes,
    passageCount,
  }
}

const ENTRIES = [
  // 2025-01-06 is the Monday of 2025-W02; 2025-01-05 the Sunday of 2025-W01.
  entry('a1', { outlet: 'Le Monde', published: '2025-01-06', 'attr-n': '10' }, 3),
  entry('a2', { outlet: 'Libé', published: '2025-01-05', 'attr-n': '9', 'attr-k': 'opinion' }, 2),
  entry('a3', { outlet: 'Le Monde', 'attr-k': 'news' }, 0),
  // Listed, but its text could not be read: left out.
  entry('a4', { outlet: 'X', published: '2025-03-01' }, 0),
]

const summarize = (options: CorpusSummaryOptions = {}, entries = ENTRIES) =>
  summarizeCorpus(META, ARTICLES, entries, options)

describe('articleStats', () => {
  it('counts passages and the characters they cover, overlaps once, in code points', () => {
    const s1 = articleStats(ARTICLES.get('a1')!)
    expect(s1.textCharacters).toBe(10)
    expect(s1.passages).toBe(3)
    expect(s1.characters).toBe(8)
    expect(Object.fromEntries(s1.themes)).toEqual({
      a: { passages: 2, characters: 6 },
      b: { passages: 1, characters: 4 },
    })
    expect(s1.untagged).toEqual({ passages: 1, characters: 2 })

    const s2 = articleStats(ARTICLES.get('a2')!)
    expect(s2.textCharacters).toBe(5)
    expect(s2.characters).toBe(3)
    expect(Object.fromEntries(s2.themes)).toEqual({
      b: { passages: 2, characters: 3 },
      c: { passages: 1, characters: 2 },
    })
    expect(s2.untagged).toEqual({ passages: 0, characters: 0 })
  })

  it('agrees with the one-article summary (stats.ts) on random passages in any order', () => {
    const text = 'a😀b\u00e9c👩‍💻d e f g h i j k l m n o p q r s t u v w x y z 😀😀 fin'
    // Offsets that never split a surrogate pair.
    const cuts = [...text.matchAll(/./gsu)].map((m) => m.index).concat(text.length)
    const arbitrary = fc.array(
      fc.record({
        a: fc.integer({ min: 0, max: cuts.length - 1 }),
        b: fc.integer({ min: 0, max: cuts.length - 1 }),
        themes: fc.subarray(['a', 'b', 'c']),
      }),
      { maxLength: 30 },
    )
    fc.assert(
      fc.property(arbitrary, (specs) => {
        const passages = specs
          .filter((x) => x.a !== x.b)
          .map((x, i) =>
            passage(text, `p${i}`, cuts[Math.min(x.a, x.b)]!, cuts[Math.max(x.a, x.b)]!, x.themes),
          )
        const mine = articleStats({ text, passages })
        const theirs = summarizeArticle({
          document: { title: '', sourceFileName: '', text, sha256: '' },
          codebook: CODEBOOK,
          passages,
        })
        expect(mine.textCharacters).toBe(theirs.textCharacters)
        expect({ passages: mine.passages, characters: mine.characters }).toEqual({
          passages: theirs.all.passages,
          characters: theirs.all.characters,
        })
        expect(mine.untagged).toEqual({
          passages: theirs.untagged.passages,
          characters: theirs.untagged.characters,
        })
        for (const t of theirs.themes)
          expect(mine.themes.get(t.themeId) ?? { passages: 0, characters: 0 }).toEqual({
            passages: t.passages,
            characters: t.characters,
          })
      }),
      { numRuns: 500 },
    )
  })

  it('keeps the numbers of an article object, and computes a changed article anew', () => {
    const a1 = ARTICLES.get('a1')!
    expect(articleStats(a1)).toBe(articleStats(a1))
    const edited = { ...a1, passages: a1.passages.slice(0, 1) }
    expect(articleStats(edited).characters).toBe(4)
  })
})

describe('summarizeCorpus', () => {
  it('gives per theme the passages, articles, characters and shares over the articles', () => {
    const s = summarize()
    expect(s).toMatchObject({
      articles: 3,
      codedArticles: 2,
      passages: 5,
      characters: 11,
      textCharacters: 20,
      sharePercent: 55,
      byAttribute: null,
      overTime: null,
    })
    expect(s.themes).toEqual([
      {
        themeId: 'a',
        passages: 2,
        articles: 1,
        characters: 6,
        sharePercent: 30,
        articlesPercent: 100 / 3,
      },
      {
        themeId: 'b',
        passages: 3,
        articles: 2,
        characters: 7,
        sharePercent: 35,
        articlesPercent: 200 / 3,
      },
      {
        themeId: 'c',
        passages: 1,
        articles: 1,
        characters: 2,
        sharePercent: 10,
        articlesPercent: 100 / 3,
      },
    ])
    expect(s.untagged).toEqual({
      passages: 1,
      articles: 1,
      characters: 2,
      sharePercent: 10,
      articlesPercent: 100 / 3,
    })
  })

  it('summarizes only the articles given (a filter’s)', () => {
    const libe = ENTRIES.filter(
      articleMatcher({
        ...NO_ARTICLE_FILTER,
        conditions: [{ attribute: 'outlet', kind: 'in', values: ['Libé'] }],
      }),
    )
    const s = summarize({}, libe)
    expect(s).toMatchObject({ articles: 1, passages: 2, characters: 3, textCharacters: 5 })
    expect(s.sharePercent).toBe(60)
    expect(s.themes.map((t) => [t.themeId, t.articles, t.passages, t.characters])).toEqual([
      ['a', 0, 0, 0],
      ['b', 1, 2, 3],
      ['c', 1, 1, 2],
    ])
  })

  it('gives zeros, not NaN, for no articles', () => {
    const s = summarize({ attribute: 'outlet', bin: 'month' }, [])
    expect(s).toMatchObject({ articles: 0, passages: 0, sharePercent: 0 })
    expect(s.themes[0]).toMatchObject({ sharePercent: 0, articlesPercent: 0 })
    expect(s.byAttribute).toEqual({
      attribute: 'outlet',
      years: false,
      columns: [],
      cells: [[], [], []],
    })
    expect(s.overTime).toEqual({
      bin: 'month',
      bins: [],
      undated: 0,
      tooMany: null,
      splitAttribute: null,
      series: [],
    })
  })
})

describe('theme by attribute', () => {
  it('counts, per value, the articles containing each theme and its passages', () => {
    const t = summarize({ attribute: 'outlet' }).byAttribute!
    // Text values: most articles first.
    expect(t.columns).toEqual([
      { value: 'Le Monde', articles: 2 },
      { value: 'Libé', articles: 1 },
    ])
    expect(t.cells).toEqual([
      [
        { articles: 1, passages: 2 },
        { articles: 0, passages: 0 },
      ],
      [
        { articles: 1, passages: 1 },
        { articles: 1, passages: 2 },
      ],
      [
        { articles: 0, passages: 0 },
        { articles: 1, passages: 1 },
      ],
    ])
  })

  it('bins dates by year and puts articles without a value last', () => {
    const t = summarize({ attribute: 'published' }).byAttribute!
    expect(t.years).toBe(true)
    expect(t.columns).toEqual([
      { value: '2025', articles: 2 },
      { value: '', articles: 1 },
    ])
    expect(t.cells[1]).toEqual([
      { articles: 2, passages: 3 },
      { articles: 0, passages: 0 },
    ])
  })

  it('orders numbers as numbers and categories as defined', () => {
    expect(summarize({ attribute: 'attr-n' }).byAttribute!.columns.map((c) => c.value)).toEqual([
      '9',
      '10',
      '',
    ])
    expect(summarize({ attribute: 'attr-k' }).byAttribute!.columns).toEqual([
      { value: 'news', articles: 1 },
      { value: 'opinion', articles: 1 },
      { value: '', articles: 1 },
    ])
  })

  it('orders text values by articles, then by code point, whatever the insertion order', () => {
    const counts = new Map([
      ['b', 1],
      ['', 5],
      ['é', 2],
      ['a', 1],
      ['z', 2],
    ])
    expect(orderValues(counts, 'outlet', [])).toEqual(['z', 'é', 'a', 'b', ''])
    expect(orderValues(counts, 'attr-k', DEFS)).toEqual(['a', 'b', 'z', 'é', ''])
  })
})

describe('themes over time', () => {
  it('bins dated articles by ISO week and counts the undated ones', () => {
    const o = summarize({ bin: 'week' }).overTime!
    expect(o).toMatchObject({
      bin: 'week',
      bins: ['2025-W01', '2025-W02'],
      undated: 1,
      tooMany: null,
      splitAttribute: null,
    })
    expect(o.series).toEqual([
      {
        split: null,
        articles: [1, 1],
        undated: 1,
        // a3, undated, has no passage.
        undatedCells: [
          { articles: 0, passages: 0 },
          { articles: 0, passages: 0 },
          { articles: 0, passages: 0 },
        ],
        cells: [
          [
            { articles: 0, passages: 0 },
            { articles: 1, passages: 2 },
          ],
          [
            { articles: 1, passages: 2 },
            { articles: 1, passages: 1 },
          ],
          [
            { articles: 1, passages: 1 },
            { articles: 0, passages: 0 },
          ],
        ],
      },
    ])
  })

  it('fills the empty bins between the first and the last date', () => {
    const late = [ENTRIES[0]!, entry('a3', { outlet: 'Le Monde', published: '2025-04-30' }, 0)]
    const o = summarize({ bin: 'month' }, late).overTime!
    expect(o.bins).toEqual(['2025-01', '2025-02', '2025-03', '2025-04'])
    expect(o.undated).toBe(0)
    expect(o.series[0]!.articles).toEqual([1, 0, 0, 1])
  })

  it('splits into one series per value of an attribute', () => {
    const o = summarize({ bin: 'month', split: 'outlet' }).overTime!
    expect(o.bins).toEqual(['2025-01'])
    expect(o.splitAttribute).toBe('outlet')
    expect(o.series).toEqual([
      {
        split: 'Le Monde',
        articles: [1],
        undated: 1,
        undatedCells: [
          { articles: 0, passages: 0 },
          { articles: 0, passages: 0 },
          { articles: 0, passages: 0 },
        ],
        cells: [
          [{ articles: 1, passages: 2 }],
          [{ articles: 1, passages: 1 }],
          [{ articles: 0, passages: 0 }],
        ],
      },
      {
        split: 'Libé',
        articles: [1],
        undated: 0,
        undatedCells: [
          { articles: 0, passages: 0 },
          { articles: 0, passages: 0 },
          { articles: 0, passages: 0 },
        ],
        cells: [
          [{ articles: 0, passages: 0 }],
          [{ articles: 1, passages: 2 }],
          [{ articles: 1, passages: 1 }],
        ],
      },
    ])
  })

  it('counts the themes of undated articles apart from the bins', () => {
    const undated = [entry('a1', { outlet: 'Le Monde' }, 3), ENTRIES[1]!]
    const o = summarize({ bin: 'year' }, undated).overTime!
    expect(o.bins).toEqual(['2025'])
    expect(o.undated).toBe(1)
    expect(o.series[0]!.articles).toEqual([1])
    expect(o.series[0]!.cells.map((row) => row[0])).toEqual([
      { articles: 0, passages: 0 },
      { articles: 1, passages: 2 },
      { articles: 1, passages: 1 },
    ])
    expect(o.series[0]!.undatedCells).toEqual([
      { articles: 1, passages: 2 },
      { articles: 1, passages: 1 },
      { articles: 0, passages: 0 },
    ])
  })

  it('gives no series when the bins are too many to chart, and says how many', () => {
    const wide = [
      entry('a1', { published: '2000-01-01' }, 3),
      entry('a2', { published: '2025-01-01' }, 2),
    ]
    const weeks = summarize({ bin: 'week' }, wide).overTime!
    expect(MAX_TIME_BINS).toBeLessThan(1306)
    expect(weeks).toMatchObject({ bins: [], series: [], tooMany: 1306 })
    const years = summarize({ bin: 'year' }, wide).overTime!
    expect(years.bins).toHaveLength(26)
    expect(years.series[0]!.articles.filter((n) => n > 0)).toEqual([1, 1])
  })
})
