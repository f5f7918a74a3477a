// Tables of articles (one article per row) from CSV files as spreadsheets
// and news databases export them: any encoding text.ts reads, comma,
// semicolon or tab separators (told by the header), RFC 4180 quotes with
// line breaks inside cells. The first non-blank row is the header; rows
// keep the numbers they have in the file (blank rows inside the table stay,
// empty), so that a problem's row is the one the analyst sees. tableOf
// shapes the rows of any table (CSV or XLSX) the same way.
// It must never: read more than MAX_TABLE_BYTES or MAX_TABLE_ROWS (a huge
// file is refused, not half read), evaluate a cell (`=1+1` is text), or
// allocate per blank line before it knows the table goes on.
import { csvRecords, UnterminatedQuote } from '../csv-records'
import { decodeText } from './text'
import { settle } from './settle'
import { FormatError, type ReadTable, type TableReader } from './types'

/** Most data rows a table may have (a session holds 20,000 articles). */
export const MAX_TABLE_ROWS = 20_000
/** Largest CSV file read, in bytes. */
export const MAX_TABLE_BYTES = 20 * 1024 * 1024
import { MAX_TABLE_COLUMNS } from '@shared/model/table-mapping'

export { MAX_TABLE_COLUMNS }

const SEPARATORS = [',', ';', '\t'] as const

/**
 * The separator of a CSV text: of comma, semicolon and tab, the one found
 * most often outside quotes in the first record (the header); comma when
 * none is.
 */
export function detectSeparator(text: string): string {
  const counts = new Map<string, number>(SEPARATORS.map((s) => [s, 0]))
  let quoted = false
  // From the first line that is not blank.
  const start = Math.max(0, text.search(/[^\s]/))
  for (let i = start; i < text.length; i++) {
    const c = text[i]!
    if (c === '"') quoted = !quoted
    else if (!quoted && (c === '\n' || c === '\r')) break
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1)
  }
  let best: string = ','
  for (const s of SEPARATORS) if (counts.get(s)! > counts.get(best)!) best = s
  return best
}

const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '')

/** Builds a table from its rows, in file order, as they come. */
export class TableBuilder {
  private header: string[] | null = null
  private readonly rows: string[][] = []
  /** Blank rows seen since the last row with a value: kept only if one follows. */
  private pendingBlank = 0

  /** Adds the next row of the file (blank rows included); throws `too-large` past the limits. */
  add(cells: string[]): void {
    if (isBlank(cells)) {
      if (this.header) this.pendingBlank++
      return
    }
    if (!this.header) {
      this.header = cells
      return
    }
    if (this.rows.length + this.pendingBlank >= MAX_TABLE_ROWS)
      throw new FormatError('too-large', `more than ${MAX_TABLE_ROWS} rows`)
    for (; this.pendingBlank > 0; this.pendingBlank--) this.rows.push([])
    this.rows.push(cells)
  }

  /** Adds `count` blank rows (a spreadsheet's gap between rows). */
  addBlank(count: number): void {
    if (this.header) this.pendingBlank += count
  }

  /** The table: header trimmed (a blank one is `column N`), every row as wide as the widest. */
  table(): Pick<ReadTable, 'columns' | 'rows'> {
    if (!this.header) throw new FormatError('no-text', 'no row has a value')
    const widthOf = (cells: readonly string[]) => {
      let w = cells.length
      while (w > 0 && cells[w - 1]!.trim() === '') w--
      return w
    }
    let width = widthOf(this.header)
    for (const r of this.rows) width = Math.max(width, widthOf(r))
    if (width > MAX_TABLE_COLUMNS)
      throw new FormatError('too-large', `more than ${MAX_TABLE_COLUMNS} columns`)
    const columns = Array.from(
      { length: width },
      (_, i) => this.header![i]?.trim() || `column ${i + 1}`,
    )
    const rows = this.rows.map((r) =>
      r.length === width ? r : Array.from({ length: width }, (_, i) => r[i] ?? ''),
    )
    return { columns, rows }
  }
}

/** A table from all its rows at once (see TableBuilder). */
export function tableOf(rows: Iterable<string[]>): Pick<ReadTable, 'columns' | 'rows'> {
  const builder = new TableBuilder()
  for (const r of rows) builder.add(r)
  return builder.table()
}

/**
 * Reads a CSV file of articles. Throws FormatError: `too-large` (bytes,
 * rows or columns), `unsupported` (binary), `corrupt` (a quote never
 * closed), `no-text` (nothing in it).
 */
export const readCsvTable: TableReader = (bytes) =>
  settle(() => {
    if (bytes.length > MAX_TABLE_BYTES)
      throw new FormatError('too-large', `more than ${MAX_TABLE_BYTES / 1024 / 1024} MB`)
    const { text, encoding } = decodeText(bytes)
    const builder = new TableBuilder()
    try {
      for (const record of csvRecords(text, detectSeparator(text))) builder.add(record.cells)
    } catch (e) {
      if (e instanceof UnterminatedQuote)
        throw new FormatError('corrupt', `a quote opened on row ${e.row} is never closed`)
      throw e
    }
    return { ...builder.table(), encoding }
  })
