// The article as readable paragraphs, with passages painted over it. Reports
// text selections (snapped to whole words unless Alt is held) and clicks on
// highlights; never edits the session itself.
import { memo, useEffect, useLayoutEffect, useMemo, useRef, type ReactNode } from 'react'
import { passageAt } from '../../../../shared/model/segments'
import { snapToWords, splitParagraphs, trimRange } from '../../../../shared/model/text'
import type { Passage, Theme } from '../../../../shared/model/schema'
import { selectionOffsets } from './dom-offsets'
import { Paragraph, type Range } from './Paragraph'
import { useParagraphSegments } from './use-paragraph-segments'

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
  onSelection(pending: PendingSelection | null): void
  onPassageClick(id: string | null): void
  onScroll(scrollTop: number): void
  children?: ReactNode
}

/** The range, when it touches the paragraph: other paragraphs get null and keep their memo. */
function touching(r: Range | null, p: Range): Range | null {
  return r && r.start < p.end && r.end > p.start ? r : null
}

export const ArticleView = memo(function ArticleView(props: Props) {
  const { text, passages, codebook, selectedId, flashId, onSelection, onPassageClick } = props
  const scrollerRef = useRef<HTMLDivElement>(null)
  const articleRef = useRef<HTMLElement>(null)
  const paragraphs = useMemo(() => splitParagraphs(text), [text])
  const order = useMemo(() => codebook.map((t) => t.id), [codebook])
  const themesById = useMemo(() => new Map(codebook.map((t) => [t.id, t])), [codebook])
  const segments = useParagraphSegments(text.length, paragraphs, passages, order)
  const selected = useMemo(
    () => passages.find((p) => p.id === selectedId) ?? null,
    [passages, selectedId],
  )
  const flash = useMemo(() => passages.find((p) => p.id === flashId) ?? null, [passages, flashId])
  const initialScroll = useRef(props.initialScrollTop)

  useLayoutEffect(() => {
    if (scrollerRef.current) scrollerRef.current.scrollTop = initialScroll.current
  }, [])

  // Keyboard selections (Shift+arrows) arrive as selectionchange events; mouse
  // selections are reported once the button is released.
  const pointerDown = useRef(false)
  const altKey = useRef(false)
  const reportRef = useRef<(alt: boolean) => void>(() => {})
  useEffect(() => {
    let frame = 0
    const onChange = () => {
      if (pointerDown.current) return
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(() => reportRef.current(altKey.current))
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
      cancelAnimationFrame(frame)
      document.removeEventListener('selectionchange', onChange)
      window.removeEventListener('keydown', onKey, true)
      window.removeEventListener('keyup', onKey, true)
    }
  }, [])

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

  useEffect(() => {
    reportRef.current = report
  })

  return (
    <div
      className="article-scroller"
      ref={scrollerRef}
      onScroll={(e) => props.onScroll(e.currentTarget.scrollTop)}
    >
      <article
        ref={articleRef}
        className="article"
        lang={props.lang}
        aria-label="Article"
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
          const seg = (e.target as Element).closest('.seg.hl')
          const start = seg ? Number(seg.getAttribute('data-start')) : NaN
          onPassageClick(Number.isNaN(start) ? null : (passageAt(passages, start)?.id ?? null))
        }}
      >
        {paragraphs.map((p, i) => (
          <Paragraph
            key={p.start}
            start={p.start}
            end={p.end}
            text={text}
            segments={segments[i]!}
            themesById={themesById}
            selected={touching(selected, p)}
            flash={touching(flash, p)}
          />
        ))}
      </article>
      {props.children}
    </div>
  )
})
