// The keys and buttons of retrieval across the corpus: the Passages view
// (Ctrl/Cmd+Shift+P) and the corpus search (Ctrl/Cmd+Shift+F) are views in
// place of the article, one at a time with the summary, closed by Escape.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { OverlayStore } from '@renderer/state/overlay-store'
import { actionContext } from '@renderer/test-support/fake-actions'
import { fakeElement, press } from '@renderer/test-support/fake-keys'
import { actionForKey, runAction } from './dispatch'
import { ACTIONS, actionById } from './registry'
import { rowBindings, SHORTCUT_SECTIONS } from './shortcut-list'
import type { ActionContext, SessionCommands } from './types'

beforeEach(() => vi.stubGlobal('navigator', { platform: 'Linux x86_64' }))
afterEach(() => vi.unstubAllGlobals())

/** A session with a passage selected; the context reads the store live, as the dispatcher does. */
function session() {
  const store = new OverlayStore()
  const commands = {
    clearSelection: vi.fn(),
    closeSearch: vi.fn(),
    clearPending: vi.fn(),
    movePassage: vi.fn(() => true),
  } as unknown as SessionCommands
  const ctx = (): ActionContext =>
    actionContext(store, { selectedId: 'p1', codebook: [{ id: 'growth', key: '1' }], commands })
  const key = (k: string, init: Parameters<typeof press>[1] = {}) => {
    const action = actionForKey(ACTIONS, press(k, init), ctx())
    if (action) runAction(action, ctx())
    return action?.id ?? null
  }
  const open = (): string[] => store.getSnapshot().map((o) => o.name)
  return { store, ctx, key, open, commands }
}

describe('retrieval actions', () => {
  it('Ctrl+Shift+P shows the Passages view and hides it again', () => {
    const s = session()
    expect(s.key('P', { ctrlKey: true, shiftKey: true })).toBe('passages.view')
    expect(s.open()).toEqual(['passages'])
    s.key('P', { ctrlKey: true, shiftKey: true })
    expect(s.open()).toEqual([])
  })

  it('Ctrl+Shift+F shows the corpus search, even from a text field, and keeps it shown', () => {
    const s = session()
    const target = fakeElement('input', { type: 'text' })
    expect(s.key('F', { ctrlKey: true, shiftKey: true, target })).toBe('corpus.search')
    s.key('F', { ctrlKey: true, shiftKey: true })
    expect(s.open()).toEqual(['corpusSearch'])
    // Ctrl+F without Shift is still the article's own search, out of reach here.
    expect(s.key('f', { ctrlKey: true })).toBeNull()
  })

  it('shows one view at a time: the summary, the Passages view or the corpus search', () => {
    const s = session()
    runAction(actionById('summary'), s.ctx())
    s.key('P', { ctrlKey: true, shiftKey: true })
    expect(s.open()).toEqual(['passages'])
    s.key('F', { ctrlKey: true, shiftKey: true })
    expect(s.open()).toEqual(['corpusSearch'])
    runAction(actionById('summary'), s.ctx())
    expect(s.open()).toEqual(['summary'])
  })

  it('keeps the article’s keys out of reach while a view is shown, and Escape closes it first', () => {
    const s = session()
    s.key('P', { ctrlKey: true, shiftKey: true })
    for (const k of ['1', 'j', 'k', 'n', 'Delete']) expect(s.key(k), k).toBeNull()
    expect(s.key('Escape')).toBe('escape')
    expect(s.open()).toEqual([])
    expect(s.commands.clearSelection).not.toHaveBeenCalled()
    expect(s.key('j')).toBe('passage.next')
  })

  it('stays off behind a dialog, and is listed in the shortcuts dialog', () => {
    const s = session()
    s.store.open('codebook')
    expect(s.key('P', { ctrlKey: true, shiftKey: true })).toBeNull()
    const rows = SHORTCUT_SECTIONS.flatMap((section) => section.rows)
    const listed = rows.flatMap((r) => r.actions ?? [])
    expect(listed).toContain('passages.view')
    expect(listed).toContain('corpus.search')
    const row = rows.find((r) => r.actions?.includes('corpus.search'))!
    expect(rowBindings(row)).toEqual([{ key: 'f', mod: true, shift: true, except: 'anywhere' }])
  })
})
