// Scrolls the article so that a text offset is in view, a third from the top.
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
