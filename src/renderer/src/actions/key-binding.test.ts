import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeElement, press } from '@renderer/test-support/fake-keys'
import { bindingCombo, matchesBinding, type KeyBinding } from './key-binding'

const onPlatform = (platform: string) => vi.stubGlobal('navigator', { platform })
afterEach(() => vi.unstubAllGlobals())

const undo: KeyBinding = { key: 'z', mod: true, except: 'text' }
const theme: KeyBinding = { key: '1', shift: 'any' }
const find: KeyBinding = { key: 'f', mod: true, except: 'anywhere' }

describe('matchesBinding on Windows and Linux', () => {
  beforeEach(() => onPlatform('Linux x86_64'))

  it('reads the modifier as Ctrl, and Cmd is no part of a shortcut', () => {
    expect(matchesBinding(undo, press('z', { ctrlKey: true }))).toBe(true)
    expect(matchesBinding(undo, press('z', { metaKey: true }))).toBe(false)
    expect(matchesBinding(undo, press('z', { ctrlKey: true, metaKey: true }))).toBe(false)
    expect(matchesBinding(undo, press('z'))).toBe(false)
  })

  it('needs Shift exactly as the binding says, or either way for "any"', () => {
    expect(matchesBinding(undo, press('Z', { ctrlKey: true, shiftKey: true }))).toBe(false)
    const redo: KeyBinding = { key: 'z', mod: true, shift: true }
    expect(matchesBinding(redo, press('Z', { ctrlKey: true, shiftKey: true }))).toBe(true)
    expect(matchesBinding(redo, press('z', { ctrlKey: true }))).toBe(false)
    // AZERTY types digits with Shift.
    expect(matchesBinding(theme, press('1', { shiftKey: true }))).toBe(true)
    expect(matchesBinding(theme, press('1'))).toBe(true)
  })

  it('ignores the case of letters but never matches with Alt down', () => {
    expect(matchesBinding({ key: 'j', shift: 'any' }, press('J', { shiftKey: true }))).toBe(true)
    expect(matchesBinding(theme, press('1', { altKey: true }))).toBe(false)
    expect(matchesBinding(undo, press('z', { ctrlKey: true, altKey: true }))).toBe(false)
  })

  it('keeps plain keys away from every form field, and Ctrl+Z away from text fields only', () => {
    const select = fakeElement('select')
    const text = fakeElement('input', { type: 'text' })
    const colour = fakeElement('input', { type: 'color' })
    const editable = fakeElement('div', { contenteditable: 'true' })
    const button = fakeElement('button')
    for (const target of [select, text, colour, editable, fakeElement('textarea')])
      expect(matchesBinding(theme, press('1', { target }))).toBe(false)
    expect(matchesBinding(theme, press('1', { target: button }))).toBe(true)

    expect(matchesBinding(undo, press('z', { ctrlKey: true, target: text }))).toBe(false)
    expect(matchesBinding(undo, press('z', { ctrlKey: true, target: editable }))).toBe(false)
    expect(matchesBinding(undo, press('z', { ctrlKey: true, target: select }))).toBe(true)
    expect(matchesBinding(undo, press('z', { ctrlKey: true, target: colour }))).toBe(true)

    expect(matchesBinding(find, press('f', { ctrlKey: true, target: text }))).toBe(true)
  })
})

describe('matchesBinding on a Mac', () => {
  beforeEach(() => onPlatform('MacIntel'))

  it('reads the modifier as Cmd, and Ctrl is no part of a shortcut', () => {
    expect(matchesBinding(undo, press('z', { metaKey: true }))).toBe(true)
    expect(matchesBinding(undo, press('z', { ctrlKey: true }))).toBe(false)
    expect(matchesBinding(theme, press('1', { ctrlKey: true }))).toBe(false)
  })
})

describe('bindingCombo', () => {
  const names = { mod: 'Ctrl', shift: 'Maj', named: { Delete: 'Suppr' } }

  it('lists the modifiers, then the key in capitals or by its name', () => {
    expect(bindingCombo({ key: 'z', mod: true, shift: true }, names)).toEqual(['Ctrl', 'Maj', 'Z'])
    expect(bindingCombo({ key: 'Delete', mod: 'any', shift: 'any' }, names)).toEqual(['Suppr'])
    expect(bindingCombo({ key: 'F3', shift: true }, names)).toEqual(['Maj', 'F3'])
    expect(bindingCombo({ key: '?', shift: 'any' }, names)).toEqual(['?'])
  })
})
