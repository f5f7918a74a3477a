// A table of articles (CSV, Excel) becomes articles once the analyst has
// mapped its columns: one article per row (table-mapping.ts decides rows,
// titles, dates and each row's problem), the columns kept as custom
// attributes matched by name to the session's attributes or created (as
// text attributes), and every row that was not added, or lost a value,
// reported with its row number as the file numbers it; columns the
// session has no room for (MAX_ATTRIBUTES) are reported by name. The rows
// are worked through in slices: main's event loop is given back between.
// It must never: drop a row or a value without saying so, or give an
// attribute a value its type refuses.
import type { AddArticlesResult, TableMapping } from '@shared/ipc/types'
import { mainMessage } from '@shared/main-messages'
import {
  attributeNameProblem,
  MAX_ATTRIBUTES,
  newAttributeId,
  normalizeValue,
} from '@shared/model/attributes'
import type { ArticleSource, AttributeDef } from '@shared/model/corpus'
import { themeNameKey } from '@shared/model/schema'
import {
  readTableRows,
  TABLE_FIELDS,
  type TableArticle,
  type TableMapping as RowMapping,
  type TableRowProblem,
} from '@shared/model/table-mapping'
import { normalizeText } from '@shared/model/text'
import { sha256Hex } from '../store/hash'
import type { ReadTable } from './formats'
import type { ReadArticle } from './article'

/** The rows of a table as articles to add, the attribute definitions they need, and the rows' problems. */
export interface TableArticles {
  /** By label (`file:row`): the article of that row (its custom attribute values among its attributes, by id). */
  rows: { label: string; article: ReadArticle }[]
  /** The session's custom attributes after the add (null: unchanged). */
  attributeDefs: AttributeDef[] | null
  failures: AddArticlesResult['failures']
  notes: NonNullable<AddArticlesResult['notes']>
}

/** The mapping as the row reader takes it: every field, null where no column. */
export function rowMapping(mapping: TableMapping): RowMapping {
  const fields = Object.fromEntries(
    TABLE_FIELDS.map((f) => [f, mapping.columns[f] ?? null]),
  ) as Record<(typeof TABLE_FIELDS)[number], number | null>
  const mapped = new Set(Object.values(mapping.columns))
  return { ...fields, others: mapping.custom.filter((c) => !mapped.has(c)) }
}

/** Main's event loop is given back after this long (ms) of work on a table's rows. */
const SLICE_MS = 20

/** A pause that gives the event loop back once SLICE_MS have passed since the last one. */
function slices(): () => Promise<void> | undefined {
  let since = performance.now()
  return () => {
    if (performance.now() - since < SLICE_MS) return undefined
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        since = performance.now()
        resolve()
      }),
    )
  }
}

/** The rows of a table as articles; a table of 20,000 rows never holds main for long. */
export async function tableArticles(
  table: ReadTable,
  mapping: TableMapping,
  file: string,
  source: ArticleSource,
  defs: readonly AttributeDef[],
): Promise<TableArticles> {
  const pause = slices()
  const articles: TableArticle[] = []
  const problems: TableRowProblem[] = []
  for (const read of readTableRows(table, rowMapping(mapping))) {
    if (read.article) articles.push(read.article)
    problems.push(...read.problems)
    await pause()
  }
  const label = (row: number) => `${file}:${row}`
  const failures: TableArticles['failures'] = []
  const notes: TableArticles['notes'] = []
  for (const p of problems) {
    if (p.problem === 'empty-text')
      failures.push({
        file: label(p.row),
        reason: mainMessage('main.table.emptyText', { row: p.row }),
      })
    else if (p.problem === 'duplicate-row')
      failures.push({
        file: label(p.row),
        reason: mainMessage('main.table.duplicateRow', { row: p.row, first: p.sameAs ?? 0 }),
      })
    else
      notes.push({
        file: label(p.row),
        reason: mainMessage('main.table.badDate', { row: p.row, value: p.value ?? '' }),
      })
  }

  // Custom columns: an attribute of the same name is used, else one is made.
  let nextDefs = [...defs]
  /** Columns left out: the session holds as many attributes as it may. */
  const dropped: string[] = []
  const idOfName = new Map<string, AttributeDef>()
  const names = new Set(articles.flatMap((a) => Object.keys(a.custom)))
  for (const name of names) {
    const existing = nextDefs.find((d) => themeNameKey(d.name) === themeNameKey(name))
    if (existing) {
      idOfName.set(name, existing)
      continue
    }
    if (nextDefs.length >= MAX_ATTRIBUTES) {
      dropped.push(name)
      continue
    }
    // A name Gloss keeps for itself ("title", "outlet"…) gets the file's name after it.
    let wanted = name.slice(0, 80)
    for (let k = 2; attributeNameProblem(wanted, nextDefs) !== null && k < 100; k++)
      wanted = `${name.slice(0, 70)} (${k})`
    if (attributeNameProblem(wanted, nextDefs) !== null) continue
    const def: AttributeDef = {
      id: newAttributeId(wanted, [...nextDefs.map((d) => d.id)]),
      name: wanted,
      type: 'text',
    }
    nextDefs = [...nextDefs, def]
    idOfName.set(name, def)
  }

  const rows: TableArticles['rows'] = []
  for (const a of articles) {
    const text = normalizeText(a.text)
    const custom: Record<string, string> = {}
    for (const [name, raw] of Object.entries(a.custom)) {
      const def = idOfName.get(name)
      if (!def) continue
      const value = normalizeValue(raw, def.type, def.values)
      if (value.ok) custom[def.id] = value.value
      else
        notes.push({
          file: label(a.row),
          reason: mainMessage('main.table.badValue', { row: a.row, value: raw, name: def.name }),
        })
    }
    const article: ReadArticle = {
      title: a.title,
      sourceFileName: file,
      text,
      sha256: sha256Hex(text),
      attributes: { ...a.attributes, ...custom },
      source: { ...source, row: a.row },
    }
    rows.push({ label: label(a.row), article })
    await pause()
  }
  const byRow = (x: { file: string }) => Number(x.file.slice(file.length + 1))
  failures.sort((x, y) => byRow(x) - byRow(y))
  notes.sort((x, y) => byRow(x) - byRow(y))
  if (dropped.length) notes.unshift({ file, reason: droppedColumns(dropped) })
  return {
    rows,
    attributeDefs: nextDefs.length === defs.length ? null : nextDefs,
    failures,
    notes,
  }
}

/** Names listed in the note of columns left out; the others are counted. */
const LISTED_COLUMNS = 20

/** The note of the columns not added as attributes, by name. */
function droppedColumns(names: readonly string[]) {
  const columns = names.slice(0, LISTED_COLUMNS).join(', ')
  return names.length > LISTED_COLUMNS
    ? mainMessage('main.table.columnsDroppedMore', {
        max: MAX_ATTRIBUTES,
        columns,
        count: names.length - LISTED_COLUMNS,
      })
    : mainMessage('main.table.columnsDropped', { max: MAX_ATTRIBUTES, columns })
}
