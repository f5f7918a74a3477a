// What the "?" dialog lists: the registry's key bindings grouped in rows,
// and the few keys that act where the focus is (the search box, the passage
// list, a text selection), which their components handle. Every action with
// a key has a row here (shortcut-list.test.ts checks it), so the dialog
// cannot drift from the keys.
import type { MessageKey } from '@renderer/i18n/messages-en'
import type { KeyBinding } from './key-binding'
import { actionById } from './registry'
import type { ActionId } from './types'

export type ShortcutRow = {
  label: MessageKey
  /** The actions whose listed bindings make the row's keys, in order. */
  actions?: readonly ActionId[]
  /** Keys shown instead: a summary ('1–9') or keys handled where the focus is. */
  keys?: readonly KeyBinding[]
  /** The row lists the codebook's theme keys under its label. */
  themes?: boolean
}

export interface ShortcutSection {
  title: MessageKey
  rows: readonly ShortcutRow[]
}

export const THEME_ACTIONS = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `theme.${n}`) as ActionId[]

export const SHORTCUT_SECTIONS: readonly ShortcutSection[] = [
  {
    title: 'shortcuts.section.article',
    rows: [
      { label: 'shortcuts.find', actions: ['find'] },
      // In the search box (SearchBar).
      {
        label: 'shortcuts.findSteps',
        keys: [{ key: 'Enter' }, { key: 'Enter', shift: true }],
      },
      { label: 'shortcuts.findNext', actions: ['find.next', 'find.previous'] },
      // The browser's own selection keys, and the article's exact-selection modifier.
      { label: 'shortcuts.extend', keys: [{ key: '←→↑↓', shift: true }] },
      { label: 'shortcuts.exact', keys: [{ key: 'Alt' }] },
    ],
  },
  {
    title: 'shortcuts.section.passages',
    rows: [
      { label: 'shortcuts.nextPassage', actions: ['passage.next', 'passage.previous'] },
      // In the passage list (PassageList).
      { label: 'shortcuts.listArrows', keys: [{ key: '↓' }, { key: '↑' }] },
      { label: 'shortcuts.themes', actions: THEME_ACTIONS, keys: [{ key: '1–9' }], themes: true },
      { label: 'shortcuts.pickTheme', actions: ['theme.pick'] },
      { label: 'shortcuts.note', actions: ['passage.note'] },
      { label: 'shortcuts.delete', actions: ['passage.delete'] },
    ],
  },
  {
    title: 'articles.shortcut.section',
    rows: [
      { label: 'articles.shortcut.next', actions: ['article.next', 'article.previous'] },
      // In the articles panel (ArticlesPanel).
      { label: 'articles.shortcut.listKeys', keys: [{ key: '↓' }, { key: '↑' }, { key: 'Enter' }] },
      { label: 'articles.shortcut.rename', keys: [{ key: 'F2' }] },
      { label: 'articles.shortcut.remove', keys: [{ key: 'Delete' }] },
      { label: 'articles.shortcut.toggle', actions: ['articles.toggle'] },
      { label: 'articles.shortcut.add', actions: ['articles.add'] },
      { label: 'articles.shortcut.paste', actions: ['articles.paste'] },
    ],
  },
  {
    title: 'shortcuts.section.corpus',
    rows: [
      { label: 'shortcuts.passagesView', actions: ['passages.view'] },
      { label: 'shortcuts.corpusSearch', actions: ['corpus.search'] },
      // In the Passages view and the corpus search's results (their lists).
      { label: 'shortcuts.openResult', keys: [{ key: '↓' }, { key: '↑' }, { key: 'Enter' }] },
      { label: 'agreement.action', actions: ['agreement.view'] },
    ],
  },
  {
    title: 'shortcuts.section.general',
    rows: [
      { label: 'shortcuts.undo', actions: ['undo'] },
      { label: 'shortcuts.redo', actions: ['redo'] },
      { label: 'shortcuts.export', actions: ['export'] },
      { label: 'shortcuts.details', actions: ['details'] },
      { label: 'shortcuts.escape', actions: ['escape'] },
      { label: 'shortcuts.help', actions: ['shortcuts'] },
    ],
  },
]

/** The bindings a row shows. */
export function rowBindings(row: ShortcutRow): readonly KeyBinding[] {
  if (row.keys) return row.keys
  return (row.actions ?? []).flatMap((id) => actionById(id).keys.filter((b) => !b.unlisted))
}
