// What an action is (the analyst's commands as data) and what it sees when
// it runs. Types only.
import type { MenuCommand } from '@shared/api'
import type { Theme } from '@shared/model/schema'
import type { MessageKey } from '@renderer/i18n/messages-en'
import type { OverlayState, OverlayStore } from '@renderer/state/overlay-store'
import type { KeyBinding } from './key-binding'

/** What the session view does for its actions; each returns false when it found nothing to do. */
export interface SessionCommands {
  undo: () => void
  redo: () => void
  /** Tags the selected text with the theme, or toggles it on the selected passage. */
  applyTheme: (themeId: string) => void
  /** Opens the theme picker for the selected text or the selected passage. */
  pickTheme: () => void
  deleteSelected: () => void
  /** Selects the next (1) or previous (-1) passage of the list. */
  movePassage: (direction: 1 | -1) => boolean
  /** Puts the focus in the selected passage's note. */
  focusNote: () => boolean
  /** Opens the search bar (or focuses it), with the query selected. */
  showSearch: () => void
  stepSearch: (direction: 1 | -1) => void
  closeSearch: () => void
  clearPending: () => void
  clearSelection: () => void
  closeSession: () => void
  // The session's articles (features/articles).
  /** Shows or hides the articles panel. */
  toggleArticles: () => void
  /** Opens the next (1) or previous (-1) article of the panel's list (filtered, sorted). */
  moveArticle: (direction: 1 | -1) => boolean
  /** Asks for files to add to the session. */
  addArticles: () => boolean
  /** Opens "Paste as new article". */
  pasteArticle: () => void
  /** Saves the session as one file (to mail or carry). */
  saveCopy: () => void
  /** Opens "Make coder copies…" (or says why not, in a coder copy). */
  makeCoderCopies: () => void
  /** Brings coders' work back from their copies (features/bring-back). */
  bringBack: () => void
}

export interface ActionContext {
  readOnly: boolean
  /** The open overlays, as the store holds them now. */
  overlays: OverlayState
  open: OverlayStore['open']
  close: OverlayStore['close']
  toggle: OverlayStore['toggle']
  /** A text selection waits for a theme. */
  pending: boolean
  selectedId: string | null
  codebook: readonly Pick<Theme, 'id' | 'key'>[]
  commands: SessionCommands
}

/** Every command of the session view. */
export type ActionId =
  | 'undo'
  | 'redo'
  | 'export'
  | 'find'
  | 'find.next'
  | 'find.previous'
  | 'passage.next'
  | 'passage.previous'
  | `theme.${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9}`
  | 'theme.pick'
  | 'passage.note'
  | 'passage.delete'
  | 'escape'
  | 'shortcuts'
  | 'summary'
  | 'passages.view'
  | 'corpus.search'
  | 'codebook'
  | 'details'
  | 'session.close'
  | 'articles.toggle'
  | 'article.next'
  | 'article.previous'
  | 'articles.add'
  | 'articles.paste'
  | 'session.saveCopy'
  | 'session.coderCopies'
  | 'settings'
  | 'coders.bringBack'
  | 'agreement.view'

export interface Action {
  id: ActionId
  /** What the shortcuts dialog (or the menu) calls it. */
  label: MessageKey
  /** The header button's text and tooltip, for actions that have one. */
  button?: { label: MessageKey; title: MessageKey }
  keys: readonly KeyBinding[]
  /** The application menu's command that runs it. */
  menu?: MenuCommand
  /** Whether it can run now. */
  enabled: (ctx: ActionContext) => boolean
  /** Runs it; false when there was nothing to do (the key then keeps its default). */
  perform: (ctx: ActionContext) => boolean | void
  /** The key keeps its default even when the action ran (Escape also closes what the browser closes). */
  keepDefault?: boolean
}
