// Action contexts for the Node tests of the actions (dispatch, registry):
// the overlays of a real OverlayStore and every session command a spy.
import { vi } from 'vitest'
import type { ActionContext, SessionCommands } from '@renderer/actions/types'
import { OverlayStore, type Overlay } from '@renderer/state/overlay-store'

/** Every session command as a spy; the moves, the note's focus and adding articles succeed. */
export function fakeCommands(): SessionCommands {
  return {
    undo: vi.fn(),
    redo: vi.fn(),
    applyTheme: vi.fn(),
    pickTheme: vi.fn(),
    deleteSelected: vi.fn(),
    movePassage: vi.fn(() => true),
    focusNote: vi.fn(() => true),
    showSearch: vi.fn(),
    stepSearch: vi.fn(),
    closeSearch: vi.fn(),
    clearPending: vi.fn(),
    clearSelection: vi.fn(),
    closeSession: vi.fn(),
    toggleArticles: vi.fn(),
    moveArticle: vi.fn(() => true),
    addArticles: vi.fn(() => true),
    pasteArticle: vi.fn(),
    saveCopy: vi.fn(),
    makeCoderCopies: vi.fn(),
    bringBack: vi.fn(),
  }
}

/** A new overlay store with the `open` overlays open, in that order. */
export function overlayStore(open: readonly Overlay[] = []): OverlayStore {
  const store = new OverlayStore()
  for (const o of open) store.open(o)
  return store
}

/**
 * The context of a session on `store`'s overlays as they are now: editable,
 * nothing pending or selected, no codebook, every command a spy; `change`
 * sets the rest.
 */
export function actionContext(
  store: OverlayStore,
  change: Partial<ActionContext> = {},
): ActionContext {
  return {
    readOnly: false,
    overlays: store.getSnapshot(),
    open: store.open,
    close: store.close,
    toggle: store.toggle,
    pending: false,
    selectedId: null,
    codebook: [],
    commands: fakeCommands(),
    ...change,
  }
}
