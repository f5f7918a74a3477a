// Global keyboard shortcuts of the session view. Typing in a text field keeps
// its own keys (including its own undo), except Ctrl/Cmd+E and Escape.
import { useEffect } from 'react'

export interface ShortcutActions {
  undo(): void
  redo(): void
  exportCsv(): void
  /** A theme key 1–9; returns true when it was used. */
  themeKey(key: string): boolean
  escape(): void
  deleteSelected(): boolean
}

export function isMod(e: KeyboardEvent): boolean {
  return navigator.platform.startsWith('Mac') ? e.metaKey : e.ctrlKey
}

export function useShortcuts(actions: ShortcutActions): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null
      const typing = !!target?.closest('input, textarea, select, [contenteditable="true"]')
      const key = e.key.toLowerCase()
      let handled = false
      if (isMod(e) && !e.altKey && key === 'e') {
        actions.exportCsv()
        handled = true
      } else if (e.key === 'Escape') {
        actions.escape()
      } else if (typing) {
        return
      } else if (isMod(e) && key === 'z') {
        if (e.shiftKey) actions.redo()
        else actions.undo()
        handled = true
      } else if (isMod(e) && key === 'y') {
        actions.redo()
        handled = true
      } else if (!isMod(e) && !e.altKey && /^[1-9]$/.test(e.key)) {
        handled = actions.themeKey(e.key)
      } else if (e.key === 'Delete' || e.key === 'Backspace') {
        handled = actions.deleteSelected()
      }
      if (handled) e.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [actions])
}
