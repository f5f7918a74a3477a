// The keys and menu commands of the session's articles: moving through the
// articles panel's list, showing it, adding and pasting articles.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Overlay } from '@renderer/state/overlay-store'
import { actionContext, overlayStore } from '@renderer/test-support/fake-actions'
import { fakeElement, press } from '@renderer/test-support/fake-keys'
import { actionForKey, actionForMenu, runAction } from './dispatch'
import { ACTIONS } from './registry'
import type { ActionContext, SessionCommands } from './types'

beforeEach(() => vi.stubGlobal('navigator', { platform: 'Linux x86_64' }))
afterEach(() => vi.unstubAllGlobals())

function context(open: Overlay[] = [], readOnly = false) {
  const commands = {
    toggleArticles: vi.fn(),
    moveArticle: vi.fn(() => true),
    addArticles: vi.fn(() => true),
    pasteArticle: vi.fn(),
  }
  const ctx = actionContext(overlayStore(open), {
    readOnly,
    commands: commands as unknown as SessionCommands,
  })
  return { ctx, commands }
}

const ctrl = { ctrlKey: true }
const keyAction = (ctx: ActionContext, key: string, init = {}) =>
  actionForKey(ACTIONS, press(key, init), ctx)?.id ?? null

describe('article keys', () => {
  it('Ctrl+] and Alt+→ open the next article, Ctrl+[ and Alt+← the previous one', () => {
    const { ctx, commands } = context()
    for (const [key, init, id, direction] of [
      [']', ctrl, 'article.next', 1],
      ['ArrowRight', { altKey: true }, 'article.next', 1],
      ['[', ctrl, 'article.previous', -1],
      ['ArrowLeft', { altKey: true }, 'article.previous', -1],
    ] as const) {
      expect(keyAction(ctx, key, init)).toBe(id)
      runAction(
        ACTIONS.find((a) => a.id === id)!,
        ctx,
      )
      expect(commands.moveArticle).toHaveBeenLastCalledWith(direction)
    }
  })

  it('plain arrows, Alt+→ in a text box and the keys behind the summary move no article', () => {
    const { ctx } = context()
    expect(keyAction(ctx, 'ArrowRight')).toBeNull()
    expect(keyAction(ctx, 'ArrowRight', { altKey: true, target: fakeElement('input') })).toBeNull()
    expect(keyAction(ctx, ']', { ...ctrl, target: fakeElement('textarea') })).toBeNull()
    expect(keyAction(context(['summary']).ctx, ']', ctrl)).toBeNull()
    expect(keyAction(context(['removeArticle']).ctx, ']', ctrl)).toBeNull()
  })

  it('Ctrl+Shift+O adds articles anywhere; Ctrl+Shift+V pastes one, except in a text field', () => {
    const { ctx } = context()
    const shift = { ctrlKey: true, shiftKey: true }
    expect(keyAction(ctx, 'O', shift)).toBe('articles.add')
    expect(keyAction(ctx, 'O', { ...shift, target: fakeElement('input') })).toBe('articles.add')
    expect(keyAction(ctx, 'V', shift)).toBe('articles.paste')
    expect(keyAction(ctx, 'V', { ...shift, target: fakeElement('textarea') })).toBeNull()
    expect(keyAction(ctx, 'A', shift)).toBe('articles.toggle')
  })

  it('a read-only session adds nothing, by key or menu, but still moves through its articles', () => {
    const { ctx, commands } = context([], true)
    expect(keyAction(ctx, 'O', { ctrlKey: true, shiftKey: true })).toBeNull()
    expect(runAction(actionForMenu(ACTIONS, 'add-articles')!, ctx)).toBe(false)
    expect(runAction(actionForMenu(ACTIONS, 'paste-article')!, ctx)).toBe(false)
    expect(commands.addArticles).not.toHaveBeenCalled()
    expect(keyAction(ctx, ']', ctrl)).toBe('article.next')
  })

  it('the File menu runs Add articles… and Paste as new article', () => {
    const { ctx, commands } = context()
    expect(runAction(actionForMenu(ACTIONS, 'add-articles')!, ctx)).toBe(true)
    expect(commands.addArticles).toHaveBeenCalledOnce()
    runAction(actionForMenu(ACTIONS, 'paste-article')!, ctx)
    expect(commands.pasteArticle).toHaveBeenCalledOnce()
  })

  it('a key that finds no article to move to keeps its default', () => {
    const { ctx, commands } = context()
    commands.moveArticle.mockReturnValue(false)
    expect(
      runAction(
        ACTIONS.find((a) => a.id === 'article.next')!,
        ctx,
      ),
    ).toBe(false)
  })
})
