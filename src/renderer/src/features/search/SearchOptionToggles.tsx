// The search's options as two toggles, match case and match accents (both
// off: case and accents are ignored): the article search bar's and the
// corpus search's.
import type { SearchOptions } from '@shared/model/search'
import { useI18n } from '@renderer/i18n/i18n'

interface Props {
  options: SearchOptions
  onChange: (options: SearchOptions) => void
}

export function SearchOptionToggles({ options, onChange }: Props) {
  const { t } = useI18n()
  return (
    <div className="search-options" role="group" aria-label={t('search.options')}>
      <button
        type="button"
        className={options.matchCase ? 'toggle small on-neutral' : 'toggle small'}
        aria-pressed={options.matchCase}
        title={t('search.matchCase.help')}
        onClick={() => onChange({ ...options, matchCase: !options.matchCase })}
      >
        {t('search.matchCase')}
      </button>
      <button
        type="button"
        className={options.matchAccents ? 'toggle small on-neutral' : 'toggle small'}
        aria-pressed={options.matchAccents}
        title={t('search.matchAccents.help')}
        onClick={() => onChange({ ...options, matchAccents: !options.matchAccents })}
      >
        {t('search.matchAccents')}
      </button>
    </div>
  )
}
