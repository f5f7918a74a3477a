// Paints passages with the CSS Custom Highlight API: no element is added to
// the article. Only the paragraphs near the viewport get ranges (Chromium
// re-computes every registered highlight on any DOM or style change, so
// thousands of registered ranges would slow every update); the view calls
// paint() again as the analyst scrolls. Search matches are culled the same
// way: all of them are known, only those near the viewport are registered.
// Segments with coder layers (two or more coders shown) get their bars in
// each coder's mark (coder bars, see highlight-styles.ts).
import type { LayeredSegment } from '@shared/model/coder-segments'
import type { Segment } from '@shared/model/segments'
import {
  allHighlightNames,
  barName,
  BAR_STACK,
  bgName,
  CODER_STACK,
  coderBarName,
  coderHighlightNames,
  highlightPriority,
  highlightRules,
  MARKS,
  MAX_THEMES,
  PAINTED_ATTRIBUTE,
  UNTAGGED_SLOT,
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

const sameIds = (a: readonly string[], b: readonly string[]) => {
  if (a.length !== b.length) return false
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false
  return true
}

const layersOf = (s: Segment) => (s as Partial<LayeredSegment>).layers

/** Same segments (same bounds, depth, themes in the same order, and coder layers)? */
function sameSegments(a: readonly Segment[], b: readonly Segment[]): boolean {
  if (a === b) return true
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!
    const y = b[i]!
    if (x.start !== y.start || x.end !== y.end || x.depth !== y.depth) return false
    if (!sameIds(x.themeIds, y.themeIds)) return false
    const lx = layersOf(x)
    const ly = layersOf(y)
    if (lx === ly) continue
    if (!lx || !ly || lx.length !== ly.length) return false
    for (let k = 0; k < lx.length; k++)
      if (lx[k]!.slot !== ly[k]!.slot || !sameIds(lx[k]!.themeIds, ly[k]!.themeIds)) return false
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
  private colours: readonly Pick<Theme, 'colour'>[] = []
  private coderSlots: readonly number[] = []

  constructor(private readonly doc: Document) {
    if (!supportsHighlights()) return
    this.register(allHighlightNames())
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, this.sheet]
  }

  private register(names: readonly string[]) {
    for (const name of names) {
      if (this.highlights.has(name)) continue
      const h = new Highlight()
      h.priority = highlightPriority(name)
      this.highlights.set(name, h)
      CSS.highlights.set(name, h)
    }
  }

  /** The colour of each slot (a codebook, or its colours: see paint-slots.ts). */
  setCodebook(slots: readonly Pick<Theme, 'colour'>[]): void {
    this.colours = slots
    this.sheet.replaceSync(highlightRules(slots, this.coderSlots))
  }

  /**
   * The coder slots whose marks segments with coder layers use (none: one
   * coder shown, the plain bars). Their highlights are registered the first
   * time they are needed, and their rules exist only while they are shown.
   */
  setCoderSlots(coderSlots: readonly number[]): void {
    if (sameNumbers(coderSlots, this.coderSlots)) return
    this.coderSlots = [...coderSlots]
    if (!supportsHighlights()) return
    this.register(coderHighlightNames(coderSlots))
    this.sheet.replaceSync(highlightRules(this.colours, this.coderSlots))
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
    const slotted = (id: string) => (slotOf.get(id) ?? MAX_THEMES) < MAX_THEMES
    for (const seg of segments) {
      if (seg.depth === 0) continue
      if (seg.depth > 1) mark(MARKS.overlap, seg.start, seg.end)
      const layers = layersOf(seg)
      if (layers) {
        const first = seg.themeIds.find(slotted)
        if (first !== undefined) mark(bgName(slotOf.get(first)!), seg.start, seg.end)
        // Each coder's bars, coder after coder: its themes, or a grey bar for untagged passages.
        const bars = layers.map(({ themeIds }) => {
          const themes = themeIds.filter(slotted).map((id) => slotOf.get(id)!)
          return themes.length ? themes : [UNTAGGED_SLOT]
        })
        const quotas = shareBars(bars.map((b) => b.length))
        let position = 0
        layers.forEach(({ slot: coder }, c) => {
          for (const theme of bars[c]!.slice(0, quotas[c]))
            mark(coderBarName(theme, position++, coder), seg.start, seg.end)
        })
        continue
      }
      // No theme, or none with a slot (a long codebook): still shown as a passage.
      if (!seg.themeIds.some(slotted)) mark(MARKS.untagged, seg.start, seg.end)
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

/**
 * How many of its bars each coder gets when they do not all fit in the
 * stack: one each in turn, so that every coder (up to CODER_STACK of them)
 * keeps at least one bar however many themes another coder gave.
 */
function shareBars(wanted: readonly number[]): number[] {
  const quotas = wanted.map(() => 0)
  let left = CODER_STACK
  for (let round = 0; left > 0; round++) {
    let given = false
    for (let c = 0; c < wanted.length && left > 0; c++)
      if (wanted[c]! > round) {
        quotas[c]!++
        left--
        given = true
      }
    if (!given) break
  }
  return quotas
}

const sameNumbers = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((x, i) => x === b[i])

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
