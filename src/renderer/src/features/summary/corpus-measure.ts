// What a cell of theme by attribute or over time shows: the share of the
// articles (of that value or period) that contain the theme, or the
// theme's passages there.
import type { Cell } from '@shared/model/corpus-stats'
import type { I18n } from '@renderer/i18n/i18n'

export type Measure = 'articles' | 'passages'

/** A cell's value: a percentage (null without articles) or a count. */
export function cellValue(cell: Cell, articles: number, measure: Measure): number | null {
  if (measure === 'passages') return cell.passages
  return articles ? (cell.articles * 100) / articles : null
}

/** A cell's value written short: "45%", "<1%", "12"; "–" for none. */
export function formatCell(
  value: number | null,
  measure: Measure,
  formatNumber: I18n['formatNumber'],
): string {
  if (value === null) return '–'
  if (measure === 'passages') return formatNumber(value)
  if (value > 0 && value < 0.5) return `<${formatNumber(0.01, { style: 'percent' })}`
  return formatNumber(Math.round(value) / 100, { style: 'percent' })
}
