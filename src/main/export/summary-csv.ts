// The summary CSV: the numbers of the summary view, one row per theme of the
// codebook (then one row for untagged passages, with an empty theme), with
// the co-occurrence counts as one `with_<theme>` column per theme. Computed
// from the session with the shared stats.ts, never from numbers sent by the
// renderer. Same file conventions as csv.ts. Never writes files itself.
import type { Session } from '@shared/model/schema'
import { roundShare, summarize } from '@shared/model/stats'
import { neutralizeFormula, recordsToCsv } from './csv'

export function summaryHeader(session: Pick<Session, 'codebook'>): string[] {
  return [
    'theme',
    'passages',
    'characters',
    'share_percent',
    ...session.codebook.map((t) => `with_${t.name}`),
  ].map(neutralizeFormula)
}

/** The rows of the summary, header first; numbers stay numbers. */
export function summaryRecords(session: Session): (string | number)[][] {
  const s = summarize(session)
  const rows = session.codebook.map((t, i) => {
    const c = s.themes[i]!
    return [
      neutralizeFormula(t.name),
      c.passages,
      c.characters,
      roundShare(c.sharePercent),
      // The diagonal (a theme with itself) is left empty.
      ...s.cooccurrence[i]!.map((n) => n ?? ''),
    ]
  })
  const u = s.untagged
  rows.push([
    '',
    u.passages,
    u.characters,
    roundShare(u.sharePercent),
    ...session.codebook.map(() => ''),
  ])
  return [summaryHeader(session), ...rows]
}

/** The whole summary file as a string, BOM included, and its number of data rows. */
export function sessionToSummaryCsv(session: Session): { csv: string; rows: number } {
  const records = summaryRecords(session)
  return { csv: recordsToCsv(records), rows: records.length - 1 }
}
