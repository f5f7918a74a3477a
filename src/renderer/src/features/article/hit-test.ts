// Which passages lie under a point of the article: the caret position API
// gives the text offset, then the passages' interval index (no DOM walk, no
// per-passage element). Innermost (shortest) passage first.
import type { PassageIndex } from '@shared/model/interval-index'
import type { Passage } from '@shared/model/schema'
import { textOffsetOf } from './dom-offsets'

/** The text offset of the character under (x, y), or null off the text. */
export function charOffsetAt(root: Element, x: number, y: number): number | null {
  const pos = root.ownerDocument.caretPositionFromPoint?.(x, y)
  if (!pos || pos.offsetNode.nodeType !== Node.TEXT_NODE || !root.contains(pos.offsetNode))
    return null
  const node = pos.offsetNode as Text
  // The caret falls between two characters: take the one whose box holds the point.
  for (const i of [pos.offset, pos.offset - 1]) {
    if (i < 0 || i >= node.length) continue
    const range = root.ownerDocument.createRange()
    range.setStart(node, i)
    range.setEnd(node, i + 1)
    for (const r of range.getClientRects())
      if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom)
        return textOffsetOf(root, node, i)
  }
  return null
}

export function passagesAtPoint(
  root: Element,
  index: PassageIndex,
  x: number,
  y: number,
): Passage[] {
  const offset = charOffsetAt(root, x, y)
  return offset === null ? [] : index.at(offset)
}
