// Geometry of the article's paragraphs. The article holds chunks (blocks of
// CHUNK_SIZE paragraphs; only chunks near the viewport are laid out, see
// styles.css), each paragraph carrying data-start/data-end and one text node.
// Lookups are binary searches: over chunks first, whose boxes exist even
// when they are not laid out, then over the paragraphs of one chunk, so that
// culling never forces the layout of far-away text.

import type { UiState } from '@shared/model/schema'

/** Paragraphs per chunk. */
export const CHUNK_SIZE = 16

/** The article's paragraphs, in text order (a live collection). */
export function paragraphElements(article: Element): HTMLCollectionOf<HTMLElement> {
  return article.getElementsByTagName('p')
}

/** First index in `els` whose bottom is at or below `y` (client coordinates). */
function firstEndingBelow(els: ArrayLike<Element>, y: number): number {
  let lo = 0
  let hi = els.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (els[mid]!.getBoundingClientRect().bottom <= y) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Index of the paragraph at the client y coordinate `y` (the first ending below it). */
function paragraphAtY(article: Element, y: number): number {
  const chunks = article.children
  if (chunks.length === 0) return -1
  const c = firstEndingBelow(chunks, y)
  const inChunk = chunks[c]!.children
  if (inChunk.length === 0) return -1
  return c * CHUNK_SIZE + firstEndingBelow(inChunk, y)
}

/** [first, last] indices of the paragraphs inside the scroller's viewport. */
export function visibleParagraphs(article: Element, scroller: HTMLElement): [number, number] {
  if (article.children.length === 0) return [0, -1]
  const top = scroller.getBoundingClientRect().top
  const first = paragraphAtY(article, top)
  const last = paragraphAtY(article, top + scroller.clientHeight)
  return first < 0 || last < 0 ? [0, -1] : [first, last]
}

/** The paragraph holding text offset `offset` (the last one starting at or before it). */
export function paragraphAtOffset(article: Element, offset: number): HTMLElement | null {
  const paragraphs = paragraphElements(article)
  let lo = 0
  let hi = paragraphs.length - 1
  if (hi < 0) return null
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1
    if (Number(paragraphs[mid]!.getAttribute('data-start')) <= offset) lo = mid
    else hi = mid - 1
  }
  return paragraphs[lo]!
}

/**
 * A Range over text offsets [start, end) within the paragraph holding
 * `start` (clamped to that paragraph; a collapsed range when start = end),
 * or null when the article has no such text node.
 */
export function rangeOfSpan(article: Element, start: number, end = start): Range | null {
  const p = paragraphAtOffset(article, start)
  const node = p?.firstChild
  if (!p || !node || node.nodeType !== Node.TEXT_NODE) return null
  const base = Number(p.getAttribute('data-start'))
  const length = (node as Text).length
  const range = article.ownerDocument.createRange()
  range.setStart(node, Math.max(0, Math.min(start - base, length)))
  range.setEnd(node, Math.max(0, Math.min(end - base, length)))
  return range
}

/** Where the article's view starts: the offset of the first paragraph in view, and how
 *  far (px) the view's top is below that paragraph's top (saved as ui.topParagraph). */
export type TopParagraph = NonNullable<UiState['topParagraph']>

export function articleTop(article: Element, scroller: HTMLElement): TopParagraph {
  const i = paragraphAtY(article, scroller.getBoundingClientRect().top)
  const p = i >= 0 ? paragraphElements(article)[i] : undefined
  if (!p) return { offset: 0, px: 0 }
  return {
    offset: Number(p.getAttribute('data-start')) || 0,
    px: scroller.getBoundingClientRect().top - p.getBoundingClientRect().top,
  }
}

/** Programmatic scrolls still settling, per scroller (a new one replaces the old). */
const settling = new WeakMap<HTMLElement, () => void>()

/**
 * Scrolls by `offBy()` px, then again on the next frames while it is not 0.
 * Chunks that come into view are laid out in the frame after a scroll and
 * may turn out taller or shorter than estimated, which moves the text below
 * them: the target is measured again until it stays put (3 frames without a
 * move, 30 frames at most). The analyst scrolling, clicking or typing stops
 * it at once.
 */
export function scrollSettled(scroller: HTMLElement, offBy: () => number): void {
  settling.get(scroller)?.()
  let raf = 0
  let frames = 0
  let still = 0
  const stop = () => {
    cancelAnimationFrame(raf)
    for (const type of USER_INPUT) scroller.removeEventListener(type, stop)
    if (settling.get(scroller) === stop) settling.delete(scroller)
  }
  const step = () => {
    const d = Math.round(offBy())
    if (d !== 0) scroller.scrollTop += d
    still = d === 0 ? still + 1 : 0
    if (still >= 3 || ++frames >= 30) stop()
    else raf = requestAnimationFrame(step)
  }
  for (const type of USER_INPUT) scroller.addEventListener(type, stop, { passive: true })
  settling.set(scroller, stop)
  step()
}
const USER_INPUT = ['wheel', 'pointerdown', 'keydown', 'touchstart'] as const

/** Stops a programmatic scroll of `scroller` that is still settling, if any. */
export function stopSettling(scroller: HTMLElement): void {
  settling.get(scroller)?.()
}

/** Scrolls so that the view starts `top.px` below the top of the paragraph at `top.offset`. */
export function scrollToTop(article: Element, scroller: HTMLElement, top: TopParagraph): void {
  const p = paragraphAtOffset(article, top.offset)
  if (!p) return
  scrollSettled(
    scroller,
    () => p.getBoundingClientRect().top + top.px - scroller.getBoundingClientRect().top,
  )
}
