// The words of attributes: the builtins' labels, the types, and every
// problem shared/model/attributes.ts and the attribute CSV import report as
// codes, each a key of the message catalogs.
import type {
  AttributeImportProblem,
  AttributeImportProblemCode,
} from '@shared/model/attribute-import'
import type { AttributeDefProblem, ValueProblem } from '@shared/model/attributes'
import type { AttributeDef, AttributeType, BuiltinAttribute } from '@shared/model/corpus'
import type { I18n } from '@renderer/i18n/i18n'
import type { MessageKey } from '@renderer/i18n/messages-en'

export const FIELD_LABELS: Record<BuiltinAttribute | 'title', MessageKey> = {
  title: 'attributes.field.title',
  outlet: 'attributes.field.outlet',
  author: 'attributes.field.author',
  published: 'attributes.field.published',
  url: 'attributes.field.url',
  language: 'attributes.field.language',
}

export const TYPE_LABELS: Record<AttributeType, MessageKey> = {
  text: 'attributes.type.text',
  number: 'attributes.type.number',
  date: 'attributes.type.date',
  category: 'attributes.type.category',
}

export const VALUE_PROBLEM_KEYS: Record<ValueProblem, MessageKey> = {
  number: 'attributes.problem.number',
  date: 'attributes.problem.date',
  category: 'attributes.problem.category',
  'too-long': 'attributes.problem.tooLong',
  'title-empty': 'attributes.problem.titleEmpty',
}

export const DEF_PROBLEM_KEYS: Record<AttributeDefProblem, MessageKey> = {
  'name-empty': 'attributes.error.nameEmpty',
  'name-too-long': 'attributes.error.nameTooLong',
  'name-taken': 'attributes.error.nameTaken',
  'name-reserved': 'attributes.error.nameReserved',
  'too-many': 'attributes.error.tooMany',
  'values-empty': 'attributes.error.valuesEmpty',
  'value-empty': 'attributes.error.valueEmpty',
  'value-too-long': 'attributes.error.valueTooLong',
  'value-repeated': 'attributes.error.valueRepeated',
  'too-many-values': 'attributes.error.tooManyValues',
  'unknown-attribute': 'attributes.error.unknown',
  builtin: 'attributes.error.builtin',
}

/** What an attribute is called: a builtin's label, or a custom attribute's name. */
export function attributeLabel(
  t: I18n['t'],
  attribute: string,
  defs: readonly AttributeDef[],
): string {
  if (Object.hasOwn(FIELD_LABELS, attribute))
    return t(FIELD_LABELS[attribute as BuiltinAttribute | 'title'])
  return defs.find((d) => d.id === attribute)?.name ?? attribute
}

const IMPORT_KEYS: Record<AttributeImportProblemCode, MessageKey> = {
  'not-utf8': 'attributes.csv.notUtf8',
  'too-large': 'attributes.csv.tooLarge',
  'empty-file': 'attributes.csv.emptyFile',
  'unterminated-quote': 'attributes.csv.unterminatedQuote',
  'no-key-column': 'attributes.csv.noKeyColumn',
  'unknown-column': 'attributes.csv.unknownColumn',
  'repeated-column': 'attributes.csv.repeatedColumn',
  'unnamed-column': 'attributes.csv.unnamedColumn',
  'no-rows': 'attributes.csv.noRows',
  'too-many-rows': 'attributes.csv.tooManyRows',
  'extra-cells': 'attributes.csv.extraCells',
  'key-empty': 'attributes.csv.keyEmpty',
  'unknown-title': 'attributes.csv.unknownTitle',
  'unknown-file': 'attributes.csv.unknownFile',
  'ambiguous-title': 'attributes.csv.ambiguousTitle',
  'ambiguous-file': 'attributes.csv.ambiguousFile',
  'same-article': 'attributes.csv.sameArticle',
  number: 'attributes.csv.number',
  date: 'attributes.csv.date',
  category: 'attributes.csv.category',
  'too-long': 'attributes.csv.tooLong',
  'title-empty': 'attributes.csv.titleEmpty',
}

/** One problem of an imported file, with its row (and column) when it has them. */
export function describeImportProblem(t: I18n['t'], p: AttributeImportProblem): string {
  const key: MessageKey = IMPORT_KEYS[p.code]
  const problem = t(key, {
    value: p.value ?? '',
    column: p.column ?? '',
    otherRow: p.otherRow ?? '',
    count: p.count ?? '',
  })
  if (p.row === null) return problem
  return p.column && p.code !== 'key-empty'
    ? t('attributes.problem.cell', { row: p.row, column: p.column, problem })
    : t('attributes.problem.row', { row: p.row, problem })
}
