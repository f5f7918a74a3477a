// The summary's numbers as a table: per theme (and untagged passages) the
// passages, the characters covered (overlaps once) and the share of the
// article; the last row covers every passage, whatever its themes. Its
// frame, ThemeTable, serves the corpus summary's per-theme numbers too.
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
      <ThemeTable
        labelledBy="summary-table-title"
        columns={[
          t('summary.table.passages'),
          t('summary.table.characters'),
          t('summary.table.share'),
        ]}
        rows={rows.map((r) => ({
          ...r,
          cells: [
            formatNumber(r.passages),
            formatNumber(r.characters),
            formatShare(r.sharePercent, i18n),
          ],
        }))}
        all={[
          formatNumber(all.passages),
          formatNumber(all.characters),
          formatShare(all.sharePercent, i18n),
        ]}
      />
      <p className="muted">{t('summary.table.note')}</p>
    </section>
  )
}

interface ThemeTableProps {
  /** The id of the heading that names the table. */
  labelledBy: string
  /** The headers of the columns after the theme's. */
  columns: readonly string[]
  /** A row per theme (and untagged passages), its cells written out. */
  rows: readonly { key: string; name: string; colour: string; cells: readonly string[] }[]
  /** The cells of the last row, over every passage. */
  all: readonly string[]
}

/** A table of numbers per theme, each named with its colour, then a row over all of them. */
export function ThemeTable({ labelledBy, columns, rows, all }: ThemeTableProps) {
  const { t } = useI18n()
  return (
    <table className="summary-table" aria-labelledby={labelledBy}>
      <thead>
        <tr>
          <th scope="col">{t('summary.table.theme')}</th>
          {columns.map((column, i) => (
            <th scope="col" key={i}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">
              <span className="swatch" style={{ backgroundColor: r.colour }} aria-hidden="true" />
              {r.name}
            </th>
            {r.cells.map((cell, i) => (
              <td key={i}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('summary.table.all')}</th>
          {all.map((cell, i) => (
            <td key={i}>{cell}</td>
          ))}
        </tr>
      </tfoot>
    </table>
  )
}
