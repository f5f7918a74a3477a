// Retrieval across the corpus, answered in main because main holds every
// article (the renderer holds the open one): the Passages view's queries and
// the corpus search. Results stay here; the renderer asks for the rows it
// shows, a window at a time, so that no call carries more than a screenful.
// Per open session: the passages indexed for the current state (rebuilt
// when an edit gives a new state: states are never changed in place), the
// articles' folded texts (kept while their text is the same, folded in the
// background once retrieval is first used), the last few queries and the
// last searches. Never changes a session.
import { fail, ok } from '@shared/api'
import { CorpusSearch, FoldCache } from '@shared/model/corpus-search'
import type { CorpusState } from '@shared/model/corpus-edits'
import {
  indexPassages,
  passageRows,
  prepareTextFilter,
  runPassageQuery,
  type PassageIndex,
  type PassageQueryResult,
} from '@shared/model/passage-query'
import { DEFAULT_SEARCH_OPTIONS } from '@shared/model/search'
import { mainMessage } from '@shared/main-messages'
import type { OpenEntry } from '../sessions/registry'
import type { HandlerGroup } from './context'

/** Queries and searches kept per session (the renderer shows one of each). */
const KEPT = 4
/** A first search answer comes back once it has this long, or the rows asked for. */
const FIRST_SLICE_MS = 60
/** Each later slice of a search reads articles for this long. */
const SLICE_MS = 80
/** Background folding gives way to other work this often. */
const WARM_SLICE_MS = 8

class SessionRetrieval {
  readonly folds = new FoldCache()
  private indexed: { state: CorpusState; index: PassageIndex } | null = null
  private readonly queries = new Map<string, PassageQueryResult>()
  private readonly searches = new Map<string, CorpusSearch>()
  private ids = 0
  private warming = false

  constructor(private readonly entry: OpenEntry) {}

  /** The passages of the session as it is now. */
  index(): PassageIndex {
    const { state } = this.entry
    if (this.indexed?.state !== state) {
      this.indexed = { state, index: indexPassages(state) }
      this.folds.keepOnly(new Set(state.articles.keys()))
    }
    return this.indexed.index
  }

  /** Each article's text with the default folding (made now when the background has not yet). */
  foldedOf = (index: PassageIndex) => (a: number) => {
    const article = this.entry.state.articles.get(index.articles[a]!.id)
    return article && this.folds.get(article, DEFAULT_SEARCH_OPTIONS)
  }

  keepQuery(result: PassageQueryResult): string {
    return keep(this.queries, `q${++this.ids}`, result)
  }

  query(id: string): PassageQueryResult | undefined {
    return this.queries.get(id)
  }

  keepSearch(search: CorpusSearch): string {
    return keep(this.searches, `s${++this.ids}`, search)
  }

  search(id: string): CorpusSearch | undefined {
    return this.searches.get(id)
  }

  /**
   * Folds every article's text with the default options in the background,
   * a few milliseconds at a time, and its passages' quotes and notes, so
   * that the first text filter and the first search find them ready.
   */
  warm(): void {
    if (this.warming) return
    this.warming = true
    const ids = [...this.entry.state.articles.keys()]
    let next = 0
    const step = () => {
      const until = performance.now() + WARM_SLICE_MS
      while (next < ids.length && performance.now() < until) {
        const article = this.entry.state.articles.get(ids[next++]!)
        if (article)
          prepareTextFilter(article.passages, this.folds.get(article, DEFAULT_SEARCH_OPTIONS))
      }
      if (next < ids.length) setImmediate(step)
      else this.warming = false
    }
    setImmediate(step)
  }
}

function keep<T>(map: Map<string, T>, id: string, value: T): string {
  map.set(id, value)
  for (const old of map.keys()) if (map.size > KEPT) map.delete(old)
  return id
}

const sessions = new WeakMap<OpenEntry, SessionRetrieval>()

function retrievalOf(entry: OpenEntry): SessionRetrieval {
  let r = sessions.get(entry)
  if (!r) sessions.set(entry, (r = new SessionRetrieval(entry)))
  return r
}

const gone = () => fail('not-found', mainMessage('main.retrieval.gone'))

export const retrievalHandlers: HandlerGroup<
  'queryPassages' | 'passageRows' | 'searchCorpus' | 'continueCorpusSearch' | 'corpusSearchRows'
> = ({ sessions: registry }) => ({
  queryPassages: (sessionId, query, count) =>
    registry.withOpen(sessionId, (entry) => {
      const r = retrievalOf(entry)
      const index = r.index()
      const result = runPassageQuery(index, query, entry.state.meta, r.foldedOf(index))
      const queryId = r.keepQuery(result)
      r.warm()
      return Promise.resolve(
        ok({
          queryId,
          total: result.positions.length,
          articles: result.articles,
          rows: passageRows(result, 0, count),
        }),
      )
    }),
  passageRows: (sessionId, queryId, from, to) =>
    registry.withOpen(sessionId, (entry) => {
      const result = retrievalOf(entry).query(queryId)
      return Promise.resolve(result ? ok(passageRows(result, from, to)) : gone())
    }),
  searchCorpus: (sessionId, query, options, count) =>
    registry.withOpen(sessionId, (entry) => {
      const r = retrievalOf(entry)
      const search = new CorpusSearch(entry.state, query, options, r.folds)
      const searchId = r.keepSearch(search)
      // Enough matches to fill the first rows asked for, or what a first slice finds.
      const status = search.run({ matches: count, deadline: Date.now() + FIRST_SLICE_MS })
      r.warm()
      return Promise.resolve(ok({ searchId, status, rows: search.rows(0, count) }))
    }),
  continueCorpusSearch: (sessionId, searchId) =>
    registry.withOpen(sessionId, (entry) => {
      const search = retrievalOf(entry).search(searchId)
      return Promise.resolve(search ? ok(search.run({ deadline: Date.now() + SLICE_MS })) : gone())
    }),
  corpusSearchRows: (sessionId, searchId, from, to) =>
    registry.withOpen(sessionId, (entry) => {
      const search = retrievalOf(entry).search(searchId)
      return Promise.resolve(search ? ok(search.rows(from, to)) : gone())
    }),
})
