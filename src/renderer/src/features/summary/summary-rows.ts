// The summary's rows as the view shows them: one per theme of the codebook,
// then untagged passages when there are any, with names and colours, and the
// number formats of the summary (English for now). Pure display helpers.
import type { Theme } from '../../../../shared/model/schema'
import type { Coverage, SessionSummary } from '../../../../shared/model/stats'

export interface SummaryRow extends Coverage {
  key: string
  name: string
  colour: string
  untagged: boolean
}

/** Untagged passages are grey, like their chips in the sidebar. */
export const UNTAGGED_COLOUR = '#8a8a8a'

export function summaryRows(summary: SessionSummary, codebook: readonly Theme[]): SummaryRow[] {
  const rows: SummaryRow[] = codebook.map((t, i) => ({
    ...summary.themes[i]!,
    key: t.id,
    name: t.name,
    colour: t.colour,
    untagged: false,
  }))
  if (summary.untagged.passages > 0)
    rows.push({
      ...summary.untagged,
      key: 'untagged',
      name: 'Untagged',
      colour: UNTAGGED_COLOUR,
      untagged: true,
    })
  return rows
}

const count = new Intl.NumberFormat('en')

export const formatCount = (n: number): string => count.format(n)

/** A share with one decimal (0% and 100% exact); never shows a covered theme as 0%. */
export function formatShare(percent: number): string {
  if (percent === 0 || percent === 100) return `${percent}%`
  if (percent < 0.05) return '<0.1%'
  if (percent > 99.95) return '>99.9%'
  return `${percent.toFixed(1)}%`
}

/** A name cut to `max` characters with an ellipsis (the chart has no room to wrap). */
export function shorten(name: string, max: number): string {
  const chars = [...name]
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : name
}
