// How a figure of the Agreement view reads: a coefficient to three decimals
// (percent agreement as a percentage) with its n in the tooltip, the reason
// when it has no value, and Krippendorff's benchmark as a badge. Shared by
// the table, the pairs table and the report image.
import type { Benchmark, ReportCoefficient } from '@shared/agreement/report'
import { useI18n, type I18n } from '@renderer/i18n/i18n'

export const THREE_DECIMALS = { minimumFractionDigits: 3, maximumFractionDigits: 3 }
export const PERCENT = {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
} as const

/** A coefficient's value as text, or the reason it has none. */
export function figureText(
  c: ReportCoefficient,
  { t, formatNumber }: Pick<I18n, 't' | 'formatNumber'>,
  percent = false,
): string {
  if (c.value === null) return t(`agreement.notDefined.${c.undefinedBecause ?? 'no-variation'}`)
  return formatNumber(c.value, percent ? PERCENT : THREE_DECIMALS)
}

export function BenchmarkBadge({ benchmark }: { benchmark: Benchmark }) {
  const { t } = useI18n()
  return (
    <span className={`agreement-badge agreement-badge-${benchmark}`}>
      {t(`agreement.benchmark.${benchmark}`)}
    </span>
  )
}

/**
 * One figure in a table cell: the value (or "n/d" with its reason), its n
 * and units left out in the tooltip; with `badge`, the benchmark beside it;
 * with `long`, the reason written out in the cell.
 */
export function Figure({
  c,
  percent = false,
  badge = false,
  long = false,
}: {
  c: ReportCoefficient | null
  percent?: boolean
  badge?: boolean
  long?: boolean
}) {
  const i18n = useI18n()
  const { t, formatNumber } = i18n
  if (!c) return <span className="muted">—</span>
  const n = t('agreement.nTitle', {
    units: formatNumber(c.units),
    excluded: formatNumber(c.excluded),
  })
  if (c.value === null) {
    const reason = figureText(c, i18n)
    return (
      <span className="agreement-undefined" title={`${reason} · ${n}`}>
        {long ? reason : t('agreement.notDefined.short')}
      </span>
    )
  }
  return (
    <span className="agreement-figure" title={n}>
      <span className="agreement-value">{figureText(c, i18n, percent)}</span>
      {badge && c.benchmark && <BenchmarkBadge benchmark={c.benchmark} />}
    </span>
  )
}
