// The corpus search (Ctrl/Cmd+Shift+F, or "Search all" in the header): one
// query over every article of the session, with the article search's rules
// and options (case and accents ignored unless asked), shown in place of the
// article. Results come grouped by article with a few words of context; the
// first come at once, the count grows while main reads the rest. Opening a
// match shows it in its article with the article search on it. Esc or "Back
// to the article" returns. Never edits the session.
import { useEffect, useMemo, useRef, useState } from 'react'
import type { CorpusMeta } from '@shared/model/corpus'
import type { CorpusSearchRow } from '@shared/model/corpus-search'
import type { SearchOptions } from '@shared/model/search'
import { SearchOptionToggles } from '@renderer/features/search'
import { useI18n } from '@renderer/i18n/i18n'
import { recallSearch, rememberSearch } from './retrieval-memory'
import { SearchResults } from './SearchResults'
import { useCorpusSearch } from './use-corpus-search'
import { useRowWindow } from './use-row-window'

type MatchRow = Extract<CorpusSearchRow, { kind: 'match' }>

interface Props {
  sessionId: string
  meta: CorpusMeta
  onOpen: (row: MatchRow, query: string, options: SearchOptions) => void
  onClose: () => void
}

export function CorpusSearchView({ sessionId, meta, onOpen, onClose }: Props) {
  const { t, plural, formatNumber, errorText } = useI18n()
  const [memory] = useState(() => recallSearch(sessionId))
  const [query, setQuery] = useState(memory.query)
  const [options, setOptions] = useState<SearchOptions>(memory.options)
  const { searched, status, source, error } = useCorpusSearch(
    sessionId,
    query,
    options,
    meta.articles,
  )
  const rows = useRowWindow(source)
  const input = useRef<HTMLInputElement>(null)
  const focusResults = useRef<(() => void) | null>(null)
  const articles = useMemo(() => new Map(meta.articles.map((a) => [a.id, a])), [meta.articles])
  const comingBack = memory.opened !== null && memory.query !== ''

  // Take the focus on open (the search box, or the match last opened); give it back on close.
  useEffect(() => {
    const before = document.activeElement
    if (!comingBack) input.current?.select()
    if (!comingBack) input.current?.focus()
    return () => {
      if (before instanceof HTMLElement && before.isConnected) before.focus()
    }
  }, [comingBack])

  // A new query shows its results from the top.
  const [resets, setResets] = useState(0)
  const change = (q: string, o: SearchOptions) => {
    setQuery(q)
    setResets((r) => r + 1)
    setOptions(o)
    rememberSearch(sessionId, { query: q, options: o, opened: null })
  }
  const open = (row: MatchRow, index: number) => {
    rememberSearch(sessionId, { query, options, opened: index })
    onOpen(row, searched, options)
  }

  const counts =
    status &&
    status.found > 0 &&
    t('retrieval.passagesIn', {
      passages: plural('retrieval.count.matches', status.found),
      articles: plural('retrieval.count.articles', status.articles),
    })
  const searching = query.trim() !== '' && (!status || !status.done || searched !== query)

  return (
    <section
      className="retrieval-view"
      aria-labelledby="corpus-search-title"
      onKeyDown={(e) => {
        // Ctrl/Cmd+Shift+F again: back to the search box.
        if (e.key.toLowerCase() === 'f' && e.shiftKey && (e.ctrlKey || e.metaKey)) {
          input.current?.focus()
          input.current?.select()
        }
      }}
    >
      <header className="retrieval-head">
        <h2 id="corpus-search-title">{t('retrieval.search.title')}</h2>
        <span className="muted retrieval-count" role="status" aria-live="polite">
          {searching && `${t('retrieval.search.searching')} `}
          {counts}
        </span>
        <button type="button" onClick={onClose} title={t('retrieval.closeTitle')}>
          {t('retrieval.close')}
        </button>
      </header>
      <div
        className="search-bar corpus-search-bar"
        role="search"
        aria-label={t('retrieval.search.title')}
      >
        <input
          ref={input}
          type="text"
          className="search-input"
          aria-label={t('retrieval.search.label')}
          placeholder={t('retrieval.search.placeholder')}
          value={query}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => change(e.target.value, options)}
          onKeyDown={(e) => {
            if ((e.key === 'ArrowDown' || e.key === 'Enter') && status && status.rowCount > 0) {
              e.preventDefault()
              focusResults.current?.()
            }
          }}
        />
        <SearchOptionToggles options={options} onChange={(o) => change(query, o)} />
      </div>
      <div className="retrieval-results">
        {error && (
          <p className="banner banner-error" role="alert">
            {t('retrieval.search.failed', { message: errorText(error) })}
          </p>
        )}
        {query.trim() === '' && (
          <p className="retrieval-empty muted">{t('retrieval.search.prompt')}</p>
        )}
        {status &&
          status.done &&
          status.found === 0 &&
          searched === query &&
          query.trim() !== '' && (
            <p className="retrieval-empty">{t('retrieval.search.none', { query: searched })}</p>
          )}
        {status && status.found > status.matches && (
          <p className="retrieval-capped muted" role="note">
            {t('retrieval.search.capped', {
              shown: formatNumber(status.matches),
              found: formatNumber(status.found),
            })}
          </p>
        )}
        {status && status.rowCount > 0 && query.trim() !== '' && (
          <SearchResults
            key={resets}
            count={status.rowCount}
            rows={rows}
            articles={articles}
            onOpen={open}
            initialRow={resets === 0 ? (memory.opened ?? 0) : 0}
            focusFirst={resets === 0 && comingBack}
            focusRef={focusResults}
          />
        )}
      </div>
    </section>
  )
}
