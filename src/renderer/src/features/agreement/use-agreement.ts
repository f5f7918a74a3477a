// Asking main for the agreement figures: one computation at a time, its
// progress (onAgreementProgress) while it runs, Cancel, and the figures with
// the request they answer. A late answer to an older request is dropped; a
// computation replaced or cancelled answers null and leaves the last figures.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { AgreementProgress } from '@shared/api'
import type { AgreementReport } from '@shared/agreement/report'
import type { AgreementRequestArg as AgreementRequest } from '@shared/ipc/methods'
import { useI18n } from '@renderer/i18n/i18n'

export interface AgreementState {
  report: AgreementReport | null
  /** The request the report answers. */
  answered: AgreementRequest | null
  running: boolean
  progress: AgreementProgress | null
  cancelled: boolean
  error: string | null
}

const IDLE: AgreementState = {
  report: null,
  answered: null,
  running: false,
  progress: null,
  cancelled: false,
  error: null,
}

export function useAgreement(sessionId: string, drained: () => Promise<void>) {
  const { errorText } = useI18n()
  const [state, setState] = useState<AgreementState>(IDLE)
  const asked = useRef(0)

  useEffect(
    () =>
      window.gloss.onAgreementProgress((p) => {
        if (p.sessionId === sessionId) setState((s) => (s.running ? { ...s, progress: p } : s))
      }),
    [sessionId],
  )
  // Leaving the view stops what it asked for.
  useEffect(
    () => () => {
      if (asked.current > 0) void window.gloss.cancelAgreement(sessionId)
    },
    [sessionId],
  )

  const compute = useCallback(
    async (request: AgreementRequest) => {
      const mine = ++asked.current
      setState((s) => ({ ...s, running: true, progress: null, cancelled: false, error: null }))
      await drained()
      const r = await window.gloss.agreement(sessionId, request)
      if (mine !== asked.current) return
      setState((s) =>
        !r.ok
          ? { ...s, running: false, error: errorText(r.error) }
          : r.value
            ? { ...IDLE, report: r.value, answered: request }
            : { ...s, running: false, cancelled: true },
      )
    },
    [sessionId, drained, errorText],
  )

  const cancel = useCallback(() => {
    void window.gloss.cancelAgreement(sessionId)
  }, [sessionId])

  return { ...state, compute, cancel }
}
