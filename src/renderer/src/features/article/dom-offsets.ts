// Maps DOM positions inside the article to offsets into the document text.
// Each paragraph element carries data-start/data-end and holds one text node;
// paragraphs are grouped in chunks (elements without offsets).

function boundsOf(el: Element): { start: number; end: number } | null {
  const s = el.getAttribute('data-start')
  const e = el.getAttribute('data-end')
  return s === null || e === null ? null : { start: Number(s), end: Number(e) }
}

/** Text offset of the DOM point (node, offset), or null when it lies outside `root`. */
export function textOffsetOf(root: Element, node: Node, offset: number): number | null {
  if (!root.contains(node)) return null
  if (node.nodeType === Node.TEXT_NODE) {
    const p = node.parentElement?.closest('[data-start]')
    const b = p && root.contains(p) ? boundsOf(p) : null
    return b ? Math.min(b.start + offset, b.end) : null
  }
  const el = node as Element
  const b = boundsOf(el)
  // Inside a paragraph: before or after its text.
  if (b) return offset === 0 ? b.start : b.end
  // Between paragraphs (in the article or a chunk of it): the start of the
  // first paragraph after the point, else the end of the last one before it.
  const kids = el.childNodes
  for (let i = offset; i < kids.length; i++) {
    const p = kids[i]!.nodeType === Node.ELEMENT_NODE ? firstParagraph(kids[i] as Element) : null
    if (p) return boundsOf(p)!.start
  }
  for (let i = Math.min(offset, kids.length) - 1; i >= 0; i--) {
    const p = kids[i]!.nodeType === Node.ELEMENT_NODE ? lastParagraph(kids[i] as Element) : null
    if (p) return boundsOf(p)!.end
  }
  return null
}

const PARAGRAPH = '[data-start][data-end]'
const firstParagraph = (el: Element) => (el.matches(PARAGRAPH) ? el : el.querySelector(PARAGRAPH))
function lastParagraph(el: Element): Element | null {
  if (el.matches(PARAGRAPH)) return el
  for (let c = el.lastElementChild; c; c = c.previousElementSibling) {
    const p = lastParagraph(c)
    if (p) return p
  }
  return null
}

/** The text range of `sel` (the document's selection) inside `root`, or null. */
export function selectionOffsets(
  root: Element,
  sel: Selection | null,
): { start: number; end: number; range: Range } | null {
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null
  const range = sel.getRangeAt(0)
  const start = textOffsetOf(root, range.startContainer, range.startOffset)
  const end = textOffsetOf(root, range.endContainer, range.endOffset)
  if (start === null || end === null || end <= start) return null
  return { start, end, range }
}
