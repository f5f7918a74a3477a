// Key presses and focused elements for the Node tests of the key matcher and
// the actions, without a DOM: an element answers closest() for the simple
// selectors lib/keys.ts uses (tag, tag:not([type="x"]), [contenteditable="true"]).
import type { KeyPress } from '@renderer/actions/key-binding'

export interface FakeElement {
  closest: (selectors: string) => FakeElement | null
}

/** An element such as fakeElement('input', { type: 'color' }) or fakeElement('div', { contenteditable: 'true' }). */
export function fakeElement(tag: string, attrs: Record<string, string> = {}): EventTarget {
  const matches = (selector: string) => {
    const m = /^([a-z]*)(?::not\(\[(\w+)="([^"]*)"\]\))?(?:\[(\w+)="([^"]*)"\])?$/.exec(selector)
    if (!m) throw new Error(`selector not understood by the fake: ${selector}`)
    const [, t, notName, notValue, name, value] = m
    if (t && t !== tag) return false
    if (notName && attrs[notName] === notValue) return false
    if (name && attrs[name] !== value) return false
    return true
  }
  const el: FakeElement = {
    closest: (selectors) => (selectors.split(',').some((s) => matches(s.trim())) ? el : null),
  }
  // The matcher reads only closest() of a key press's target.
  return el as unknown as EventTarget
}

/** A key press on the page (or on `target`), no modifier unless given. */
export function press(key: string, init: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress {
  return {
    key,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    shiftKey: false,
    target: null,
    ...init,
  }
}
