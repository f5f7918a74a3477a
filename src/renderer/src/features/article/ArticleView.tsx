// The article as readable paragraphs (one text node each), with passages
// painted over it by the CSS Custom Highlight API, so highlighting adds no
// element. Reports text selections (snapped to whole words unless Alt is
// held) and clicks on passages; never edits the session itself. Also paints
// the article search's matches and scrolls the current one into view.
import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type ReactNode,
} from 'react'
import {
  snapToWords,
  splitParagraphs,
  trimRange,
  type Paragraph,
} from '../../../../shared/model/text'
import type { Passage, Theme } from '../../../../shared/model/schema'
import { selectionOffsets } from './dom-offsets'
import { HighlightPainter, type Span } from './highlight-painter'
import { passagesAtPoint } from './hit-test'
import { ParagraphSegments } from './paragraph-segments'
import {
  articleTop,
  CHUNK_SIZE,
  paragraphElements,
  scrollToTop,
  visibleParagraphs,
  type TopParagraph,
} from './viewport'
import { useI18n } from '../../i18n/i18n'
import { useLatest } from '../../use-latest'
import { scrollSpanIntoView } from '../search/scroll-to-match'

export interface PendingSelection {
  start: number
  end: number
  /** Where to show the theme toolbar, in the scroller's content coordinates. */
  top: number
  left: number
}

interface Props {
  text: string
  lang: string | undefined
  passages: readonly Passage[]
  codebook: readonly Theme[]
  selectedId: string | null
  flashId: string | null
  initialScrollTop: number
  /** Where the view started when the session was last saved (preferred to the pixel position). */
  initialTopParagraph?: TopParagraph
  onSelection(pending: PendingSelection | null): void
  onPassageClick(id: string | null): void
  /** Scrolled; `topParagraph` reads where the view now starts (it measures: call it sparingly). */
  onScroll(scrollTop: number, topParagraph: () => TopParagraph): void
  children?: ReactNode
  /** Article search: every match (text order), the current one (or -1), and a
   *  counter that changes whenever the current match should be scrolled to. */
  search?: ArticleSearchMarks
  /** Shown above the article (the search bar) and over its bottom corner. */
  top?: ReactNode
  corner?: ReactNode
}

export interface ArticleSearchMarks {
  matches: readonly Span[]
  current: number
  reveal: number
}

/** About how many characters fill a line of the article's measure (68ch of
 *  serif text): the first estimate of a chunk's height before its layout. */
const CHARS_PER_LINE = 74

/**
 * Paragraphs painted beyond the visible ones, above and below, and how close
 * the visible ones may come to the edge of the painted window before it moves.
 * Chromium rebuilds the markers of every registered range, and repaints the
 * text under them, whenever the highlights, the DOM or the styles change
 * anywhere in the document: so the window is small (every sidebar update,
 * edit and scrolled frame pays for it), and a scroll moves it only when the
 * view nears its edge. Quick bench runs (docs/performance.md) gave an add
 * p95 of 26–31 ms with margins of 2 paragraphs, 31–36 with 4, 39 with 8 and
 * 42 with 24.
 */
const MARGIN = 2
const GUARD = 1

/**
 * The paragraphs to paint for the visible ones: the current window while they
 * stay GUARD paragraphs inside it, else a new one MARGIN wider on each side.
 */
function windowFor(
  [first, last]: [number, number],
  current: [number, number] | null = null,
): [number, number] {
  if (current && first - GUARD >= current[0] && last + GUARD <= current[1]) return current
  return [first - MARGIN, last + MARGIN]
}

/** How long after the last scroll event the passage under the pointer is looked up. */
const HOVER_AFTER_SCROLL_MS = 120

/**
 * The article's text, one paragraph element per paragraph, in chunks of
 * CHUNK_SIZE paragraphs. Chunks away from the viewport are not laid out
 * (content-visibility: auto); their height is estimated from their length
 * until they have been laid out once. Chunks rather than single paragraphs,
 * because Chromium checks every such element against the viewport in every
 * frame.
 */
const Paragraphs = memo(function Paragraphs({
  text,
  paragraphs,
}: {
  text: string
  paragraphs: readonly Paragraph[]
}) {
  const chunks = useMemo(() => {
    const out: Paragraph[][] = []
    for (let i = 0; i < paragraphs.length; i += CHUNK_SIZE)
      out.push(paragraphs.slice(i, i + CHUNK_SIZE))
    return out
  }, [paragraphs])
  return chunks.map((chunk) => {
    const lines = chunk.reduce(
      (n, p) => n + Math.max(1, Math.ceil((p.end - p.start) / CHARS_PER_LINE)),
      0,
    )
    return (
      <div
        key={chunk[0]!.start}
        className="article-chunk"
        style={{ '--lines': lines, '--paragraphs': chunk.length } as CSSProperties}
      >
        {chunk.map((p) => (
          <p key={p.start} data-start={p.start} data-end={p.end}>
            {text.slice(p.start, p.end)}
          </p>
        ))}
      </div>
    )
  })
})

export const ArticleView = memo(function ArticleView(props: Props) {
  const { text, passages, codebook, selectedId, flashId, onSelection, onPassageClick } = props
  const { search } = props
  const { t, plural } = useI18n()
  const scrollerRef = useRef<HTMLDivElement>(null)
  const articleRef = useRef<HTMLElement>(null)
  const paragraphs = useMemo(() => splitParagraphs(text), [text])
  const starts = useMemo(() => paragraphs.map((p) => p.start), [paragraphs])
  const order = useMemo(() => codebook.map((t) => t.id), [codebook])
  const slotOf = useMemo(() => new Map(order.map((id, i) => [id, i])), [order])
  const names = useMemo(() => new Map(codebook.map((t) => [t.id, t.name])), [codebook])
  const segments = useMemo(
    () => new ParagraphSegments(passages, paragraphs, order),
    [passages, paragraphs, order],
  )
  const [hover, setHover] = useState<Passage | null>(null)
  const selected = useMemo(
    () => passages.find((p) => p.id === selectedId) ?? null,
    [passages, selectedId],
  )
  const flash = useMemo(() => passages.find((p) => p.id === flashId) ?? null, [passages, flashId])
  const initialScroll = useRef(props.initialScrollTop)

  const [painter] = useState(() => new HighlightPainter(document))
  useEffect(() => () => painter.dispose(), [painter])
  useLayoutEffect(() => painter.setCodebook(codebook), [painter, codebook])

  /** The painted paragraphs: [first, last]. */
  const painted = useRef<[number, number] | null>(null)
  const paint = useCallback(() => {
    const article = articleRef.current
    const scroller = scrollerRef.current
    if (!article || !scroller) return
    // The window moves only when the view scrolls or resizes: an edit
    // repaints without measuring (no layout forced mid-event).
    const [first, last] = (painted.current ??= windowFor(visibleParagraphs(article, scroller)))
    painter.paint({
      paragraphs: paragraphElements(article),
      starts,
      segmentsOf: (i) => segments.of(i),
      first,
      last,
      slotOf,
      marks: { selected, flash, hover },
      search,
    })
  }, [painter, starts, segments, slotOf, selected, flash, hover, search])

  // Back where the analyst was: at the same text when known.
  const initialTop = useRef(props.initialTopParagraph)
  useLayoutEffect(() => {
    const scroller = scrollerRef.current
    const article = articleRef.current
    if (!scroller || !article) return
    if (initialTop.current) scrollToTop(article, scroller, initialTop.current)
    else scroller.scrollTop = initialScroll.current
  }, [])
  useLayoutEffect(paint, [paint])

  // Bring the current search match into view (the scroll event re-paints).
  const currentMatch = search && search.current >= 0 ? search.matches[search.current] : undefined
  const reveal = search?.reveal
  useLayoutEffect(() => {
    const scroller = scrollerRef.current
    const article = articleRef.current
    if (currentMatch && scroller && article) scrollSpanIntoView(scroller, article, currentMatch)
  }, [currentMatch, reveal])

  // Re-cull on scroll and resize, at most once per frame, with the latest
  // paint: after a scroll only when the visible paragraphs near the edge of
  // the painted window; after a resize always.
  const frame = useRef(0)
  const latestPaint = useLatest(paint)
  const schedulePaint = useCallback(
    (resized: boolean) => {
      cancelAnimationFrame(frame.current)
      frame.current = requestAnimationFrame(() => {
        const article = articleRef.current
        const scroller = scrollerRef.current
        if (!article || !scroller) return
        const current = resized ? null : painted.current
        const next = windowFor(visibleParagraphs(article, scroller), current)
        if (next === current) return
        painted.current = next
        latestPaint.current()
      })
    },
    [latestPaint],
  )
  useEffect(() => {
    const scroller = scrollerRef.current
    if (!scroller) return
    const observer = new ResizeObserver(() => schedulePaint(true))
    observer.observe(scroller)
    return () => {
      observer.disconnect()
      cancelAnimationFrame(frame.current)
    }
  }, [schedulePaint])

  const report = (alt: boolean) => {
    const article = articleRef.current
    const scroller = scrollerRef.current
    if (!article || !scroller) return
    const sel = selectionOffsets(article)
    if (!sel) return onSelection(null)
    const snapped = alt
      ? trimRange(text, sel.start, sel.end)
      : snapToWords(text, sel.start, sel.end)
    if (!snapped) return onSelection(null)
    const rect = sel.range.getBoundingClientRect()
    const box = scroller.getBoundingClientRect()
    onSelection({
      ...snapped,
      top: rect.bottom - box.top + scroller.scrollTop + 8,
      left: Math.max(8, rect.left - box.left + scroller.scrollLeft),
    })
  }
  const latestReport = useLatest(report)

  // Keyboard selections (Shift+arrows) arrive as selectionchange events; mouse
  // selections are reported once the button is released.
  const pointerDown = useRef(false)
  const altKey = useRef(false)
  useEffect(() => {
    let raf = 0
    const onChange = () => {
      if (pointerDown.current) return
      cancelAnimationFrame(raf)
      raf = requestAnimationFrame(() => latestReport.current(altKey.current))
    }
    const onKey = (e: KeyboardEvent) => (altKey.current = e.altKey)
    // A drag may end outside the article.
    const onUp = () => {
      if (!pointerDown.current) return
      pointerDown.current = false
      onChange()
    }
    document.addEventListener('selectionchange', onChange)
    window.addEventListener('keydown', onKey, true)
    window.addEventListener('keyup', onKey, true)
    window.addEventListener('mouseup', onUp)
    return () => {
      window.removeEventListener('mouseup', onUp)
      cancelAnimationFrame(raf)
      document.removeEventListener('selectionchange', onChange)
      window.removeEventListener('keydown', onKey, true)
      window.removeEventListener('keyup', onKey, true)
    }
  }, [latestReport])

  // Hover: the passage under the pointer is marked, and its themes named in
  // the tooltip. While the article scrolls (the browser reports a pointer move
  // on every scrolled frame) the look-up waits until the scroll stops, so that
  // scrolling does not repaint the marks frame after frame.
  const hoverFrame = useRef(0)
  const pointer = useRef<{ x: number; y: number } | null>(null)
  const lastScroll = useRef(-Infinity)
  const afterScroll = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const updateHover = () => {
    const article = articleRef.current
    const at = pointer.current
    if (!article || !at) return
    const under = passagesAtPoint(article, segments.index, at.x, at.y)
    const top = under[0] ?? null
    setHover((h) => (h?.id === top?.id ? h : top))
    const themes = [...new Set(under.flatMap((p) => p.themeIds))]
      .sort((a, b) => (slotOf.get(a) ?? 0) - (slotOf.get(b) ?? 0))
      .map((id) => names.get(id) ?? id)
    article.title = under.length
      ? `${themes.join(', ') || t('passages.untagged')}${under.length > 1 ? ` (${plural('count.passages', under.length)})` : ''}`
      : ''
  }
  const latestHover = useLatest(updateHover)
  const onMouseMove = (e: React.MouseEvent) => {
    pointer.current = { x: e.clientX, y: e.clientY }
    cancelAnimationFrame(hoverFrame.current)
    if (performance.now() - lastScroll.current < HOVER_AFTER_SCROLL_MS) return
    hoverFrame.current = requestAnimationFrame(() => latestHover.current())
  }
  const onArticleScroll = () => {
    lastScroll.current = performance.now()
    cancelAnimationFrame(hoverFrame.current)
    clearTimeout(afterScroll.current)
    afterScroll.current = setTimeout(() => latestHover.current(), HOVER_AFTER_SCROLL_MS)
  }
  useEffect(() => () => clearTimeout(afterScroll.current), [])

  const topParagraph = useCallback(
    (): TopParagraph =>
      articleRef.current && scrollerRef.current
        ? articleTop(articleRef.current, scrollerRef.current)
        : { offset: 0, px: 0 },
    [],
  )

  return (
    <div className="article-pane">
      {props.top}
      <div
        className="article-scroller"
        ref={scrollerRef}
        onScroll={(e) => {
          props.onScroll(e.currentTarget.scrollTop, topParagraph)
          schedulePaint(false)
          onArticleScroll()
        }}
      >
        <article
          ref={articleRef}
          className={hover ? 'article over-passage' : 'article'}
          lang={props.lang}
          aria-label={t('article.label')}
          onMouseMove={onMouseMove}
          onMouseLeave={() => {
            pointer.current = null
            cancelAnimationFrame(hoverFrame.current)
            setHover(null)
          }}
          onMouseDown={(e) => {
            pointerDown.current = true
            altKey.current = e.altKey
          }}
          onMouseUp={(e) => {
            pointerDown.current = false
            altKey.current = e.altKey
            const sel = window.getSelection()
            if (sel && !sel.isCollapsed) return report(e.altKey)
            onSelection(null)
            const article = articleRef.current
            const under = article
              ? passagesAtPoint(article, segments.index, e.clientX, e.clientY)
              : []
            onPassageClick(under[0]?.id ?? null)
          }}
        >
          <Paragraphs text={text} paragraphs={paragraphs} />
        </article>
        {props.children}
      </div>
      {props.corner}
    </div>
  )
})
