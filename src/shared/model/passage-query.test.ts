import { describe, expect, it } from 'vitest'
import {
  generateCorpus,
  SMALL_CORPUS,
  type CorpusSpec,
} from '../../../test-support/generate-corpus'
import type { ArticleEntry } from './corpus'
import { applyCorpusEdit, type CorpusState } from './corpus-edits'
import { NO_ARTICLE_FILTER, type ArticleFilter } from './corpus-query'
import { NO_FILTER, type PassageFilter } from './passage-filter'
import {
  cut,
  indexPassages,
  passageQuerySchema,
  passageRows,
  ROW_QUOTE_LENGTH,
  runPassageQuery,
  type PassageQuery,
  type PassageSort,
} from './passage-query'
import type { Passage } from './schema'
import { foldText } from './search'

const SPEC: CorpusSpec = { ...SMALL_CORPUS, seed: 7, articles: 40, passages: [0, 12], themes: 12 }
const corpus = generateCorpus(SPEC)

function query(
  passages: Partial<PassageFilter> = {},
  articles: Partial<ArticleFilter> = {},
  sort: PassageSort = 'list',
): PassageQuery {
  return {
    passages: { ...NO_FILTER, ...passages },
    articles: { ...NO_ARTICLE_FILTER, ...articles },
    sort,
  }
}

/** The passages a query finds, as "articleId/passageId", in its order. */
function found(state: CorpusState, q: PassageQuery, fold = false): string[] {
  const index = indexPassages(state)
  const folded = (a: number) => foldText(state.articles.get(index.articles[a]!.id)!.text)
  const result = runPassageQuery(index, q, state.meta, fold ? folded : undefined)
  return passageRows(result, 0, result.positions.length).map((r) => `${r.articleId}/${r.id}`)
}

/** Every passage with its article, in list then document order: the oracle's input. */
function everyPassage(state: CorpusState): { entry: ArticleEntry; p: Passage }[] {
  return state.meta.articles.flatMap((entry) =>
    state.articles.get(entry.id)!.passages.map((p) => ({ entry, p })),
  )
}

/** A plain fold (NFD, no marks, lower case, œ → oe, ’ → '): enough for the generated text. */
const plain = (s: string) =>
  s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/œ/g, 'oe').replace(/’/g, "'")
const key = ({ entry, p }: { entry: ArticleEntry; p: Passage }) => `${entry.id}/${p.id}`

describe('the passages of a corpus', () => {
  it('come in article list order, then document order, with nothing left out', () => {
    const all = everyPassage(corpus)
    expect(all.length).toBeGreaterThan(100)
    expect(found(corpus, query())).toEqual(all.map(key))
    // Some generated articles have no passage: they are skipped, not counted.
    const result = runPassageQuery(indexPassages(corpus), query(), corpus.meta)
    const withPassages = corpus.meta.articles.filter((a) => a.passageCount > 0).length
    expect(withPassages).toBeLessThan(corpus.meta.articles.length)
    expect(result.articles).toBe(withPassages)
  })

  it('filter by ANY or ALL of the chosen themes', () => {
    const all = everyPassage(corpus)
    // Two themes that tag some passage together.
    const [a, b] = all.find(({ p }) => p.themeIds.length >= 2)!.p.themeIds as [string, string]
    const any = all.filter(({ p }) => p.themeIds.includes(a) || p.themeIds.includes(b))
    const both = all.filter(({ p }) => p.themeIds.includes(a) && p.themeIds.includes(b))
    expect(both.length).toBeGreaterThan(0)
    expect(any.length).toBeGreaterThan(both.length)
    expect(found(corpus, query({ themeIds: [a, b] }))).toEqual(any.map(key))
    expect(found(corpus, query({ themeIds: [a, b], themeMode: 'all' }))).toEqual(both.map(key))
  })

  it('filter by the article’s outlet, a range of publication dates and a custom category', () => {
    const q = query(
      {},
      {
        conditions: [
          { attribute: 'outlet', kind: 'in', values: ['Le Monde', 'Libération'] },
          { attribute: 'published', kind: 'range', from: '2025-03-01', to: '2025-09-30' },
          { attribute: 'attr-section', kind: 'in', values: ['Économie', 'Politique', 'Société'] },
        ],
      },
    )
    const want = everyPassage(corpus).filter(
      ({ entry: { attributes: at } }) =>
        ['Le Monde', 'Libération'].includes(at.outlet!) &&
        at.published! >= '2025-03-01' &&
        at.published! <= '2025-09-30' &&
        ['Économie', 'Politique', 'Société'].includes(at['attr-section']!),
    )
    expect(want.length).toBeGreaterThan(0)
    expect(found(corpus, q)).toEqual(want.map(key))
  })

  it('filter by text in the quote or the note, ignoring case and accents, folded or not', () => {
    // The same corpus in new arrays: the quotes' foldings are kept per passage list.
    const again = generateCorpus(SPEC)
    for (const text of ['SECURITE', 'Économie', 'source', 'coeur', 'l’equipe']) {
      const q = plain(text)
      const want = everyPassage(corpus).filter(
        ({ p }) => plain(p.quote).includes(q) || plain(p.note).includes(q),
      )
      expect(want.length, text).toBeGreaterThan(0)
      expect(found(corpus, query({ text })), text).toEqual(want.map(key))
      // From the articles' folded texts (as main does), the same passages.
      expect(found(again, query({ text }), true), text).toEqual(want.map(key))
    }
  })

  it('combine every filter: themes, note, untagged, text and attributes must all hold', () => {
    const outlet = corpus.meta.articles[0]!.attributes.outlet!
    const q = query(
      { themeIds: ['theme-01', 'theme-03', 'theme-04'], hasNote: true, text: 'e' },
      { conditions: [{ attribute: 'outlet', kind: 'in', values: [outlet] }] },
    )
    const want = everyPassage(corpus).filter(
      ({ entry, p }) =>
        entry.attributes.outlet === outlet &&
        p.themeIds.some((t) => ['theme-01', 'theme-03', 'theme-04'].includes(t)) &&
        p.note.trim() !== '' &&
        (plain(p.quote).includes('e') || plain(p.note).includes('e')),
    )
    expect(want.length).toBeGreaterThan(0)
    expect(found(corpus, q)).toEqual(want.map(key))
    expect(found(corpus, query({ untagged: true }))).toEqual([])
  })

  it('find untagged passages, and read a theme the codebook lacks as one no passage has', () => {
    const entry = corpus.meta.articles[4]!
    const p = corpus.articles.get(entry.id)!.passages[1]!
    const state = applyCorpusEdit(
      corpus,
      entry.id,
      { type: 'putPassage', passage: { ...p, themeIds: [] } },
      p.updatedAt,
    )
    expect(found(state, query({ untagged: true }))).toEqual([`${entry.id}/${p.id}`])
    const some = everyPassage(state).filter(({ p }) => p.themeIds.includes('theme-02'))
    expect(found(state, query({ themeIds: ['gone', 'theme-02'] }))).toEqual(some.map(key))
    expect(found(state, query({ themeIds: ['gone', 'theme-02'], themeMode: 'all' }))).toEqual([])
    // Sorted by theme, the untagged passage comes last.
    expect(found(state, query({}, {}, 'theme')).at(-1)).toBe(`${entry.id}/${p.id}`)
  })

  it('sort by the first theme in codebook order, then list and document order', () => {
    const rank = new Map(corpus.meta.codebook.map((t, i) => [t.id, i]))
    const first = (p: Passage) => Math.min(...p.themeIds.map((t) => rank.get(t)!))
    const all = everyPassage(corpus)
    const want = all
      .map((x, i) => ({ x, i }))
      .sort((a, b) => first(a.x.p) - first(b.x.p) || a.i - b.i)
      .map(({ x }) => key(x))
    expect(found(corpus, query({}, {}, 'theme'))).toEqual(want)
  })

  it('sort by publication date, oldest first, undated articles last', () => {
    // One article without a date.
    const undated = corpus.meta.articles[3]!
    const state = applyCorpusEdit(
      corpus,
      null,
      {
        type: 'setArticleMeta',
        articles: [{ id: undated.id, title: undated.title, attributes: {} }],
      },
      '2026-12-02T10:00:00.000Z',
    )
    const all = everyPassage(state)
    const date = (e: ArticleEntry) => e.attributes.published ?? '9999'
    const want = all
      .map((x, i) => ({ x, i }))
      .sort((a, b) => date(a.x.entry).localeCompare(date(b.x.entry)) || a.i - b.i)
      .map(({ x }) => key(x))
    const got = found(state, query({}, {}, 'published'))
    expect(got).toEqual(want)
    expect(got.at(-1)!.startsWith(`${undated.id}/`)).toBe(undated.passageCount > 0)
  })

  it('give rows by window, quotes cut to a few lines', () => {
    const result = runPassageQuery(indexPassages(corpus), query(), corpus.meta)
    const all = passageRows(result, 0, 10_000)
    expect(all).toHaveLength(result.positions.length)
    expect(passageRows(result, 17, 29)).toEqual(all.slice(17, 29))
    expect(passageRows(result, all.length - 2, all.length + 40)).toEqual(all.slice(-2))
    for (const row of all) expect(row.quote.length).toBeLessThanOrEqual(ROW_QUOTE_LENGTH)
    const p = everyPassage(corpus)[5]!.p
    expect(all[5]).toMatchObject({
      id: p.id,
      start: p.start,
      end: p.end,
      themeIds: p.themeIds,
      author: p.author,
    })
  })

  it('filter by ANY of the chosen coders, passages without a coder included', () => {
    // The corpus with its passages shared out between two coders and no coder.
    const coders = ['ana', 'bo', '']
    let i = 0
    const articles = new Map(
      [...corpus.articles].map(([id, a]) => [
        id,
        { ...a, passages: a.passages.map((p) => ({ ...p, author: coders[i++ % 3]! })) },
      ]),
    )
    const state = { ...corpus, articles }
    const all = everyPassage(state)
    const of = (...names: string[]) => all.filter(({ p }) => names.includes(p.author)).map(key)
    expect(found(state, query({ coders: ['ana'] }))).toEqual(of('ana'))
    expect(found(state, query({ coders: ['bo', ''] }))).toEqual(of('bo', ''))
    expect(found(state, query({ coders: ['ana', 'bo', ''] }))).toEqual(all.map(key))
    expect(found(state, query({ coders: ['nobody'] }))).toEqual([])
    // With the other filters: all must hold.
    const theme = all.find(({ p }) => p.themeIds.length > 0)!.p.themeIds[0]!
    expect(found(state, query({ coders: ['bo'], themeIds: [theme] }))).toEqual(
      all.filter(({ p }) => p.author === 'bo' && p.themeIds.includes(theme)).map(key),
    )
  })

  it('see an edit once indexed again: a new passage, and an article’s passages gone with it', () => {
    const entry = corpus.meta.articles[1]!
    const text = corpus.articles.get(entry.id)!.text
    const passage = { ...corpus.articles.get(entry.id)!.passages[0]!, id: 'new-one', note: 'Zèbre' }
    const added = applyCorpusEdit(
      corpus,
      entry.id,
      { type: 'putPassage', passage },
      passage.updatedAt,
    )
    expect(text.slice(passage.start, passage.end)).toBe(passage.quote)
    expect(found(added, query({ text: 'zebre' }))).toEqual([`${entry.id}/new-one`])
    expect(found(corpus, query({ text: 'zebre' }))).toEqual([])
    const removed = applyCorpusEdit(
      added,
      null,
      { type: 'removeArticles', ids: [entry.id] },
      passage.updatedAt,
    )
    expect(found(removed, query()).some((k) => k.startsWith(`${entry.id}/`))).toBe(false)
  })
})

describe('cut', () => {
  it('keeps short texts and never cuts an emoji in two', () => {
    expect(cut('abc', 5)).toBe('abc')
    expect(cut('abcdef', 5)).toBe('abcd…')
    expect(cut('abc😀def', 5)).toBe('abc…')
    expect(cut('ab😀def', 5)).toBe('ab😀…')
  })
})

describe('the query schema', () => {
  it('accepts a query and refuses a bad sort or an unknown filter shape', () => {
    expect(passageQuerySchema.safeParse(query({ themeIds: ['a'] })).success).toBe(true)
    expect(passageQuerySchema.safeParse({ ...query(), sort: 'random' }).success).toBe(false)
    expect(
      passageQuerySchema.safeParse({ ...query(), passages: { ...NO_FILTER, themeMode: 'some' } })
        .success,
    ).toBe(false)
    expect(passageQuerySchema.safeParse(query({ coders: ['', 'Léa'] })).success).toBe(true)
    for (const coders of [['x'.repeat(201)], 'Léa', [3]])
      expect(
        passageQuerySchema.safeParse({ ...query(), passages: { ...NO_FILTER, coders } }).success,
      ).toBe(false)
  })
})
