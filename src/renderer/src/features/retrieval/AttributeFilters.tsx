// The article side of the retrieval filters: one field per attribute of the
// session (builtins, then custom ones), each a list of values to tick, a
// range of dates or numbers, or a text to find. Changes go up as a new
// ArticleFilter; the conditions are those of shared/model/corpus-query.ts.
import type { CorpusMeta } from '@shared/model/corpus'
import type { ArticleFilter } from '@shared/model/corpus-query'
import { useI18n } from '@renderer/i18n/i18n'
import type { MessageKey } from '@renderer/i18n/messages-en'
import {
  attributeFields,
  conditionOn,
  toggleValue,
  withCondition,
  type AttributeField,
} from './attribute-fields'

interface Props {
  meta: Pick<CorpusMeta, 'articles' | 'attributeDefs'>
  filter: ArticleFilter
  onChange: (filter: ArticleFilter) => void
  /** The attribute fields, worked out once per index by the caller. */
  fields?: AttributeField[]
}

/** Open at first: the fields most studies filter by. */
const OPEN = new Set(['outlet', 'published'])

export function AttributeFilters({ meta, filter, onChange, fields }: Props) {
  const { t, formatNumber } = useI18n()
  const nameOf = (f: AttributeField) => f.name ?? t(`retrieval.attr.${f.id}` as MessageKey)
  return (
    <>
      <label className="retrieval-field">
        <span>{t('retrieval.filter.articleTitle')}</span>
        <input
          type="text"
          value={filter.title}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => onChange({ ...filter, title: e.target.value })}
        />
      </label>
      {(fields ?? attributeFields(meta)).map((field) => {
        const c = conditionOn(filter, field.id)
        const name = nameOf(field)
        return (
          <details key={field.id} className="retrieval-attr" open={OPEN.has(field.id) || !!c}>
            <summary>
              {name}
              {c && <span className="retrieval-dot" aria-hidden="true" />}
            </summary>
            {field.kind === 'choice' && (
              <fieldset className="retrieval-choices">
                <legend className="visually-hidden">{name}</legend>
                {field.values.map(({ value, count }) => (
                  <label key={value} className="retrieval-choice">
                    <input
                      type="checkbox"
                      checked={c?.kind === 'in' && c.values.includes(value)}
                      onChange={() => onChange(toggleValue(filter, field.id, value))}
                    />
                    <span className="retrieval-choice-name">
                      {value === '' ? t('retrieval.filter.empty') : value}
                    </span>
                    <span className="muted retrieval-choice-count">{formatNumber(count)}</span>
                  </label>
                ))}
              </fieldset>
            )}
            {(field.kind === 'date' || field.kind === 'number') && (
              <fieldset className="retrieval-range">
                <legend className="visually-hidden">{name}</legend>
                {(['from', 'to'] as const).map((end) => (
                  <label key={end} className="retrieval-field">
                    <span>
                      {t(end === 'from' ? 'retrieval.filter.from' : 'retrieval.filter.to')}
                    </span>
                    <input
                      type={field.kind}
                      value={(c?.kind === 'range' && c[end]) || ''}
                      onChange={(e) => {
                        const range =
                          c?.kind === 'range' ? c : { attribute: field.id, kind: 'range' as const }
                        onChange(
                          withCondition(filter, field.id, { ...range, [end]: e.target.value }),
                        )
                      }}
                    />
                  </label>
                ))}
              </fieldset>
            )}
            {field.kind === 'text' && (
              <label className="retrieval-field">
                <span className="visually-hidden">{t('retrieval.filter.contains', { name })}</span>
                <input
                  type="text"
                  value={c?.kind === 'contains' ? c.text : ''}
                  placeholder={t('retrieval.filter.contains', { name })}
                  spellCheck={false}
                  autoComplete="off"
                  onChange={(e) =>
                    onChange(
                      withCondition(filter, field.id, {
                        attribute: field.id,
                        kind: 'contains',
                        text: e.target.value,
                      }),
                    )
                  }
                />
              </label>
            )}
          </details>
        )
      })}
    </>
  )
}
