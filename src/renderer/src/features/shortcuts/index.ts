// The keyboard shortcuts feature's public face.
export { ShortcutsButton, ShortcutsDialog } from './ShortcutsDialog'
