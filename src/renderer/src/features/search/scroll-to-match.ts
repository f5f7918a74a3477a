// Scrolls the article so that a span of its text is in view: left alone when
// it is already comfortably visible, otherwise centred (like a browser's find).

/** Space kept between a revealed span and the edges of the scroller. */
const MARGIN = 48

export function scrollSpanIntoView(
  scroller: HTMLElement,
  article: HTMLElement,
  span: { start: number; end: number },
): void {
  const paragraphs = article.children
  let lo = 0
  let hi = paragraphs.length - 1
  if (hi < 0) return
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1
    if (Number(paragraphs[mid]!.getAttribute('data-start')) <= span.start) lo = mid
    else hi = mid - 1
  }
  const p = paragraphs[lo]!
  const node = p.firstChild
  if (!node || node.nodeType !== Node.TEXT_NODE) return
  const base = Number(p.getAttribute('data-start'))
  const length = (node as Text).length
  const range = document.createRange()
  range.setStart(node, Math.max(0, Math.min(span.start - base, length)))
  range.setEnd(node, Math.max(0, Math.min(span.end - base, length)))
  const rect = range.getBoundingClientRect()
  const box = scroller.getBoundingClientRect()
  const margin = Math.min(MARGIN, scroller.clientHeight / 4)
  if (rect.top >= box.top + margin && rect.bottom <= box.top + scroller.clientHeight - margin)
    return
  scroller.scrollTop += rect.top + rect.height / 2 - (box.top + scroller.clientHeight / 2)
}

/** Text offset where the article's viewport starts (the first paragraph in view). */
export function articleTopOffset(
  scroller: HTMLElement | null = document.querySelector<HTMLElement>('.article-scroller'),
  article: HTMLElement | null = document.querySelector<HTMLElement>('.article'),
): number {
  if (!scroller || !article) return 0
  const top = scroller.getBoundingClientRect().top
  const paragraphs = article.children
  let lo = 0
  let hi = paragraphs.length - 1
  if (hi < 0) return 0
  // First paragraph whose bottom is below the viewport's top.
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (paragraphs[mid]!.getBoundingClientRect().bottom <= top) lo = mid + 1
    else hi = mid
  }
  return Number(paragraphs[lo]!.getAttribute('data-start')) || 0
}
