// What the retrieval views remember while a session is open, so that an
// analyst who opens a passage or a match and comes back (Ctrl/Cmd+Shift+P or
// +F again) finds the same filters, query and place in the list. Kept per
// session id, in memory only: nothing here is saved.
import { NO_ARTICLE_FILTER } from '@shared/model/corpus-query'
import { NO_FILTER } from '@shared/model/passage-filter'
import type { PassageQuery } from '@shared/model/passage-query'
import { DEFAULT_SEARCH_OPTIONS, type SearchOptions } from '@shared/model/search'

export interface PassagesMemory {
  query: PassageQuery
  /** The row last opened, if one was (null: none since the query changed). */
  opened: number | null
}

export interface SearchMemory {
  query: string
  options: SearchOptions
  opened: number | null
}

export const NO_PASSAGE_QUERY: PassageQuery = {
  passages: NO_FILTER,
  articles: NO_ARTICLE_FILTER,
  sort: 'list',
}

const passages = new Map<string, PassagesMemory>()
const searches = new Map<string, SearchMemory>()

export const recallPassages = (sessionId: string): PassagesMemory =>
  passages.get(sessionId) ?? { query: NO_PASSAGE_QUERY, opened: null }

export const rememberPassages = (sessionId: string, memory: PassagesMemory) =>
  void passages.set(sessionId, memory)

export const recallSearch = (sessionId: string): SearchMemory =>
  searches.get(sessionId) ?? { query: '', options: DEFAULT_SEARCH_OPTIONS, opened: null }

export const rememberSearch = (sessionId: string, memory: SearchMemory) =>
  void searches.set(sessionId, memory)

/** Forgets a session's views (it closed). */
export function forgetRetrieval(sessionId: string): void {
  passages.delete(sessionId)
  searches.delete(sessionId)
}
