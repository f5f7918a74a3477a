// The corpus summary's numbers, asked of main (which holds every article)
// whenever what the view shows changes; the previous numbers stay on screen
// while the next ones come, and a late answer to an older question is
// dropped.
import { useEffect, useState } from 'react'
import type { CorpusSummaryRequest } from '@shared/ipc/methods'
import type { CorpusSummary } from '@shared/model/corpus-stats'
import { useI18n } from '@renderer/i18n/i18n'
import { useLatest } from '@renderer/lib/use-latest'

export interface CorpusSummaryState {
  summary: CorpusSummary | null
  loading: boolean
  error: string | null
}

export function useCorpusSummary(
  sessionId: string,
  request: CorpusSummaryRequest,
  /** Resolves once every edit is on disk, so that main counts what is shown. */
  drained: () => Promise<void>,
): CorpusSummaryState {
  const { errorText } = useI18n()
  const key = JSON.stringify(request)
  // The last answer and the question it answers: loading while that is not the current one.
  const [answer, setAnswer] = useState<{
    key: string | null
    summary: CorpusSummary | null
    error: string | null
  }>({ key: null, summary: null, error: null })
  // A new drained function (each render of the session) is no new question.
  const latestDrained = useLatest(drained)
  useEffect(() => {
    let live = true
    void (async () => {
      await latestDrained.current()
      const r = await window.gloss.corpusSummary(sessionId, JSON.parse(key) as CorpusSummaryRequest)
      if (!live) return
      setAnswer((a) =>
        r.ok
          ? { key, summary: r.value, error: null }
          : { key, summary: a.summary, error: errorText(r.error) },
      )
    })()
    return () => {
      live = false
    }
  }, [sessionId, key, latestDrained, errorText])
  return { summary: answer.summary, loading: answer.key !== key, error: answer.error }
}
