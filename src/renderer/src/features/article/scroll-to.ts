// Scrolls the article so that a text offset is in view, a third from the top.

export function scrollToOffset(scroller: HTMLElement, article: HTMLElement, offset: number): void {
  const paragraphs = article.children
  let lo = 0
  let hi = paragraphs.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1
    if (Number(paragraphs[mid]!.getAttribute('data-start')) <= offset) lo = mid
    else hi = mid - 1
  }
  const p = paragraphs[lo]
  const node = p?.firstChild
  if (!p || !node || node.nodeType !== Node.TEXT_NODE) return
  const start = Number(p.getAttribute('data-start'))
  const range = document.createRange()
  const at = Math.max(0, Math.min(offset - start, (node as Text).length))
  range.setStart(node, at)
  range.setEnd(node, at)
  const rect = range.getBoundingClientRect()
  const box = scroller.getBoundingClientRect()
  scroller.scrollTop += rect.top - box.top - scroller.clientHeight / 3
}
