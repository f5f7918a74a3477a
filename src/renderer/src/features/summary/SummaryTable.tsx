// The summary's numbers as a table: per theme (and untagged passages) the
// passages, the characters covered (overlaps once) and the share of the
// article; the last row covers every passage, whatever its themes.
import type { Coverage } from '../../../../shared/model/stats'
import { formatCount, formatShare, type SummaryRow } from './summary-rows'

interface Props {
  rows: readonly SummaryRow[]
  all: Coverage
}

export function SummaryTable({ rows, all }: Props) {
  return (
    <section className="summary-section" aria-labelledby="summary-table-title">
      <h3 id="summary-table-title">Numbers</h3>
      <table className="summary-table" aria-labelledby="summary-table-title">
        <thead>
          <tr>
            <th scope="col">Theme</th>
            <th scope="col">Passages</th>
            <th scope="col">Characters</th>
            <th scope="col">Share of article</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">
                <span className="swatch" style={{ backgroundColor: r.colour }} aria-hidden="true" />
                {r.name}
              </th>
              <td>{formatCount(r.passages)}</td>
              <td>{formatCount(r.characters)}</td>
              <td>{formatShare(r.sharePercent)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">All passages</th>
            <td>{formatCount(all.passages)}</td>
            <td>{formatCount(all.characters)}</td>
            <td>{formatShare(all.sharePercent)}</td>
          </tr>
        </tfoot>
      </table>
      <p className="muted">
        A passage with several themes counts once for each; characters are Unicode characters, and
        text covered by overlapping passages counts once.
      </p>
    </section>
  )
}
