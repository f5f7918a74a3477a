// The article filter the analyst has set for the open session: ONE value,
// shared by whoever sets it (the articles panel, the summary's filter bar)
// and whoever reads it (the summary's and the exports' "filtered articles"
// scope). Kept for one session id, so that another session starts
// unfiltered; cleared when the session view closes.
// It never renders and never touches the DOM.
import { useCallback, useSyncExternalStore } from 'react'
import { NO_ARTICLE_FILTER, type ArticleFilter } from '@shared/model/corpus-query'

export class ArticleFilterStore {
  private sessionId: string | null = null
  private filter: ArticleFilter = NO_ARTICLE_FILTER
  private listeners = new Set<() => void>()

  subscribe = (listener: () => void) => {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }

  /** The filter of `sessionId`: none for a session that has not set one. */
  get(sessionId: string): ArticleFilter {
    return sessionId === this.sessionId ? this.filter : NO_ARTICLE_FILTER
  }

  /** Forgets the filter (the session closed). */
  clear() {
    this.set('', NO_ARTICLE_FILTER)
  }

  set(sessionId: string, filter: ArticleFilter) {
    if (sessionId === this.sessionId && filter === this.filter) return
    this.sessionId = sessionId
    this.filter = filter
    for (const listener of this.listeners) listener()
  }
}

/** The renderer's one article filter store (one window, one open session). */
export const articleFilters = new ArticleFilterStore()

/** The session's article filter and its setter; re-renders when it changes. */
export function useArticleFilter(sessionId: string): [ArticleFilter, (f: ArticleFilter) => void] {
  const filter = useSyncExternalStore(articleFilters.subscribe, () => articleFilters.get(sessionId))
  const set = useCallback((f: ArticleFilter) => articleFilters.set(sessionId, f), [sessionId])
  return [filter, set]
}
