// Reads a codebook CSV (columns name, description, colour, key, group; see
// export/codebook-csv.ts). Tolerant of what spreadsheets write: a BOM or
// none, CRLF, LF or CR line ends, comma, semicolon or tab separators, extra
// columns, blank lines, `color` for `colour`, any case in the header. Strict
// about the content: every problem comes back as a value with its row number
// (the header is row 1, as a spreadsheet numbers rows), never as an
// exception. readCodebookFile reads the file and plans the merge. The CSV
// records themselves are csv-records.ts's.
import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import {
  CodebookError,
  importCodebook,
  RESERVED_THEME_NAMES,
  type CodebookImport,
  type CodebookState,
  type CodebookImportProblem as CodebookCsvProblem,
  type CodebookImportProblemCode as CodebookCsvProblemCode,
  type ImportedTheme,
} from '@shared/model/codebook-ops'
import {
  colourSchema,
  MAX_THEMES,
  MAX_DESCRIPTION_LENGTH,
  MAX_THEME_NAME_LENGTH,
  themeNameKey,
} from '@shared/model/schema'
import { unneutralizeCodebookCell } from '../export/codebook-csv'
import { ImportError } from './article'
import { mainMessage } from '@shared/main-messages'
import { readFailureReason } from '../errors'
import {
  decodeUtf8,
  parseCsvRecords,
  separatorOf,
  UnterminatedQuote,
  type CsvRecord,
} from './csv-records'

/** Largest codebook file read, in bytes. */
export const MAX_CODEBOOK_CSV_BYTES = 1024 * 1024

export interface CodebookCsvResult {
  themes: ImportedTheme[]
  problems: CodebookCsvProblem[]
}

type Column = 'name' | 'description' | 'colour' | 'key' | 'group'

const COLUMN_NAMES: Record<string, Column> = {
  name: 'name',
  description: 'description',
  colour: 'colour',
  color: 'colour',
  key: 'key',
  group: 'group',
}

const problem = (
  row: number | null,
  code: CodebookCsvProblemCode,
  message: string,
  extra: Partial<CodebookCsvProblem> = {},
): CodebookCsvProblem => ({ row, code, message, ...extra })

/** Reads the themes of a codebook CSV file's text; problems come back as values. */
export function readCodebookCsv(input: string): CodebookCsvResult {
  const text = input.replace(/^\uFEFF/, '')
  let records: CsvRecord[]
  try {
    records = parseCsvRecords(text, separatorOf(text))
  } catch (e) {
    if (!(e instanceof UnterminatedQuote)) throw e
    return {
      themes: [],
      problems: [problem(e.row, 'unterminated-quote', `Row ${e.row}: a quote is never closed.`)],
    }
  }
  const nonBlank = records.filter((r) => r.cells.some((c) => c.trim() !== ''))
  const [head, ...rows] = nonBlank
  if (!head) return { themes: [], problems: [problem(null, 'empty-file', 'The file is empty.')] }

  // Which column holds what.
  const columns = new Map<Column, number>()
  head.cells.forEach((c, i) => {
    const field = COLUMN_NAMES[c.trim().toLowerCase()]
    if (field && !columns.has(field)) columns.set(field, i)
  })
  const missing = (['name', 'colour'] as const).filter((f) => !columns.has(f))
  if (missing.length)
    return {
      themes: [],
      problems: [
        problem(
          head.row,
          'header',
          `Row ${head.row}: the first row must name the columns name, description, colour, key (missing: ${missing.join(', ')}).`,
          { value: missing.join(', ') },
        ),
      ],
    }
  if (rows.length === 0)
    return {
      themes: [],
      problems: [problem(null, 'no-themes', 'The file has a header but no themes.')],
    }

  const problems: CodebookCsvProblem[] = []
  if (rows.length > MAX_THEMES)
    problems.push(
      problem(
        null,
        'too-many-themes',
        `The file has ${rows.length} themes; a codebook holds at most ${MAX_THEMES}.`,
        { value: String(rows.length) },
      ),
    )
  const get = (r: CsvRecord, f: Column) => {
    const i = columns.get(f)
    return i === undefined ? undefined : (r.cells[i] ?? '')
  }
  const names = new Map<string, number>()
  const keys = new Map<string, number>()
  const themes: ImportedTheme[] = []
  for (const r of rows) {
    const at = `Row ${r.row}`
    const before = problems.length
    const name = unneutralizeCodebookCell(get(r, 'name')!).trim()
    const colour = get(r, 'colour')!.trim()
    const key = get(r, 'key')?.trim()
    const rawDescription = get(r, 'description')
    const description =
      rawDescription === undefined ? undefined : unneutralizeCodebookCell(rawDescription).trim()
    const rawGroup = get(r, 'group')
    const group = rawGroup === undefined ? undefined : unneutralizeCodebookCell(rawGroup).trim()

    if (!name) problems.push(problem(r.row, 'name-empty', `${at}: the name is empty.`))
    else if (name.length > MAX_THEME_NAME_LENGTH)
      problems.push(
        problem(
          r.row,
          'name-too-long',
          `${at}: the name is longer than ${MAX_THEME_NAME_LENGTH} characters.`,
        ),
      )
    else if (RESERVED_THEME_NAMES.includes(themeNameKey(name)))
      problems.push(
        problem(r.row, 'name-reserved', `${at}: "${name}" is a column of the CSV export.`, {
          value: name,
        }),
      )
    else {
      const earlier = names.get(themeNameKey(name))
      if (earlier !== undefined)
        problems.push(
          problem(r.row, 'name-repeated', `${at}: "${name}" is already on row ${earlier}.`, {
            value: name,
            otherRow: earlier,
          }),
        )
      else names.set(themeNameKey(name), r.row)
    }
    if (!colourSchema.safeParse(colour).success)
      problems.push(
        problem(r.row, 'colour', `${at}: the colour "${colour}" is not of the form #rrggbb.`, {
          value: colour,
        }),
      )
    if (key) {
      if (!/^[1-9]$/.test(key))
        problems.push(
          problem(r.row, 'key', `${at}: the key "${key}" is not a digit from 1 to 9.`, {
            value: key,
          }),
        )
      else {
        const earlier = keys.get(key)
        if (earlier !== undefined)
          problems.push(
            problem(r.row, 'key-repeated', `${at}: key ${key} is already used on row ${earlier}.`, {
              value: key,
              otherRow: earlier,
            }),
          )
        else keys.set(key, r.row)
      }
    }
    if (group !== undefined && group.length > MAX_THEME_NAME_LENGTH)
      problems.push(
        problem(
          r.row,
          'group-too-long',
          `${at}: the group name is longer than ${MAX_THEME_NAME_LENGTH} characters.`,
        ),
      )
    if (description !== undefined && description.length > MAX_DESCRIPTION_LENGTH)
      problems.push(
        problem(
          r.row,
          'description-too-long',
          `${at}: the description is longer than ${MAX_DESCRIPTION_LENGTH} characters.`,
        ),
      )
    if (problems.length === before)
      themes.push({
        name,
        colour,
        ...(description !== undefined ? { description } : {}),
        // An empty key cell: no key; no key column: the file says nothing of keys.
        ...(key !== undefined ? { key: key || null } : {}),
        ...(group !== undefined ? { group } : {}),
      })
  }
  return problems.length ? { themes: [], problems } : { themes, problems: [] }
}

/**
 * Reads a codebook CSV file and plans merging it into the session's codebook
 * (see importCodebook). Problems of the file come back as values; a file
 * that cannot be read at all throws ImportError.
 */
export async function readCodebookFile(
  filePath: string,
  state: CodebookState,
  now: string,
): Promise<Omit<CodebookImport, 'filePath'>> {
  const refuse = (p: CodebookCsvProblem) => ({ edit: null, added: 0, updated: 0, problems: [p] })
  let bytes: Buffer
  try {
    if ((await stat(filePath)).size > MAX_CODEBOOK_CSV_BYTES)
      return refuse(problem(null, 'too-large', `${basename(filePath)} is larger than 1 MB.`))
    bytes = await readFile(filePath)
  } catch (e) {
    throw new ImportError(
      mainMessage('main.import.cannotRead', {
        file: basename(filePath),
        reason: readFailureReason(e),
      }),
    )
  }
  const text = decodeUtf8(bytes)
  if (text === null)
    return refuse(
      problem(null, 'not-utf8', `${basename(filePath)} is not UTF-8 text (save it as CSV UTF-8).`),
    )
  const { themes, problems } = readCodebookCsv(text)
  if (problems.length) return { edit: null, added: 0, updated: 0, problems }
  try {
    return { ...importCodebook(state, themes, { now }), problems: [] }
  } catch (e) {
    if (!(e instanceof CodebookError) || e.problem !== 'full') throw e
    return refuse(
      problem(
        null,
        'full',
        `Importing would give the codebook more than ${MAX_THEMES} themes (${e.message}).`,
        {
          value: String(themes.length),
        },
      ),
    )
  }
}
