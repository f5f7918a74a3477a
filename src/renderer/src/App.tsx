// Top level: the start screen, or the open session.
import { startTransition, useCallback, useState } from 'react'
import type { GlossError, OpenedSession, Result } from '../../shared/api'
import { StartScreen } from './features/start/StartScreen'
import { SessionView } from './features/session/SessionView'

export function App() {
  const [opened, setOpened] = useState<OpenedSession | null>(null)
  const [error, setError] = useState<GlossError | null>(null)
  const [busy, setBusy] = useState(false)

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

  const close = useCallback(() => {
    if (opened) void window.gloss.closeSession(opened.session.id)
    setOpened(null)
  }, [opened])

  if (opened) return <SessionView key={opened.session.id} opened={opened} onClose={close} />
  return (
    <StartScreen onOpen={open} busy={busy} error={error} onDismissError={() => setError(null)} />
  )
}
