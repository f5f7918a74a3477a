// Geometry of the article's paragraphs. The article holds chunks (blocks of
// CHUNK_SIZE paragraphs; only chunks near the viewport are laid out, see
// styles.css), each paragraph carrying data-start/data-end and one text node.
// Lookups are binary searches: over chunks first, whose boxes exist even
// when they are not laid out, then over the paragraphs of one chunk, so that
// culling never forces the layout of far-away text.

/** Paragraphs per chunk. */
export const CHUNK_SIZE = 16

/** The article's paragraphs, in text order (a live collection). */
export function paragraphElements(article: Element): HTMLCollectionOf<HTMLElement> {
  return article.getElementsByTagName('p') as HTMLCollectionOf<HTMLElement>
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

/** Where the article's view starts: the offset of the first paragraph in view, and how
 *  far (px) the view's top is below that paragraph's top. */
export interface TopParagraph {
  offset: number
  px: number
}

export function articleTop(article: Element, scroller: HTMLElement): TopParagraph {
  const i = paragraphAtY(article, scroller.getBoundingClientRect().top)
  const p = i >= 0 ? paragraphElements(article)[i] : undefined
  if (!p) return { offset: 0, px: 0 }
  return {
    offset: Number(p.getAttribute('data-start')) || 0,
    px: scroller.getBoundingClientRect().top - p.getBoundingClientRect().top,
  }
}

/**
 * Scrolls so that the view starts `top.px` below the top of the paragraph at
 * `top.offset`. Returns how far off the result is (px): chunks laid out by
 * the scroll may change the height of what is above, so callers repeat it
 * after the next frame until it is 0.
 */
export function scrollToTop(article: Element, scroller: HTMLElement, top: TopParagraph): number {
  const p = paragraphAtOffset(article, top.offset)
  if (!p) return 0
  const off = () => p.getBoundingClientRect().top + top.px - scroller.getBoundingClientRect().top
  scroller.scrollTop += off()
  return Math.round(off())
}
