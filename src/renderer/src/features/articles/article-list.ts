// The articles panel's list as data: which articles it shows (the filter of
// shared/model/corpus-query.ts), in which order (a column, either way), the
// values an attribute takes (to pick from), and the article before or after
// another. Pure: no React, no DOM.
import type { ArticleEntry } from '@shared/model/corpus'
import {
  articleMatcher,
  attributeOf,
  type ArticleFilter,
  type AttributeCondition,
} from '@shared/model/corpus-query'
import type { AttributeDef } from '@shared/model/corpus'

/** The columns the list sorts by. */
export const SORT_KEYS = ['title', 'outlet', 'published', 'passages', 'coded'] as const
export type SortKey = (typeof SORT_KEYS)[number]

/** A column and a direction; null keeps the session's order (the order articles were added). */
export type ArticleSort = { key: SortKey; descending: boolean } | null

/** Clicking a column's header: sorts by it, then reverses, as tables do. */
export function nextSort(sort: ArticleSort, key: SortKey): ArticleSort {
  if (sort?.key !== key) return { key, descending: false }
  return { key, descending: !sort.descending }
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })

/**
 * The articles sorted by a column (stable: ties keep the session's order).
 * Empty values go last either way, so that sorting by date puts the
 * undated articles at the end, not the top.
 */
export function sortArticles(
  articles: readonly ArticleEntry[],
  sort: ArticleSort,
  compare: (a: string, b: string) => number = collator.compare,
): ArticleEntry[] {
  if (!sort) return [...articles]
  const sign = sort.descending ? -1 : 1
  const order = new Map(articles.map((a, i) => [a.id, i]))
  const tie = (a: ArticleEntry, b: ArticleEntry) => order.get(a.id)! - order.get(b.id)!
  const numeric = (n: (a: ArticleEntry) => number) => (a: ArticleEntry, b: ArticleEntry) =>
    sign * (n(a) - n(b)) || tie(a, b)
  switch (sort.key) {
    case 'passages':
      return [...articles].sort(numeric((a) => a.passageCount))
    case 'coded':
      return [...articles].sort(numeric((a) => (a.passageCount > 0 ? 1 : 0)))
    default: {
      const key = sort.key
      // Each value once: a sort compares far more often than there are articles.
      const values = new Map(articles.map((a) => [a.id, attributeOf(a, key).trim()]))
      return [...articles].sort((a, b) => {
        const va = values.get(a.id)!
        const vb = values.get(b.id)!
        if (va === '' || vb === '') return va === vb ? tie(a, b) : va === '' ? 1 : -1
        return sign * compare(va, vb) || tie(a, b)
      })
    }
  }
}

/** The articles the panel lists: those the filter keeps, in the chosen order. */
export function listedArticles(
  articles: readonly ArticleEntry[],
  filter: ArticleFilter,
  sort: ArticleSort,
  defs: readonly AttributeDef[] = [],
): ArticleEntry[] {
  const matches = articleMatcher(filter, defs)
  return sortArticles(articles.filter(matches), sort)
}

/** The values an attribute takes in the session, each with how many articles have it; sorted. */
export function attributeValues(
  articles: readonly ArticleEntry[],
  attribute: string,
): { value: string; count: number }[] {
  const counts = new Map<string, number>()
  for (const a of articles) {
    const v = attributeOf(a, attribute)
    if (v !== '') counts.set(v, (counts.get(v) ?? 0) + 1)
  }
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => collator.compare(a.value, b.value))
}

/** The values picked for an attribute in a filter (its 'in' condition), or none. */
export function pickedValues(filter: ArticleFilter, attribute: string): readonly string[] {
  const c = filter.conditions.find((x) => x.attribute === attribute && x.kind === 'in')
  return c?.kind === 'in' ? c.values : []
}

/** The filter with `value` picked or unpicked for `attribute` (no values: no condition). */
export function togglePicked(
  filter: ArticleFilter,
  attribute: string,
  value: string,
): ArticleFilter {
  const values = pickedValues(filter, attribute)
  const next = values.includes(value) ? values.filter((v) => v !== value) : [...values, value]
  return withCondition(
    filter,
    attribute,
    'in',
    next.length ? { attribute, kind: 'in', values: next } : null,
  )
}

/** The date range of a filter on `published` ('' for an open end). */
export function dateRange(filter: ArticleFilter): { from: string; to: string } {
  const c = filter.conditions.find((x) => x.attribute === 'published' && x.kind === 'range')
  return c?.kind === 'range' ? { from: c.from ?? '', to: c.to ?? '' } : { from: '', to: '' }
}

/** The filter with the published range set (both ends empty: no condition). */
export function withDateRange(filter: ArticleFilter, from: string, to: string): ArticleFilter {
  return withCondition(
    filter,
    'published',
    'range',
    from || to
      ? { attribute: 'published', kind: 'range', ...(from && { from }), ...(to && { to }) }
      : null,
  )
}

function withCondition(
  filter: ArticleFilter,
  attribute: string,
  kind: AttributeCondition['kind'],
  condition: AttributeCondition | null,
): ArticleFilter {
  const others = filter.conditions.filter((c) => c.attribute !== attribute || c.kind !== kind)
  return { ...filter, conditions: condition ? [...others, condition] : others }
}

/**
 * The article before (-1) or after (1) `currentId` in the list; from an
 * article the list does not show, the first (or the last). Null at an end.
 */
export function adjacentArticle(
  list: readonly ArticleEntry[],
  currentId: string,
  direction: 1 | -1,
): ArticleEntry | null {
  const at = list.findIndex((a) => a.id === currentId)
  if (at < 0) return (direction === 1 ? list[0] : list.at(-1)) ?? null
  return list[at + direction] ?? null
}
