// The title of an article made from pasted text: its first line that is not
// blank, trimmed, at most MAX_PASTED_TITLE characters. The renderer proposes
// it in the "Paste as new article" dialog; main falls back to it.
// Pure: no DOM, no Node, no Electron.
import { normalizeText } from './text'

export const MAX_PASTED_TITLE = 120

export function pastedTitle(text: string): string {
  const first = normalizeText(text)
    .split('\n')
    .find((line) => line.trim() !== '')
  const title = (first ?? '').trim().replace(/\s+/g, ' ')
  // Whole code points: a title never ends in half a surrogate pair.
  return Array.from(title).slice(0, MAX_PASTED_TITLE).join('').trimEnd()
}
