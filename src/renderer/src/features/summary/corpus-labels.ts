// Words of the corpus summary that depend on the session: attribute names
// (the builtins in the UI's language, custom ones as the analyst named
// them), values (an empty value named as such), periods (months in the
// UI's language), and a filter described in words.
import { BUILTIN_ATTRIBUTES, type AttributeDef } from '@shared/model/corpus'
import type { ArticleFilter } from '@shared/model/corpus-query'
import type { TimeBin } from '@shared/model/time-bins'
import type { I18n } from '@renderer/i18n/i18n'

type T = I18n['t']

const BUILTIN_LABELS = {
  title: 'corpus.attribute.title',
  outlet: 'corpus.attribute.outlet',
  author: 'corpus.attribute.author',
  published: 'corpus.attribute.published',
  url: 'corpus.attribute.url',
  language: 'corpus.attribute.language',
} as const

/** An attribute's name for the analyst. */
export function attributeLabel(attribute: string, defs: readonly AttributeDef[], t: T): string {
  if (Object.hasOwn(BUILTIN_LABELS, attribute))
    return t(BUILTIN_LABELS[attribute as keyof typeof BUILTIN_LABELS])
  return defs.find((d) => d.id === attribute)?.name ?? attribute
}

/** The attributes a summary can group by: the builtins (but the url), then the session's own. */
export function groupableAttributes(defs: readonly AttributeDef[]): string[] {
  return [...BUILTIN_ATTRIBUTES.filter((a) => a !== 'url'), ...defs.map((d) => d.id)]
}

/** A value of an attribute as shown ('' is the articles without one). */
export function valueLabel(value: string, t: T): string {
  return value === '' ? t('corpus.value.none') : value
}

/** A period key (2025-W03, 2025-03, 2025) as shown: months named in the UI's language. */
export function periodLabel(key: string, bin: TimeBin, locale: string): string {
  if (bin !== 'month') return key
  const [y, m] = key.split('-').map(Number)
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y!, m! - 1, 1)))
}

/** A filter in a few words: “Outlet is Le Monde, Libération · coded”. */
export function describeFilter(filter: ArticleFilter, defs: readonly AttributeDef[], t: T): string {
  const parts: string[] = []
  if (filter.title.trim())
    parts.push(t('corpus.filter.describe.title', { text: filter.title.trim() }))
  for (const c of filter.conditions) {
    const attribute = attributeLabel(c.attribute, defs, t)
    if (c.kind === 'in')
      parts.push(
        t('corpus.filter.describe.in', {
          attribute,
          values: c.values.map((v) => valueLabel(v, t)).join(', '),
        }),
      )
    else if (c.kind === 'contains')
      parts.push(t('corpus.filter.describe.contains', { attribute, text: c.text }))
    else
      parts.push(
        t('corpus.filter.describe.range', { attribute, from: c.from || '…', to: c.to || '…' }),
      )
  }
  if (filter.coded !== 'any')
    parts.push(
      t(
        filter.coded === 'coded'
          ? 'corpus.filter.describe.coded'
          : 'corpus.filter.describe.uncoded',
      ),
    )
  return parts.join(' · ')
}
