import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { makePassage } from '@shared/model/edits'
import type { Passage } from '@shared/model/schema'
import { sessionOf } from '@renderer/test-support/fake-api'
import {
  articleText,
  mountArticle,
  nextFrame,
  pointOfChar,
  type MountedArticle,
} from '@renderer/test-support/article-dom'
import { ArticleRenderer, type ArticleContent } from './article-renderer'

const TEXT = articleText(120)
const codebook = sessionOf(TEXT).codebook
const passage = (id: string, start: number, end: number, themes = [0]): Passage =>
  makePassage(TEXT, {
    id,
    start,
    end,
    themeIds: themes.map((k) => codebook[k]!.id),
    author: 'A',
    now: '2026-12-01T09:00:00.000Z',
  })

let m: MountedArticle
let renderer: ArticleRenderer
const callbacks = {
  onScroll: vi.fn(),
  onPassageClick: vi.fn(),
  describeHover: vi.fn((themes: readonly string[], n: number) => `${themes.join(', ')} (${n})`),
}
let content: ArticleContent

/** Every range registered under Gloss's highlight names. */
const ranges = () =>
  [...CSS.highlights].flatMap(([name, h]) =>
    name.startsWith('gloss-') ? [...h].map((r) => ({ name, r })) : [],
  )
const paintedParagraphs = () =>
  new Set(
    ranges().map(({ r }) => Number((r.startContainer.parentElement as HTMLElement).dataset.start)),
  )

beforeEach(() => {
  vi.clearAllMocks()
  m = mountArticle(TEXT)
  const first = m.paragraphs[1]!
  content = {
    paragraphs: m.paragraphs,
    passages: [passage('near', first.start + 3, first.start + 20)],
    codebook,
    selectedId: null,
    flashId: null,
  }
  renderer = new ArticleRenderer(m.scroller, m.article, callbacks)
})
afterEach(() => {
  renderer.destroy()
  m.unmount()
})

describe('ArticleRenderer', () => {
  it('paints the passages near the view only', () => {
    const far = m.paragraphs[100]!
    renderer.update({
      ...content,
      passages: [...content.passages, passage('far', far.start, far.start + 9)],
    })
    expect(ranges().some(({ name }) => name.startsWith('gloss-bg-'))).toBe(true)
    expect([...paintedParagraphs()]).toEqual([m.paragraphs[1]!.start])
  })

  it('marks the selected passage, and repaints nothing when nothing changed', () => {
    renderer.update(content)
    const before = ranges().map(({ r }) => r)
    renderer.update({ ...content })
    expect(ranges().map(({ r }) => r)).toEqual(before)
    renderer.update({ ...content, selectedId: 'near' })
    expect(ranges().filter(({ name }) => name === 'gloss-selected')).toHaveLength(1)
  })

  it('scrolls to a passage far down and paints it once there', async () => {
    const far = m.paragraphs[100]!
    renderer.update({ ...content, passages: [passage('far', far.start, far.start + 9)] })
    renderer.scrollToPassage({ start: far.start })
    await expect.poll(() => renderer.topOffset()).toBeGreaterThan(m.paragraphs[90]!.start)
    const box = m.scroller.getBoundingClientRect()
    const at = m.paragraph(100).getBoundingClientRect()
    expect(at.top).toBeGreaterThan(box.top)
    expect(at.top).toBeLessThan(box.bottom)
    await expect.poll(() => paintedParagraphs().has(far.start)).toBe(true)
    expect(callbacks.onScroll).toHaveBeenCalled()
    const [scrollTop, top] = callbacks.onScroll.mock.lastCall!
    expect(scrollTop).toBe(m.scroller.scrollTop)
    expect(top().offset).toBe(renderer.topOffset())
  })

  it('reveals a search match and paints it as the current one', async () => {
    const far = m.paragraphs[80]!
    const match = { start: far.start + 4, end: far.start + 10 }
    renderer.update({ ...content, search: { matches: [match], current: 0 } })
    renderer.revealSpan(match)
    await expect
      .poll(() => ranges().filter(({ name }) => name === 'gloss-search-current').length)
      .toBe(1)
  })

  it('reports a click on a passage, and on no passage', () => {
    renderer.update(content)
    const at = pointOfChar(m, content.passages[0]!.start + 5)
    m.article.dispatchEvent(
      new MouseEvent('mouseup', { bubbles: true, clientX: at.x, clientY: at.y }),
    )
    expect(callbacks.onPassageClick).toHaveBeenLastCalledWith('near')
    const off = pointOfChar(m, m.paragraphs[2]!.start + 5)
    m.article.dispatchEvent(
      new MouseEvent('mouseup', { bubbles: true, clientX: off.x, clientY: off.y }),
    )
    expect(callbacks.onPassageClick).toHaveBeenLastCalledWith(null)
  })

  it('marks the passage under the pointer and names its themes', async () => {
    renderer.update(content)
    const at = pointOfChar(m, content.passages[0]!.start + 5)
    m.article.dispatchEvent(
      new MouseEvent('mousemove', { bubbles: true, clientX: at.x, clientY: at.y }),
    )
    await expect.poll(() => m.article.classList.contains('over-passage')).toBe(true)
    expect(ranges().filter(({ name }) => name === 'gloss-hover')).toHaveLength(1)
    expect(m.article.title).toBe(`${codebook[0]!.name} (1)`)
    m.article.dispatchEvent(new MouseEvent('mouseleave'))
    expect(m.article.classList.contains('over-passage')).toBe(false)
    expect(ranges().filter(({ name }) => name === 'gloss-hover')).toHaveLength(0)
  })

  it('destroy() removes every listener, observer and highlight it added', async () => {
    renderer.destroy()
    const added: unknown[][] = []
    const removed: unknown[][] = []
    const add = vi.spyOn(EventTarget.prototype, 'addEventListener')
    const remove = vi.spyOn(EventTarget.prototype, 'removeEventListener')
    const disconnect = vi.spyOn(ResizeObserver.prototype, 'disconnect')
    try {
      renderer = new ArticleRenderer(m.scroller, m.article, callbacks)
      renderer.update(content)
      renderer.scrollToPassage({ start: m.paragraphs[60]!.start })
      added.push(...add.mock.calls.map((c) => [add.mock.contexts[add.mock.calls.indexOf(c)], ...c]))
      renderer.destroy()
      removed.push(
        ...remove.mock.calls.map((c) => [remove.mock.contexts[remove.mock.calls.indexOf(c)], ...c]),
      )
    } finally {
      add.mockRestore()
      remove.mockRestore()
    }
    expect(added.length).toBeGreaterThan(0)
    const key = ([target, type, fn, options]: unknown[]) => [
      target,
      type,
      fn,
      typeof options === 'boolean' ? options : !!(options as { capture?: boolean })?.capture,
    ]
    expect(removed.map(key)).toEqual(expect.arrayContaining(added.map(key)))
    expect(disconnect).toHaveBeenCalled()
    disconnect.mockRestore()
    expect(ranges()).toHaveLength(0)
    expect([...CSS.highlights.keys()].filter((n) => n.startsWith('gloss-'))).toEqual([])
    expect(m.article.querySelector('[data-painted]')).toBeNull()
    // Nothing reacts any more.
    vi.clearAllMocks()
    m.scroller.scrollTop += 500
    await nextFrame()
    await nextFrame()
    expect(callbacks.onScroll).not.toHaveBeenCalled()
  })
})
