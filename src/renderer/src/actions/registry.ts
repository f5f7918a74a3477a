// The analyst's commands in the session view, ONE list: keys, the
// application menu, the header buttons and the shortcuts dialog all read it,
// so they cannot disagree. Each action says when it can run (its predicate)
// and what it does through the session's commands; none holds state.
import {
  isOpen,
  openView,
  UNDOABLE_DIALOGS,
  VIEWS,
  type Overlay,
} from '@renderer/state/overlay-store'
import type { KeyBinding } from './key-binding'
import { articleInReach, editable, noDialog } from './predicates'
import type { Action, ActionContext, ActionId } from './types'

/** A theme key: tags the selected text, or toggles the theme on the selected passage. */
function themeAction(n: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9): Action {
  const key = String(n)
  const theme = (ctx: ActionContext) => ctx.codebook.find((th) => th.key === key)
  return {
    id: `theme.${n}`,
    label: 'shortcuts.themes',
    // Shift stays allowed: AZERTY keyboards type digits with it.
    keys: [{ key, shift: 'any' }],
    enabled: (ctx) =>
      articleInReach(ctx) &&
      editable(ctx) &&
      (ctx.pending || ctx.selectedId !== null) &&
      !!theme(ctx),
    perform: (ctx) => ctx.commands.applyTheme(theme(ctx)!.id),
  }
}

const findKeys = (shift: boolean): KeyBinding[] => [
  { key: 'F3', shift, except: 'anywhere' },
  { key: 'g', mod: true, shift, except: 'anywhere', unlisted: true },
]

const stepSearch = (ctx: ActionContext, direction: 1 | -1) => {
  if (isOpen(ctx.overlays, 'search')) ctx.commands.stepSearch(direction)
  else ctx.commands.showSearch()
}

/** Shows a view in place of the article (closing any other view), or closes it when it is shown. */
const toggleView = (ctx: ActionContext, view: Overlay) => {
  if (isOpen(ctx.overlays, view)) return ctx.close(view)
  for (const other of VIEWS) if (other !== view) ctx.close(other)
  ctx.open(view)
}

/** Shows a view in place of the article, closing any other view; stays when it is shown. */
const showView = (ctx: ActionContext, view: Overlay) => {
  for (const other of VIEWS) if (other !== view) ctx.close(other)
  ctx.open(view)
}

const ACTION_LIST: Action[] = [
  {
    id: 'undo',
    label: 'shortcuts.undo',
    button: { label: 'session.undo', title: 'session.undoTitle' },
    keys: [{ key: 'z', mod: true, except: 'text' }],
    menu: 'undo',
    // The codebook's and the article details' changes are undone from their panels too.
    enabled: (ctx) => editable(ctx) && noDialog(ctx, UNDOABLE_DIALOGS),
    perform: (ctx) => ctx.commands.undo(),
  },
  {
    id: 'redo',
    label: 'shortcuts.redo',
    button: { label: 'session.redo', title: 'session.redoTitle' },
    keys: [
      { key: 'z', mod: true, shift: true, except: 'text' },
      { key: 'y', mod: true, except: 'text' },
    ],
    menu: 'redo',
    enabled: (ctx) => editable(ctx) && noDialog(ctx, UNDOABLE_DIALOGS),
    perform: (ctx) => ctx.commands.redo(),
  },
  {
    id: 'export',
    label: 'shortcuts.export',
    button: { label: 'session.export', title: 'session.exportTitle' },
    keys: [{ key: 'e', mod: true, shift: 'any', except: 'anywhere' }],
    menu: 'export-csv',
    enabled: (ctx) => noDialog(ctx),
    perform: (ctx) => ctx.open('export'),
  },
  {
    id: 'find',
    label: 'shortcuts.find',
    keys: [{ key: 'f', mod: true, except: 'anywhere' }],
    enabled: articleInReach,
    perform: (ctx) => ctx.commands.showSearch(),
  },
  {
    id: 'find.next',
    label: 'shortcuts.findNext',
    keys: findKeys(false),
    enabled: articleInReach,
    perform: (ctx) => stepSearch(ctx, 1),
  },
  {
    id: 'find.previous',
    label: 'shortcuts.findNext',
    keys: findKeys(true),
    enabled: articleInReach,
    perform: (ctx) => stepSearch(ctx, -1),
  },
  {
    id: 'passage.next',
    label: 'shortcuts.nextPassage',
    keys: [{ key: 'j', shift: 'any' }],
    enabled: articleInReach,
    perform: (ctx) => ctx.commands.movePassage(1),
  },
  {
    id: 'passage.previous',
    label: 'shortcuts.nextPassage',
    keys: [{ key: 'k', shift: 'any' }],
    enabled: articleInReach,
    perform: (ctx) => ctx.commands.movePassage(-1),
  },
  ...([1, 2, 3, 4, 5, 6, 7, 8, 9] as const).map(themeAction),
  {
    id: 'theme.pick',
    label: 'shortcuts.pickTheme',
    keys: [{ key: 't' }],
    enabled: (ctx) =>
      articleInReach(ctx) && editable(ctx) && (ctx.pending || ctx.selectedId !== null),
    perform: (ctx) => ctx.commands.pickTheme(),
  },
  {
    id: 'passage.note',
    label: 'shortcuts.note',
    keys: [{ key: 'n' }],
    enabled: (ctx) => articleInReach(ctx) && ctx.selectedId !== null,
    perform: (ctx) => ctx.commands.focusNote(),
  },
  {
    id: 'passage.delete',
    label: 'shortcuts.delete',
    keys: [
      { key: 'Delete', mod: 'any', shift: 'any' },
      { key: 'Backspace', mod: 'any', shift: 'any' },
    ],
    enabled: (ctx) =>
      articleInReach(ctx) && editable(ctx) && ctx.selectedId !== null && !ctx.pending,
    perform: (ctx) => ctx.commands.deleteSelected(),
  },
  {
    id: 'escape',
    label: 'shortcuts.escape',
    keys: [{ key: 'Escape', mod: 'any', shift: 'any', except: 'anywhere' }],
    // An open dialog closes itself on Escape.
    enabled: (ctx) => noDialog(ctx),
    perform: (ctx) => {
      const view = openView(ctx.overlays)
      if (view) ctx.close(view)
      else if (ctx.pending) ctx.commands.clearPending()
      else if (isOpen(ctx.overlays, 'search')) ctx.commands.closeSearch()
      else ctx.commands.clearSelection()
    },
    keepDefault: true,
  },
  {
    id: 'shortcuts',
    label: 'shortcuts.help',
    keys: [{ key: '?', shift: 'any' }],
    enabled: (ctx) => noDialog(ctx),
    perform: (ctx) => ctx.open('shortcuts'),
  },
  {
    id: 'summary',
    label: 'session.summary',
    keys: [],
    enabled: (ctx) => noDialog(ctx),
    perform: (ctx) => toggleView(ctx, 'summary'),
  },
  // Retrieval across the corpus: every passage of the session, and a search of every article.
  {
    id: 'passages.view',
    label: 'shortcuts.passagesView',
    button: { label: 'retrieval.passages.button', title: 'retrieval.passages.buttonTitle' },
    keys: [{ key: 'p', mod: true, shift: true, except: 'anywhere' }],
    enabled: (ctx) => noDialog(ctx),
    perform: (ctx) => toggleView(ctx, 'passages'),
  },
  {
    id: 'corpus.search',
    label: 'shortcuts.corpusSearch',
    button: { label: 'retrieval.search.button', title: 'retrieval.search.buttonTitle' },
    keys: [{ key: 'f', mod: true, shift: true, except: 'anywhere' }],
    enabled: (ctx) => noDialog(ctx),
    perform: (ctx) => showView(ctx, 'corpusSearch'),
  },
  {
    id: 'codebook',
    label: 'codebook.button',
    button: { label: 'codebook.button', title: 'codebook.button.title' },
    keys: [],
    enabled: (ctx) => noDialog(ctx),
    perform: (ctx) => ctx.open('codebook'),
  },
  // The session's articles: the panel, moving through its list, adding.
  {
    id: 'articles.toggle',
    label: 'articles.shortcut.toggle',
    keys: [{ key: 'a', mod: true, shift: true, except: 'text' }],
    enabled: (ctx) => noDialog(ctx),
    perform: (ctx) => ctx.commands.toggleArticles(),
  },
  {
    id: 'article.next',
    label: 'articles.shortcut.next',
    keys: [
      { key: ']', mod: true, shift: 'any', except: 'text' },
      { key: 'ArrowRight', alt: true },
    ],
    enabled: articleInReach,
    perform: (ctx) => ctx.commands.moveArticle(1),
  },
  {
    id: 'article.previous',
    label: 'articles.shortcut.next',
    keys: [
      { key: '[', mod: true, shift: 'any', except: 'text' },
      { key: 'ArrowLeft', alt: true },
    ],
    enabled: articleInReach,
    perform: (ctx) => ctx.commands.moveArticle(-1),
  },
  {
    id: 'articles.add',
    label: 'articles.shortcut.add',
    button: { label: 'articles.add', title: 'articles.addTitle' },
    keys: [{ key: 'o', mod: true, shift: true, except: 'anywhere' }],
    menu: 'add-articles',
    enabled: (ctx) => editable(ctx) && noDialog(ctx),
    perform: (ctx) => ctx.commands.addArticles(),
  },
  {
    id: 'articles.paste',
    label: 'articles.shortcut.paste',
    // In a text field the key stays the field's own (paste as plain text).
    keys: [{ key: 'v', mod: true, shift: true, except: 'text' }],
    menu: 'paste-article',
    enabled: (ctx) => editable(ctx) && noDialog(ctx),
    perform: (ctx) => ctx.commands.pasteArticle(),
  },
  {
    id: 'details',
    label: 'shortcuts.details',
    button: { label: 'attributes.button', title: 'attributes.button.title' },
    keys: [{ key: 'i', mod: true, except: 'anywhere' }],
    enabled: (ctx) => noDialog(ctx),
    perform: (ctx) => ctx.open('details'),
  },
  {
    id: 'session.saveCopy',
    label: 'portable.saveCopyAction',
    button: { label: 'portable.saveCopy', title: 'portable.saveCopyTitle' },
    keys: [],
    menu: 'save-copy',
    // A read-only session can be copied too (e.g. one another Gloss holds).
    enabled: (ctx) => noDialog(ctx),
    perform: (ctx) => ctx.commands.saveCopy(),
  },
  {
    id: 'session.close',
    label: 'session.back',
    keys: [],
    menu: 'close-session',
    // Leaving is always possible, dialogs or not (File › Close session).
    enabled: () => true,
    perform: (ctx) => ctx.commands.closeSession(),
  },
  // Coders: one copy of the session per coder (File menu only: the header is full), and Settings
  // (the coder name) over the session.
  {
    id: 'session.coderCopies',
    label: 'coders.makeCopiesAction',
    keys: [],
    menu: 'coder-copies',
    // Making copies writes nothing of the session: a read-only one can be copied too.
    enabled: (ctx) => noDialog(ctx),
    perform: (ctx) => ctx.commands.makeCoderCopies(),
  },
  {
    id: 'settings',
    label: 'settings.title',
    keys: [],
    menu: 'settings',
    enabled: (ctx) => noDialog(ctx),
    perform: (ctx) => ctx.open('settings'),
  },
  {
    id: 'coders.bringBack',
    label: 'bringBack.action',
    keys: [],
    menu: 'bring-back-coders',
    enabled: (ctx) => editable(ctx) && noDialog(ctx),
    perform: (ctx) => ctx.commands.bringBack(),
  },
  // Inter-coder agreement (features/agreement): a view in place of the article.
  {
    id: 'agreement.view',
    label: 'agreement.action',
    button: { label: 'agreement.button', title: 'agreement.buttonTitle' },
    keys: [{ key: 'k', mod: true, shift: true, except: 'anywhere' }],
    menu: 'agreement',
    enabled: (ctx) => noDialog(ctx),
    perform: (ctx) => toggleView(ctx, 'agreement'),
  },
]

export const ACTIONS: readonly Action[] = ACTION_LIST

const BY_ID = new Map(ACTIONS.map((a) => [a.id, a]))

export function actionById(id: ActionId): Action {
  const action = BY_ID.get(id)
  if (!action) throw new Error(`no action ${id}`)
  return action
}
