// The article pane: React renders the paragraphs (ArticleParagraphs); an
// ArticleRenderer paints the passages, marks and search matches over them
// with the CSS Custom Highlight API (no element added) and handles scroll,
// resize, hover and clicks; a SelectionObserver reports text selections
// (snapped to whole words unless Alt is held). Other features scroll the
// article through the ArticleHandle this view fills, never through its DOM.
// Never edits the session itself.
import {
  memo,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  type ReactNode,
  type Ref,
} from 'react'
import { splitParagraphs } from '@shared/model/text'
import type { Passage, Theme } from '@shared/model/schema'
import type { ArticleHandle } from './article-handle'
import { ArticleParagraphs } from './ArticleParagraphs'
import { ArticleRenderer } from './article-renderer'
import type { Span } from './highlight-painter'
import { toPendingSelection, type PendingSelection } from './pending-selection'
import { SelectionObserver } from './selection-observer'
import type { TopParagraph } from './viewport'
import { useI18n } from '@renderer/i18n/i18n'
import { useLatest } from '@renderer/lib/use-latest'

export type { PendingSelection } from './pending-selection'
export type { ArticleHandle } from './article-handle'

interface Props {
  ref?: Ref<ArticleHandle>
  text: string
  lang: string | undefined
  passages: readonly Passage[]
  codebook: readonly Theme[]
  selectedId: string | null
  flashId: string | null
  initialScrollTop: number
  /** Where the view started when the session was last saved (preferred to the pixel position). */
  initialTopParagraph?: TopParagraph
  onSelection: (pending: PendingSelection | null) => void
  onPassageClick: (id: string | null) => void
  /** Scrolled; `topParagraph` reads where the view now starts (it measures: call it sparingly). */
  onScroll: (scrollTop: number, topParagraph: () => TopParagraph) => void
  children?: ReactNode
  /** Article search: every match (text order) and the current one (or -1). */
  search?: ArticleSearchMarks
  /** Shown above the article (the search bar) and over its bottom corner. */
  top?: ReactNode
  corner?: ReactNode
  /**
   * When two or more coders are shown: each shown coder's slot (its mark),
   * in the session's order; the hover names the coders with `coderLabel`.
   */
  coderSlots?: ReadonlyMap<string, number> | null
  coderLabel?: (name: string) => string
}

export interface ArticleSearchMarks {
  matches: readonly Span[]
  current: number
}

export const ArticleView = memo(function ArticleView(props: Props) {
  const { ref, text, passages, codebook, selectedId, flashId, search, coderSlots = null } = props
  const { t, plural } = useI18n()
  const scrollerRef = useRef<HTMLDivElement>(null)
  const articleRef = useRef<HTMLElement>(null)
  const renderer = useRef<ArticleRenderer | null>(null)
  const paragraphs = useMemo(() => splitParagraphs(text), [text])
  const latest = useLatest({ props, text, t, plural })
  const initial = useRef({ top: props.initialTopParagraph, scrollTop: props.initialScrollTop })

  useLayoutEffect(() => {
    const scroller = scrollerRef.current
    const article = articleRef.current
    if (!scroller || !article) return
    const engine = new ArticleRenderer(scroller, article, {
      onScroll: (scrollTop, topParagraph) => latest.current.props.onScroll(scrollTop, topParagraph),
      onPassageClick: (id) => latest.current.props.onPassageClick(id),
      describeHover: (themes, count, coders) => {
        const { t, plural, props } = latest.current
        const text = `${themes.join(', ') || t('passages.untagged')}${count > 1 ? ` (${plural('count.passages', count)})` : ''}`
        if (coders.length === 0) return text
        const label = props.coderLabel ?? ((name: string) => name)
        return t('coders.hover', { themes: text, coders: coders.map(label).join(', ') })
      },
    })
    const selection = new SelectionObserver(article, (sel, alt) => {
      const { props, text } = latest.current
      props.onSelection(toPendingSelection(text, sel, alt, scroller))
    })
    renderer.current = engine
    engine.restoreScroll(initial.current.top, initial.current.scrollTop)
    return () => {
      selection.disconnect()
      engine.destroy()
      renderer.current = null
    }
  }, [latest])

  useLayoutEffect(() => {
    renderer.current?.update({
      paragraphs,
      passages,
      codebook,
      selectedId,
      flashId,
      search,
      coderSlots,
    })
  }, [paragraphs, passages, codebook, selectedId, flashId, search, coderSlots])

  useImperativeHandle(
    ref,
    (): ArticleHandle => ({
      scrollToPassage: (passage) => renderer.current?.scrollToPassage(passage),
      revealSpan: (span) => renderer.current?.revealSpan(span),
      topOffset: () => renderer.current?.topOffset() ?? 0,
    }),
    [],
  )

  return (
    <div className="article-pane">
      {props.top}
      <div className="article-scroller" ref={scrollerRef}>
        <article
          ref={articleRef}
          className="article"
          lang={props.lang}
          aria-label={t('article.label')}
        >
          <ArticleParagraphs text={text} paragraphs={paragraphs} />
        </article>
        {props.children}
      </div>
      {props.corner}
    </div>
  )
})
