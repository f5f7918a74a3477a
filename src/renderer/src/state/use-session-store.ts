import { useEffect, useState, useSyncExternalStore } from 'react'
import type { Session } from '@shared/model/schema'
import { SessionStore, type SessionSnapshot, type StoreInit } from './session-store'

/** One SessionStore for the lifetime of the component, and its snapshot. */
export function useSessionStore(initial: Session | StoreInit): [SessionStore, SessionSnapshot] {
  const [store] = useState(() => new SessionStore(initial, window.gloss))
  useEffect(() => () => store.dispose(), [store])
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot)
  return [store, snapshot]
}
