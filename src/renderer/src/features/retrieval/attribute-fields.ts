// The article attributes the retrieval filters offer, and how each is
// filtered: a list of values to tick (the outlet, the language, a category),
// a range (the publication date, a custom date or number) or a text to find
// (the author, the URL, a custom text). Also the small edits of an
// ArticleFilter a filter field makes: set or clear the condition on one
// attribute. Pure: no DOM.
import type { AttributeDef, CorpusMeta } from '@shared/model/corpus'
import type { ArticleFilter, AttributeCondition } from '@shared/model/corpus-query'

/** A builtin attribute with few values is ticked in a list; past this many values, found by text. */
export const MAX_CHOICES = 40

export type AttributeField =
  | { id: string; name: string | null; kind: 'choice'; values: { value: string; count: number }[] }
  | { id: string; name: string | null; kind: 'date' | 'number' }
  | { id: string; name: string | null; kind: 'text' }

/** The builtins, in the order the filters show them (name null: the UI names them). */
const BUILTINS = ['outlet', 'published', 'author', 'language', 'url'] as const

/** Every attribute the corpus has, as filter fields; builtins first, then the custom ones in order. */
export function attributeFields(
  meta: Pick<CorpusMeta, 'articles' | 'attributeDefs'>,
): AttributeField[] {
  const counts = (id: string) => {
    const byValue = new Map<string, number>()
    for (const a of meta.articles) {
      const v = a.attributes[id] ?? ''
      byValue.set(v, (byValue.get(v) ?? 0) + 1)
    }
    return [...byValue]
      .map(([value, count]) => ({ value, count }))
      .sort((x, y) => (x.value === '' ? 1 : y.value === '' ? -1 : x.value.localeCompare(y.value)))
  }
  const fields: AttributeField[] = []
  for (const id of BUILTINS) {
    if (id === 'published') fields.push({ id, name: null, kind: 'date' })
    else if (id === 'outlet' || id === 'language') {
      const values = counts(id)
      fields.push(
        values.length <= MAX_CHOICES
          ? { id, name: null, kind: 'choice', values }
          : { id, name: null, kind: 'text' },
      )
    } else fields.push({ id, name: null, kind: 'text' })
  }
  for (const def of meta.attributeDefs) fields.push(customField(def, counts))
  // A list of one empty value filters nothing: such fields are left out.
  return fields.filter((f) => f.kind !== 'choice' || f.values.some((v) => v.value !== ''))
}

function customField(
  def: AttributeDef,
  counts: (id: string) => { value: string; count: number }[],
): AttributeField {
  switch (def.type) {
    case 'category': {
      const found = new Map(counts(def.id).map((v) => [v.value, v.count]))
      const values = [...(def.values ?? []), ...(found.has('') ? [''] : [])].map((value) => ({
        value,
        count: found.get(value) ?? 0,
      }))
      return { id: def.id, name: def.name, kind: 'choice', values }
    }
    case 'date':
    case 'number':
      return { id: def.id, name: def.name, kind: def.type }
    case 'text':
      return { id: def.id, name: def.name, kind: 'text' }
  }
}

/** The condition a filter holds on an attribute, if any. */
export function conditionOn(
  filter: ArticleFilter,
  attribute: string,
): AttributeCondition | undefined {
  return filter.conditions.find((c) => c.attribute === attribute)
}

/** The filter with the condition on `attribute` replaced (null or an empty condition: removed). */
export function withCondition(
  filter: ArticleFilter,
  attribute: string,
  condition: AttributeCondition | null,
): ArticleFilter {
  const others = filter.conditions.filter((c) => c.attribute !== attribute)
  const empty =
    !condition ||
    (condition.kind === 'in' && condition.values.length === 0) ||
    (condition.kind === 'contains' && condition.text.trim() === '') ||
    (condition.kind === 'range' && !condition.from && !condition.to)
  return { ...filter, conditions: empty ? others : [...others, condition] }
}

/** Ticks or unticks one value of a list. */
export function toggleValue(
  filter: ArticleFilter,
  attribute: string,
  value: string,
): ArticleFilter {
  const c = conditionOn(filter, attribute)
  const values = c?.kind === 'in' ? c.values : []
  const next = values.includes(value) ? values.filter((v) => v !== value) : [...values, value]
  return withCondition(filter, attribute, { attribute, kind: 'in', values: next })
}
