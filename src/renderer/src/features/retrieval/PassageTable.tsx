// The Passages view's results: a virtualized grid with fixed row heights
// (nothing is measured; 200,000 rows scroll like 20), columns for the quote
// and note, the themes, the coder (a session of several coders) and the
// article (title, outlet, date). Rows come
// from main a page at a time (useRowWindow); a row not there yet shows as a
// placeholder. Click, Enter or Space opens the passage in its article.
import { memo, useCallback } from 'react'
import type { ArticleEntry } from '@shared/model/corpus'
import type { PassageRow } from '@shared/model/passage-query'
import type { Theme } from '@shared/model/schema'
import { CoderName, type CoderDisplay } from '@renderer/features/coder-layers'
import { ThemeChip } from '@renderer/features/sidebar'
import { useI18n } from '@renderer/i18n/i18n'
import { excerpt } from '@renderer/lib/format'
import { useLatest } from '@renderer/lib/use-latest'
import { articlePlace, useDayFormat } from './use-day-format'
import type { RowWindow } from './use-row-window'
import { useVirtualRows } from './use-virtual-rows'

/** Row height (px): see .ptable-row in retrieval.css. */
export const ROW = 76
const MAX_CHIPS = 4

interface Props {
  count: number
  rows: RowWindow<PassageRow>
  articles: ReadonlyMap<string, ArticleEntry>
  themes: ReadonlyMap<string, Theme>
  /** The session's coders, when it has several: a Coder column. */
  coders?: CoderDisplay | null
  onOpen: (row: PassageRow, index: number) => void
  /** The row to show and focus first (coming back to the view). */
  initialRow: number
  focusFirst: boolean
}

export function PassageTable({
  count,
  rows,
  articles,
  themes,
  coders = null,
  onOpen,
  initialRow,
  focusFirst,
}: Props) {
  const { t } = useI18n()
  // Stable for the memoized rows; reads the rows and callback of the last render.
  const latest = useLatest({ rows, onOpen })
  const open = useCallback(
    (index: number) => {
      const row = latest.current.rows.rowAt(index)
      if (row) latest.current.onOpen(row, index)
    },
    [latest],
  )
  const { scroller, grid, virtualizer, items, keys, tabStop } = useVirtualRows({
    count,
    rows,
    rowHeight: ROW,
    extra: 0,
    viewHeight: ROW * 8,
    onOpen: open,
    initialRow,
    focusFirst,
  })
  const formatDay = useDayFormat()

  return (
    <div
      ref={grid}
      className={coders ? 'ptable with-coder' : 'ptable'}
      role="grid"
      aria-label={t('retrieval.table')}
      aria-rowcount={count + 1}
      onKeyDown={keys.onKeyDown}
    >
      <div className="ptable-row ptable-head" role="row" aria-rowindex={1}>
        <span role="columnheader">{t('retrieval.col.passage')}</span>
        <span role="columnheader">{t('retrieval.col.themes')}</span>
        {coders && <span role="columnheader">{t('retrieval.col.coder')}</span>}
        <span role="columnheader">{t('retrieval.col.article')}</span>
      </div>
      <div className="ptable-scroller" ref={scroller}>
        <div className="ptable-rows" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => (
            <Row
              key={item.index}
              index={item.index}
              top={item.start}
              row={rows.rowAt(item.index)}
              article={articlesOf(articles, rows.rowAt(item.index))}
              themes={themes}
              coders={coders}
              formatDay={formatDay}
              tabStop={item.index === tabStop}
              loading={t('retrieval.loadingRow')}
              onOpen={open}
              onFocus={keys.setActive}
            />
          ))}
        </div>
      </div>
    </div>
  )
}

const articlesOf = (articles: ReadonlyMap<string, ArticleEntry>, row: PassageRow | undefined) =>
  row ? articles.get(row.articleId) : undefined

interface RowProps {
  index: number
  top: number
  row: PassageRow | undefined
  article: ArticleEntry | undefined
  themes: ReadonlyMap<string, Theme>
  coders: CoderDisplay | null
  formatDay: (day: string | undefined) => string
  tabStop: boolean
  loading: string
  onOpen: (index: number) => void
  onFocus: (index: number) => void
}

/** One passage; re-renders only when its own props change (not on every scroll). */
const Row = memo(function Row(props: RowProps) {
  const { index, row, article } = props
  const { t } = useI18n()
  const style = { transform: `translateY(${props.top}px)` }
  if (!row)
    return (
      <div
        className="ptable-row is-loading"
        role="row"
        aria-rowindex={index + 2}
        aria-busy="true"
        style={style}
        data-row={index}
        tabIndex={props.tabStop ? 0 : -1}
      >
        <span role="gridcell" className="muted">
          {props.loading}
        </span>
      </div>
    )
  const chips = row.themeIds.flatMap((id) => props.themes.get(id) ?? [])
  const where = articlePlace(article?.attributes, props.formatDay)
  return (
    <div
      className="ptable-row"
      role="row"
      aria-rowindex={index + 2}
      data-row={index}
      data-passage-id={row.id}
      tabIndex={props.tabStop ? 0 : -1}
      style={style}
      onClick={() => props.onOpen(index)}
      onFocus={() => props.onFocus(index)}
    >
      <span role="gridcell" className="ptable-passage">
        <span className="ptable-quote">
          {t('passages.quote', { quote: excerpt(row.quote, 300) })}
        </span>
        {row.note && <span className="ptable-note">{excerpt(row.note, 200)}</span>}
      </span>
      <span role="gridcell" className="ptable-themes">
        {chips.length === 0 && <span className="chip chip-untagged">{t('passages.untagged')}</span>}
        {chips.slice(0, MAX_CHIPS).map((th) => (
          <ThemeChip key={th.id} theme={th} />
        ))}
        {chips.length > MAX_CHIPS && (
          <span
            className="chip chip-more"
            title={chips
              .slice(MAX_CHIPS)
              .map((th) => th.name)
              .join(', ')}
          >
            +{chips.length - MAX_CHIPS}
          </span>
        )}
      </span>
      {props.coders && (
        <span role="gridcell" className="ptable-coder">
          <CoderName
            label={props.coders.label(row.author)}
            slot={props.coders.slotOf(row.author)}
          />
        </span>
      )}
      <span role="gridcell" className="ptable-article">
        <span className="ptable-title">{article?.title ?? ''}</span>
        {where && <span className="ptable-where muted">{where}</span>}
      </span>
    </div>
  )
})
