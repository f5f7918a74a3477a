// The corpus search's results: a virtualized list of fixed-height rows, an
// article row (its title, outlet and date, its number of matches) before the
// matches found in it, each with a few words of context and the match
// emphasised (<mark>, built from text nodes: the article's text is never
// read as HTML). Click, Enter or Space opens a match (an article row opens
// its first match).
import { memo, useCallback, useEffect } from 'react'
import type { ArticleEntry } from '@shared/model/corpus'
import type { CorpusSearchRow } from '@shared/model/corpus-search'
import { useI18n } from '@renderer/i18n/i18n'
import { useLatest } from '@renderer/lib/use-latest'
import { articlePlace, useDayFormat } from './use-day-format'
import type { RowWindow } from './use-row-window'
import { useVirtualRows } from './use-virtual-rows'

/** Row height (px): see .sresults-row in retrieval.css. */
export const SEARCH_ROW = 36

interface Props {
  count: number
  rows: RowWindow<CorpusSearchRow>
  articles: ReadonlyMap<string, ArticleEntry>
  /** Opens a match row (for an article row: the row after it, its first match). */
  onOpen: (row: Extract<CorpusSearchRow, { kind: 'match' }>, index: number) => void
  initialRow: number
  focusFirst: boolean
  /** Filled with a function that focuses the first match (from the search box). */
  focusRef: React.RefObject<(() => void) | null>
}

export function SearchResults(props: Props) {
  const { count, rows, articles, initialRow } = props
  const { t, plural } = useI18n()
  const formatDay = useDayFormat()
  const latest = useLatest({ rows, onOpen: props.onOpen })
  const open = useCallback(
    (index: number) => {
      const { rows, onOpen } = latest.current
      const row = rows.rowAt(index)
      const match = row?.kind === 'article' ? rows.rowAt(index + 1) : row
      if (match?.kind === 'match') onOpen(match, index)
    },
    [latest],
  )
  // One row past the view: an article row opens the match after it.
  const { scroller, grid, virtualizer, items, keys, tabStop } = useVirtualRows({
    count,
    rows,
    rowHeight: SEARCH_ROW,
    extra: 1,
    viewHeight: 400,
    onOpen: open,
    initialRow,
    focusFirst: props.focusFirst,
  })
  const { focusRef } = props
  const keysRef = useLatest(keys)
  useEffect(() => {
    focusRef.current = () => {
      keysRef.current.setActive(1)
      virtualizer.scrollToIndex(0)
      requestAnimationFrame(() =>
        grid.current?.querySelector<HTMLElement>('[data-row="1"]')?.focus(),
      )
    }
  }, [focusRef, keysRef, virtualizer, grid])

  return (
    <div
      ref={grid}
      className="sresults"
      role="grid"
      aria-label={t('retrieval.search.results')}
      aria-rowcount={count}
      onKeyDown={keys.onKeyDown}
    >
      <div className="sresults-scroller" ref={scroller}>
        <div className="sresults-rows" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rows.rowAt(item.index)
            return (
              <Row
                key={item.index}
                index={item.index}
                top={item.start}
                row={row}
                article={row && articles.get(row.articleId)}
                matches={
                  row?.kind === 'article' ? plural('retrieval.count.matches', row.matches) : ''
                }
                formatDay={formatDay}
                tabStop={item.index === tabStop}
                loading={t('retrieval.loadingRow')}
                onOpen={open}
                onFocus={keys.setActive}
              />
            )
          })}
        </div>
      </div>
    </div>
  )
}

interface RowProps {
  index: number
  top: number
  row: CorpusSearchRow | undefined
  article: ArticleEntry | undefined
  /** "12 matches", for an article row. */
  matches: string
  formatDay: (day: string | undefined) => string
  tabStop: boolean
  loading: string
  onOpen: (index: number) => void
  onFocus: (index: number) => void
}

const Row = memo(function Row(props: RowProps) {
  const { index, top, row, article, matches, tabStop, loading, onOpen, onFocus } = props
  const common = {
    role: 'row',
    'aria-rowindex': index + 1,
    'data-row': index,
    tabIndex: tabStop ? 0 : -1,
    style: { transform: `translateY(${top}px)` },
    onClick: () => onOpen(index),
    onFocus: () => onFocus(index),
  }
  if (!row)
    return (
      <div {...common} className="sresults-row is-loading" aria-busy="true">
        <span role="gridcell" className="muted">
          {loading}
        </span>
      </div>
    )
  if (row.kind === 'article') {
    const where = articlePlace(article?.attributes, props.formatDay)
    return (
      <div {...common} className="sresults-row sresults-article" data-article-id={row.articleId}>
        <span role="gridcell" className="sresults-title">
          {article?.title ?? ''}
        </span>
        <span role="gridcell" className="muted sresults-where">
          {where}
        </span>
        <span role="gridcell" className="sresults-count">
          {matches}
        </span>
      </div>
    )
  }
  return (
    <div
      {...common}
      className="sresults-row sresults-match"
      data-article-id={row.articleId}
      data-start={row.start}
    >
      <span role="gridcell" className="sresults-context">
        {row.before}
        <mark>{row.text}</mark>
        {row.after}
      </span>
    </div>
  )
})
