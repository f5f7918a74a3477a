// The list of the articles panel, virtualized: only the rows in view are in
// the DOM, all of one fixed height (nothing is measured), so that 2,000
// articles scroll at the display's rate. One tab stop: ↑/↓, Home and End
// move the focus, Enter (or a click) opens the article, F2 (or a double
// click) renames it, Delete removes it, Alt+Enter shows its details. The
// open article is marked (aria-current) and scrolled into view.
import { memo, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { ArticleEntry } from '@shared/model/corpus'
import { useI18n } from '@renderer/i18n/i18n'

/** Row height (px): see .article-row in articles.css. */
export const ARTICLE_ROW = 48

export interface RowActions {
  onOpen: (id: string) => void
  onRename: (id: string, title: string) => void
  /** Asks to remove (the panel confirms); absent when the article cannot go (the last one). */
  onRemove?: (id: string) => void
  onShowDetails?: (id: string) => void
}

interface Props extends RowActions {
  articles: readonly ArticleEntry[]
  openId: string
  readOnly: boolean
}

export const ArticleRows = memo(function ArticleRows({
  articles,
  openId,
  readOnly,
  ...actions
}: Props) {
  const { t } = useI18n()
  const scrollerRef = useRef<HTMLDivElement>(null)
  const [renaming, setRenaming] = useState<string | null>(null)
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; read fresh each render
  const virtualizer = useVirtualizer({
    count: articles.length,
    getScrollElement: () => scrollerRef.current,
    estimateSize: () => ARTICLE_ROW,
    overscan: 8,
    getItemKey: (i) => articles[i]!.id,
    useFlushSync: false,
  })
  const openIndex = articles.findIndex((a) => a.id === openId)
  const [cursor, setCursor] = useState<string | null>(null)
  const cursorIndex = cursor ? articles.findIndex((a) => a.id === cursor) : -1
  const focusIndex = cursorIndex >= 0 ? cursorIndex : openIndex

  // The open article comes into view when it changes (next/previous, a click elsewhere).
  useEffect(() => {
    if (openIndex >= 0) virtualizer.scrollToIndex(openIndex, { align: 'auto' })
  }, [openIndex, virtualizer])

  // The focus follows the cursor once its row is rendered.
  const focusWanted = useRef<string | null>(null)
  useLayoutEffect(() => {
    const id = focusWanted.current
    if (!id) return
    const button = scrollerRef.current?.querySelector<HTMLElement>(
      `[data-article-id="${CSS.escape(id)}"] .article-row-main`,
    )
    if (button) {
      button.focus()
      focusWanted.current = null
    }
  })

  const moveTo = (index: number) => {
    const a = articles[Math.max(0, Math.min(articles.length - 1, index))]
    if (!a) return
    setCursor(a.id)
    focusWanted.current = a.id
    virtualizer.scrollToIndex(articles.indexOf(a), { align: 'auto' })
  }

  const onKey = (e: React.KeyboardEvent) => {
    if ((e.target as HTMLElement).closest('input')) return
    const li = (e.target as HTMLElement).closest<HTMLElement>('li[data-index]')
    const at = li ? Number(li.dataset.index) : focusIndex
    const article = articles[at]
    const plain = !e.ctrlKey && !e.metaKey && !e.altKey && !e.shiftKey
    let handled = true
    if (plain && e.key === 'ArrowDown') moveTo(at < 0 ? 0 : at + 1)
    else if (plain && e.key === 'ArrowUp') moveTo(at < 0 ? 0 : at - 1)
    else if (plain && e.key === 'Home') moveTo(0)
    else if (plain && e.key === 'End') moveTo(articles.length - 1)
    else if (plain && e.key === 'F2' && article && !readOnly) setRenaming(article.id)
    else if (plain && (e.key === 'Delete' || e.key === 'Backspace') && article && !readOnly)
      actions.onRemove?.(article.id)
    else if (e.altKey && e.key === 'Enter' && article && actions.onShowDetails)
      actions.onShowDetails(article.id)
    else handled = false
    if (handled) {
      // The list's keys, not the session's (Delete would remove the selected passage).
      e.preventDefault()
      e.stopPropagation()
    }
  }

  // Stable callbacks: a scroll re-renders only the rows that come into view.
  const { onRename } = actions
  const startRename = useCallback((id: string) => setRenaming(id), [])
  const endRename = useCallback(
    (id: string, title: string | null) => {
      setRenaming(null)
      focusWanted.current = id
      if (title !== null) onRename(id, title)
    },
    [onRename],
  )
  const focusRow = useCallback((id: string) => setCursor(id), [])

  const items = virtualizer.getVirtualItems()
  const tabStop = items.some((r) => r.index === focusIndex) ? focusIndex : (items[0]?.index ?? -1)

  return (
    <div className="articles-scroller" ref={scrollerRef}>
      <ol
        className="article-list"
        aria-label={t('articles.list')}
        style={{ height: virtualizer.getTotalSize() }}
        onKeyDown={onKey}
      >
        {items.map((row) => {
          const a = articles[row.index]!
          return (
            <ArticleRow
              key={row.key}
              article={a}
              index={row.index}
              start={row.start}
              setSize={articles.length}
              open={a.id === openId}
              tabStop={row.index === tabStop}
              renaming={renaming === a.id}
              readOnly={readOnly}
              onStartRename={startRename}
              onEndRename={endRename}
              onFocusRow={focusRow}
              {...actions}
            />
          )
        })}
      </ol>
    </div>
  )
})

interface RowProps extends RowActions {
  article: ArticleEntry
  index: number
  start: number
  setSize: number
  open: boolean
  tabStop: boolean
  renaming: boolean
  readOnly: boolean
  onStartRename: (id: string) => void
  /** The new title, or null when renaming was abandoned. */
  onEndRename: (id: string, title: string | null) => void
  onFocusRow: (id: string) => void
}

/** One article; re-renders only when its own props change. */
const ArticleRow = memo(function ArticleRow({ article: a, ...p }: RowProps) {
  const { t, plural, formatNumber } = useI18n()
  const title = a.title || t('articles.untitled')
  const outlet = a.attributes.outlet ?? ''
  const date = a.attributes.published ?? ''
  const coded = a.passageCount > 0
  return (
    <li
      data-index={p.index}
      data-article-id={a.id}
      aria-setsize={p.setSize}
      aria-posinset={p.index + 1}
      className={p.open ? 'article-row is-open' : 'article-row'}
      style={{ transform: `translateY(${p.start}px)` }}
    >
      {p.renaming ? (
        <RenameField title={a.title} onEnd={(title) => p.onEndRename(a.id, title)} />
      ) : (
        <button
          type="button"
          className="article-row-main"
          tabIndex={p.tabStop ? 0 : -1}
          aria-current={p.open ? 'true' : undefined}
          aria-label={t('articles.row', {
            title,
            outlet: outlet || t('articles.noOutlet'),
            date: date || t('articles.noDate'),
            passages: plural('count.passages', a.passageCount),
            coded: coded ? t('articles.coded') : t('articles.uncoded'),
          })}
          onFocus={() => p.onFocusRow(a.id)}
          onClick={() => p.onOpen(a.id)}
          onDoubleClick={() => !p.readOnly && p.onStartRename(a.id)}
        >
          <span className={coded ? 'coded-mark is-coded' : 'coded-mark'} aria-hidden="true" />
          <span className="article-title" title={title}>
            {title}
          </span>
          <span className="article-passages">{formatNumber(a.passageCount)}</span>
          <span className="article-meta">
            <span className="article-outlet" title={outlet}>
              {outlet}
            </span>
            <span className="article-date">{date}</span>
          </span>
        </button>
      )}
      {!p.renaming && (
        <span className="article-row-actions">
          {p.onShowDetails && (
            <button
              type="button"
              tabIndex={-1}
              title={t('articles.detailsTitle')}
              onClick={() => p.onShowDetails!(a.id)}
            >
              {t('articles.details')}
            </button>
          )}
          {!p.readOnly && (
            <button
              type="button"
              tabIndex={-1}
              title={t('articles.renameTitle')}
              onClick={() => p.onStartRename(a.id)}
            >
              {t('articles.rename')}
            </button>
          )}
          {!p.readOnly && (
            <button
              type="button"
              tabIndex={-1}
              className="danger"
              title={p.onRemove ? t('articles.removeTitle') : t('articles.lastOne')}
              disabled={!p.onRemove}
              onClick={() => p.onRemove?.(a.id)}
            >
              {t('articles.remove')}
            </button>
          )}
        </span>
      )}
    </li>
  )
})

/** The title being renamed: Enter or leaving the field keeps it, Esc abandons it. */
function RenameField({ title, onEnd }: { title: string; onEnd: (title: string | null) => void }) {
  const { t } = useI18n()
  const [value, setValue] = useState(title)
  const ended = useRef(false)
  const end = (v: string | null) => {
    if (ended.current) return
    ended.current = true
    const trimmed = v?.trim() ?? null
    onEnd(trimmed && trimmed !== title ? trimmed : null)
  }
  return (
    <input
      className="article-rename"
      autoFocus
      maxLength={1000}
      aria-label={t('articles.renameLabel', { title: title || t('articles.untitled') })}
      value={value}
      onFocus={(e) => e.currentTarget.select()}
      onChange={(e) => setValue(e.target.value)}
      onBlur={() => end(value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault()
          end(value)
        } else if (e.key === 'Escape') {
          // Esc ends the renaming only, not the session's Escape.
          e.preventDefault()
          e.stopPropagation()
          end(null)
        }
      }}
    />
  )
}
