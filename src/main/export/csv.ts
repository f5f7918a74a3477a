// CSV export: one row per passage, in document order, for Excel, LibreOffice,
// pandas and R. UTF-8 with BOM, RFC 4180 (CRLF, quoting), code point offsets,
// and spreadsheet formula injection neutralized. Never writes files itself.
import { CSV_COLUMNS_AFTER_THEMES, CSV_COLUMNS_BEFORE_THEMES } from '@shared/model/codebook-rules'
import { comparePassages } from '@shared/model/edits'
import { makeCodePointIndex } from '@shared/model/offsets'
import type { Passage, Session } from '@shared/model/schema'

export const BOM = '\uFEFF'

/**
 * Characters that make a spreadsheet treat a cell as a formula or command,
 * with their full-width forms (＝ ＋ － ＠), which some spreadsheets fold.
 */
const FORMULA_TRIGGER = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/

/** Prefixes a text cell with an apostrophe when it could run as a formula. */
export function neutralizeFormula(cell: string): string {
  return FORMULA_TRIGGER.test(cell) ? `'${cell}` : cell
}

export function csvHeader(session: Pick<Session, 'codebook'>): string[] {
  return [
    ...CSV_COLUMNS_BEFORE_THEMES,
    ...session.codebook.map((t) => t.name),
    ...CSV_COLUMNS_AFTER_THEMES,
  ]
}

/** One CSV record: text cells (already neutralized) and numbers. */
export type CsvRecord = readonly (string | number)[]

/** The rows of the export, header first; numbers stay numbers. */
export function csvRecords(session: Session): CsvRecord[] {
  return [csvHeader(session).map(neutralizeFormula), ...passageRecords(session)]
}

/** The data rows, one per passage in document order, made as they are asked for. */
export function* passageRecords(session: Session): Generator<CsvRecord> {
  const toCodePoint = makeCodePointIndex(session.document.text)
  const names = new Map(session.codebook.map((t) => [t.id, t.name]))
  const text = neutralizeFormula
  const title = text(session.document.title)
  const passages = inDocumentOrder(session.passages)
  const slots = new Map(session.codebook.map((t, i) => [t.id, i]))
  for (const p of passages) {
    const flags: number[] = session.codebook.map(() => 0)
    for (const id of p.themeIds) {
      const slot = slots.get(id)
      if (slot !== undefined) flags[slot] = 1
    }
    yield [
      text(p.id),
      title,
      session.document.sha256,
      toCodePoint(p.start),
      toCodePoint(p.end),
      text(p.quote),
      text(p.prefix),
      text(p.suffix),
      text(p.themeIds.map((id) => names.get(id) ?? id).join('; ')),
      ...flags,
      text(p.note),
      text(p.author),
      p.createdAt,
      p.updatedAt,
    ]
  }
}

/** The passages in document order: as kept by the session, or sorted (a hand-edited file). */
export function inDocumentOrder(passages: readonly Passage[]): readonly Passage[] {
  for (let i = 1; i < passages.length; i++)
    if (comparePassages(passages[i - 1]!, passages[i]!) > 0)
      return [...passages].sort(comparePassages)
  return passages
}

/** The whole file as a string, BOM included. */
export function sessionToCsv(session: Session): string {
  return [...sessionToCsvChunks(session)].join('')
}

/**
 * The file in chunks (see csvChunks): what the export writes, row by row,
 * without ever holding the records or the whole 30 MB text of 100,000
 * passages. `taken` is told how many passages were written so far.
 */
export function sessionToCsvChunks(
  session: Session,
  taken?: (rows: number) => void,
): Generator<string> {
  return csvChunks(csvHeader(session).map(neutralizeFormula), passageRecords(session), taken)
}

/**
 * Records (header first, cells already neutralized) as a whole CSV file.
 * Shared by every CSV Gloss writes.
 */
export function recordsToCsv(records: readonly CsvRecord[]): string {
  if (records.length === 0) return BOM
  return [...csvChunks(records[0]!, records.slice(1))].join('')
}

/** Rows per chunk of csvChunks: about 300 KB of text for the passage export. */
const CHUNK_ROWS = 1000

/**
 * The CSV file conventions, in one place: BOM, CRLF after every record,
 * RFC 4180 quoting (quotes doubled; fields with a comma, quote, CR or LF
 * quoted, so notes with line breaks survive). Yields the BOM and header, then
 * chunks of CHUNK_ROWS rows; `taken` is told how many rows were taken each
 * time the next chunk is asked for (that is, once the previous one was
 * written), and at the end.
 */
export function* csvChunks(
  header: CsvRecord,
  rows: Iterable<CsvRecord>,
  taken?: (rows: number) => void,
): Generator<string> {
  function* lines() {
    for (const row of rows) yield csvLine(row)
  }
  yield* csvLineChunks(csvLine(header), lines(), taken)
}

/**
 * csvChunks for rows already written as lines (csvLine, CRLF included):
 * the BOM and header line, then chunks of CHUNK_ROWS lines.
 */
export function* csvLineChunks(
  headerLine: string,
  lines: Iterable<string>,
  taken?: (rows: number) => void,
): Generator<string> {
  yield `${BOM}${headerLine}`
  let chunk = ''
  let count = 0
  for (const line of lines) {
    chunk += line
    if (++count % CHUNK_ROWS === 0) {
      yield chunk
      chunk = ''
      taken?.(count)
    }
  }
  if (chunk) yield chunk
  taken?.(count)
}

/** A field needs quotes when it holds the delimiter, a quote or a line break (RFC 4180). */
const NEEDS_QUOTES = /[",\r\n]/
const QUOTE = /"/g

/** One cell as written in the file: numbers as they are, text quoted when it must be. */
export function csvCell(v: string | number): string {
  return typeof v === 'number'
    ? String(v)
    : NEEDS_QUOTES.test(v)
      ? `"${v.replace(QUOTE, '""')}"`
      : v
}

/** One record (its cells from `from` on) as a line of the file, CRLF included. */
export function csvLine(record: CsvRecord, from = 0): string {
  let line = ''
  for (let c = from; c < record.length; c++) {
    const cell = csvCell(record[c]!)
    line += c > from ? `,${cell}` : cell
  }
  return `${line}\r\n`
}
