// Per theme over the articles in scope: a chart of the share of articles
// containing each theme, and the table of its numbers (passages, articles,
// characters covered, share of the text), with untagged passages last.
// The chart saves as PNG and the numbers as CSV (computed again by main).
import { useRef } from 'react'
import type { CorpusSummary } from '@shared/model/corpus-stats'
import type { Theme } from '@shared/model/schema'
import { useI18n } from '@renderer/i18n/i18n'
import { formatShare } from './summary-rows'
import { TotalsChart } from './TotalsChart'

interface Props {
  codebook: readonly Theme[]
  summary: CorpusSummary
  scopeLabel: string
  busy: boolean
  onSavePng: (svg: SVGSVGElement | null) => void
  onSaveCsv: () => void
}

export function ThemeTotals({ codebook, summary, scopeLabel, busy, onSavePng, onSaveCsv }: Props) {
  const i18n = useI18n()
  const { t, formatNumber } = i18n
  const chart = useRef<SVGSVGElement>(null)
  const rows = [
    ...codebook.map((theme, i) => ({
      key: theme.id,
      name: theme.name,
      colour: theme.colour,
      ...summary.themes[i]!,
    })),
    ...(summary.untagged.passages
      ? [{ key: 'untagged', name: t('summary.untagged'), colour: '#8a8a8a', ...summary.untagged }]
      : []),
  ]
  return (
    <section className="summary-section corpus-section" aria-labelledby="corpus-themes-title">
      <div className="corpus-section-head">
        <h3 id="corpus-themes-title">{t('corpus.themes.title')}</h3>
        <div className="summary-actions">
          <button type="button" disabled={busy} onClick={() => onSavePng(chart.current)}>
            {t('summary.savePng')}
          </button>
          <button type="button" disabled={busy} onClick={onSaveCsv}>
            {t('summary.saveCsv')}
          </button>
        </div>
      </div>
      <TotalsChart
        ref={chart}
        codebook={codebook}
        totals={summary.themes}
        articles={summary.articles}
        passages={summary.passages}
        scopeLabel={scopeLabel}
      />
      <table className="summary-table" aria-labelledby="corpus-themes-title">
        <thead>
          <tr>
            <th scope="col">{t('summary.table.theme')}</th>
            <th scope="col">{t('summary.table.passages')}</th>
            <th scope="col">{t('corpus.table.articles')}</th>
            <th scope="col">{t('corpus.table.articlesShare')}</th>
            <th scope="col">{t('summary.table.characters')}</th>
            <th scope="col">{t('corpus.table.textShare')}</th>
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
              <td>{formatNumber(r.articles)}</td>
              <td>{formatShare(r.articlesPercent, i18n)}</td>
              <td>{formatNumber(r.characters)}</td>
              <td>{formatShare(r.sharePercent, i18n)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('summary.table.all')}</th>
            <td>{formatNumber(summary.passages)}</td>
            <td>{formatNumber(summary.codedArticles)}</td>
            <td>
              {formatShare(
                summary.articles ? (summary.codedArticles * 100) / summary.articles : 0,
                i18n,
              )}
            </td>
            <td>{formatNumber(summary.characters)}</td>
            <td>{formatShare(summary.sharePercent, i18n)}</td>
          </tr>
        </tfoot>
      </table>
      <p className="muted">{t('corpus.table.note')}</p>
    </section>
  )
}
