// Small helpers about keys shared by the renderer: the platform's modifier
// (Cmd on a Mac, Ctrl elsewhere) and how it reads, and which elements keep
// typed keys for themselves. Pure functions of an event or an element; this
// module never listens to anything.

export function isMac(): boolean {
  return navigator.platform.startsWith('Mac')
}

/** The platform's shortcut modifier is down (Cmd on a Mac, Ctrl elsewhere). */
export function isMod(e: Pick<KeyboardEvent, 'ctrlKey' | 'metaKey'>): boolean {
  return isMac() ? e.metaKey : e.ctrlKey
}

/** How the modifier of the shortcuts reads on this platform. */
export function modKeyLabel(): string {
  return isMac() ? '⌘' : 'Ctrl'
}

/** Fields that take typed keys (letters, digits, Delete): no plain-key shortcut acts in them. */
const FORM_FIELD = 'input, textarea, select, [contenteditable="true"]'
/** Fields with their own text editing and their own Ctrl/Cmd+Z (a colour picker has none). */
const TEXT_FIELD = 'textarea, input:not([type="color"]), [contenteditable="true"]'

const closest = (target: EventTarget | null, selector: string) =>
  !!(target as Partial<Element> | null)?.closest?.(selector)

/** The key goes to a form field (a text box, a select…) rather than to the page. */
export function isFormField(target: EventTarget | null): boolean {
  return closest(target, FORM_FIELD)
}

/** The key goes to a text field, which keeps its own undo. */
export function isTextField(target: EventTarget | null): boolean {
  return closest(target, TEXT_FIELD)
}
