// Attribute values as Gloss stores them, normalized once for every way in
// (the details panel, bulk edits, CSV imports): trimmed, line breaks and
// tabs made spaces, numbers in JavaScript's shortest form, dates only as
// YYYY-MM-DD, category values in the category's own spelling. A value that
// cannot be stored comes back as its problem, never as an exception.
// Pure: no DOM, no Node, no Electron.
import {
  isBuiltinAttribute,
  isIsoDate,
  MAX_ATTRIBUTE_VALUE_LENGTH,
  type AttributeDef,
  type AttributeType,
  type CorpusMeta,
} from './corpus'
import { themeNameKey } from './schema'

export const MAX_TITLE_LENGTH = 1000

/** What is wrong with a value for its attribute. */
export type ValueProblem = 'number' | 'date' | 'category' | 'too-long' | 'title-empty'

export type Normalized = { ok: true; value: string } | { ok: false; problem: ValueProblem }

/** The type of an attribute ('title' and the builtins included); undefined when unknown. */
export function attributeTypeOf(
  attribute: string,
  defs: readonly AttributeDef[],
): AttributeType | undefined {
  if (attribute === 'title') return 'text'
  if (isBuiltinAttribute(attribute)) return attribute === 'published' ? 'date' : 'text'
  return defs.find((d) => d.id === attribute)?.type
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/

/** `raw` as stored for an attribute of `type` (category: one of `values`), or its problem. */
export function normalizeValue(
  raw: string,
  type: AttributeType,
  values: readonly string[] = [],
): Normalized {
  const value = raw.replace(/\r\n|[\r\n\t]/g, ' ').trim()
  if (value === '') return { ok: true, value }
  if (value.length > MAX_ATTRIBUTE_VALUE_LENGTH) return { ok: false, problem: 'too-long' }
  switch (type) {
    case 'text':
      return { ok: true, value }
    case 'number': {
      const n = Number(value)
      return NUMBER.test(value) && Number.isFinite(n)
        ? { ok: true, value: String(n) }
        : { ok: false, problem: 'number' }
    }
    case 'date':
      return isIsoDate(value) ? { ok: true, value } : { ok: false, problem: 'date' }
    case 'category': {
      if (values.includes(value)) return { ok: true, value }
      const key = themeNameKey(value)
      const match = values.find((v) => themeNameKey(v) === key)
      return match === undefined ? { ok: false, problem: 'category' } : { ok: true, value: match }
    }
  }
}

/**
 * `raw` as stored for `attribute` of the session ('title', a builtin or a
 * custom attribute's id). Throws for an unknown attribute (a bug of the caller).
 */
export function normalizeFor(
  meta: Pick<CorpusMeta, 'attributeDefs'>,
  attribute: string,
  raw: string,
): Normalized {
  if (attribute === 'title') {
    const title = raw.replace(/\r\n|[\r\n\t]/g, ' ').trim()
    if (title === '') return { ok: false, problem: 'title-empty' }
    return title.length > MAX_TITLE_LENGTH
      ? { ok: false, problem: 'too-long' }
      : { ok: true, value: title }
  }
  const def = meta.attributeDefs.find((d) => d.id === attribute)
  const type = attributeTypeOf(attribute, meta.attributeDefs)
  if (!type) throw new Error(`no attribute ${attribute}`)
  return normalizeValue(raw, type, def?.values)
}
