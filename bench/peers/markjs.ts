// mark.js markRanges: wraps character ranges of the context's text in <mark>s.
// It accepts no nested ranges: it drops every range that ends inside the
// previous kept one, and partially overlapping ones shift what it marks. Both
// are counted and reported.
import Mark from 'mark.js'
import type { Passage } from '@shared/model/schema'
import { article, startPeer } from './common'

interface MarkRange {
  start: number
  length: number
  id: string
  theme: string
  quote: string
}

const toRange = (p: Passage): MarkRange => ({
  start: p.start,
  length: p.end - p.start,
  id: p.id,
  theme: p.themeIds[0] ?? 'none',
  quote: p.quote,
})

function mark(ranges: MarkRange[]): Promise<{ dropped: number; wrong: number; kept: number }> {
  return new Promise((resolve) => {
    let dropped = 0
    const marked = new Map<string, string>()
    const byId = new Map(ranges.map((r) => [r.id, r]))
    new Mark(article()).markRanges(ranges, {
      element: 'mark',
      className: 'hl',
      each(el, range) {
        const r = range as MarkRange
        el.classList.add(`t-${r.theme}`)
        el.dataset.pid = r.id
        marked.set(r.id, (marked.get(r.id) ?? '') + el.textContent)
      },
      noMatch: () => dropped++,
      done: () => {
        let wrong = 0
        for (const [id, text] of marked) if (byId.get(id)!.quote !== text) wrong++
        resolve({ dropped, wrong, kept: marked.size })
      },
    })
  })
}

startPeer({
  setup() {},
  async apply(passages) {
    const { dropped, wrong, kept } = await mark(passages.map(toRange))
    return `dropped ${dropped} of ${passages.length} ranges; ${wrong} of the ${kept} marked show the wrong text`
  },
  async add(p) {
    await mark([toRange(p)])
  },
  painted: () => article().querySelector('mark') !== null,
  addPainted: (id) => article().querySelector(`mark[data-pid="${id}"]`) !== null,
  hitTest(x, y) {
    const ids: string[] = []
    for (const el of document.elementsFromPoint(x, y))
      if (el instanceof HTMLElement && el.dataset.pid) ids.push(el.dataset.pid)
    return ids
  },
})
