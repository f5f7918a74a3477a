// CSV records as spreadsheets write them, shared by every CSV that Gloss
// reads (codebooks, article attributes, tables of articles): RFC 4180
// quotes, CRLF, LF or lone CR record ends, comma, semicolon or tab
// separators. Rows are numbered as a spreadsheet numbers them (1-based;
// a quoted cell's line breaks do not start a new row).
// It must never: guess at content, trim cells, or take more than linear
// time (a hostile file is scanned once, cell by cell).

/** A parsed record and the row it is (1-based, blank records counted). */
export interface CsvRecord {
  row: number
  cells: string[]
}

export class UnterminatedQuote extends Error {
  constructor(readonly row: number) {
    super(`a quote opened on row ${row} is never closed`)
  }
}

const SPECIAL: Record<string, RegExp> = {
  ',': /[,\r\n"]/g,
  ';': /[;\r\n"]/g,
  '\t': /[\t\r\n"]/g,
}

/**
 * RFC 4180 records of `text` with the given separator, one at a time (a
 * caller may stop early). A quote opens a quoted cell only at the start of
 * a cell; elsewhere it is kept as it is. Throws UnterminatedQuote with the
 * row of a quote that is never closed.
 */
export function* csvRecords(text: string, separator: string): Generator<CsvRecord> {
  const special =
    SPECIAL[separator] ?? new RegExp(`[${separator.replace(/[\\\]^-]/g, '\\$&')}\\r\\n"]`, 'g')
  let row = 0
  let cells: string[] = []
  let cell = ''
  let i = 0
  const n = text.length
  while (i < n) {
    special.lastIndex = i
    const found = special.exec(text)
    const at = found ? found.index : n
    cell += text.slice(i, at)
    if (at === n) break
    const c = text[at]!
    if (c === '"') {
      if (cell !== '') {
        cell += '"'
        i = at + 1
        continue
      }
      // A quoted cell: up to the quote that is not doubled.
      let j = at + 1
      for (;;) {
        const close = text.indexOf('"', j)
        if (close === -1) throw new UnterminatedQuote(row + 1)
        cell += text.slice(j, close)
        if (text[close + 1] === '"') {
          cell += '"'
          j = close + 2
        } else {
          j = close + 1
          break
        }
      }
      i = j
    } else if (c === separator) {
      cells.push(cell)
      cell = ''
      i = at + 1
    } else {
      cells.push(cell)
      yield { row: ++row, cells }
      cells = []
      cell = ''
      i = at + (c === '\r' && text[at + 1] === '\n' ? 2 : 1)
    }
  }
  // A last line without a line end is still a record.
  if (cell !== '' || cells.length > 0) {
    cells.push(cell)
    yield { row: row + 1, cells }
  }
}

/** Every record of `text` (see csvRecords). Throws UnterminatedQuote. */
export function parseCsvRecords(text: string, separator: string): CsvRecord[] {
  return [...csvRecords(text, separator)]
}

/** The separator of the header line: comma, or semicolon or tab when the header uses them. */
export function separatorOf(text: string): string {
  const firstLine = text.split(/\r\n|\r|\n/, 1)[0] ?? ''
  const bare = firstLine.replace(/"[^"]*"/g, '')
  if (bare.includes(',')) return ','
  if (bare.includes(';')) return ';'
  if (bare.includes('\t')) return '\t'
  return ','
}

/** Decodes bytes as UTF-8 (a BOM is dropped later); null when they are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return null
  }
}
