import { describe, expect, it } from 'vitest'
import { generateCorpus, SMALL_CORPUS } from '../../../test-support/generate-corpus'
import {
  CorpusSearch,
  FoldCache,
  withContext,
  type CorpusSearchRow,
  type CorpusSearchStatus,
} from './corpus-search'
import type { CorpusState } from './corpus-edits'
import { DEFAULT_SEARCH_OPTIONS, findMatches, type SearchOptions } from './search'

const corpus = generateCorpus({
  ...SMALL_CORPUS,
  seed: 11,
  articles: 30,
  // Plant a rare word in a few articles, in several spellings.
  editText: (i, text) => (i % 7 === 2 ? `${text}\nLe mot Zoé revient : ZOE, zoe et zoé.` : text),
})

function searchAll(
  state: CorpusState,
  query: string,
  options: SearchOptions = DEFAULT_SEARCH_OPTIONS,
  limit?: number,
): { status: CorpusSearchStatus; rows: CorpusSearchRow[] } {
  const search = new CorpusSearch(state, query, options, new FoldCache(), limit)
  const status = search.run()
  return { status, rows: search.rows(0, status.rowCount) }
}

/** The oracle: every article's matches, searched one article at a time. */
function perArticle(state: CorpusState, query: string, options = DEFAULT_SEARCH_OPTIONS) {
  return state.meta.articles
    .map((a) => ({
      id: a.id,
      matches: findMatches(state.articles.get(a.id)!.text, query, options),
    }))
    .filter((a) => a.matches.length > 0)
}

describe('searching a corpus', () => {
  it('groups every match by article, in list order, each article row before its matches', () => {
    const want = perArticle(corpus, 'zoe')
    expect(want.map((a) => a.id)).toEqual(
      corpus.meta.articles.filter((_, i) => i % 7 === 2).map((a) => a.id),
    )
    const { status, rows } = searchAll(corpus, 'zoe')
    expect(status).toEqual({
      matches: want.length * 4,
      found: want.length * 4,
      articles: want.length,
      rowCount: want.length * 5,
      done: true,
    })
    const expected: string[] = want.flatMap((a) => [
      `article ${a.id} ${a.matches.length}`,
      ...a.matches.map((m) => `match ${a.id} ${m.start}-${m.end}`),
    ])
    expect(
      rows.map((r) =>
        r.kind === 'article'
          ? `article ${r.articleId} ${r.matches}`
          : `match ${r.articleId} ${r.start}-${r.end}`,
      ),
    ).toEqual(expected)
    // Each match row carries the matched text, as the article spells it.
    const texts = rows.flatMap((r) => (r.kind === 'match' ? [r.text] : []))
    expect(texts.slice(0, 4)).toEqual(['Zoé', 'ZOE', 'zoe', 'zoé'])
  })

  it('honours Match case and Match accents', () => {
    expect(searchAll(corpus, 'zoé', { matchCase: false, matchAccents: true }).status.matches).toBe(
      perArticle(corpus, 'zoe').length * 2,
    )
    expect(searchAll(corpus, 'ZOE', { matchCase: true, matchAccents: false }).status.matches).toBe(
      perArticle(corpus, 'zoe').length,
    )
  })

  it('counts a common word as a plain scan of the folded text does', () => {
    // "securite" in the generated text is always spelled "sécurité", in any case.
    const plain = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
    let count = 0
    for (const a of corpus.articles.values()) count += plain(a.text).split('securite').length - 1
    expect(count).toBeGreaterThan(50)
    expect(searchAll(corpus, 'Securite').status.found).toBe(count)
  })

  it('gives the first results at once and the rest in slices, the same as in one go', () => {
    const whole = searchAll(corpus, 'le')
    const search = new CorpusSearch(corpus, 'le', DEFAULT_SEARCH_OPTIONS, new FoldCache())
    const first = search.run({ matches: 20 })
    expect(first.done).toBe(false)
    expect(first.matches).toBeGreaterThanOrEqual(20)
    expect(search.rows(0, 10)).toEqual(whole.rows.slice(0, 10))
    // A clock that has always passed the deadline: one article per slice.
    let slices = 0
    let status = first
    while (!status.done) {
      status = search.run({ deadline: 0, now: () => 1 })
      slices++
    }
    expect(slices).toBeGreaterThan(5)
    expect(status).toEqual(whole.status)
    expect(search.rows(0, status.rowCount)).toEqual(whole.rows)
    // Any window equals the same slice of the whole.
    expect(search.rows(123, 157)).toEqual(whole.rows.slice(123, 157))
  })

  it('keeps at most the cap of matches, and counts the rest', () => {
    const whole = searchAll(corpus, 'e')
    const capped = searchAll(corpus, 'e', DEFAULT_SEARCH_OPTIONS, 500)
    expect(whole.status.matches).toBeGreaterThan(500)
    expect(capped.status.matches).toBe(500)
    expect(capped.status.found).toBe(whole.status.found)
    const matchRows = capped.rows.filter((r) => r.kind === 'match')
    expect(matchRows).toHaveLength(500)
    // The kept matches are the first 500 in list and text order.
    expect(matchRows).toEqual(whole.rows.filter((r) => r.kind === 'match').slice(0, 500))
    // The last article is cut: its row counts the matches kept.
    const lastArticle = capped.rows.findLast((r) => r.kind === 'article')!
    expect(lastArticle.kind === 'article' && lastArticle.matches).toBe(
      capped.rows.length - capped.rows.indexOf(lastArticle) - 1,
    )
  })

  it('finds nothing for a query that folds to nothing, or that no article holds', () => {
    expect(searchAll(corpus, '').status).toEqual({
      matches: 0,
      found: 0,
      articles: 0,
      rowCount: 0,
      done: true,
    })
    expect(searchAll(corpus, '\u0301').status.matches).toBe(0)
    expect(searchAll(corpus, 'xylophone').status).toMatchObject({ matches: 0, done: true })
  })

  it('keeps each article’s folding for the next search, and folds again when its text changes', () => {
    const cache = new FoldCache()
    const article = corpus.articles.values().next().value!
    const first = cache.get(article, DEFAULT_SEARCH_OPTIONS)
    expect(cache.get({ ...article }, DEFAULT_SEARCH_OPTIONS)).toBe(first)
    const other = cache.get({ ...article, text: 'autre texte' }, DEFAULT_SEARCH_OPTIONS)
    expect(other.folded).toBe('autre texte')
    const again = cache.get(article, DEFAULT_SEARCH_OPTIONS)
    expect(again).not.toBe(first)
    expect(again.folded).toBe(first.folded)
    // One set of options besides the default is kept: the last asked for.
    const caseOnly = { matchCase: true, matchAccents: false }
    const kept = cache.get(article, caseOnly)
    expect(kept).not.toBe(again)
    expect(cache.get(article, caseOnly)).toBe(kept)
    cache.get(article, { matchCase: false, matchAccents: true })
    expect(cache.get(article, caseOnly)).not.toBe(kept)
    expect(cache.get(article, DEFAULT_SEARCH_OPTIONS)).toBe(again)
  })
})

describe('a match in context', () => {
  const text = 'Premier paragraphe.\nUn deux trois quatre cinq six sept huit neuf dix onze.\nFin.'

  it('takes whole words from the match’s own paragraph, and says where it was cut', () => {
    const start = text.indexOf('six')
    const c = withContext(text, start, start + 3, 12)
    expect(c).toEqual({
      start,
      end: start + 3,
      before: '…quatre cinq ',
      text: 'six',
      after: ' sept huit…',
    })
    const whole = withContext(text, start, start + 3, 200)
    expect(whole.before).toBe('Un deux trois quatre cinq ')
    expect(whole.after).toBe(' sept huit neuf dix onze.')
  })

  it('never keeps half of an emoji and flattens tabs', () => {
    const t = 'a😀b\tc MOT d\te😀f'
    const at = t.indexOf('MOT')
    const c = withContext(t, at, at + 3, 5)
    expect(c.before).not.toMatch(/^…?\udc00/)
    expect(`${c.before}${c.text}${c.after}`).toMatch(/^[^\t]*$/)
    expect([...c.before].every((ch) => ch.length === 2 || !/[\ud800-\udfff]/.test(ch))).toBe(true)
    expect([...c.after].every((ch) => ch.length === 2 || !/[\ud800-\udfff]/.test(ch))).toBe(true)
  })
})
