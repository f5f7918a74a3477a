// Which coders' passages the analyst has hidden, per session: ONE value per
// session id, shared by the Coders control that sets it and everything that
// reads it (the article, the passage list, the exports' "filtered" scope).
// Kept in memory for as long as Gloss runs, so that a session closed and
// opened again shows the same coders; never written to the session (a
// coder copy or another analyst opening the session starts with every
// coder shown). Hidden rather than shown: a coder that appears later (a
// copy brought back) is shown.
// It never renders and never touches the DOM.
import { useCallback, useSyncExternalStore } from 'react'

const NONE: ReadonlySet<string> = new Set()

export class HiddenCodersStore {
  private readonly hidden = new Map<string, ReadonlySet<string>>()
  private readonly listeners = new Set<() => void>()

  subscribe = (listener: () => void) => {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }

  /** The coders hidden in `sessionId` (none for a session that has hidden none). */
  get(sessionId: string): ReadonlySet<string> {
    return this.hidden.get(sessionId) ?? NONE
  }

  set(sessionId: string, hidden: ReadonlySet<string>) {
    const before = this.get(sessionId)
    if (before.size === hidden.size && [...hidden].every((c) => before.has(c))) return
    if (hidden.size === 0) this.hidden.delete(sessionId)
    else this.hidden.set(sessionId, new Set(hidden))
    for (const listener of this.listeners) listener()
  }

  /** Shows `coder` again (no change when it is shown). */
  show(sessionId: string, coder: string) {
    const before = this.get(sessionId)
    if (!before.has(coder)) return
    this.set(sessionId, new Set([...before].filter((c) => c !== coder)))
  }
}

/** The renderer's one store of hidden coders (one window). */
export const hiddenCoders = new HiddenCodersStore()

/** The session's hidden coders and their setter; re-renders when they change. */
export function useHiddenCoders(
  sessionId: string,
): [ReadonlySet<string>, (hidden: ReadonlySet<string>) => void] {
  const hidden = useSyncExternalStore(hiddenCoders.subscribe, () => hiddenCoders.get(sessionId))
  const set = useCallback((h: ReadonlySet<string>) => hiddenCoders.set(sessionId, h), [sessionId])
  return [hidden, set]
}
