// "Bring coders' work back…" from the renderer's side: waits for pending
// edits to be saved, lets main ask for the coder copies (a multi-select
// dialog), shows that main is at work once it takes more than a moment,
// then turns what main brought back into ONE step of the session's history
// (main has applied it: the store records it without sending it again; undo
// sends its inverse) and keeps the report to show. Asked again while one
// runs, it does nothing.
import { useCallback, useRef, useState } from 'react'
import type { GlossError } from '@shared/api'
import type { BringBackResult } from '@shared/ipc/bring-back'
import type { SessionStore } from '@renderer/state/session-store'

/** How long main may work before the window says so. */
const QUIET_MS = 300

interface Options {
  store: SessionStore
  sessionId: string
  onError: (error: GlossError) => void
}

export interface BringBack {
  /** The files main is bringing back, once it takes a while. */
  working: string[] | null
  /** The last report, until the analyst closes it. */
  report: BringBackResult | null
  closeReport: () => void
  run: () => Promise<void>
}

export function useBringBack({ store, sessionId, onError }: Options): BringBack {
  const [working, setWorking] = useState<string[] | null>(null)
  const [report, setReport] = useState<BringBackResult | null>(null)
  const running = useRef(false)

  const run = useCallback(async () => {
    if (running.current) return
    running.current = true
    let timer: ReturnType<typeof setTimeout> | undefined
    try {
      await store.drained()
      const chosen = await window.gloss.chooseCoderCopies(sessionId)
      if (!chosen.ok) return onError(chosen.error)
      if (!chosen.value) return
      const { token, files } = chosen.value
      timer = setTimeout(() => setWorking(files), QUIET_MS)
      const r = await window.gloss.bringBackCoders(sessionId, token)
      if (!r.ok) return onError(r.error)
      if (r.value.forward.length) store.recordApplied(r.value.forward, r.value.backward)
      setReport(r.value)
    } catch (e) {
      onError({ code: 'internal', message: e instanceof Error ? e.message : String(e) })
    } finally {
      clearTimeout(timer)
      setWorking(null)
      running.current = false
    }
  }, [store, sessionId, onError])

  const closeReport = useCallback(() => setReport(null), [])
  return { working, report, closeReport, run }
}
