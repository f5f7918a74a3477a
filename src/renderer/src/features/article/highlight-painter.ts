// Paints passages with the CSS Custom Highlight API: no element is added to
// the article. Only the paragraphs near the viewport get ranges (Chromium
// re-computes every registered highlight on any DOM or style change, so
// thousands of registered ranges would slow every update); the view calls
// paint() again as the analyst scrolls. Search matches are culled the same
// way: all of them are known, only those near the viewport are registered.
import type { Segment } from '../../../../shared/model/segments'
import {
  allHighlightNames,
  barName,
  BAR_STACK,
  bgName,
  highlightRules,
  MARKS,
  MAX_THEMES,
  PAINTED_ATTRIBUTE,
} from './highlight-styles'
import type { Theme } from '../../../../shared/model/schema'

export interface Span {
  start: number
  end: number
}

export interface PaintInput {
  /** The article's paragraph elements; each holds one text node. */
  paragraphs: ArrayLike<HTMLElement>
  /** Paragraph start offsets, ascending (same order as `paragraphs`). */
  starts: readonly number[]
  /** The segments of paragraph i. */
  segmentsOf(i: number): readonly Segment[]
  /** Which paragraphs to paint: [first, last]. */
  first: number
  last: number
  slotOf: ReadonlyMap<string, number>
  marks: { selected: Span | null; flash: Span | null; hover: Span | null }
  /** Search matches in text order (non-overlapping), and the index of the current one (or -1). */
  search?: { matches: readonly Span[]; current: number }
}

/** Index of the first span that ends after `offset` (spans sorted, non-overlapping). */
function firstEndingAfter(spans: readonly Span[], offset: number): number {
  let lo = 0
  let hi = spans.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (spans[mid]!.end <= offset) lo = mid + 1
    else hi = mid
  }
  return lo
}

export const supportsHighlights = () => typeof CSS !== 'undefined' && 'highlights' in CSS

export class HighlightPainter {
  private readonly highlights = new Map<string, Highlight>()
  private readonly sheet = new CSSStyleSheet()
  /** The paragraphs that carry PAINTED_ATTRIBUTE (the highlight rules apply to these only). */
  private painted = new Set<HTMLElement>()

  constructor(private readonly doc: Document) {
    if (!supportsHighlights()) return
    allHighlightNames().forEach((name, priority) => {
      const h = new Highlight()
      h.priority = priority
      this.highlights.set(name, h)
      CSS.highlights.set(name, h)
    })
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, this.sheet]
  }

  setCodebook(codebook: readonly Theme[]): void {
    this.sheet.replaceSync(highlightRules(codebook))
  }

  dispose(): void {
    for (const name of this.highlights.keys()) CSS.highlights?.delete(name)
    for (const el of this.painted) el.removeAttribute(PAINTED_ATTRIBUTE)
    this.painted.clear()
    this.doc.adoptedStyleSheets = this.doc.adoptedStyleSheets.filter((s) => s !== this.sheet)
  }

  /** Number of ranges registered by the last paint (for tests and the benchmark). */
  rangeCount = 0

  paint(input: PaintInput): void {
    if (!supportsHighlights()) return
    for (const h of this.highlights.values()) h.clear()
    let count = 0
    const add = (name: string, node: Text, base: number, s: number, e: number) => {
      this.highlights.get(name)?.add(
        new StaticRange({
          startContainer: node,
          startOffset: s - base,
          endContainer: node,
          endOffset: e - base,
        }),
      )
      count++
    }
    const { marks } = input
    const painted = new Set<HTMLElement>()
    for (let i = Math.max(0, input.first); i <= input.last && i < input.paragraphs.length; i++) {
      const paragraph = input.paragraphs[i]!
      painted.add(paragraph)
      if (!this.painted.has(paragraph)) paragraph.setAttribute(PAINTED_ATTRIBUTE, '')
      const node = paragraph.firstChild
      if (!node || node.nodeType !== Node.TEXT_NODE) continue
      const text = node as Text
      const base = input.starts[i]!
      const pEnd = base + text.length
      for (const seg of input.segmentsOf(i)) {
        if (seg.depth === 0) continue
        if (seg.depth > 1) add(MARKS.overlap, text, base, seg.start, seg.end)
        if (seg.themeIds.length === 0) add(MARKS.untagged, text, base, seg.start, seg.end)
        seg.themeIds.forEach((id, k) => {
          const slot = input.slotOf.get(id)
          if (slot === undefined || slot >= MAX_THEMES) return
          if (k === 0) add(bgName(slot), text, base, seg.start, seg.end)
          if (k < BAR_STACK) add(barName(slot, k), text, base, seg.start, seg.end)
        })
      }
      for (const [name, span] of [
        [MARKS.hover, marks.hover],
        [MARKS.selected, marks.selected],
        [MARKS.flash, marks.flash],
      ] as const) {
        if (!span) continue
        const s = Math.max(span.start, base)
        const e = Math.min(span.end, pEnd)
        if (s < e) add(name, text, base, s, e)
      }
      const search = input.search
      if (search && search.matches.length > 0) {
        const { matches, current } = search
        for (let k = firstEndingAfter(matches, base); k < matches.length; k++) {
          const m = matches[k]!
          if (m.start >= pEnd) break
          const s = Math.max(m.start, base)
          const e = Math.min(m.end, pEnd)
          if (s < e) add(k === current ? MARKS.searchCurrent : MARKS.search, text, base, s, e)
        }
      }
    }
    for (const el of this.painted) if (!painted.has(el)) el.removeAttribute(PAINTED_ATTRIBUTE)
    this.painted = painted
    this.rangeCount = count
  }
}
