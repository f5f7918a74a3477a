// Programmatic scrolls of the article: to a text offset (a passage picked in
// the list or the summary), a third from the top; to a span (a search match),
// left alone when it is already comfortably visible, otherwise centred, like
// a browser's find. Both settle while the text above takes its real height.
import { rangeOfSpan, scrollSettled } from './viewport'

export function scrollToOffset(scroller: HTMLElement, article: HTMLElement, offset: number): void {
  const range = rangeOfSpan(article, offset)
  if (!range) return
  scrollSettled(
    scroller,
    () =>
      range.getBoundingClientRect().top -
      scroller.getBoundingClientRect().top -
      scroller.clientHeight / 3,
  )
}

/** Space kept between a revealed span and the edges of the scroller. */
const REVEAL_MARGIN = 48

export function scrollSpanIntoView(
  scroller: HTMLElement,
  article: HTMLElement,
  span: { start: number; end: number },
): void {
  const range = rangeOfSpan(article, span.start, span.end)
  if (!range) return
  const rect = range.getBoundingClientRect()
  const box = scroller.getBoundingClientRect()
  const margin = Math.min(REVEAL_MARGIN, scroller.clientHeight / 4)
  if (rect.top >= box.top + margin && rect.bottom <= box.top + scroller.clientHeight - margin)
    return
  scrollSettled(scroller, () => {
    const r = range.getBoundingClientRect()
    return r.top + r.height / 2 - (scroller.getBoundingClientRect().top + scroller.clientHeight / 2)
  })
}
