// CSV export: one row per passage, in document order, for Excel, LibreOffice,
// pandas and R. UTF-8 with BOM, RFC 4180 (CRLF, quoting), code point offsets,
// and spreadsheet formula injection neutralized. Never writes files itself.
import { stringify } from 'csv-stringify/sync'
import { comparePassages } from '../../shared/model/edits'
import { makeCodePointIndex } from '../../shared/model/offsets'
import type { Session } from '../../shared/model/schema'

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

export function csvHeader(session: Session): string[] {
  return [
    'passage_id',
    'document_title',
    'document_sha256',
    'start',
    'end',
    'quote',
    'prefix',
    'suffix',
    'themes',
    ...session.codebook.map((t) => t.name),
    'note',
    'author',
    'created_at',
    'updated_at',
  ]
}

/** The rows of the export, header first; numbers stay numbers. */
export function csvRecords(session: Session): (string | number)[][] {
  const toCodePoint = makeCodePointIndex(session.document.text)
  const names = new Map(session.codebook.map((t) => [t.id, t.name]))
  const text = (s: string) => neutralizeFormula(s)
  const rows = [...session.passages].sort(comparePassages).map((p) => {
    const themes = new Set(p.themeIds)
    return [
      text(p.id),
      text(session.document.title),
      session.document.sha256,
      toCodePoint(p.start),
      toCodePoint(p.end),
      text(p.quote),
      text(p.prefix),
      text(p.suffix),
      text(p.themeIds.map((id) => names.get(id) ?? id).join('; ')),
      ...session.codebook.map((t) => (themes.has(t.id) ? 1 : 0)),
      text(p.note),
      text(p.author),
      p.createdAt,
      p.updatedAt,
    ]
  })
  return [csvHeader(session).map(text), ...rows]
}

/** The whole file as a string, BOM included. */
export function sessionToCsv(session: Session): string {
  return recordsToCsv(csvRecords(session))
}

/**
 * Records (header first, cells already neutralized) as a whole CSV file:
 * BOM, CRLF, RFC 4180 quoting. Shared by every CSV Gloss writes.
 */
export function recordsToCsv(records: (string | number)[][]): string {
  return (
    BOM +
    stringify(records, {
      record_delimiter: 'windows',
      // csv-stringify does not quote a lone CR or LF inside a field once the
      // record delimiter is CRLF, unless asked to: notes with newlines must survive.
      quote_record_delimiter: true,
      quoted_match: /[\r\n]/,
      eof: true,
    })
  )
}
