// Apache Annotator's DOM highlighter: highlightText wraps every text node of
// a Range in a <mark>, splitting text nodes at the edges. The Range of each
// passage comes from its offsets (ArticleIndex, paragraph by paragraph, as
// the DOM is wrapped); that lookup is part of the timed work.
import { highlightText } from '@apache-annotator/dom'
import type { Passage } from '@shared/model/schema'
import { article, startPeer, type ArticleIndex } from './common'

let index: ArticleIndex

const highlight = (p: Passage) =>
  highlightText(index.range(p.start, p.end), 'mark', {
    class: `hl t-${p.themeIds[0] ?? 'none'}`,
    'data-pid': p.id,
  })

startPeer(
  {
    setup() {},
    apply(passages) {
      for (const p of passages) highlight(p)
      return undefined
    },
    add(p) {
      highlight(p)
    },
    painted: () => article().querySelector('mark') !== null,
    addPainted: (id) => article().querySelector(`mark[data-pid="${id}"]`) !== null,
    hitTest(x, y) {
      const ids: string[] = []
      for (const el of document.elementsFromPoint(x, y))
        if (el instanceof HTMLElement && el.dataset.pid) ids.push(el.dataset.pid)
      return ids
    },
  },
  (i) => (index = i),
)
