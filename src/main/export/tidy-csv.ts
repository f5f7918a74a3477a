// The tidy CSV export: one row per passage and theme (a passage with three
// themes gives three rows, an untagged passage one row with an empty theme),
// for pivot tables, R and pandas. Same file conventions as csv.ts (BOM, CRLF,
// code point offsets, formula injection neutralized). Never writes files itself.
import { makeCodePointIndex } from '@shared/model/offsets'
import type { Passage, Session } from '@shared/model/schema'
import { inDocumentOrder, neutralizeFormula, recordsToCsv, type CsvRecord } from './csv'

export const TIDY_HEADER = [
  'passage_id',
  'theme',
  'start',
  'end',
  'quote',
  'note',
  'coder',
  'created_at',
  'updated_at',
] as const

/** The rows of the tidy export, header first; numbers stay numbers. */
export function tidyRecords(session: Session): CsvRecord[] {
  return [[...TIDY_HEADER], ...tidyRows(session)]
}

/**
 * The data rows, passage by passage in document order, made as they are
 * asked for; `passageDone` is told after each passage's rows.
 */
export function* tidyRows(session: Session, passageDone?: () => void): Generator<CsvRecord> {
  const toCodePoint = makeCodePointIndex(session.document.text)
  const names = new Map(session.codebook.map((t) => [t.id, t.name]))
  const text = neutralizeFormula
  for (const p of inDocumentOrder(session.passages)) {
    const start = toCodePoint(p.start)
    const end = toCodePoint(p.end)
    const themes = p.themeIds.length ? p.themeIds.map((id) => names.get(id) ?? id) : ['']
    const rest = [start, end, text(p.quote), text(p.note), text(p.author), p.createdAt, p.updatedAt]
    const id = text(p.id)
    for (const theme of themes) yield [id, text(theme), ...rest]
    passageDone?.()
  }
}

/** Rows of the tidy export of these passages: one per theme, one for an untagged passage. */
export function tidyRowCount(passages: readonly Passage[]): number {
  let n = 0
  for (const p of passages) n += Math.max(1, p.themeIds.length)
  return n
}

/** The whole tidy file as a string, BOM included, and its number of data rows. */
export function sessionToTidyCsv(session: Session): { csv: string; rows: number } {
  const records = tidyRecords(session)
  return { csv: recordsToCsv(records), rows: records.length - 1 }
}
