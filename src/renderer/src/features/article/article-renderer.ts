// The article's painting and pointer engine, outside React. React renders the
// paragraphs; this object paints the passages and marks over them (through
// the HighlightPainter, in a small window of paragraphs around the view),
// listens to the scroller's scroll and resize and to the pointer over the
// article (hover, clicks on passages), and scrolls the view when asked (to a
// passage, to a search match). `destroy()` removes every listener, observer,
// timer and highlight it added. It never edits the session, and changes the
// article's DOM only through the painter's attribute, the `over-passage`
// class, the tooltip and, while coders are shown apart, the article's line
// height (taller lines hold each coder's bars).
import type { Passage, Theme } from '@shared/model/schema'
import type { Paragraph } from '@shared/model/text'
import { CODER_LINE_HEIGHT, MAX_CODER_SLOTS } from '@renderer/lib/coder-marks'
import type { ArticleHandle } from './article-handle'
import { HighlightPainter, type Span } from './highlight-painter'
import { paintSlots, slotsFollowPassages, type PaintSlots } from './paint-slots'
import { passagesAtPoint } from './hit-test'
import { Listeners } from './listeners'
import { windowFor } from './painted-window'
import { ParagraphSegments } from './paragraph-segments'
import { scrollSpanIntoView, scrollToOffset } from './scroll-to'
import {
  articleTop,
  paragraphElements,
  scrollToTop,
  stopSettling,
  visibleParagraphs,
  type TopParagraph,
} from './viewport'

export interface ArticleRendererCallbacks {
  /** Scrolled; `topParagraph` reads where the view now starts (it measures: call it sparingly). */
  onScroll: (scrollTop: number, topParagraph: () => TopParagraph) => void
  /** A click with no text selected: the innermost passage under the pointer, or null. */
  onPassageClick: (id: string | null) => void
  /** The tooltip for the passages under the pointer, given their themes' names
   *  in codebook order (none when untagged), how many passages they are and,
   *  when coders are shown apart, their coders (in the session's order). */
  describeHover: (
    themeNames: readonly string[],
    passages: number,
    coders: readonly string[],
  ) => string
}

/** What the article shows; the renderer repaints what changed (compared by identity). */
export interface ArticleContent {
  /** The paragraphs React renders, in text order (one `<p>` each). */
  paragraphs: readonly Paragraph[]
  passages: readonly Passage[]
  codebook: readonly Theme[]
  selectedId: string | null
  /** The passage briefly marked after a jump to it. */
  flashId: string | null
  /** Search matches in text order, and the index of the current one (or -1). */
  search?: { matches: readonly Span[]; current: number }
  /**
   * When two or more coders are shown: each shown coder's slot (its mark,
   * lib/coder-marks.ts), in the session's order of coders. Absent or null:
   * the passages are painted in their themes' colours alone.
   */
  coderSlots?: ReadonlyMap<string, number> | null
}

/** How long after the last scroll event the passage under the pointer is looked up. */
export const HOVER_AFTER_SCROLL_MS = 120

export class ArticleRenderer implements ArticleHandle {
  private readonly painter: HighlightPainter
  private readonly listeners = new Listeners()
  private content: ArticleContent | null = null
  private starts: number[] = []
  private slots: PaintSlots | undefined
  /** Codebook order of the themes (the hover tooltip names them in it). */
  private orderOf: ReadonlyMap<string, number> = new Map()
  private names: ReadonlyMap<string, string> = new Map()
  private segments: ParagraphSegments | null = null
  private selected: Passage | null = null
  private flash: Passage | null = null
  private hover: Passage | null = null
  /** The painted paragraphs: [first, last]. */
  private painted: [number, number] | null = null
  private frame = 0
  private hoverFrame = 0
  private pointer: { x: number; y: number } | null = null
  private lastScroll = -Infinity
  private afterScroll: ReturnType<typeof setTimeout> | undefined
  private destroyed = false

  constructor(
    private readonly scroller: HTMLElement,
    private readonly article: HTMLElement,
    private readonly callbacks: ArticleRendererCallbacks,
  ) {
    this.painter = new HighlightPainter(article.ownerDocument)
    const { listeners } = this
    listeners.on(scroller, 'scroll', this.onScroll, { passive: true })
    listeners.on(article, 'mousemove', this.onMouseMove)
    listeners.on(article, 'mouseleave', this.onMouseLeave)
    listeners.on(article, 'mouseup', this.onMouseUp)
    const resize = new ResizeObserver(() => this.schedulePaint(true))
    resize.observe(scroller)
    listeners.add(() => {
      resize.disconnect()
      cancelAnimationFrame(this.frame)
      cancelAnimationFrame(this.hoverFrame)
      clearTimeout(this.afterScroll)
      stopSettling(scroller)
    })
  }

  /** Shows new content: recomputes what changed and repaints (without measuring). */
  update(next: ArticleContent): void {
    const prev = this.content
    if (
      prev &&
      prev.paragraphs === next.paragraphs &&
      prev.passages === next.passages &&
      prev.codebook === next.codebook &&
      prev.selectedId === next.selectedId &&
      prev.flashId === next.flashId &&
      prev.search === next.search &&
      prev.coderSlots === next.coderSlots
    )
      return
    this.content = next
    const codebookChanged = prev?.codebook !== next.codebook
    const codersChanged = (prev?.coderSlots ?? null) !== (next.coderSlots ?? null)
    if (codersChanged) {
      this.painter.setCoderSlots(
        [...new Set(next.coderSlots?.values() ?? [])].sort((a, b) => a - b),
      )
      this.setCodersApart(!!next.coderSlots)
    }
    if (codebookChanged) {
      this.orderOf = new Map(next.codebook.map((t, i) => [t.id, i]))
      this.names = new Map(next.codebook.map((t) => [t.id, t.name]))
    }
    if (
      codebookChanged ||
      (prev?.passages !== next.passages && slotsFollowPassages(next.codebook))
    ) {
      const slots = paintSlots(next.codebook, next.passages, this.slots)
      if (slots !== this.slots)
        this.painter.setCodebook(slots.colours.map((colour) => ({ colour })))
      this.slots = slots
    }
    if (prev?.paragraphs !== next.paragraphs) this.starts = next.paragraphs.map((p) => p.start)
    if (
      codebookChanged ||
      codersChanged ||
      prev?.paragraphs !== next.paragraphs ||
      prev.passages !== next.passages
    ) {
      const coders = next.coderSlots
      this.segments = new ParagraphSegments(
        next.passages,
        next.paragraphs,
        next.codebook.map((t) => t.id),
        coders ? (p) => coders.get(p.author) ?? MAX_CODER_SLOTS - 1 : undefined,
      )
    }
    if (prev?.passages !== next.passages || prev.selectedId !== next.selectedId)
      this.selected = next.passages.find((p) => p.id === next.selectedId) ?? null
    if (prev?.passages !== next.passages || prev.flashId !== next.flashId)
      this.flash = next.passages.find((p) => p.id === next.flashId) ?? null
    this.paint()
  }

  /**
   * Taller lines while coders are shown apart (or back to the stylesheet's),
   * the same text staying at the top of the view.
   */
  private setCodersApart(on: boolean): void {
    const style = this.article.style
    if ((style.lineHeight !== '') === on) return
    const top = this.topParagraph()
    style.lineHeight = on ? String(CODER_LINE_HEIGHT) : ''
    scrollToTop(this.article, this.scroller, top)
    // The paragraphs in view are others now: the window is measured again.
    this.painted = null
  }

  /** Back where the analyst was: at the same text when known, else at the same pixel. */
  restoreScroll(top: TopParagraph | undefined, scrollTop: number): void {
    if (top) scrollToTop(this.article, this.scroller, top)
    else this.scroller.scrollTop = scrollTop
  }

  scrollToPassage(passage: { start: number }): void {
    scrollToOffset(this.scroller, this.article, passage.start)
  }

  /** Brings a search match into view (the scroll event repaints). */
  revealSpan(span: Span): void {
    scrollSpanIntoView(this.scroller, this.article, span)
  }

  /** Where the view starts. */
  topParagraph(): TopParagraph {
    return this.destroyed ? { offset: 0, px: 0 } : articleTop(this.article, this.scroller)
  }

  topOffset(): number {
    return this.topParagraph().offset
  }

  /** Removes every listener, observer, timer and highlight the renderer added. */
  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    this.listeners.dispose()
    this.painter.dispose()
    this.article.classList.remove('over-passage')
    this.article.style.lineHeight = ''
  }

  private paint(): void {
    const { segments, content } = this
    if (this.destroyed || !segments || !content) return
    // The window moves only when the view scrolls or resizes: an edit
    // repaints without measuring (no layout forced mid-event).
    const [first, last] = (this.painted ??= windowFor(
      visibleParagraphs(this.article, this.scroller),
    ))
    this.painter.paint({
      paragraphs: paragraphElements(this.article),
      starts: this.starts,
      segmentsOf: (i) => segments.of(i),
      first,
      last,
      slotOf: this.slots?.slotOf ?? new Map<string, number>(),
      marks: { selected: this.selected, flash: this.flash, hover: this.hover },
      search: content.search,
    })
  }

  /**
   * Re-culls at most once per frame: after a scroll only when the visible
   * paragraphs near the edge of the painted window; after a resize always.
   */
  private schedulePaint(resized: boolean): void {
    cancelAnimationFrame(this.frame)
    this.frame = requestAnimationFrame(() => {
      const current = resized ? null : this.painted
      const next = windowFor(visibleParagraphs(this.article, this.scroller), current)
      if (next === current) return
      this.painted = next
      this.paint()
    })
  }

  private readonly onScroll = () => {
    this.callbacks.onScroll(this.scroller.scrollTop, () => this.topParagraph())
    this.schedulePaint(false)
    // The browser reports a pointer move on every scrolled frame: the hover
    // look-up waits until the scroll stops, so that scrolling does not
    // repaint the marks frame after frame.
    this.lastScroll = performance.now()
    cancelAnimationFrame(this.hoverFrame)
    clearTimeout(this.afterScroll)
    this.afterScroll = setTimeout(() => this.updateHover(), HOVER_AFTER_SCROLL_MS)
  }

  private readonly onMouseMove = (e: MouseEvent) => {
    this.pointer = { x: e.clientX, y: e.clientY }
    cancelAnimationFrame(this.hoverFrame)
    if (performance.now() - this.lastScroll < HOVER_AFTER_SCROLL_MS) return
    this.hoverFrame = requestAnimationFrame(() => this.updateHover())
  }

  private readonly onMouseLeave = () => {
    this.pointer = null
    cancelAnimationFrame(this.hoverFrame)
    this.setHover(null)
  }

  private readonly onMouseUp = (e: MouseEvent) => {
    const sel = this.article.ownerDocument.getSelection()
    if (sel && !sel.isCollapsed) return
    this.callbacks.onPassageClick(this.passagesAt(e.clientX, e.clientY)[0]?.id ?? null)
  }

  private passagesAt(x: number, y: number): Passage[] {
    return this.segments ? passagesAtPoint(this.article, this.segments.index, x, y) : []
  }

  /** Hover: the passage under the pointer is marked, and its themes named in the tooltip. */
  private updateHover(): void {
    const at = this.pointer
    if (!at || this.destroyed) return
    const under = this.passagesAt(at.x, at.y)
    this.setHover(under[0] ?? null)
    const { orderOf, names } = this
    const themes = [...new Set(under.flatMap((p) => p.themeIds))]
      .sort((a, b) => (orderOf.get(a) ?? 0) - (orderOf.get(b) ?? 0))
      .map((id) => names.get(id) ?? id)
    const shown = this.content?.coderSlots
    const coders = shown ? [...shown.keys()].filter((c) => under.some((p) => p.author === c)) : []
    this.article.title = under.length
      ? this.callbacks.describeHover(themes, under.length, coders)
      : ''
  }

  private setHover(passage: Passage | null): void {
    if (this.hover?.id === passage?.id) return
    this.hover = passage
    this.article.classList.toggle('over-passage', !!passage)
    this.paint()
  }
}
