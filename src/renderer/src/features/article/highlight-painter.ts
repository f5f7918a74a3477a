// Paints passages with the CSS Custom Highlight API: no element is added to
// the article. Only the paragraphs near the viewport get ranges (Chromium
// re-computes every registered highlight on any DOM or style change, so
// thousands of registered ranges would slow every update); the view calls
// paint() again as the analyst scrolls. Search matches are culled the same
// way: all of them are known, only those near the viewport are registered.
import type { Segment } from '@shared/model/segments'
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
import type { Theme } from '@shared/model/schema'

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
  segmentsOf: (i: number) => readonly Segment[]
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

/** Same segments (same bounds, depth and themes in the same order)? */
function sameSegments(a: readonly Segment[], b: readonly Segment[]): boolean {
  if (a === b) return true
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!
    const y = b[i]!
    if (x.start !== y.start || x.end !== y.end || x.depth !== y.depth) return false
    if (x.themeIds.length !== y.themeIds.length) return false
    for (let k = 0; k < x.themeIds.length; k++) if (x.themeIds[k] !== y.themeIds[k]) return false
  }
  return true
}

type Entry = [Highlight, StaticRange]

/** What is registered for one painted paragraph. */
interface PaintedParagraph {
  text: Text
  segments: readonly Segment[]
  themes: Entry[]
  /** The marks and search matches over the paragraph, as "name,start,end;…". */
  marksKey: string
  marks: Entry[]
}

export class HighlightPainter {
  private readonly highlights = new Map<string, Highlight>()
  private readonly sheet = new CSSStyleSheet()
  /**
   * The paragraphs painted by the last paint, with their ranges. A paint
   * changes only what differs from it: paragraphs that came into the window
   * get ranges, those that left lose theirs, and a paragraph whose segments
   * or marks changed is redone. Chromium repaints the text under every range
   * that is added or removed, so repainting everything on each scrolled frame
   * tripled the cost of scrolling.
   */
  private painted = new Map<HTMLElement, PaintedParagraph>()
  private slotOf: ReadonlyMap<string, number> | null = null

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

  /** The colour of each slot (a codebook, or its colours: see paint-slots.ts). */
  setCodebook(slots: readonly Pick<Theme, 'colour'>[]): void {
    this.sheet.replaceSync(highlightRules(slots))
  }

  dispose(): void {
    for (const name of this.highlights.keys()) CSS.highlights?.delete(name)
    for (const el of this.painted.keys()) el.removeAttribute(PAINTED_ATTRIBUTE)
    this.painted.clear()
    this.rangeCount = 0
    this.doc.adoptedStyleSheets = this.doc.adoptedStyleSheets.filter((s) => s !== this.sheet)
  }

  /** Number of ranges registered (for tests and the benchmark). */
  rangeCount = 0

  private add(into: Entry[], name: string, node: Text, base: number, s: number, e: number) {
    const h = this.highlights.get(name)
    if (!h) return
    const range = new StaticRange({
      startContainer: node,
      startOffset: s - base,
      endContainer: node,
      endOffset: e - base,
    })
    h.add(range)
    into.push([h, range])
    this.rangeCount++
  }

  private remove(entries: Entry[]) {
    for (const [h, range] of entries) h.delete(range)
    this.rangeCount -= entries.length
    entries.length = 0
  }

  private forget(el: HTMLElement, p: PaintedParagraph) {
    this.remove(p.themes)
    this.remove(p.marks)
    el.removeAttribute(PAINTED_ATTRIBUTE)
    this.painted.delete(el)
  }

  paint(input: PaintInput): void {
    if (!supportsHighlights()) return
    // Another codebook order moves themes to other slots: everything is redone.
    if (input.slotOf !== this.slotOf) {
      for (const [el, p] of this.painted) this.forget(el, p)
      this.slotOf = input.slotOf
    }
    const first = Math.max(0, input.first)
    const last = Math.min(input.last, input.paragraphs.length - 1)
    const inWindow = new Set<HTMLElement>()
    for (let i = first; i <= last; i++) inWindow.add(input.paragraphs[i]!)
    for (const [el, p] of this.painted) if (!inWindow.has(el)) this.forget(el, p)

    for (let i = first; i <= last; i++) {
      const paragraph = input.paragraphs[i]!
      const node = paragraph.firstChild
      let p = this.painted.get(paragraph)
      if (!node || node.nodeType !== Node.TEXT_NODE) {
        if (p) this.forget(paragraph, p)
        continue
      }
      const text = node as Text
      if (p && p.text !== text) {
        this.forget(paragraph, p)
        p = undefined
      }
      const fresh = !p
      if (!p) {
        p = { text, segments: [], themes: [], marksKey: '', marks: [] }
        this.painted.set(paragraph, p)
        paragraph.setAttribute(PAINTED_ATTRIBUTE, '')
      }
      const base = input.starts[i]!
      const segments = input.segmentsOf(i)
      if (fresh || !sameSegments(p.segments, segments)) {
        this.remove(p.themes)
        this.paintSegments(p.themes, text, base, segments, input.slotOf)
      }
      p.segments = segments
      const marks = marksOver(input, base, base + text.length)
      const key = marks.join(';')
      if (key !== p.marksKey) {
        this.remove(p.marks)
        p.marksKey = key
        for (const [name, s, e] of marks) this.add(p.marks, name, text, base, s, e)
      }
    }
  }

  /**
   * One range per run of text under the same highlight: where consecutive
   * segments share a highlight (the same theme at the same place in the bar
   * stack, the overlap mark…), their ranges are merged. Fewer ranges, less
   * for Chromium to rebuild on each change of the document.
   */
  private paintSegments(
    into: Entry[],
    text: Text,
    base: number,
    segments: readonly Segment[],
    slotOf: ReadonlyMap<string, number>,
  ) {
    const open = new Map<string, [number, number]>()
    const mark = (name: string, s: number, e: number) => {
      const run = open.get(name)
      if (run && run[1] === s) run[1] = e
      else {
        if (run) this.add(into, name, text, base, run[0], run[1])
        open.set(name, [s, e])
      }
    }
    for (const seg of segments) {
      if (seg.depth === 0) continue
      if (seg.depth > 1) mark(MARKS.overlap, seg.start, seg.end)
      // No theme, or none with a slot (a long codebook): still shown as a passage.
      if (!seg.themeIds.some((id) => (slotOf.get(id) ?? MAX_THEMES) < MAX_THEMES))
        mark(MARKS.untagged, seg.start, seg.end)
      seg.themeIds.forEach((id, k) => {
        const slot = slotOf.get(id)
        if (slot === undefined || slot >= MAX_THEMES) return
        if (k === 0) mark(bgName(slot), seg.start, seg.end)
        if (k < BAR_STACK) mark(barName(slot, k), seg.start, seg.end)
      })
    }
    for (const [name, [s, e]] of open) this.add(into, name, text, base, s, e)
  }
}

/** The marks and search matches over [from, to), clipped to it. */
function marksOver(input: PaintInput, from: number, to: number): [string, number, number][] {
  const out: [string, number, number][] = []
  const { marks } = input
  for (const [name, span] of [
    [MARKS.hover, marks.hover],
    [MARKS.selected, marks.selected],
    [MARKS.flash, marks.flash],
  ] as const) {
    if (!span) continue
    const s = Math.max(span.start, from)
    const e = Math.min(span.end, to)
    if (s < e) out.push([name, s, e])
  }
  const search = input.search
  if (search && search.matches.length > 0) {
    const { matches, current } = search
    for (let k = firstEndingAfter(matches, from); k < matches.length; k++) {
      const m = matches[k]!
      if (m.start >= to) break
      const s = Math.max(m.start, from)
      const e = Math.min(m.end, to)
      if (s < e) out.push([k === current ? MARKS.searchCurrent : MARKS.search, s, e])
    }
  }
  return out
}
