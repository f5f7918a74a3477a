import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest'
import {
  articleText,
  mountArticle,
  nextFrame,
  type MountedArticle,
} from '@renderer/test-support/article-dom'
import {
  SelectionObserver,
  type SelectionCallback,
  type SelectionDocument,
} from './selection-observer'

const TEXT = articleText(10)
let m: MountedArticle
let doc: SelectionDocument & { view: EventTarget }
let callback: Mock<SelectionCallback>
let observer: SelectionObserver

/** Selects [from, to) of paragraph i's text in the real document. */
function select(i: number, from: number, to: number) {
  const node = m.paragraph(i).firstChild!
  document.getSelection()!.setBaseAndExtent(node, from, node, to)
}

beforeEach(() => {
  m = mountArticle(TEXT)
  document.getSelection()!.removeAllRanges()
  // A document of the test's own: its events are the test's, its selection the page's.
  const view = new EventTarget()
  doc = Object.assign(new EventTarget(), {
    getSelection: () => document.getSelection(),
    defaultView: view,
    view,
  })
  callback = vi.fn<SelectionCallback>()
  observer = new SelectionObserver(m.article, callback, doc)
})
afterEach(() => {
  observer.disconnect()
  m.unmount()
})

const reported = () =>
  callback.mock.calls.map(([sel, alt]) => (sel ? [sel.start, sel.end, alt] : [null, alt]))

describe('SelectionObserver', () => {
  it('reports a keyboard selection inside the element, once per frame, as text offsets', async () => {
    const base = m.paragraphs[1]!.start
    select(1, 3, 9)
    doc.dispatchEvent(new Event('selectionchange'))
    doc.dispatchEvent(new Event('selectionchange'))
    expect(callback).not.toHaveBeenCalled()
    await nextFrame()
    expect(reported()).toEqual([[base + 3, base + 9, false]])
    expect(callback.mock.calls[0]![0]?.range.toString()).toBe(TEXT.slice(base + 3, base + 9))
  })

  it('listens to the document it was given, not the page’s', async () => {
    select(1, 3, 9)
    document.dispatchEvent(new Event('selectionchange'))
    await nextFrame()
    await nextFrame()
    expect(callback).not.toHaveBeenCalled()
  })

  it('reports null for a selection outside the element or a collapsed one', async () => {
    const outside = document.createElement('p')
    outside.textContent = 'ailleurs'
    document.body.append(outside)
    document.getSelection()!.selectAllChildren(outside)
    doc.dispatchEvent(new Event('selectionchange'))
    await nextFrame()
    select(2, 4, 4)
    doc.dispatchEvent(new Event('selectionchange'))
    await nextFrame()
    outside.remove()
    expect(reported()).toEqual([
      [null, false],
      [null, false],
    ])
  })

  it('waits for the mouse button while dragging, then reports at once, with Alt', () => {
    const base = m.paragraphs[0]!.start
    m.article.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }))
    select(0, 2, 8)
    doc.dispatchEvent(new Event('selectionchange'))
    m.article.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, altKey: true }))
    expect(reported()).toEqual([[base + 2, base + 8, true]])
  })

  it('reports a drag that ends outside the element when the window sees the button released', async () => {
    m.article.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }))
    select(3, 0, 5)
    doc.view.dispatchEvent(new MouseEvent('mouseup'))
    await nextFrame()
    expect(reported()).toEqual([[m.paragraphs[3]!.start, m.paragraphs[3]!.start + 5, false]])
  })

  it('follows Alt from the keyboard', async () => {
    select(1, 0, 4)
    doc.view.dispatchEvent(new KeyboardEvent('keydown', { altKey: true }))
    doc.dispatchEvent(new Event('selectionchange'))
    await nextFrame()
    expect(reported()[0]![2]).toBe(true)
  })

  it('reports nothing after disconnect()', async () => {
    select(1, 3, 9)
    doc.dispatchEvent(new Event('selectionchange'))
    observer.disconnect()
    await nextFrame()
    m.article.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }))
    m.article.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }))
    doc.dispatchEvent(new Event('selectionchange'))
    doc.view.dispatchEvent(new MouseEvent('mouseup'))
    await nextFrame()
    expect(callback).not.toHaveBeenCalled()
  })
})
