// The dispatcher: the one place where keys and the application menu's
// commands become actions, and the `run` the header buttons call. The
// context is read when a key arrives: the overlays straight from their store
// (a dialog that has just reported its closing is closed), the rest from the
// last render.
import { useCallback, useEffect, useLayoutEffect, useRef } from 'react'
import { overlays } from '@renderer/state/overlay-store'
import { actionForKey, actionForMenu, runAction } from './dispatch'
import { ACTIONS, actionById } from './registry'
import type { ActionContext, ActionId } from './types'

export type SessionState = Omit<ActionContext, 'overlays' | 'open' | 'close' | 'toggle'>

/** The context an action sees now: the session's state of the last render, the overlays of this moment. */
const contextOf = (state: SessionState): ActionContext => ({
  ...state,
  overlays: overlays.getSnapshot(),
  open: overlays.open,
  close: overlays.close,
  toggle: overlays.toggle,
})

export function useActions(state: SessionState): (id: ActionId) => boolean {
  // The latest render's state, for listeners set up once (as use-latest.ts, in a ref of this hook).
  const latest = useRef(state)
  useLayoutEffect(() => {
    latest.current = state
  })

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const ctx = contextOf(latest.current)
      const action = actionForKey(ACTIONS, e, ctx)
      if (action && runAction(action, ctx) && !action.keepDefault) e.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    const stopMenu = window.gloss.onMenuCommand((command) => {
      const action = actionForMenu(ACTIONS, command)
      if (action) runAction(action, contextOf(latest.current))
    })
    return () => {
      window.removeEventListener('keydown', onKey)
      stopMenu()
    }
  }, [])

  return useCallback((id: ActionId) => runAction(actionById(id), contextOf(latest.current)), [])
}
