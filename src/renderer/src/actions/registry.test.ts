import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Overlay } from '@renderer/state/overlay-store'
import { actionContext, overlayStore } from '@renderer/test-support/fake-actions'
import { press } from '@renderer/test-support/fake-keys'
import { actionForKey, actionForMenu, runAction } from './dispatch'
import { ACTIONS, actionById } from './registry'
import type { ActionContext, ActionId } from './types'

beforeEach(() => vi.stubGlobal('navigator', { platform: 'Linux x86_64' }))
afterEach(() => vi.unstubAllGlobals())

/** A session with passage "p1" selected, four themes keyed 1–4, and `open` overlays. */
function context(open: Overlay[] = [], change: Partial<ActionContext> = {}): ActionContext {
  return actionContext(overlayStore(open), {
    selectedId: 'p1',
    codebook: ['growth', 'culture', 'secrecy', 'safety'].map((id, i) => ({
      id,
      key: String(i + 1),
    })),
    ...change,
  })
}

const enabled = (ctx: ActionContext) =>
  ACTIONS.filter((a) => a.enabled(ctx))
    .map((a) => a.id)
    .filter((id) => !/^theme\.[2-9]$/.test(id))

/** Every action that acts on the session's passages and article. */
const SESSION_KEYS: ActionId[] = [
  'theme.1',
  'passage.delete',
  'passage.next',
  'passage.previous',
  'passage.note',
  'find',
  'find.next',
  'find.previous',
]

describe('action predicates', () => {
  it('with nothing open, every action can run on a selected passage', () => {
    const all = ACTIONS.map((a) => a.id).filter((id) => !/^theme\.[2-9]$/.test(id))
    expect(enabled(context())).toEqual(all)
  })

  it.each(['shortcuts', 'export', 'settings'] as const)(
    'with the %s dialog open, only leaving the session can run',
    (dialog) => {
      expect(enabled(context([dialog]))).toEqual(['session.close'])
    },
  )

  it('with the codebook open, its changes can still be undone and redone, nothing else', () => {
    expect(enabled(context(['codebook']))).toEqual(['undo', 'redo', 'session.close'])
    expect(enabled(context(['summary', 'codebook']))).toEqual(['undo', 'redo', 'session.close'])
  })

  it('the summary keeps the passages and the search out of reach, not undo, export or the dialogs', () => {
    const on = enabled(context(['summary']))
    for (const id of SESSION_KEYS) expect(on).not.toContain(id)
    expect(on).toEqual([
      'undo',
      'redo',
      'export',
      'escape',
      'shortcuts',
      'summary',
      'passages.view',
      'corpus.search',
      'codebook',
      'articles.toggle',
      'articles.add',
      'articles.paste',
      'details',
      'session.saveCopy',
      'session.close',
      'session.coderCopies',
      'settings',
      'coders.bringBack',
      'agreement.view',
    ])
  })

  it('the search bar is in the way of nothing (its text box keeps its own keys)', () => {
    expect(enabled(context(['search']))).toEqual(enabled(context()))
  })

  it('a read-only session cannot be edited by keys, menu or buttons', () => {
    const on = enabled(context([], { readOnly: true }))
    for (const id of ['undo', 'redo', 'theme.1', 'passage.delete']) expect(on).not.toContain(id)
    expect(on).toContain('passage.next')
    expect(on).toContain('export')
    // A copy of a session another Gloss holds is still the analyst's to take.
    expect(on).toContain('session.saveCopy')
    expect(on).toContain('session.coderCopies')
  })

  it('a theme key needs a text selection or a selected passage, and a theme with that key', () => {
    const none = context([], { selectedId: null })
    expect(actionById('theme.1').enabled(none)).toBe(false)
    expect(actionById('theme.1').enabled({ ...none, pending: true })).toBe(true)
    expect(actionById('theme.5').enabled(context())).toBe(false)
  })

  it('Delete needs a selected passage and no text selection waiting for a theme', () => {
    expect(actionById('passage.delete').enabled(context([], { selectedId: null }))).toBe(false)
    expect(actionById('passage.delete').enabled(context([], { pending: true }))).toBe(false)
  })
})

describe('dispatch', () => {
  it('runs the action bound to a key, with what it needs', () => {
    const ctx = context()
    const action = actionForKey(ACTIONS, press('4'), ctx)
    expect(action?.id).toBe('theme.4')
    expect(runAction(action!, ctx)).toBe(true)
    expect(ctx.commands.applyTheme).toHaveBeenCalledWith('safety')
    expect(actionForKey(ACTIONS, press('Z', { ctrlKey: true, shiftKey: true }), ctx)?.id).toBe(
      'redo',
    )
    expect(actionForKey(ACTIONS, press('y', { ctrlKey: true }), ctx)?.id).toBe('redo')
    expect(actionForKey(ACTIONS, press('g', { ctrlKey: true, shiftKey: true }), ctx)?.id).toBe(
      'find.previous',
    )
  })

  it('finds no action for a key whose action cannot run now', () => {
    const ctx = context(['shortcuts'])
    for (const key of ['1', '4', 'Delete', 'Backspace', 'j', 'k', 'n', '?', 'Escape'])
      expect(actionForKey(ACTIONS, press(key), ctx)).toBeNull()
    expect(actionForKey(ACTIONS, press('z', { ctrlKey: true }), ctx)).toBeNull()
  })

  it('maps every menu command to the action of the same name, run through its predicate', () => {
    expect(actionForMenu(ACTIONS, 'undo')?.id).toBe('undo')
    expect(actionForMenu(ACTIONS, 'redo')?.id).toBe('redo')
    expect(actionForMenu(ACTIONS, 'export-csv')?.id).toBe('export')
    expect(actionForMenu(ACTIONS, 'close-session')?.id).toBe('session.close')
    expect(actionForMenu(ACTIONS, 'save-copy')?.id).toBe('session.saveCopy')
    expect(actionForMenu(ACTIONS, 'coder-copies')?.id).toBe('session.coderCopies')
    expect(actionForMenu(ACTIONS, 'settings')?.id).toBe('settings')
    expect(actionForMenu(ACTIONS, 'bring-back-coders')?.id).toBe('coders.bringBack')
    const ctx = context([], { readOnly: true })
    expect(runAction(actionById('undo'), ctx)).toBe(false)
    expect(ctx.commands.undo).not.toHaveBeenCalled()
  })

  it('Escape closes the summary first, then the text selection, the search, the passage selection', () => {
    const summary = context(['summary', 'search'], { pending: true })
    runAction(actionById('escape'), summary)
    expect(summary.commands.clearPending).not.toHaveBeenCalled()
    const search = context(['search'])
    runAction(actionById('escape'), search)
    expect(search.commands.closeSearch).toHaveBeenCalled()
    const plain = context()
    runAction(actionById('escape'), plain)
    expect(plain.commands.clearSelection).toHaveBeenCalled()
  })

  it('F3 opens the search bar when it is closed, and steps through matches when it is open', () => {
    const closed = context()
    runAction(actionById('find.next'), closed)
    expect(closed.commands.showSearch).toHaveBeenCalled()
    const open = context(['search'])
    runAction(actionById('find.previous'), open)
    expect(open.commands.stepSearch).toHaveBeenCalledWith(-1)
  })
})
