// Reads a CSV of article attributes and plans setting them: ONE
// setArticleMeta edit (one undo step), or every problem with its row (the
// header is row 1) and nothing changed.
//
// The file: the header names a key column, `title` (or `article_title`) or
// `file` (the name of the file the article came from; `file_name`,
// `source_file`), and attribute columns by builtin name (outlet, author,
// published, url, language) or by a custom attribute's name, ignoring case.
// With both key columns, the file name finds the article and `title`
// renames it. A column the session does not know is a problem (nothing is
// created). An empty cell clears the value; articles not in the file, and
// attributes without a column, stay as they are.
// CSV reading is shared (csv-records.ts): a BOM or none,
// CRLF/LF/CR, comma, semicolon or tab, RFC 4180 quotes, UTF-8 only.
import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import type {
  AttributeImport,
  AttributeImportProblem as Problem,
  AttributeImportProblemCode as Code,
} from '@shared/model/attribute-import'
import { normalizeFor } from '@shared/model/attributes'
import {
  BUILTIN_ATTRIBUTES,
  MAX_ARTICLES,
  type ArticleEntry,
  type CorpusMeta,
} from '@shared/model/corpus'
import type { ArticleMeta } from '@shared/model/corpus-edits'
import { themeNameKey } from '@shared/model/schema'
import { mainMessage } from '@shared/main-messages'
import { readFailureReason } from '../errors'
import { unneutralizeCodebookCell } from '../export/codebook-csv'
import { ImportError } from './article'
import {
  decodeUtf8,
  parseCsvRecords,
  separatorOf,
  UnterminatedQuote,
  type CsvRecord,
} from './csv-records'

/** Largest attribute file read, in bytes: 20,000 articles with a few hundred bytes of values each. */
export const MAX_ATTRIBUTES_CSV_BYTES = 10 * 1024 * 1024

export type AttributesCsvPlan = Omit<AttributeImport, 'filePath'>

const TITLE_COLUMNS = ['title', 'article_title']
const FILE_COLUMNS = ['file', 'file_name', 'filename', 'source_file']

const problem = (
  row: number | null,
  code: Code,
  message: string,
  extra: Partial<Problem> = {},
): Problem => ({ row, code, message, ...extra })

const refused = (problems: Problem[], key: 'title' | 'file' | null = null): AttributesCsvPlan => ({
  key,
  rows: 0,
  edit: null,
  changed: 0,
  problems,
})

/** What a header cell names: a key column, the title, an attribute, or nothing known. */
type Column =
  | { kind: 'key'; key: 'title' | 'file' }
  | { kind: 'attribute'; attribute: string }
  | { kind: 'blank' }

function columnsOf(head: CsvRecord, meta: CorpusMeta): { columns: Column[]; problems: Problem[] } {
  const byName = new Map<string, string>()
  for (const b of BUILTIN_ATTRIBUTES) byName.set(b, b)
  for (const d of meta.attributeDefs) byName.set(themeNameKey(d.name), d.id)
  const problems: Problem[] = []
  const seen = new Map<string, string>()
  const columns = head.cells.map((cell): Column => {
    const name = cell.trim()
    const key = themeNameKey(name)
    if (key === '') return { kind: 'blank' }
    const column: Column | null = TITLE_COLUMNS.includes(key)
      ? { kind: 'key', key: 'title' }
      : FILE_COLUMNS.includes(key)
        ? { kind: 'key', key: 'file' }
        : byName.has(key)
          ? { kind: 'attribute', attribute: byName.get(key)! }
          : null
    if (!column) {
      problems.push(
        problem(
          head.row,
          'unknown-column',
          `Row ${head.row}: the session has no attribute “${name}”.`,
          { value: name },
        ),
      )
      return { kind: 'blank' }
    }
    const id = column.kind === 'key' ? `key:${column.key}` : column.attribute
    if (seen.has(id)) {
      problems.push(
        problem(
          head.row,
          'repeated-column',
          `Row ${head.row}: “${name}” is the same column as “${seen.get(id)}”.`,
          { value: name },
        ),
      )
      return { kind: 'blank' }
    }
    seen.set(id, name)
    return column
  })
  return { columns, problems }
}

/** Finds articles by a key (a title or a file name): exactly, else ignoring case. */
function finder(articles: readonly ArticleEntry[], keyOf: (a: ArticleEntry) => string) {
  const exact = new Map<string, ArticleEntry[]>()
  const folded = new Map<string, ArticleEntry[]>()
  const add = (map: Map<string, ArticleEntry[]>, k: string, a: ArticleEntry) => {
    const list = map.get(k)
    if (list) list.push(a)
    else map.set(k, [a])
  }
  for (const a of articles) {
    const k = keyOf(a).normalize('NFC').trim()
    add(exact, k, a)
    add(folded, themeNameKey(k), a)
  }
  return (value: string): ArticleEntry[] => {
    const k = value.normalize('NFC').trim()
    return exact.get(k) ?? folded.get(themeNameKey(k)) ?? []
  }
}

/** The file name in a cell that may hold a path (Windows or POSIX). */
const fileNameOf = (cell: string) => cell.trim().split(/[\\/]/).pop() ?? ''

/** Plans the import of `text` (a CSV file's content) into the session `meta`. */
export function planAttributesCsv(text: string, meta: CorpusMeta): AttributesCsvPlan {
  const body = text.replace(/^\uFEFF/, '')
  let records: CsvRecord[]
  try {
    records = parseCsvRecords(body, separatorOf(body))
  } catch (e) {
    if (!(e instanceof UnterminatedQuote)) throw e
    return refused([problem(e.row, 'unterminated-quote', `Row ${e.row}: a quote is never closed.`)])
  }
  const nonBlank = records.filter((r) => r.cells.some((c) => c.trim() !== ''))
  const [head, ...rows] = nonBlank
  if (!head) return refused([problem(null, 'empty-file', 'The file is empty.')])

  const { columns, problems } = columnsOf(head, meta)
  const keyColumns = columns.flatMap((c) => (c.kind === 'key' ? [c.key] : []))
  const key = keyColumns.includes('file') ? 'file' : keyColumns.includes('title') ? 'title' : null
  if (!key)
    return refused([
      problem(
        head.row,
        'no-key-column',
        `Row ${head.row}: the first row must name a “title” or “file” column.`,
      ),
      ...problems,
    ])
  if (problems.length) return refused(problems, key)
  if (rows.length === 0) return refused([problem(null, 'no-rows', 'The file has no articles.')])
  if (rows.length > MAX_ARTICLES)
    return refused([
      problem(null, 'too-many-rows', `The file has ${rows.length} rows.`, {
        value: String(rows.length),
      }),
    ])

  const keyAt = columns.findIndex((c) => c.kind === 'key' && c.key === key)
  const find =
    key === 'file'
      ? finder(meta.articles, (a) => a.sourceFileName)
      : finder(meta.articles, (a) => a.title)
  const rowOf = new Map<string, number>()
  const changes: ArticleMeta[] = []
  for (const r of rows) {
    const at = `Row ${r.row}`
    const before = problems.length
    const cell = (i: number) => unneutralizeCodebookCell(r.cells[i] ?? '')
    if (
      r.cells.length > head.cells.length &&
      r.cells.slice(head.cells.length).some((c) => c.trim())
    )
      problems.push(
        problem(
          r.row,
          'extra-cells',
          `${at}: ${r.cells.length} cells for ${head.cells.length} columns.`,
          { value: String(r.cells.length) },
        ),
      )
    const keyValue = key === 'file' ? fileNameOf(cell(keyAt)) : cell(keyAt).trim()
    let entry: ArticleEntry | undefined
    if (!keyValue)
      problems.push(problem(r.row, 'key-empty', `${at}: the ${key} is empty.`, { column: key }))
    else {
      const found = find(keyValue)
      if (found.length === 0)
        problems.push(
          problem(r.row, `unknown-${key}`, `${at}: no article has the ${key} “${keyValue}”.`, {
            value: keyValue,
          }),
        )
      else if (found.length > 1)
        problems.push(
          problem(
            r.row,
            `ambiguous-${key}`,
            `${at}: ${found.length} articles have the ${key} “${keyValue}”.`,
            { value: keyValue, count: found.length },
          ),
        )
      else entry = found[0]
    }
    if (entry) {
      const earlier = rowOf.get(entry.id)
      if (earlier !== undefined)
        problems.push(
          problem(r.row, 'same-article', `${at}: the same article as row ${earlier}.`, {
            value: keyValue,
            otherRow: earlier,
          }),
        )
      else rowOf.set(entry.id, r.row)
    }

    let title = entry?.title ?? ''
    const attributes: Record<string, string> = entry ? { ...entry.attributes } : {}
    let changed = false
    columns.forEach((c, i) => {
      if (c.kind === 'blank' && cell(i).trim())
        problems.push(
          problem(
            r.row,
            'unnamed-column',
            `${at}: column ${i + 1} has no name but holds a value.`,
            {
              value: cell(i).trim(),
            },
          ),
        )
      const attribute = c.kind === 'attribute' ? c.attribute : c.kind === 'key' ? c.key : null
      // The file column only finds the article; the title column sets the title when the file finds it.
      if (attribute === null || attribute === 'file' || (attribute === 'title' && key === 'title'))
        return
      const raw = cell(i)
      const n = normalizeFor(meta, attribute, raw)
      const column = head.cells[i]!.trim()
      if (!n.ok) {
        problems.push(
          problem(r.row, n.problem, `${at}, ${column}: “${raw.trim()}” (${n.problem}).`, {
            column,
            value: raw.trim(),
          }),
        )
        return
      }
      if (attribute === 'title') {
        if (n.value !== title) [title, changed] = [n.value, true]
      } else if ((attributes[attribute] ?? '') !== n.value) {
        changed = true
        if (n.value === '') delete attributes[attribute]
        else attributes[attribute] = n.value
      }
    })
    if (entry && changed && problems.length === before)
      changes.push({ id: entry.id, title, attributes })
  }
  if (problems.length) return refused(problems, key)
  return {
    key,
    rows: rows.length,
    edit: changes.length ? { type: 'setArticleMeta', articles: changes } : null,
    changed: changes.length,
    problems: [],
  }
}

/**
 * Reads an attribute CSV file and plans its import into `meta`. Problems
 * of the file come back as values; a file that cannot be read at all
 * throws ImportError.
 */
export async function readAttributesFile(
  filePath: string,
  meta: CorpusMeta,
): Promise<AttributesCsvPlan> {
  const name = basename(filePath)
  let bytes: Buffer
  try {
    if ((await stat(filePath)).size > MAX_ATTRIBUTES_CSV_BYTES)
      return refused([problem(null, 'too-large', `${name} is larger than 10 MB.`)])
    bytes = await readFile(filePath)
  } catch (e) {
    throw new ImportError(
      mainMessage('main.import.cannotRead', { file: name, reason: readFailureReason(e) }),
    )
  }
  const text = decodeUtf8(bytes)
  if (text === null)
    return refused([problem(null, 'not-utf8', `${name} is not UTF-8 text (save it as CSV UTF-8).`)])
  return planAttributesCsv(text, meta)
}
