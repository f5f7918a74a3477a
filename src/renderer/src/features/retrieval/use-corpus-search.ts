// Runs the corpus search in main as the analyst types:
// the first answer brings the first rows, then the search goes on in slices
// until every article has been read, the counts growing as it goes. A new
// query (or options, or a change in the list of articles) drops the search
// under way; a search main has forgotten runs again.
import { useEffect, useMemo, useState } from 'react'
import type { GlossError } from '@shared/api'
import type { CorpusSearchRow, CorpusSearchStatus } from '@shared/model/corpus-search'
import type { SearchOptions } from '@shared/model/search'
import type { RowSource } from './use-row-window'

export const FIRST_ROWS = 60
// Each first answer is bounded in time in main, so every keystroke may start one.
const SETTLE_MS = 0

export interface CorpusSearchState {
  /** The query the results are for ('' before any). */
  searched: string
  status: CorpusSearchStatus | null
  source: RowSource<CorpusSearchRow> | null
  error: GlossError | null
}

export function useCorpusSearch(
  sessionId: string,
  query: string,
  options: SearchOptions,
  /** Changes when articles are added or removed. */
  corpusVersion: unknown,
): CorpusSearchState {
  const [result, setResult] = useState<{
    searchId: string
    searched: string
    first: CorpusSearchRow[]
  } | null>(null)
  const [status, setStatus] = useState<CorpusSearchStatus | null>(null)
  const [error, setError] = useState<GlossError | null>(null)
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    let live = true
    const run = async () => {
      if (query.trim() === '') {
        setResult(null)
        setStatus(null)
        setError(null)
        return
      }
      const r = await window.gloss.searchCorpus(sessionId, query, options, FIRST_ROWS)
      if (!live) return
      if (!r.ok) return setError(r.error)
      setError(null)
      setResult({ searchId: r.value.searchId, searched: query, first: r.value.rows })
      let s = r.value.status
      setStatus(s)
      while (!s.done) {
        const next = await window.gloss.continueCorpusSearch(sessionId, r.value.searchId)
        if (!live) return
        if (!next.ok) return setError(next.error)
        s = next.value
        setStatus(s)
      }
    }
    const timer = setTimeout(() => void run(), SETTLE_MS)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [sessionId, query, options, corpusVersion, attempt])

  const source = useMemo<RowSource<CorpusSearchRow> | null>(
    () =>
      result && {
        first: result.first,
        fetch: (from, to) => window.gloss.corpusSearchRows(sessionId, result.searchId, from, to),
        onGone: () => setAttempt((a) => a + 1),
      },
    [result, sessionId],
  )
  return { searched: result?.searched ?? '', status, source, error }
}
