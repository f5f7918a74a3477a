// What the summary covers: this article, the whole session, or the articles
// passing the session's filter. Radio buttons (arrow keys move between them).
import { useI18n } from '@renderer/i18n/i18n'

export type SummaryScope = 'article' | 'session' | 'filtered'

interface Props {
  value: SummaryScope
  onChange: (scope: SummaryScope) => void
  articles: number
  /** Articles passing the filter; null when no filter is set. */
  filtered: number | null
}

export function ScopeSwitch({ value, onChange, articles, filtered }: Props) {
  const { t, plural, formatNumber } = useI18n()
  const label = {
    article: t('corpus.scope.article'),
    session: plural('corpus.scope.session', articles),
    filtered:
      filtered === null
        ? t('corpus.scope.filtered')
        : t('corpus.scope.filteredCount', { count: formatNumber(filtered) }),
  }
  return (
    <fieldset className="corpus-radios summary-scope">
      <legend>{t('corpus.scope.label')}</legend>
      {(['article', 'session', 'filtered'] as const).map((scope) => (
        <label key={scope}>
          <input
            type="radio"
            name="summary-scope"
            value={scope}
            checked={value === scope}
            onChange={() => onChange(scope)}
          />
          {label[scope]}
        </label>
      ))}
    </fieldset>
  )
}
