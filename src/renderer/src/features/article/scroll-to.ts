// Scrolls the article so that a text offset is in view, a third from the top.
import { paragraphAtOffset, scrollSettled } from './viewport'

export function scrollToOffset(scroller: HTMLElement, article: HTMLElement, offset: number): void {
  const p = paragraphAtOffset(article, offset)
  const node = p?.firstChild
  if (!p || !node || node.nodeType !== Node.TEXT_NODE) return
  const start = Number(p.getAttribute('data-start'))
  const range = document.createRange()
  const at = Math.max(0, Math.min(offset - start, (node as Text).length))
  range.setStart(node, at)
  range.setEnd(node, at)
  scrollSettled(
    scroller,
    () =>
      range.getBoundingClientRect().top -
      scroller.getBoundingClientRect().top -
      scroller.clientHeight / 3,
  )
}
