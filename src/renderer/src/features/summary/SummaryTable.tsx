// The summary's numbers as a table: per theme (and untagged passages) the
// passages, the characters covered (overlaps once) and the share of the
// article; the last row covers every passage, whatever its themes.
import type { Coverage } from '@shared/model/stats'
import { useI18n } from '@renderer/i18n/i18n'
import { formatShare, type SummaryRow } from './summary-rows'

interface Props {
  rows: readonly SummaryRow[]
  all: Coverage
}

export function SummaryTable({ rows, all }: Props) {
  const i18n = useI18n()
  const { t, formatNumber } = i18n
  return (
    <section className="summary-section" aria-labelledby="summary-table-title">
      <h3 id="summary-table-title">{t('summary.table.title')}</h3>
      <table className="summary-table" aria-labelledby="summary-table-title">
        <thead>
          <tr>
            <th scope="col">{t('summary.table.theme')}</th>
            <th scope="col">{t('summary.table.passages')}</th>
            <th scope="col">{t('summary.table.characters')}</th>
            <th scope="col">{t('summary.table.share')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">
                <span className="swatch" style={{ backgroundColor: r.colour }} aria-hidden="true" />
                {r.name}
              </th>
              <td>{formatNumber(r.passages)}</td>
              <td>{formatNumber(r.characters)}</td>
              <td>{formatShare(r.sharePercent, i18n)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('summary.table.all')}</th>
            <td>{formatNumber(all.passages)}</td>
            <td>{formatNumber(all.characters)}</td>
            <td>{formatShare(all.sharePercent, i18n)}</td>
          </tr>
        </tfoot>
      </table>
      <p className="muted">{t('summary.table.note')}</p>
    </section>
  )
}
