// The tidy CSV export: one row per passage and theme (a passage with three
// themes gives three rows, an untagged passage one row with an empty theme),
// for pivot tables, R and pandas. Same file conventions as csv.ts (BOM, CRLF,
// code point offsets, formula injection neutralized). Never writes files itself.
import { makeCodePointIndex } from '@shared/model/offsets'
import type { Session } from '@shared/model/schema'
import { inDocumentOrder, neutralizeFormula, recordsToCsv } from './csv'

export const TIDY_HEADER = [
  'passage_id',
  'theme',
  'start',
  'end',
  'quote',
  'note',
  'author',
  'created_at',
  'updated_at',
] as const

/** The rows of the tidy export, header first; numbers stay numbers. */
export function tidyRecords(session: Session): (string | number)[][] {
  const toCodePoint = makeCodePointIndex(session.document.text)
  const names = new Map(session.codebook.map((t) => [t.id, t.name]))
  const text = neutralizeFormula
  const rows: (string | number)[][] = []
  for (const p of inDocumentOrder(session.passages)) {
    const start = toCodePoint(p.start)
    const end = toCodePoint(p.end)
    const themes = p.themeIds.length ? p.themeIds.map((id) => names.get(id) ?? id) : ['']
    for (const theme of themes)
      rows.push([
        text(p.id),
        text(theme),
        start,
        end,
        text(p.quote),
        text(p.note),
        text(p.author),
        p.createdAt,
        p.updatedAt,
      ])
  }
  return [[...TIDY_HEADER], ...rows]
}

/** The whole tidy file as a string, BOM included, and its number of data rows. */
export function sessionToTidyCsv(session: Session): { csv: string; rows: number } {
  const records = tidyRecords(session)
  return { csv: recordsToCsv(records), rows: records.length - 1 }
}
