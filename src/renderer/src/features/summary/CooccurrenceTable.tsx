// The co-occurrence matrix: for each pair of themes, how often they tag
// overlapping text, as defined (in one sentence, shown under the title) by
// COOCCURRENCE_DEFINITION in stats.ts, whose words the catalogs repeat as
// summary.cooccurrence.definition. Numbers are always written; the tint only
// repeats them.
import type { Theme } from '@shared/model/schema'
import { useI18n } from '@renderer/i18n/i18n'

interface Props {
  codebook: readonly Theme[]
  matrix: readonly (readonly (number | null)[])[]
}

export function CooccurrenceTable({ codebook, matrix }: Props) {
  const { t, formatNumber } = useI18n()
  const max = Math.max(1, ...matrix.flat().map((n) => n ?? 0))
  return (
    <section className="summary-section" aria-labelledby="cooccurrence-title">
      <h3 id="cooccurrence-title">{t('summary.cooccurrence.title')}</h3>
      <p className="muted" id="cooccurrence-definition">
        {t('summary.cooccurrence.definition')}
      </p>
      <table
        className="cooccurrence"
        aria-labelledby="cooccurrence-title"
        aria-describedby="cooccurrence-definition"
      >
        <thead>
          <tr>
            <td />
            {codebook.map((theme) => (
              <th key={theme.id} scope="col">
                {theme.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {codebook.map((row, i) => (
            <tr key={row.id}>
              <th scope="row">{row.name}</th>
              {matrix[i]!.map((n, j) =>
                n === null ? (
                  <td key={j} className="diagonal" aria-label={t('summary.cooccurrence.same')}>
                    —
                  </td>
                ) : (
                  <td
                    key={j}
                    style={{
                      backgroundColor: `rgba(31, 95, 139, ${((n / max) * 0.35).toFixed(3)})`,
                    }}
                  >
                    {formatNumber(n)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
