// The articles panel's filters: text in the title, always there; under
// "Filters", coded or not, the published range, and the values of outlet,
// author, language and of each custom category to pick from (with how many
// articles have each). Every change is a new ArticleFilter
// (shared/model/corpus-query.ts).
import { useId, useMemo, useState } from 'react'
import type { ArticleEntry, AttributeDef } from '@shared/model/corpus'
import { isArticleFilterEmpty, type ArticleFilter } from '@shared/model/corpus-query'
import { useI18n } from '@renderer/i18n/i18n'
import { FilterText } from '@renderer/lib/filter-text'
import type { MessageKey } from '@renderer/i18n/messages-en'
import {
  attributeValues,
  dateRange,
  pickedValues,
  togglePicked,
  withDateRange,
} from './article-list'

interface Props {
  articles: readonly ArticleEntry[]
  defs: readonly AttributeDef[]
  filter: ArticleFilter
  onFilter: (filter: ArticleFilter) => void
}

const BUILTIN_PICKS: { attribute: string; label: MessageKey }[] = [
  { attribute: 'outlet', label: 'articles.attribute.outlet' },
  { attribute: 'author', label: 'articles.attribute.author' },
  { attribute: 'language', label: 'articles.attribute.language' },
]

const CODED: { value: ArticleFilter['coded']; label: MessageKey }[] = [
  { value: 'any', label: 'articles.filter.any' },
  { value: 'coded', label: 'articles.filter.codedOnly' },
  { value: 'uncoded', label: 'articles.filter.uncodedOnly' },
]

export function ArticleFilters({ articles, defs, filter, onFilter }: Props) {
  const { t } = useI18n()
  const [open, setOpen] = useState(false)
  const id = useId()
  const active = filter.conditions.length + (filter.coded === 'any' ? 0 : 1)
  const picks = useMemo(
    () => [
      ...BUILTIN_PICKS.map((p) => ({ attribute: p.attribute, name: t(p.label) })),
      ...defs.filter((d) => d.type === 'category').map((d) => ({ attribute: d.id, name: d.name })),
    ],
    [defs, t],
  )
  const range = dateRange(filter)
  return (
    <div className="article-filters">
      <div className="article-filters-row">
        <FilterText
          type="search"
          label={t('articles.filter.text')}
          placeholder={t('articles.filter.placeholder')}
          value={filter.title}
          onChange={(title) => onFilter({ ...filter, title })}
        />
        <button
          type="button"
          className={active ? 'small on-neutral' : 'small'}
          aria-expanded={open}
          aria-controls={`${id}-more`}
          onClick={() => setOpen(!open)}
        >
          {active ? t('articles.filter.moreCount', { count: active }) : t('articles.filter.more')}
        </button>
      </div>
      {open && (
        <div className="article-filters-more" id={`${id}-more`}>
          <div className="segmented" role="group" aria-label={t('articles.filter.coded')}>
            {CODED.map((c) => (
              <button
                key={c.value}
                type="button"
                aria-pressed={filter.coded === c.value}
                onClick={() => onFilter({ ...filter, coded: c.value })}
              >
                {t(c.label)}
              </button>
            ))}
          </div>
          <fieldset className="article-filter-dates">
            <legend>{t('articles.filter.published')}</legend>
            <label>
              {t('articles.filter.from')}
              <input
                type="date"
                value={range.from}
                onChange={(e) => onFilter(withDateRange(filter, e.target.value, range.to))}
              />
            </label>
            <label>
              {t('articles.filter.to')}
              <input
                type="date"
                value={range.to}
                onChange={(e) => onFilter(withDateRange(filter, range.from, e.target.value))}
              />
            </label>
          </fieldset>
          {picks.map((p) => (
            <ValuePicker
              key={p.attribute}
              name={p.name}
              values={attributeValues(articles, p.attribute)}
              picked={pickedValues(filter, p.attribute)}
              onToggle={(value) => onFilter(togglePicked(filter, p.attribute, value))}
            />
          ))}
          {!isArticleFilterEmpty(filter) && (
            <button
              type="button"
              className="link small"
              onClick={() => onFilter({ title: '', conditions: [], coded: 'any' })}
            >
              {t('articles.filter.clear')}
            </button>
          )}
        </div>
      )}
    </div>
  )
}

interface PickerProps {
  name: string
  values: { value: string; count: number }[]
  picked: readonly string[]
  onToggle: (value: string) => void
}

/** The values of one attribute as checkboxes, each with its count of articles. */
function ValuePicker({ name, values, picked, onToggle }: PickerProps) {
  const { t, formatNumber } = useI18n()
  return (
    <fieldset className="value-picker">
      <legend>{name}</legend>
      {values.length === 0 && <p className="muted small">{t('articles.filter.noValues')}</p>}
      {values.length > 0 && (
        <ul>
          {values.map((v) => (
            <li key={v.value}>
              <label>
                <input
                  type="checkbox"
                  checked={picked.includes(v.value)}
                  onChange={() => onToggle(v.value)}
                />
                <span className="value-picker-name">{v.value}</span>
                <span className="muted">{formatNumber(v.count)}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  )
}
