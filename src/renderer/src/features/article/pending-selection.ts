// A text selection in the article as the theme toolbar needs it: snapped to
// whole words (or only trimmed when Alt was held), with the toolbar's place
// just below the selection, in the scroller's content coordinates.
import { snapToWords, trimRange } from '@shared/model/text'
import type { TextSelection } from './selection-observer'

export interface PendingSelection {
  start: number
  end: number
  /** Where to show the theme toolbar, in the scroller's content coordinates. */
  top: number
  left: number
}

export function toPendingSelection(
  text: string,
  selection: TextSelection | null,
  altKey: boolean,
  scroller: HTMLElement,
): PendingSelection | null {
  if (!selection) return null
  const { start, end, range } = selection
  const snapped = altKey ? trimRange(text, start, end) : snapToWords(text, start, end)
  if (!snapped) return null
  const rect = range.getBoundingClientRect()
  const box = scroller.getBoundingClientRect()
  return {
    ...snapped,
    top: rect.bottom - box.top + scroller.scrollTop + 8,
    left: Math.max(8, rect.left - box.left + scroller.scrollLeft),
  }
}
