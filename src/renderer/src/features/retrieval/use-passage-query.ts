// Runs the Passages view's query in main whenever it or the corpus changes
// (after the edits made so far are in main), typing in the text box settling
// first; keeps the latest answer and the source of its rows. A late answer
// to an older query is dropped; a result main has forgotten runs again.
import { useEffect, useMemo, useState } from 'react'
import type { GlossError } from '@shared/api'
import type { PassageQuery, PassageQueryPage, PassageRow } from '@shared/model/passage-query'
import type { RowSource } from './use-row-window'

/** Rows the first answer carries: a screenful and then some. */
export const FIRST_ROWS = 60
/** Typing settles for this long before the query runs. */
const SETTLE_MS = 80

export interface PassageQueryState {
  page: PassageQueryPage | null
  source: RowSource<PassageRow> | null
  error: GlossError | null
}

export function usePassageQuery(
  sessionId: string,
  query: PassageQuery,
  /** Values that change whenever the corpus may have changed (an edit, an undo): compared one by one. */
  corpus: readonly [unknown, unknown],
  drained: () => Promise<void>,
): PassageQueryState {
  const [page, setPage] = useState<PassageQueryPage | null>(null)
  const [error, setError] = useState<GlossError | null>(null)
  const [attempt, setAttempt] = useState(0)
  const text = query.passages.text
  const [a, b] = corpus

  useEffect(() => {
    let live = true
    const run = async () => {
      await drained()
      if (!live) return
      const r = await window.gloss.queryPassages(sessionId, query, FIRST_ROWS)
      if (!live) return
      if (r.ok) {
        setPage(r.value)
        setError(null)
      } else setError(r.error)
    }
    // The first run and filter clicks go at once; typing waits to settle.
    const timer = setTimeout(() => void run(), text.trim() === '' ? 0 : SETTLE_MS)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [sessionId, query, text, a, b, drained, attempt])

  const source = useMemo<RowSource<PassageRow> | null>(
    () =>
      page && {
        first: page.rows,
        fetch: (from, to) => window.gloss.passageRows(sessionId, page.queryId, from, to),
        onGone: () => setAttempt((a) => a + 1),
      },
    [page, sessionId],
  )
  return { page, source, error }
}
