// The switch between the two measures of a cell: share of articles or passages.
import { useI18n } from '@renderer/i18n/i18n'
import type { Measure } from './corpus-measure'

interface Props {
  name: string
  value: Measure
  onChange: (measure: Measure) => void
}

export function MeasureSwitch({ name, value, onChange }: Props) {
  const { t } = useI18n()
  return (
    <fieldset className="corpus-radios">
      <legend>{t('corpus.measure.label')}</legend>
      {(['articles', 'passages'] as const).map((m) => (
        <label key={m}>
          <input
            type="radio"
            name={name}
            value={m}
            checked={value === m}
            onChange={() => onChange(m)}
          />
          {t(m === 'articles' ? 'corpus.measure.articles' : 'corpus.measure.passages')}
        </label>
      ))}
    </fieldset>
  )
}
