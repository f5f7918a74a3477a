// Which panels and dialogs are open over the session (or the start screen):
// ONE value, the open overlays from the bottom to the top, each with the key
// of its opening. A dialog can open over the summary or over the search bar
// and close back to it, so the value is an ordered list rather than a single
// name; "what is in front" and "is a dialog in the way" are selectors of it.
//
// Every opening gets a fresh key: a dialog closed and reopened in one batch
// (Cancel, then Ctrl+E before React renders) mounts anew instead of staying
// the closed one (see use-modal.ts). The store is synchronous, so a key
// pressed right after a dialog reported its closing already sees it closed.
// It never renders and never touches the DOM.

export type Overlay =
  | 'summary'
  | 'codebook'
  | 'shortcuts'
  | 'settings'
  | 'export'
  | 'search'
  /** The theme picker (features/codebook/ThemePicker.tsx). */
  | 'picker'
  // Adding and removing articles (features/articles).
  | 'pasteArticle'
  | 'removeArticle'
  | 'addReport'
  /** The columns of a table of articles (CSV, Excel) found among the files added. */
  | 'tableMapping'
  // features/attributes: the article details panel, and "Set attribute…" for many articles
  | 'details'
  | 'bulkAttributes'
  // Retrieval across the corpus: the Passages view and the corpus search.
  | 'passages'
  | 'corpusSearch'
  // Coders (features/coders): "Make coder copies…" and its report.
  | 'coderCopies'
  | 'coderCopiesReport'
  /** Inter-coder agreement (features/agreement). */
  | 'agreement'

export interface OpenOverlay {
  readonly name: Overlay
  /** Different for every opening (never 0). */
  readonly key: number
}

/** The open overlays, the one in front last. */
export type OverlayState = readonly OpenOverlay[]

/** Modal dialogs: while one is open, it takes the keyboard and the session keys stay off. */
export const DIALOGS: readonly Overlay[] = [
  'codebook',
  'shortcuts',
  'settings',
  'export',
  'picker',
  'pasteArticle',
  'removeArticle',
  'addReport',
  'tableMapping',
  'details',
  'bulkAttributes',
  'coderCopies',
  'coderCopiesReport',
]

/** Dialogs whose changes the session's undo and redo keys still undo and redo. */
export const UNDOABLE_DIALOGS: readonly Overlay[] = ['codebook', 'details', 'bulkAttributes']

/** Views shown in place of the article and its sidebar: one at a time. */
export const VIEWS: readonly Overlay[] = ['summary', 'passages', 'corpusSearch', 'agreement']

export class OverlayStore {
  private state: OverlayState = []
  private openings = 0
  private listeners = new Set<() => void>()

  subscribe = (listener: () => void) => {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }

  getSnapshot = (): OverlayState => this.state

  /** Opens `name` in front; an overlay already open stays as it is. */
  open = (name: Overlay) => {
    if (isOpen(this.state, name)) return
    this.set([...this.state, { name, key: ++this.openings }])
  }

  /** Closes `name`; with `key`, only that opening of it (a late report of an older one is ignored). */
  close = (name: Overlay, key?: number) => {
    const next = this.state.filter((o) => o.name !== name || (key !== undefined && o.key !== key))
    if (next.length !== this.state.length) this.set(next)
  }

  toggle = (name: Overlay) => {
    if (isOpen(this.state, name)) this.close(name)
    else this.open(name)
  }

  closeAll = () => {
    if (this.state.length) this.set([])
  }

  private set(state: OverlayState) {
    this.state = state
    for (const listener of this.listeners) listener()
  }
}

export function isOpen(state: OverlayState, name: Overlay): boolean {
  return state.some((o) => o.name === name)
}

/** The key of the current opening of `name`, 0 when it is closed. */
export function openingKey(state: OverlayState, name: Overlay): number {
  return state.find((o) => o.name === name)?.key ?? 0
}

/** The view shown in place of the article, if any. */
export function openView(state: OverlayState): Overlay | null {
  return state.findLast((o) => VIEWS.includes(o.name))?.name ?? null
}

/** The overlay in front, if any. */
export function front(state: OverlayState): Overlay | null {
  return state.at(-1)?.name ?? null
}

/** A modal dialog other than those in `except` is open. */
export function dialogInTheWay(state: OverlayState, except: readonly Overlay[] = []): boolean {
  return state.some((o) => DIALOGS.includes(o.name) && !except.includes(o.name))
}

/** The renderer's one overlay store (one window, one set of overlays). */
export const overlays = new OverlayStore()
