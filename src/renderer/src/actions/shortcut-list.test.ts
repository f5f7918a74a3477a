import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { bindingCombo } from './key-binding'
import { ACTIONS } from './registry'
import { rowBindings, SHORTCUT_SECTIONS } from './shortcut-list'

beforeEach(() => vi.stubGlobal('navigator', { platform: 'Linux x86_64' }))
afterEach(() => vi.unstubAllGlobals())

const names = {
  mod: 'Ctrl',
  shift: 'Shift',
  named: { Enter: 'Enter', Escape: 'Esc', Delete: 'Delete', Backspace: 'Backspace' },
}
const rows = SHORTCUT_SECTIONS.flatMap((s) => s.rows)

describe('the shortcuts dialog list', () => {
  it('has a row for every action bound to a key', () => {
    const listed = new Set(rows.flatMap((r) => r.actions ?? []))
    const keyed = ACTIONS.filter((a) => a.keys.some((b) => !b.unlisted)).map((a) => a.id)
    expect(keyed.filter((id) => !listed.has(id))).toEqual([])
  })

  it('shows the keys of the registry, in the order the analyst knows', () => {
    const shown = rows.map((r) => [
      r.label,
      rowBindings(r)
        .map((b) => bindingCombo(b, names).join('+'))
        .join(' / '),
    ])
    expect(shown).toEqual([
      ['shortcuts.find', 'Ctrl+F'],
      ['shortcuts.findSteps', 'Enter / Shift+Enter'],
      ['shortcuts.findNext', 'F3 / Shift+F3'],
      ['shortcuts.extend', 'Shift+←→↑↓'],
      ['shortcuts.exact', 'Alt'],
      ['shortcuts.nextPassage', 'J / K'],
      ['shortcuts.listArrows', '↓ / ↑'],
      ['shortcuts.themes', '1–9'],
      ['shortcuts.pickTheme', 'T'],
      ['shortcuts.note', 'N'],
      ['shortcuts.delete', 'Delete / Backspace'],
      ['articles.shortcut.next', 'Ctrl+] / Alt+ArrowRight / Ctrl+[ / Alt+ArrowLeft'],
      ['articles.shortcut.listKeys', '↓ / ↑ / Enter'],
      ['articles.shortcut.rename', 'F2'],
      ['articles.shortcut.remove', 'Delete'],
      ['articles.shortcut.toggle', 'Ctrl+Shift+A'],
      ['articles.shortcut.add', 'Ctrl+Shift+O'],
      ['articles.shortcut.paste', 'Ctrl+Shift+V'],
      ['shortcuts.passagesView', 'Ctrl+Shift+P'],
      ['shortcuts.corpusSearch', 'Ctrl+Shift+F'],
      ['shortcuts.openResult', '↓ / ↑ / Enter'],
      ['agreement.action', 'Ctrl+Shift+K'],
      ['shortcuts.undo', 'Ctrl+Z'],
      ['shortcuts.redo', 'Ctrl+Shift+Z / Ctrl+Y'],
      ['shortcuts.export', 'Ctrl+E'],
      ['shortcuts.details', 'Ctrl+I'],
      ['shortcuts.escape', 'Esc'],
      ['shortcuts.help', '?'],
    ])
  })

  it('labels each action-backed row as its actions are labelled', () => {
    for (const row of rows)
      for (const id of row.actions ?? [])
        expect(ACTIONS.find((a) => a.id === id)?.label).toBe(row.label)
  })
})
