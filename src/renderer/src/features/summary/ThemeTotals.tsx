// Per theme over the articles in scope: a chart of the share of articles
// containing each theme, and the table of its numbers (passages, articles,
// characters covered, share of the text), with untagged passages last.
// The chart saves as PNG and the numbers as CSV (computed again by main).
import { useRef } from 'react'
import type { CorpusSummary } from '@shared/model/corpus-stats'
import type { Theme } from '@shared/model/schema'
import { useI18n } from '@renderer/i18n/i18n'
import { CorpusSection } from './CorpusSection'
import { formatShare, UNTAGGED_COLOUR } from './summary-rows'
import { ThemeTable } from './SummaryTable'
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
      ? [
          {
            key: 'untagged',
            name: t('summary.untagged'),
            colour: UNTAGGED_COLOUR,
            ...summary.untagged,
          },
        ]
      : []),
  ]
  return (
    <CorpusSection
      id="corpus-themes-title"
      title={t('corpus.themes.title')}
      pngDisabled={busy}
      csvDisabled={busy}
      onSavePng={() => onSavePng(chart.current)}
      onSaveCsv={onSaveCsv}
    >
      <TotalsChart
        ref={chart}
        codebook={codebook}
        totals={summary.themes}
        articles={summary.articles}
        passages={summary.passages}
        scopeLabel={scopeLabel}
      />
      <ThemeTable
        labelledBy="corpus-themes-title"
        columns={[
          t('summary.table.passages'),
          t('corpus.table.articles'),
          t('corpus.table.articlesShare'),
          t('summary.table.characters'),
          t('corpus.table.textShare'),
        ]}
        rows={rows.map((r) => ({
          ...r,
          cells: [
            formatNumber(r.passages),
            formatNumber(r.articles),
            formatShare(r.articlesPercent, i18n),
            formatNumber(r.characters),
            formatShare(r.sharePercent, i18n),
          ],
        }))}
        all={[
          formatNumber(summary.passages),
          formatNumber(summary.codedArticles),
          formatShare(
            summary.articles ? (summary.codedArticles * 100) / summary.articles : 0,
            i18n,
          ),
          formatNumber(summary.characters),
          formatShare(summary.sharePercent, i18n),
        ]}
      />
      <p className="muted">{t('corpus.table.note')}</p>
    </CorpusSection>
  )
}
