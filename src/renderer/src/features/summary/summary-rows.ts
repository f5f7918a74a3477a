// The summary's rows as the view shows them: one per theme of the codebook,
// then untagged passages when there are any, with names and colours, and the
// number formats of the summary in the UI's language. Pure display helpers:
// the strings and formats come in from useI18n().
import type { I18n } from '@renderer/i18n/i18n'
import type { Theme } from '@shared/model/schema'
import type { Coverage, SessionSummary } from '@shared/model/stats'

/** What the summary's helpers need from useI18n(). */
export type Formatters = Pick<I18n, 't' | 'plural' | 'formatNumber'>

export interface SummaryRow extends Coverage {
  key: string
  name: string
  colour: string
  untagged: boolean
}

/** Untagged passages are grey, like their chips in the sidebar. */
export const UNTAGGED_COLOUR = '#8a8a8a'

export function summaryRows(
  summary: SessionSummary,
  codebook: readonly Theme[],
  t: I18n['t'],
): SummaryRow[] {
  const rows: SummaryRow[] = codebook.map((theme, i) => ({
    ...summary.themes[i]!,
    key: theme.id,
    name: theme.name,
    colour: theme.colour,
    untagged: false,
  }))
  if (summary.untagged.passages > 0)
    rows.push({
      ...summary.untagged,
      key: 'untagged',
      name: t('summary.untagged'),
      colour: UNTAGGED_COLOUR,
      untagged: true,
    })
  return rows
}

/** A percentage (0–100) with exactly `digits` decimals, e.g. "2.7%" or "2,7 %". */
export function formatPercent(
  formatNumber: I18n['formatNumber'],
  percent: number,
  digits: number,
): string {
  return formatNumber(percent / 100, {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  })
}

/** A share with one decimal (0% and 100% exact); never shows a covered theme as 0%. */
export function formatShare(percent: number, { t, formatNumber }: Formatters): string {
  if (percent === 0 || percent === 100) return formatPercent(formatNumber, percent, 0)
  if (percent < 0.05)
    return t('summary.share.below', { share: formatPercent(formatNumber, 0.1, 1) })
  if (percent > 99.95)
    return t('summary.share.above', { share: formatPercent(formatNumber, 99.9, 1) })
  // Rounded as toFixed does, then written in the locale's way.
  return formatPercent(formatNumber, Number(percent.toFixed(1)), 1)
}
