// Recogito's text annotator 4.1.1 with its default renderer (SPANS: an
// absolutely positioned layer of <span>s for the annotations in view, redrawn
// on scroll). Offsets are its own (TreeWalker over the container's text
// nodes), which equal Gloss's here: see common.ts.
import {
  createTextAnnotator,
  Origin,
  type TextAnnotation,
  type TextAnnotationLike,
  type TextAnnotator,
} from '@recogito/text-annotator'
import '@recogito/text-annotator/text-annotator.css'
import type { Passage } from '@shared/model/schema'
import { article, startPeer } from './common'

let anno: TextAnnotator<TextAnnotationLike, TextAnnotationLike>
const colourOf = new Map<string, string>()
const themeOf = new Map<string, string>()

const toAnnotation = (p: Passage) => {
  themeOf.set(p.id, p.themeIds[0] ?? '')
  // The internal format: selectors with start/end; Recogito finds the Range itself.
  return {
    id: p.id,
    bodies: [],
    target: { annotation: p.id, selector: [{ quote: p.quote, start: p.start, end: p.end }] },
  } as unknown as TextAnnotation
}

startPeer({
  setup(el, codebook) {
    for (const t of codebook) colourOf.set(t.id, t.colour)
    anno = createTextAnnotator(el, {
      style: (a: TextAnnotationLike) => ({
        fill: (colourOf.get(themeOf.get(a.id) ?? '') ?? '#8a8a8a') as `#${string}`,
        fillOpacity: 0.22,
      }),
    })
  },
  apply(passages) {
    // setAnnotations(list) (replace = true) goes through the core store's
    // syncAnnotations, which in 4.1.1 does not resolve start/end into Ranges:
    // nothing would be drawn. The text store's bulk add does (it is what
    // setAnnotations(list, false) calls, here in one batch).
    anno.state.store.bulkAddAnnotations(passages.map(toAnnotation), true, Origin.REMOTE)
    return undefined
  },
  add(p) {
    anno.addAnnotation(toAnnotation(p))
  },
  painted: () => article().querySelector('.r6o-span-highlight-layer .r6o-annotation') !== null,
  addPainted: (id) => article().querySelector(`.r6o-annotation[data-annotation="${id}"]`) !== null,
  hitTest(x, y) {
    // As its own pointermove handler does: container-relative, through its spatial index.
    const box = article().getBoundingClientRect()
    const found = anno.state.store.getAt(x - box.left, y - box.top, true) ?? []
    return found.map((a) => a.id)
  },
})
