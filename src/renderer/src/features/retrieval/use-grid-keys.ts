// Keyboard for a virtualized list of results (the Passages table, the search
// results): one tab stop, the focused row; ↓/↑, Page Down/Up, Home/End move
// it (scrolling the row into view first, then focusing it once rendered);
// Enter or Space opens the focused row. Rows carry data-row="<index>".
import { useCallback, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react'

export interface GridKeys {
  /** The row that is the tab stop. */
  active: number
  setActive: (row: number) => void
  onKeyDown: (e: KeyboardEvent) => void
}

export function useGridKeys(options: {
  count: number
  /** Rows in a page (Page Down/Up). */
  page: number
  scrollTo: (row: number) => void
  container: React.RefObject<HTMLElement | null>
  onOpen: (row: number) => void
  initial?: number
}): GridKeys {
  const { count, page, scrollTo, container, onOpen } = options
  const [active, setActiveState] = useState(options.initial ?? 0)
  const focusWanted = useRef<number | null>(null)
  const clamped = Math.max(0, Math.min(active, count - 1))

  const setActive = useCallback((row: number) => setActiveState(row), [])

  const move = (to: number) => {
    const row = Math.max(0, Math.min(count - 1, to))
    setActiveState(row)
    focusWanted.current = row
    scrollTo(row)
  }

  // Focus the wanted row once it is rendered (after the scroll brings it in).
  useLayoutEffect(() => {
    const row = focusWanted.current
    if (row === null) return
    const el = container.current?.querySelector<HTMLElement>(`[data-row="${row}"]`)
    if (el) {
      focusWanted.current = null
      if (document.activeElement !== el) el.focus()
    }
  })

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || count === 0) return
    const el = (e.target as HTMLElement).closest<HTMLElement>('[data-row]')
    const at = el ? Number(el.dataset.row) : clamped
    let to: number | null = null
    if (e.key === 'ArrowDown') to = at + 1
    else if (e.key === 'ArrowUp') to = at - 1
    else if (e.key === 'PageDown') to = at + page
    else if (e.key === 'PageUp') to = at - page
    else if (e.key === 'Home') to = 0
    else if (e.key === 'End') to = count - 1
    else if ((e.key === 'Enter' || e.key === ' ') && el && !e.shiftKey) {
      e.preventDefault()
      onOpen(at)
      return
    }
    if (to === null || e.shiftKey) return
    e.preventDefault()
    move(to)
  }

  return { active: clamped, setActive, onKeyDown }
}
