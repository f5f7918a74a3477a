import { describe, expect, it } from 'vitest'
import type { ArticleEntry } from '@shared/model/corpus'
import { NO_ARTICLE_FILTER } from '@shared/model/corpus-query'
import {
  adjacentArticle,
  attributeValues,
  dateRange,
  listedArticles,
  nextSort,
  pickedValues,
  sortArticles,
  togglePicked,
  withDateRange,
} from './article-list'

const article = (
  id: string,
  title: string,
  attributes: Record<string, string> = {},
  passageCount = 0,
): ArticleEntry => ({
  id,
  title,
  sourceFileName: `${id}.txt`,
  sha256: '0'.repeat(64),
  chars: 100,
  addedAt: '2026-12-01T10:00:00.000Z',
  attributes,
  passageCount,
})

const corpus = [
  article('a', 'Grève à la SNCF', { outlet: 'Le Monde', published: '2026-03-02' }, 4),
  article('b', 'économie du rail', { outlet: 'Libération', published: '2025-11-20' }),
  article('c', 'Article 10', { outlet: 'Le Monde' }, 1),
  article('d', 'Article 9', { outlet: 'Les Échos', published: '2026-01-15' }, 2),
  article('e', 'Zéro dette', { published: '2026-03-02' }),
]
const ids = (list: readonly ArticleEntry[]) => list.map((a) => a.id)

describe('sorting the articles panel', () => {
  it('keeps the session order without a column', () => {
    expect(ids(sortArticles(corpus, null))).toEqual(['a', 'b', 'c', 'd', 'e'])
  })

  it('sorts titles ignoring case and accents, numbers as numbers, and reverses', () => {
    expect(ids(sortArticles(corpus, { key: 'title', descending: false }))).toEqual([
      'd',
      'c',
      'b',
      'a',
      'e',
    ])
    expect(ids(sortArticles(corpus, { key: 'title', descending: true }))).toEqual([
      'e',
      'a',
      'b',
      'c',
      'd',
    ])
  })

  it('puts empty values last either way, and keeps the session order among equals', () => {
    expect(ids(sortArticles(corpus, { key: 'published', descending: false }))).toEqual([
      'b',
      'd',
      'a',
      'e',
      'c',
    ])
    expect(ids(sortArticles(corpus, { key: 'published', descending: true }))).toEqual([
      'a',
      'e',
      'd',
      'b',
      'c',
    ])
    expect(ids(sortArticles(corpus, { key: 'outlet', descending: false }))).toEqual([
      'a',
      'c',
      'd',
      'b',
      'e',
    ])
  })

  it('sorts by passage count and by coded', () => {
    expect(ids(sortArticles(corpus, { key: 'passages', descending: true }))).toEqual([
      'a',
      'd',
      'c',
      'b',
      'e',
    ])
    expect(ids(sortArticles(corpus, { key: 'coded', descending: false }))).toEqual([
      'b',
      'e',
      'a',
      'c',
      'd',
    ])
  })

  it('sorts by a clicked column, then reverses it, and starts a new column ascending', () => {
    const once = nextSort(null, 'title')
    expect(once).toEqual({ key: 'title', descending: false })
    const twice = nextSort(once, 'title')
    expect(twice).toEqual({ key: 'title', descending: true })
    expect(nextSort(twice, 'title')).toEqual({ key: 'title', descending: false })
    expect(nextSort(twice, 'outlet')).toEqual({ key: 'outlet', descending: false })
  })

  it('sorts 2,000 articles', () => {
    const many = Array.from({ length: 2000 }, (_, i) =>
      article(`x${i}`, `Titre ${(i * 7919) % 2000}`, { outlet: `Outlet ${i % 13}` }),
    )
    const sorted = sortArticles(many, { key: 'title', descending: false })
    expect(sorted.map((a) => a.title).slice(0, 3)).toEqual(['Titre 0', 'Titre 1', 'Titre 2'])
    expect(new Set(ids(sorted)).size).toBe(2000)
  })
})

describe('filtering the articles panel', () => {
  it('picks and unpicks values of an attribute', () => {
    let f = togglePicked(NO_ARTICLE_FILTER, 'outlet', 'Le Monde')
    f = togglePicked(f, 'outlet', 'Les Échos')
    expect(pickedValues(f, 'outlet')).toEqual(['Le Monde', 'Les Échos'])
    expect(ids(listedArticles(corpus, f, null))).toEqual(['a', 'c', 'd'])
    f = togglePicked(f, 'outlet', 'Le Monde')
    expect(ids(listedArticles(corpus, f, null))).toEqual(['d'])
    f = togglePicked(f, 'outlet', 'Les Échos')
    expect(f.conditions).toEqual([])
  })

  it('keeps a published range, either end open, and drops it when both are empty', () => {
    const f = withDateRange(NO_ARTICLE_FILTER, '2026-01-01', '')
    expect(dateRange(f)).toEqual({ from: '2026-01-01', to: '' })
    expect(ids(listedArticles(corpus, f, { key: 'published', descending: false }))).toEqual([
      'd',
      'a',
      'e',
    ])
    const g = withDateRange(f, '', '2026-01-31')
    expect(ids(listedArticles(corpus, g, null))).toEqual(['b', 'd'])
    expect(withDateRange(g, '', '').conditions).toEqual([])
  })

  it('filters by title text, coded, and conditions together', () => {
    const f = {
      ...togglePicked(NO_ARTICLE_FILTER, 'outlet', 'Le Monde'),
      title: 'greve',
      coded: 'coded' as const,
    }
    expect(ids(listedArticles(corpus, f, null))).toEqual(['a'])
    expect(ids(listedArticles(corpus, { ...NO_ARTICLE_FILTER, coded: 'uncoded' }, null))).toEqual([
      'b',
      'e',
    ])
    expect(
      listedArticles(corpus, { ...NO_ARTICLE_FILTER, title: 'nothing like it' }, null),
    ).toEqual([])
  })

  it('lists the values an attribute takes, with counts, in order', () => {
    expect(attributeValues(corpus, 'outlet')).toEqual([
      { value: 'Le Monde', count: 2 },
      { value: 'Les Échos', count: 1 },
      { value: 'Libération', count: 1 },
    ])
    expect(attributeValues(corpus, 'author')).toEqual([])
  })
})

describe('the previous and next article', () => {
  const list = sortArticles(corpus, { key: 'title', descending: false })

  it('follows the list as it is shown, and stops at its ends', () => {
    expect(adjacentArticle(list, 'c', 1)?.id).toBe('b')
    expect(adjacentArticle(list, 'c', -1)?.id).toBe('d')
    expect(adjacentArticle(list, 'd', -1)).toBeNull()
    expect(adjacentArticle(list, 'e', 1)).toBeNull()
  })

  it('goes to the first or last shown from an article the filter hides', () => {
    const shown = list.filter((a) => a.id !== 'a')
    expect(adjacentArticle(shown, 'a', 1)?.id).toBe('d')
    expect(adjacentArticle(shown, 'a', -1)?.id).toBe('e')
    expect(adjacentArticle([], 'a', 1)).toBeNull()
  })
})
