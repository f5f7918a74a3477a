// The Passages view (Ctrl/Cmd+Shift+P, or "Passages" in the header): every
// passage of the session, shown in place of the article, with its article,
// themes and note (and its coder, in a session of several coders); filters
// on the left (themes, note, text, coders, the article's attributes), the
// count and the order on top. Main runs the query over
// every article (the renderer holds one); the table asks for the rows it
// shows. Opening a row goes to the passage in its article; Esc or "Back to
// the article" returns. Never edits the session.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { CorpusMeta } from '@shared/model/corpus'
import {
  PASSAGE_SORTS,
  type PassageQuery,
  type PassageRow,
  type PassageSort,
} from '@shared/model/passage-query'
import type { CoderDisplay } from '@renderer/features/coder-layers'
import { useI18n } from '@renderer/i18n/i18n'
import { isQueryFiltering, PassageFilters } from './PassageFilters'
import { PassageTable } from './PassageTable'
import { NO_PASSAGE_QUERY, recallPassages, rememberPassages } from './retrieval-memory'
import { usePassageQuery } from './use-passage-query'
import { useRowWindow } from './use-row-window'

interface Props {
  sessionId: string
  meta: CorpusMeta
  /** The open article's passages: with `meta`, what changes when the corpus is edited. */
  articlePassages: readonly unknown[]
  drained: () => Promise<void>
  onOpen: (row: PassageRow) => void
  onClose: () => void
  /** The session's coders, when it has several: a coder filter and a Coder column. */
  coders?: CoderDisplay | null
}

const SORT_LABELS = {
  list: 'retrieval.sort.list',
  theme: 'retrieval.sort.theme',
  published: 'retrieval.sort.published',
} as const satisfies Record<PassageSort, string>

export function PassagesView(props: Props) {
  const { sessionId, meta, drained, onOpen, onClose, coders = null } = props
  const { t, plural, formatNumber, errorText } = useI18n()
  const [memory] = useState(() => recallPassages(sessionId))
  const [query, setQuery] = useState<PassageQuery>(memory.query)
  const { page, source, error } = usePassageQuery(
    sessionId,
    query,
    [meta, props.articlePassages],
    drained,
  )
  const rows = useRowWindow(source)
  const textBox = useRef<HTMLInputElement>(null)
  const articles = useMemo(() => new Map(meta.articles.map((a) => [a.id, a])), [meta.articles])
  const themes = useMemo(() => new Map(meta.codebook.map((th) => [th.id, th])), [meta.codebook])
  const inSession = useMemo(
    () => meta.articles.reduce((n, a) => n + a.passageCount, 0),
    [meta.articles],
  )
  const comingBack = memory.opened !== null

  // Take the focus on open (the text filter, or the row last opened); give it back on close.
  useEffect(() => {
    const before = document.activeElement
    if (!comingBack) textBox.current?.focus()
    return () => {
      if (before instanceof HTMLElement && before.isConnected) before.focus()
    }
  }, [comingBack])

  // A new query shows its results from the top.
  const [resets, setResets] = useState(0)
  const change = useCallback(
    (q: PassageQuery) => {
      setQuery(q)
      setResets((r) => r + 1)
      rememberPassages(sessionId, { query: q, opened: null })
    },
    [sessionId],
  )
  const open = (row: PassageRow, index: number) => {
    rememberPassages(sessionId, { query, opened: index })
    onOpen(row)
  }

  const filtering = isQueryFiltering(query)
  const count =
    page &&
    t(filtering ? 'retrieval.passagesOf' : 'retrieval.passagesIn', {
      passages: plural('count.passages', page.total),
      articles: plural('retrieval.count.articles', page.articles),
      total: formatNumber(inSession),
    })

  return (
    <section className="retrieval-view" aria-labelledby="passages-view-title">
      <header className="retrieval-head">
        <h2 id="passages-view-title">{t('retrieval.passages.title')}</h2>
        <span className="muted retrieval-count" role="status" aria-live="polite">
          {count}
        </span>
        <label className="retrieval-sort">
          <span>{t('retrieval.sort')}</span>
          <select
            value={query.sort}
            onChange={(e) => change({ ...query, sort: e.target.value as PassageSort })}
          >
            {PASSAGE_SORTS.map((s) => (
              <option key={s} value={s}>
                {t(SORT_LABELS[s])}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={onClose} title={t('retrieval.closeTitle')}>
          {t('retrieval.close')}
        </button>
      </header>
      <div className="retrieval-body">
        <PassageFilters
          meta={meta}
          query={query}
          onChange={change}
          textRef={textBox}
          coders={coders}
        />
        <div className="retrieval-results">
          {error && (
            <p className="banner banner-error" role="alert">
              {t('retrieval.failed', { message: errorText(error) })}
            </p>
          )}
          {page && page.total === 0 && (
            <div className="retrieval-empty">
              <p>{inSession === 0 ? t('retrieval.empty.none') : t('retrieval.empty.filtered')}</p>
              {filtering && (
                <button
                  type="button"
                  onClick={() => change({ ...NO_PASSAGE_QUERY, sort: query.sort })}
                >
                  {t('retrieval.filter.clear')}
                </button>
              )}
            </div>
          )}
          {page && page.total > 0 && (
            <PassageTable
              key={resets}
              count={page.total}
              rows={rows}
              articles={articles}
              themes={themes}
              coders={coders}
              onOpen={open}
              initialRow={resets === 0 ? (memory.opened ?? 0) : 0}
              focusFirst={resets === 0 && comingBack}
            />
          )}
        </div>
      </div>
    </section>
  )
}
