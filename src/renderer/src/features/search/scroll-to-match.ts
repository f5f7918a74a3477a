// Scrolls the article so that a span of its text is in view: left alone when
// it is already comfortably visible, otherwise centred (like a browser's find).

import { articleTop, rangeOfSpan, scrollSettled } from '../article/viewport'

/** Space kept between a revealed span and the edges of the scroller. */
const MARGIN = 48

export function scrollSpanIntoView(
  scroller: HTMLElement,
  article: HTMLElement,
  span: { start: number; end: number },
): void {
  const range = rangeOfSpan(article, span.start, span.end)
  if (!range) return
  const rect = range.getBoundingClientRect()
  const box = scroller.getBoundingClientRect()
  const margin = Math.min(MARGIN, scroller.clientHeight / 4)
  if (rect.top >= box.top + margin && rect.bottom <= box.top + scroller.clientHeight - margin)
    return
  scrollSettled(scroller, () => {
    const r = range.getBoundingClientRect()
    return r.top + r.height / 2 - (scroller.getBoundingClientRect().top + scroller.clientHeight / 2)
  })
}

/** Text offset where the article's viewport starts (the first paragraph in view). */
export function articleTopOffset(
  scroller: HTMLElement | null = document.querySelector<HTMLElement>('.article-scroller'),
  article: HTMLElement | null = document.querySelector<HTMLElement>('.article'),
): number {
  return scroller && article ? articleTop(article, scroller).offset : 0
}
