// Key bindings as data, and the matcher that says whether a key press is one
// of them. A binding names the key (KeyboardEvent.key, case-insensitive for
// letters), the modifiers, and where it still acts when the focus is in a
// form field. Pure: the platform's modifier comes from lib/keys.
import { isFormField, isMac, isMod, isTextField } from '@renderer/lib/keys'

export interface KeyBinding {
  /** KeyboardEvent.key: 'z', '1', 'F3', 'Delete', '?' … (letters in either case). */
  key: string
  /** Cmd on a Mac, Ctrl elsewhere. */
  mod?: boolean | 'any'
  /** Default false; 'any' for keys that some layouts type with Shift ('?', digits on AZERTY). */
  shift?: boolean | 'any'
  /** Alt (Option on a Mac); default false. */
  alt?: boolean
  /**
   * Where the key still acts when the focus is in a field: 'anywhere'; outside
   * text fields only ('text', which keep their own undo); or, by default,
   * outside every form field ('fields', which take typed keys).
   */
  except?: 'anywhere' | 'text' | 'fields'
  /** Not listed in the shortcuts dialog (an alternative kept for habits, such as Ctrl+G). */
  unlisted?: boolean
}

/** The parts of a key event the matcher reads. */
export type KeyPress = Pick<
  KeyboardEvent,
  'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'target'
>

const flag = (want: boolean | 'any' | undefined, actual: boolean) =>
  want === 'any' || (want ?? false) === actual

export function matchesBinding(binding: KeyBinding, e: KeyPress): boolean {
  if (e.altKey !== (binding.alt ?? false) || e.key.toLowerCase() !== binding.key.toLowerCase())
    return false
  const mod = isMod(e)
  // The other of Ctrl and Cmd is never part of a shortcut.
  const otherMod = isMac() ? e.ctrlKey : e.metaKey
  if (otherMod || !flag(binding.mod, mod) || !flag(binding.shift, e.shiftKey)) return false
  switch (binding.except ?? 'fields') {
    case 'anywhere':
      return true
    case 'text':
      return !isTextField(e.target)
    case 'fields':
      return !isFormField(e.target)
  }
}

export interface KeyNames {
  mod: string
  shift: string
  /** Alt, or Option on a Mac. */
  alt?: string
  /** The words for named keys ('Delete' → "Delete", 'Escape' → "Esc"). */
  named: Partial<Record<string, string>>
}

/** The keys to press together, as the analyst reads them: ['Ctrl', 'Shift', 'Z']. */
export function bindingCombo(binding: KeyBinding, names: KeyNames): string[] {
  const { key } = binding
  const combo: string[] = []
  if (binding.mod === true) combo.push(names.mod)
  if (binding.alt === true) combo.push(names.alt ?? 'Alt')
  if (binding.shift === true) combo.push(names.shift)
  combo.push(names.named[key] ?? (key.length === 1 ? key.toUpperCase() : key))
  return combo
}
