// Article attributes as edits: defining the session's custom attributes
// (add, rename, change type, change a category's values, delete) and
// setting values (one article's fields, one attribute for many articles).
// Each change builds ONE `setArticleMeta` edit, so it is one undo step;
// a change that leaves values that no longer fit (a deleted attribute, a
// new type, a removed category value) clears them in that same edit and
// says how many articles lose a value.
//
// Values are normalized by attribute-values.ts (re-exported here).
// Pure: no DOM, no Node, no Electron.
import { normalizeFor, normalizeValue, type ValueProblem } from './attribute-values'
import { randomSuffix, themeSlug } from './codebook-ops'
import {
  BUILTIN_ATTRIBUTES,
  isBuiltinAttribute,
  type ArticleEntry,
  type AttributeDef,
  type AttributeType,
  type AttributeValues,
  type CorpusMeta,
} from './corpus'
import type { ArticleMeta, CorpusEdit } from './corpus-edits'
import { idSchema, MAX_THEME_NAME_LENGTH, themeNameKey } from './schema'

export * from './attribute-values'

export type SetArticleMeta = Extract<CorpusEdit, { type: 'setArticleMeta' }>

/** Most custom attributes a session holds, and values a category holds (the index's limits). */
export const MAX_ATTRIBUTES = 200
export const MAX_CATEGORY_VALUES = 1000

/**
 * Names a custom attribute may not take, ignoring case: the builtin
 * attributes, and the key columns of an attribute CSV and of the exports.
 */
export const RESERVED_ATTRIBUTE_NAMES: readonly string[] = [
  'title',
  'file',
  'id',
  ...BUILTIN_ATTRIBUTES,
  'article_id',
  'article_title',
]

/** What is wrong with a definition (or a change of one). */
export type AttributeDefProblem =
  | 'name-empty'
  | 'name-too-long'
  | 'name-taken'
  | 'name-reserved'
  | 'too-many'
  | 'values-empty'
  | 'value-empty'
  | 'value-too-long'
  | 'value-repeated'
  | 'too-many-values'
  | 'unknown-attribute'
  | 'builtin'

export class AttributeError extends Error {
  constructor(
    readonly problem: AttributeDefProblem,
    message: string,
    /** The offending category value, when there is one. */
    readonly value?: string,
  ) {
    super(message)
  }
}

/**
 * A fresh custom attribute id, `attr-<slug>-<random>`: never a builtin
 * name, never one of `taken`, and a deleted attribute's id does not come
 * back for a new attribute of the same name.
 */
export function newAttributeId(
  name: string,
  taken: Iterable<string>,
  random: () => string = randomSuffix,
): string {
  const used = new Set(taken)
  const base = `attr-${themeSlug(name) || 'attribute'}`
  for (;;) {
    const id = `${base}-${random()}`
    if (!used.has(id) && idSchema.safeParse(id).success) return id
  }
}

/** What is wrong with `name` for a custom attribute (other than `exceptId`), or null. */
export function attributeNameProblem(
  name: string,
  defs: readonly AttributeDef[],
  exceptId?: string,
): AttributeDefProblem | null {
  const trimmed = name.trim()
  if (!trimmed) return 'name-empty'
  if (trimmed.length > MAX_THEME_NAME_LENGTH) return 'name-too-long'
  const key = themeNameKey(trimmed)
  if (RESERVED_ATTRIBUTE_NAMES.includes(key)) return 'name-reserved'
  if (defs.some((d) => d.id !== exceptId && themeNameKey(d.name) === key)) return 'name-taken'
  return null
}

/**
 * A category's values as the analyst typed them, trimmed, in order; throws
 * AttributeError for an empty list, an empty or too long value, or the
 * same value twice (ignoring case).
 */
export function cleanCategoryValues(values: readonly string[]): string[] {
  const out = values.map((v) => v.replace(/\r\n|[\r\n\t]/g, ' ').trim())
  if (out.length === 0) throw new AttributeError('values-empty', 'a category needs values')
  if (out.length > MAX_CATEGORY_VALUES)
    throw new AttributeError('too-many-values', `more than ${MAX_CATEGORY_VALUES} values`)
  const seen = new Set<string>()
  for (const v of out) {
    if (!v) throw new AttributeError('value-empty', 'a category value is empty')
    if (v.length > MAX_THEME_NAME_LENGTH)
      throw new AttributeError('value-too-long', `a category value is too long`, v)
    const key = themeNameKey(v)
    if (seen.has(key)) throw new AttributeError('value-repeated', `“${v}” is listed twice`, v)
    seen.add(key)
  }
  return out
}

function defOf(meta: Pick<CorpusMeta, 'attributeDefs'>, id: string): AttributeDef {
  if (isBuiltinAttribute(id) || id === 'title')
    throw new AttributeError('builtin', `${id} is a builtin attribute`)
  const def = meta.attributeDefs.find((d) => d.id === id)
  if (!def) throw new AttributeError('unknown-attribute', `no attribute ${id}`)
  return def
}

function checkName(name: string, defs: readonly AttributeDef[], exceptId?: string): string {
  const problem = attributeNameProblem(name, defs, exceptId)
  if (problem) throw new AttributeError(problem, `attribute name: ${problem}`)
  return name.trim()
}

const metaOf = (a: ArticleEntry, attributes: AttributeValues): ArticleMeta => ({
  id: a.id,
  title: a.title,
  attributes,
})

/** Values with `attribute` set to `value` ('' removes it). */
function withValue(values: AttributeValues, attribute: string, value: string): AttributeValues {
  const next = { ...values }
  if (value === '') delete next[attribute]
  else next[attribute] = value
  return next
}

/**
 * The articles whose value of `attribute` changes under `change` (null:
 * the value goes), and how many of them lose their value.
 */
function rewriteValues(
  articles: readonly ArticleEntry[],
  attribute: string,
  change: (value: string) => string | null,
): { articles: ArticleMeta[]; cleared: number } {
  const out: ArticleMeta[] = []
  let cleared = 0
  for (const a of articles) {
    const value = a.attributes[attribute]
    if (value === undefined) continue
    const next = change(value) ?? ''
    if (next === value) continue
    if (next === '') cleared++
    out.push(metaOf(a, withValue(a.attributes, attribute, next)))
  }
  return { articles: out, cleared }
}

/** A change of the definitions: the edit, and how many articles lose a value with it. */
export interface DefinitionChange {
  edit: SetArticleMeta
  cleared: number
}

/** Adds a custom attribute (no article has a value yet). */
export function addAttribute(
  meta: Pick<CorpusMeta, 'attributeDefs'>,
  fields: { name: string; type: AttributeType; values?: readonly string[] },
  random?: () => string,
): { edit: SetArticleMeta; def: AttributeDef } {
  if (meta.attributeDefs.length >= MAX_ATTRIBUTES)
    throw new AttributeError('too-many', `a session holds at most ${MAX_ATTRIBUTES} attributes`)
  const name = checkName(fields.name, meta.attributeDefs)
  const id = newAttributeId(
    name,
    meta.attributeDefs.map((d) => d.id),
    random,
  )
  const def: AttributeDef =
    fields.type === 'category'
      ? { id, name, type: 'category', values: cleanCategoryValues(fields.values ?? []) }
      : { id, name, type: fields.type }
  return {
    edit: { type: 'setArticleMeta', attributeDefs: [...meta.attributeDefs, def], articles: [] },
    def,
  }
}

/** Renames a custom attribute: its id, and so every value, stays. */
export function renameAttribute(
  meta: Pick<CorpusMeta, 'attributeDefs'>,
  id: string,
  name: string,
): SetArticleMeta {
  const def = defOf(meta, id)
  const trimmed = checkName(name, meta.attributeDefs, id)
  return {
    type: 'setArticleMeta',
    attributeDefs: meta.attributeDefs.map((d) => (d === def ? { ...d, name: trimmed } : d)),
    articles: [],
  }
}

/**
 * Gives a custom attribute another type (and, for a category, its values).
 * Every value is normalized for the new type in the same edit: values that
 * fit are kept (numbers in their shortest form, a category value in the
 * category's spelling), the others are cleared and counted.
 */
export function changeAttributeType(
  meta: CorpusMeta,
  id: string,
  type: AttributeType,
  values?: readonly string[],
): DefinitionChange {
  const def = defOf(meta, id)
  const next: AttributeDef =
    type === 'category'
      ? { id, name: def.name, type, values: cleanCategoryValues(values ?? []) }
      : { id, name: def.name, type }
  const { articles, cleared } = rewriteValues(meta.articles, id, (v) => {
    const n = normalizeValue(v, type, next.values)
    return n.ok ? n.value : null
  })
  return {
    edit: {
      type: 'setArticleMeta',
      attributeDefs: meta.attributeDefs.map((d) => (d === def ? next : d)),
      articles,
    },
    cleared,
  }
}

/** How many articles would lose their value of a category whose values become `values`. */
export interface CategoryValuesChange extends DefinitionChange {
  /** Old values that are gone (neither kept nor renamed). */
  removed: string[]
}

/**
 * Sets a category's values. `renames` maps an old value to its new
 * spelling: articles holding it take the new one. Articles holding a value
 * that is gone lose it, in the same edit.
 */
export function setCategoryValues(
  meta: CorpusMeta,
  id: string,
  values: readonly string[],
  renames: Readonly<Record<string, string>> = {},
): CategoryValuesChange {
  const def = defOf(meta, id)
  if (def.type !== 'category')
    throw new AttributeError('unknown-attribute', `${def.name} is not a category`)
  const list = cleanCategoryValues(values)
  const target = (old: string): string | null => {
    const renamed = Object.hasOwn(renames, old) ? renames[old]!.trim() : old
    return list.includes(renamed) ? renamed : null
  }
  const removed = (def.values ?? []).filter((v) => target(v) === null)
  const { articles, cleared } = rewriteValues(meta.articles, id, target)
  return {
    edit: {
      type: 'setArticleMeta',
      attributeDefs: meta.attributeDefs.map((d) => (d === def ? { ...d, values: list } : d)),
      articles,
    },
    cleared,
    removed,
  }
}

/** Deletes a custom attribute and, in the same edit, its value in every article. */
export function deleteAttribute(meta: CorpusMeta, id: string): DefinitionChange {
  const def = defOf(meta, id)
  const { articles, cleared } = rewriteValues(meta.articles, id, () => null)
  return {
    edit: {
      type: 'setArticleMeta',
      attributeDefs: meta.attributeDefs.filter((d) => d !== def),
      articles,
    },
    cleared,
  }
}

/** How many articles hold a value of `attribute` (a custom attribute's id or a builtin). */
export function articlesWithValue(
  meta: Pick<CorpusMeta, 'articles'>,
  attribute: string,
  value?: string,
): number {
  let n = 0
  for (const a of meta.articles) {
    const v = a.attributes[attribute]
    if (v !== undefined && (value === undefined || v === value)) n++
  }
  return n
}

/** How many articles hold a value, by attribute, in one pass. */
export function valueCounts(articles: readonly ArticleEntry[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const a of articles)
    for (const k of Object.keys(a.attributes)) counts.set(k, (counts.get(k) ?? 0) + 1)
  return counts
}

/** The different values articles hold for `attribute`, sorted. */
export function distinctValues(meta: Pick<CorpusMeta, 'articles'>, attribute: string): string[] {
  const values = new Set<string>()
  for (const a of meta.articles) {
    const v = a.attributes[attribute]
    if (v !== undefined) values.add(v)
  }
  return [...values].sort((a, b) => a.localeCompare(b))
}

/** The outcome of setting values: the edit (null: nothing changes), or the problem. */
export type ValueChange =
  { ok: true; edit: SetArticleMeta | null; changed: number } | { ok: false; problem: ValueProblem }

/**
 * Sets one attribute to one value for many articles: the articles whose
 * value changes, in one edit. '' clears the value.
 */
export function setAttributeForArticles(
  meta: CorpusMeta,
  attribute: string,
  raw: string,
  articleIds: readonly string[],
): ValueChange {
  if (attribute === 'title')
    throw new AttributeError('builtin', 'a title is set one article at a time')
  const n = normalizeFor(meta, attribute, raw)
  if (!n.ok) return n
  const ids = new Set(articleIds)
  const articles: ArticleMeta[] = []
  for (const a of meta.articles)
    if (ids.has(a.id) && (a.attributes[attribute] ?? '') !== n.value)
      articles.push(metaOf(a, withValue(a.attributes, attribute, n.value)))
  return {
    ok: true,
    edit: articles.length ? { type: 'setArticleMeta', articles } : null,
    changed: articles.length,
  }
}

/**
 * Sets fields of one article (the details panel): the title and any
 * attributes, each normalized. A value that does not fit is reported by
 * attribute and nothing changes.
 */
export function setArticleFields(
  meta: CorpusMeta,
  articleId: string,
  fields: Readonly<Record<string, string>>,
):
  | { ok: true; edit: SetArticleMeta | null }
  | { ok: false; problems: Record<string, ValueProblem> } {
  const entry = meta.articles.find((a) => a.id === articleId)
  if (!entry) throw new AttributeError('unknown-attribute', `no article ${articleId}`)
  const problems: Record<string, ValueProblem> = {}
  let title = entry.title
  let attributes = entry.attributes
  for (const [attribute, raw] of Object.entries(fields)) {
    const n = normalizeFor(meta, attribute, raw)
    if (!n.ok) problems[attribute] = n.problem
    else if (attribute === 'title') title = n.value
    else if ((attributes[attribute] ?? '') !== n.value)
      attributes = withValue(attributes, attribute, n.value)
  }
  if (Object.keys(problems).length) return { ok: false, problems }
  if (title === entry.title && attributes === entry.attributes) return { ok: true, edit: null }
  return {
    ok: true,
    edit: { type: 'setArticleMeta', articles: [{ id: entry.id, title, attributes }] },
  }
}
