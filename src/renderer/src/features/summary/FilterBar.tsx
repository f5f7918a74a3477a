// The filter of the "filtered articles" scope, in words, with how many
// articles pass it, and a quick way to set one: an attribute and one of its
// values (a year for dates). The filter is the session's one (the articles
// panel sets the same one), so what is set here is seen there too.
import { useMemo, useState } from 'react'
import type { CorpusMeta } from '@shared/model/corpus'
import {
  articleMatcher,
  isArticleFilterEmpty,
  NO_ARTICLE_FILTER,
  type ArticleFilter,
} from '@shared/model/corpus-query'
import { groupValue, isDateAttribute, orderValues } from '@shared/model/corpus-stats'
import { useI18n } from '@renderer/i18n/i18n'
import { attributeLabel, describeFilter, groupableAttributes, valueLabel } from './corpus-labels'

interface Props {
  meta: CorpusMeta
  filter: ArticleFilter
  onFilter: (filter: ArticleFilter) => void
}

/** The filter keeping the articles whose `attribute` is `value` (a year, for dates). */
export function filterOn(meta: CorpusMeta, attribute: string, value: string): ArticleFilter {
  const condition =
    isDateAttribute(attribute, meta.attributeDefs) && value !== ''
      ? { attribute, kind: 'range' as const, from: `${value}-01-01`, to: `${value}-12-31` }
      : { attribute, kind: 'in' as const, values: [value] }
  return { ...NO_ARTICLE_FILTER, conditions: [condition] }
}

export function FilterBar({ meta, filter, onFilter }: Props) {
  const { t, formatNumber } = useI18n()
  const defs = meta.attributeDefs
  const [attribute, setAttribute] = useState(
    () => filter.conditions[0]?.attribute ?? groupableAttributes(defs)[0]!,
  )
  const values = useMemo(() => {
    const counts = new Map<string, number>()
    for (const a of meta.articles) {
      const v = groupValue(a, attribute, defs)
      counts.set(v, (counts.get(v) ?? 0) + 1)
    }
    return orderValues(counts, attribute, defs).map((v) => ({ value: v, count: counts.get(v)! }))
  }, [meta.articles, attribute, defs])
  const passing = useMemo(
    () => meta.articles.filter(articleMatcher(filter, defs)).length,
    [meta.articles, filter, defs],
  )
  const empty = isArticleFilterEmpty(filter)
  // The value picked here, when the filter is exactly that.
  const current = JSON.stringify(filter)
  const picked = values.findIndex(
    (v) => JSON.stringify(filterOn(meta, attribute, v.value)) === current,
  )
  return (
    <div className="corpus-filter" role="group" aria-label={t('corpus.filter.label')}>
      <p>
        {empty
          ? t('corpus.filter.none')
          : t('corpus.filter.current', {
              filter: describeFilter(filter, defs, t),
              count: formatNumber(passing),
              total: formatNumber(meta.articles.length),
            })}
      </p>
      <div className="corpus-controls">
        <label>
          {t('corpus.filter.attribute')}
          <select value={attribute} onChange={(e) => setAttribute(e.target.value)}>
            {groupableAttributes(defs).map((a) => (
              <option key={a} value={a}>
                {attributeLabel(a, defs, t)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('corpus.filter.value')}
          <select
            value={picked < 0 ? '' : String(picked)}
            onChange={(e) => {
              const picked = values[Number(e.target.value)]
              if (picked) onFilter(filterOn(meta, attribute, picked.value))
            }}
          >
            <option value="">{t('corpus.filter.pick')}</option>
            {values.map((v, i) => (
              <option key={v.value} value={i}>
                {t('corpus.filter.valueCount', {
                  value: valueLabel(v.value, t),
                  count: formatNumber(v.count),
                })}
              </option>
            ))}
          </select>
        </label>
        <button type="button" disabled={empty} onClick={() => onFilter(NO_ARTICLE_FILTER)}>
          {t('corpus.filter.clear')}
        </button>
      </div>
    </div>
  )
}
