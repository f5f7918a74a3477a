// The theme keys with a long codebook: keys 1–9 tag the theme that holds
// the key (given by hand or by the order), and T opens the theme picker
// for a text selection or a selected passage.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Overlay } from '@renderer/state/overlay-store'
import { actionContext, overlayStore } from '@renderer/test-support/fake-actions'
import { fakeElement, press } from '@renderer/test-support/fake-keys'
import { actionForKey, runAction } from './dispatch'
import { ACTIONS } from './registry'
import type { ActionContext } from './types'

beforeEach(() => vi.stubGlobal('navigator', { platform: 'Linux x86_64' }))
afterEach(() => vi.unstubAllGlobals())

/** Forty themes; key 7 given by hand to the 23rd, the 7th without a key. */
const CODEBOOK = Array.from({ length: 40 }, (_, i) => ({
  id: `t${i + 1}`,
  ...(i < 9 && i !== 6 ? { key: String(i + 1) } : i === 22 ? { key: '7' } : {}),
}))

function context(change: Partial<ActionContext> = {}, open: Overlay[] = []): ActionContext {
  return actionContext(overlayStore(open), { pending: true, codebook: CODEBOOK, ...change })
}

const runKey = (key: string, ctx: ActionContext, init = {}) => {
  const action = actionForKey(ACTIONS, press(key, init), ctx)
  return action ? runAction(action, ctx) : false
}

describe('theme keys with a long codebook', () => {
  it('tags with the theme that holds the key, not the theme at that place', () => {
    const ctx = context()
    expect(runKey('7', ctx)).toBe(true)
    expect(ctx.commands.applyTheme).toHaveBeenCalledWith('t23')
    expect(runKey('2', ctx)).toBe(true)
    expect(ctx.commands.applyTheme).toHaveBeenLastCalledWith('t2')
  })

  it('does nothing for a key no theme holds', () => {
    const ctx = context({ codebook: CODEBOOK.map((t) => (t.key === '5' ? { id: t.id } : t)) })
    expect(runKey('5', ctx)).toBe(false)
    expect(ctx.commands.applyTheme).not.toHaveBeenCalled()
  })
})

describe('T opens the theme picker', () => {
  it('for a text selection or a selected passage', () => {
    const selection = context()
    expect(runKey('t', selection)).toBe(true)
    expect(selection.commands.pickTheme).toHaveBeenCalledTimes(1)
    const passage = context({ pending: false, selectedId: 'p1' })
    expect(runKey('T', passage, { shiftKey: false })).toBe(true)
    expect(passage.commands.pickTheme).toHaveBeenCalledTimes(1)
  })

  it('not with nothing to tag, in a read-only session, over a dialog or the summary, or in a field', () => {
    const cases: ActionContext[] = [
      context({ pending: false, selectedId: null }),
      context({ readOnly: true }),
      context({}, ['codebook']),
      context({}, ['picker']),
      context({}, ['summary']),
    ]
    for (const ctx of cases) {
      expect(runKey('t', ctx)).toBe(false)
      expect(ctx.commands.pickTheme).not.toHaveBeenCalled()
    }
    const ctx = context()
    expect(runKey('t', ctx, { target: fakeElement('input') })).toBe(false)
    expect(runKey('t', ctx, { ctrlKey: true })).toBe(false)
  })
})
