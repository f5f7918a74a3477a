// Global keyboard shortcuts of the session view (listed for the analyst by the
// "?" overlay, features/shortcuts). Typing in a text field keeps its own keys
// (including its own undo), except Ctrl/Cmd+E, Ctrl/Cmd+F, F3 and Escape. An
// open dialog (the export chooser, the shortcuts overlay) keeps all its keys.
import { useEffect } from 'react'

export interface ShortcutActions {
  undo(): void
  redo(): void
  exportCsv(): void
  /** A theme key 1–9; returns true when it was used. */
  themeKey(key: string): boolean
  escape(): void
  deleteSelected(): boolean
  /** Ctrl/Cmd+F: open (or focus) the article search. */
  find(): boolean
  /** F3 / Shift+F3, Ctrl/Cmd+G / Ctrl/Cmd+Shift+G: next or previous match. */
  findNext(direction: 1 | -1): boolean
  /** J / K: select the next or previous passage of the list. */
  movePassage(direction: 1 | -1): boolean
  /** N: focus the note of the selected passage. */
  focusNote(): boolean
  /** ?: show the keyboard shortcuts. */
  showShortcuts(): boolean
}

export function isMac(): boolean {
  return navigator.platform.startsWith('Mac')
}

export function isMod(e: KeyboardEvent): boolean {
  return isMac() ? e.metaKey : e.ctrlKey
}

/** How the modifier of the shortcuts reads on this platform. */
export function modKeyLabel(): string {
  return isMac() ? '⌘' : 'Ctrl'
}

export function useShortcuts(actions: ShortcutActions): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null
      if (target?.closest?.('dialog')) return
      const typing = !!target?.closest?.('input, textarea, select, [contenteditable="true"]')
      const key = e.key.toLowerCase()
      const plain = !e.ctrlKey && !e.metaKey && !e.altKey
      let handled = false
      if (isMod(e) && !e.altKey && key === 'e') {
        actions.exportCsv()
        handled = true
      } else if (isMod(e) && !e.altKey && !e.shiftKey && key === 'f') {
        actions.find()
        handled = true
      } else if (e.key === 'F3' && plain) {
        handled = actions.findNext(e.shiftKey ? -1 : 1)
      } else if (isMod(e) && !e.altKey && key === 'g') {
        handled = actions.findNext(e.shiftKey ? -1 : 1)
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
      } else if (plain && /^[1-9]$/.test(e.key)) {
        handled = actions.themeKey(e.key)
      } else if (e.key === 'Delete' || e.key === 'Backspace') {
        handled = actions.deleteSelected()
      } else if (plain && (key === 'j' || key === 'k')) {
        handled = actions.movePassage(key === 'j' ? 1 : -1)
      } else if (plain && !e.shiftKey && key === 'n') {
        handled = actions.focusNote()
      } else if (plain && e.key === '?') {
        handled = actions.showShortcuts()
      }
      if (handled) e.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [actions])
}
