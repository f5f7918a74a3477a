import { describe, expect, it, vi } from 'vitest'
import { NO_ARTICLE_FILTER, type ArticleFilter } from '@shared/model/corpus-query'
import { ArticleFilterStore } from './article-filter-store'

const LE_MONDE: ArticleFilter = {
  ...NO_ARTICLE_FILTER,
  conditions: [{ attribute: 'outlet', kind: 'in', values: ['Le Monde'] }],
}

describe('ArticleFilterStore', () => {
  it('keeps the filter of one session, tells its listeners, and forgets it when cleared', () => {
    const store = new ArticleFilterStore()
    const heard = vi.fn()
    store.subscribe(heard)
    expect(store.get('s1')).toBe(NO_ARTICLE_FILTER)
    store.set('s1', LE_MONDE)
    expect(store.get('s1')).toBe(LE_MONDE)
    // Another session starts unfiltered.
    expect(store.get('s2')).toBe(NO_ARTICLE_FILTER)
    expect(heard).toHaveBeenCalledTimes(1)
    store.set('s1', LE_MONDE)
    expect(heard).toHaveBeenCalledTimes(1)
    store.clear()
    expect(store.get('s1')).toBe(NO_ARTICLE_FILTER)
    expect(heard).toHaveBeenCalledTimes(2)
  })
})
