// Top level: the start screen, or the open session.
import { startTransition, useCallback, useEffect, useState } from 'react'
import type { GlossError, OpenedSession, Result } from '@shared/api'
import { StartScreen } from '@renderer/features/start'
import { SessionView } from '@renderer/features/session'

export function App() {
  const [opened, setOpened] = useState<OpenedSession | null>(null)
  const [error, setError] = useState<GlossError | null>(null)
  const [busy, setBusy] = useState(false)
  // Until we know whether a session reopens, show nothing rather than flash the start screen.
  const [booting, setBooting] = useState(true)

  const open = useCallback(async (call: () => Promise<Result<OpenedSession | null>>) => {
    setBusy(true)
    setError(null)
    try {
      const r = await call()
      if (!r.ok) setError(r.error)
      // A large session renders in slices, so the window never freezes on open.
      else if (r.value) startTransition(() => setOpened(r.value))
    } catch (e) {
      setError({ code: 'internal', message: e instanceof Error ? e.message : String(e) })
    } finally {
      setBusy(false)
    }
  }, [])

  // Reopen the session that was open when Gloss quit, unless the analyst turned that off.
  useEffect(() => {
    let live = true
    void (async () => {
      const r = await window.gloss.getSettings().catch(() => null)
      const id = r?.ok && r.value.reopenLast ? r.value.openSessionId : null
      if (live && id) await open(() => window.gloss.openRecent(id))
      if (live) setBooting(false)
    })()
    return () => {
      live = false
    }
  }, [open])

  // Articles found unreadable after the session opened: it is read-only from now on.
  useEffect(
    () =>
      window.gloss.onSessionProblems((event) =>
        setOpened((current) =>
          current && current.session.id === event.sessionId
            ? {
                ...current,
                problems: event.problems,
                readOnlyReason: event.readOnlyReason,
                readOnlyReasonRef: event.readOnlyReasonRef,
              }
            : current,
        ),
      ),
    [],
  )

  const close = useCallback(() => {
    if (opened) void window.gloss.closeSession(opened.session.id)
    setOpened(null)
  }, [opened])

  if (opened) return <SessionView key={opened.session.id} opened={opened} onClose={close} />
  if (booting) return null
  return (
    <StartScreen
      onOpen={(call) => void open(call)}
      busy={busy}
      error={error}
      onDismissError={() => setError(null)}
    />
  )
}
