// The articles panel: the left column of the session, listing its articles
// (title, outlet, date, passages, coded) with the filters above and the
// column headers that sort (click again to reverse). The list shown here is
// also the order of "next / previous article".
import type { ArticleEntry, AttributeDef } from '@shared/model/corpus'
import { isArticleFilterEmpty, type ArticleFilter } from '@shared/model/corpus-query'
import { actionById } from '@renderer/actions/registry'
import { useI18n } from '@renderer/i18n/i18n'
import type { MessageKey } from '@renderer/i18n/messages-en'
import { ArticleFilters } from './ArticleFilters'
import { ArticleRows, type RowActions } from './ArticleRows'
import type { ArticleSort, SortKey } from './article-list'
import './articles.css'

interface Props extends RowActions {
  /** Every article of the session, in its order. */
  all: readonly ArticleEntry[]
  /** The articles the filter keeps, in the chosen order. */
  listed: readonly ArticleEntry[]
  defs: readonly AttributeDef[]
  openId: string
  filter: ArticleFilter
  onFilter: (filter: ArticleFilter) => void
  sort: ArticleSort
  onSort: (key: SortKey) => void
  readOnly: boolean
  onAdd: () => void
  onPaste: () => void
  onHide: () => void
}

const COLUMNS: { key: SortKey; label: MessageKey }[] = [
  { key: 'coded', label: 'articles.column.coded' },
  { key: 'title', label: 'articles.column.title' },
  { key: 'outlet', label: 'articles.column.outlet' },
  { key: 'published', label: 'articles.column.published' },
  { key: 'passages', label: 'articles.column.passages' },
]

const ADD = actionById('articles.add').button!

export function ArticlesPanel(props: Props) {
  const { t, formatNumber } = useI18n()
  const { all, listed, sort } = props
  const filtering = !isArticleFilterEmpty(props.filter)
  return (
    <section className="articles-panel" aria-labelledby="articles-panel-title">
      <div className="articles-head">
        <h2 id="articles-panel-title">{t('articles.title')}</h2>
        <span className="muted articles-count" aria-live="polite">
          {filtering
            ? t('articles.shownOf', {
                shown: formatNumber(listed.length),
                total: formatNumber(all.length),
              })
            : formatNumber(all.length)}
        </span>
        <span className="articles-head-actions">
          {!props.readOnly && (
            <>
              <button type="button" className="small" title={t(ADD.title)} onClick={props.onAdd}>
                {t(ADD.label)}
              </button>
              <button
                type="button"
                className="small"
                title={t('articles.pasteTitle')}
                onClick={props.onPaste}
              >
                {t('articles.pasteShort')}
              </button>
            </>
          )}
          <button
            type="button"
            className="small link"
            title={t('articles.hideTitle')}
            onClick={props.onHide}
          >
            {t('articles.hide')}
          </button>
        </span>
      </div>
      <ArticleFilters
        articles={all}
        defs={props.defs}
        filter={props.filter}
        onFilter={props.onFilter}
      />
      <div className="article-columns" role="group" aria-label={t('articles.sortBar')}>
        {COLUMNS.map((c) => {
          const name = t(c.label)
          const on = sort?.key === c.key
          return (
            <button
              key={c.key}
              type="button"
              className={`article-column column-${c.key}${on ? ' is-sorted' : ''}`}
              aria-pressed={on}
              title={
                on
                  ? t(sort.descending ? 'articles.sortedDown' : 'articles.sortedUp', {
                      column: name,
                    })
                  : t('articles.sortBy', { column: name })
              }
              onClick={() => props.onSort(c.key)}
            >
              {c.key === 'coded' ? (
                <span className="coded-mark is-coded" aria-hidden="true" />
              ) : null}
              <span className={c.key === 'coded' ? 'visually-hidden' : undefined}>{name}</span>
              {on && <span aria-hidden="true">{sort.descending ? ' ↓' : ' ↑'}</span>}
            </button>
          )
        })}
      </div>
      {listed.length === 0 && (
        <div className="articles-empty">
          <p className="muted">{t('articles.noneShown')}</p>
          <button
            type="button"
            className="link small"
            onClick={() => props.onFilter({ title: '', conditions: [], coded: 'any' })}
          >
            {t('articles.filter.clear')}
          </button>
        </div>
      )}
      <ArticleRows
        articles={listed}
        openId={props.openId}
        readOnly={props.readOnly}
        onOpen={props.onOpen}
        onRename={props.onRename}
        onRemove={props.onRemove}
        onShowDetails={props.onShowDetails}
      />
    </section>
  )
}
