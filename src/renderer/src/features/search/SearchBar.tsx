// The article search bar (Ctrl/Cmd+F): a labelled text box, the match count
// ("3 of 12"), previous/next, "Match case" and "Match accents" toggles, and
// close. Enter and Shift+Enter step through the matches; Esc closes.
import { useEffect } from 'react'
import { useI18n } from '@renderer/i18n/i18n'
import { modKeyLabel } from '@renderer/lib/keys'
import { SearchOptionToggles } from './SearchOptionToggles'
import type { ArticleSearch } from './use-article-search'

export function SearchBar({ search }: { search: ArticleSearch }) {
  const { t, formatNumber } = useI18n()
  const { query, options, matches, current, inputRef } = search

  // Take the focus when the bar appears, with any previous query selected.
  useEffect(() => {
    inputRef.current?.focus()
    inputRef.current?.select()
  }, [inputRef])

  const count =
    query === ''
      ? ''
      : matches.length === 0
        ? t('search.none')
        : t('search.count', {
            current: formatNumber(current + 1),
            total: formatNumber(matches.length),
          })

  return (
    <div className="search-bar" role="search" aria-label={t('search.region')}>
      <input
        ref={inputRef}
        type="text"
        className="search-input"
        aria-label={t('search.label')}
        aria-keyshortcuts={modKeyLabel() === 'Ctrl' ? 'Control+F' : 'Meta+F'}
        placeholder={t('search.placeholder')}
        value={query}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => search.setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault()
            search.step(e.shiftKey ? -1 : 1)
          } else if (e.key === 'Escape') {
            // The bar owns this Escape: it must not also clear the passage selection.
            e.preventDefault()
            e.stopPropagation()
            search.close()
          }
        }}
      />
      <span
        className={matches.length === 0 && query ? 'search-count none' : 'search-count'}
        role="status"
        aria-live="polite"
      >
        {count}
      </span>
      <button
        type="button"
        className="icon-button"
        aria-label={t('search.previous')}
        title={`${t('search.previous')} (${t('keys.shift')}+${t('keys.enter')}, ${t('keys.shift')}+F3)`}
        disabled={matches.length === 0}
        onClick={() => search.step(-1)}
      >
        <span aria-hidden="true">↑</span>
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={t('search.next')}
        title={`${t('search.next')} (${t('keys.enter')}, F3)`}
        disabled={matches.length === 0}
        onClick={() => search.step(1)}
      >
        <span aria-hidden="true">↓</span>
      </button>
      <SearchOptionToggles options={options} onChange={search.setOptions} />
      <button
        type="button"
        className="icon-button search-close"
        aria-label={t('search.close')}
        title={`${t('search.close')} (${t('keys.escape')})`}
        onClick={search.close}
      >
        <span aria-hidden="true">×</span>
      </button>
    </div>
  )
}
