// Maps DOM positions inside the article to offsets into the document text.
// Every text node of the article sits alone in a segment element carrying
// data-start/data-end; paragraphs carry them too.

function boundsOf(el: Element): { start: number; end: number } | null {
  const s = el.getAttribute('data-start')
  const e = el.getAttribute('data-end')
  return s === null || e === null ? null : { start: Number(s), end: Number(e) }
}

/** Text offset of the DOM point (node, offset), or null when it lies outside `root`. */
export function textOffsetOf(root: Element, node: Node, offset: number): number | null {
  if (!root.contains(node)) return null
  if (node.nodeType === Node.TEXT_NODE) {
    const seg = node.parentElement?.closest('[data-start]')
    const b = seg && root.contains(seg) ? boundsOf(seg) : null
    return b ? Math.min(b.start + offset, b.end) : null
  }
  const el = node as Element
  const b = boundsOf(el)
  if (el.classList.contains('seg') && b) return offset === 0 ? b.start : b.end
  // A paragraph or the article itself: the point is between two children.
  const children = Array.from(el.children).filter((c) => boundsOf(c))
  if (children.length === 0) return b ? b.start : null
  const child = el.childNodes[offset] as Element | undefined
  if (child && child.nodeType === Node.ELEMENT_NODE && boundsOf(child))
    return boundsOf(child)!.start
  // Past the last child, or before a non-text node: use the nearest child before it.
  let last: { start: number; end: number } | null = null
  for (let i = Math.min(offset, el.childNodes.length) - 1; i >= 0 && !last; i--) {
    const c = el.childNodes[i]
    if (c && c.nodeType === Node.ELEMENT_NODE) last = boundsOf(c as Element)
  }
  return last ? last.end : boundsOf(children[0]!)!.start
}

/** The text range of the current selection inside `root`, or null. */
export function selectionOffsets(
  root: Element,
): { start: number; end: number; range: Range } | null {
  const sel = window.getSelection()
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null
  const range = sel.getRangeAt(0)
  const start = textOffsetOf(root, range.startContainer, range.startOffset)
  const end = textOffsetOf(root, range.endContainer, range.endOffset)
  if (start === null || end === null || end <= start) return null
  return { start, end, range }
}

/** Text offset under a viewport point, through the caret position API. */
export function offsetAtPoint(root: Element, x: number, y: number): number | null {
  const doc = root.ownerDocument
  const pos = doc.caretPositionFromPoint?.(x, y)
  if (!pos) return null
  return textOffsetOf(root, pos.offsetNode, pos.offset)
}
