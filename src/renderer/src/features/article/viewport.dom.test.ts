import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { articleText, mountArticle, type MountedArticle } from '@renderer/test-support/article-dom'
import {
  articleTop,
  CHUNK_SIZE,
  paragraphAtOffset,
  paragraphElements,
  rangeOfSpan,
  scrollSettled,
  scrollToTop,
  visibleParagraphs,
} from './viewport'

const TEXT = articleText(100)
let m: MountedArticle
beforeEach(() => (m = mountArticle(TEXT)))
afterEach(() => m.unmount())

/** Indices of the paragraphs whose boxes meet the scroller's box, measured one by one. */
function measuredVisible(): [number, number] {
  const box = m.scroller.getBoundingClientRect()
  const seen = [...paragraphElements(m.article)]
    .map((p, i) => [p.getBoundingClientRect(), i] as const)
    .filter(([r]) => r.bottom > box.top && r.top < box.bottom)
    .map(([, i]) => i)
  return [seen[0]!, seen[seen.length - 1]!]
}

describe('viewport', () => {
  it('lists the paragraphs in text order, in chunks of CHUNK_SIZE', () => {
    const ps = paragraphElements(m.article)
    expect(ps).toHaveLength(100)
    expect(m.article.children).toHaveLength(Math.ceil(100 / CHUNK_SIZE))
    expect([...ps].map((p) => Number(p.dataset.start))).toEqual(m.paragraphs.map((p) => p.start))
  })

  it('finds the visible paragraphs by binary search, as measuring each would', () => {
    for (const top of [0, 333, 2500, 7777, m.scroller.scrollHeight]) {
      m.scroller.scrollTop = top
      const [first, last] = visibleParagraphs(m.article, m.scroller)
      const measured = measuredVisible()
      expect(first).toBe(measured[0])
      // The view's bottom edge may fall in the margin above the next paragraph: that one counts.
      expect([measured[1], measured[1] + 1]).toContain(last)
    }
  })

  it('finds the paragraph holding an offset', () => {
    const p = m.paragraphs[37]!
    expect(paragraphAtOffset(m.article, p.start)).toBe(m.paragraph(37))
    expect(paragraphAtOffset(m.article, p.end)).toBe(m.paragraph(37))
    expect(paragraphAtOffset(m.article, p.end + 1)).toBe(m.paragraph(37))
    expect(paragraphAtOffset(m.article, 0)).toBe(m.paragraph(0))
  })

  it('builds a range over a span, clamped to the paragraph holding its start', () => {
    const p = m.paragraphs[5]!
    expect(rangeOfSpan(m.article, p.start + 2, p.start + 9)!.toString()).toBe(
      TEXT.slice(p.start + 2, p.start + 9),
    )
    expect(rangeOfSpan(m.article, p.start + 2, p.end + 50)!.toString()).toBe(
      TEXT.slice(p.start + 2, p.end),
    )
    expect(rangeOfSpan(m.article, p.start + 4)!.collapsed).toBe(true)
  })

  it('reads where the view starts and scrolls back to it', async () => {
    m.scroller.scrollTop = 0
    m.paragraph(60).scrollIntoView({ block: 'start' })
    m.scroller.scrollTop += 17
    const top = articleTop(m.article, m.scroller)
    expect(top.offset).toBe(m.paragraphs[60]!.start)
    expect(top.px).toBeCloseTo(17, 0)
    m.scroller.scrollTop = 0
    scrollToTop(m.article, m.scroller, top)
    await expect.poll(() => articleTop(m.article, m.scroller).offset).toBe(top.offset)
    expect(articleTop(m.article, m.scroller).px).toBeCloseTo(top.px, 0)
  })

  it('stops a settling scroll when the analyst scrolls', async () => {
    let asked = 0
    scrollSettled(m.scroller, () => (++asked, 10))
    expect(asked).toBe(1)
    m.scroller.dispatchEvent(new WheelEvent('wheel'))
    const stoppedAt = asked
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
    expect(asked).toBe(stoppedAt)
  })
})
