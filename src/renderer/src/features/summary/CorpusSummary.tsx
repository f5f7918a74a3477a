// The summary over many articles (the whole session, or those passing the
// session's filter): an overview, per theme totals, theme by attribute and
// themes over time, each with its PNG and CSV. The numbers come from main,
// which holds every article; this view keeps only what to ask and how to
// show it.
import { useMemo, useState } from 'react'
import type { CorpusMeta } from '@shared/model/corpus'
import type { ArticleFilter } from '@shared/model/corpus-query'
import type { TimeBin } from '@shared/model/time-bins'
import { useI18n } from '@renderer/i18n/i18n'
import { formatShare } from './summary-rows'
import { groupableAttributes } from './corpus-labels'
import type { Measure } from './corpus-measure'
import { ThemeByAttribute } from './ThemeByAttribute'
import { ThemesOverTime } from './ThemesOverTime'
import { ThemeTotals } from './ThemeTotals'
import { useCorpusSummary } from './use-corpus-summary'
import { useSave, type Notice } from './use-corpus-save'

interface Props {
  sessionId: string
  meta: CorpusMeta
  /** The articles summarized: those passing it; undefined for all. */
  filter: ArticleFilter | undefined
  /** The articles summarized, in words (for chart subtitles). */
  scopeLabel: string
  drained: () => Promise<void>
  onNotice: (notice: Notice) => void
}

/** Themes drawn over time at first: all of a small codebook, else the most used. */
const FIRST_SHOWN = 8

/** The attribute to group by at first: outlet when articles have one, else the first custom one. */
function firstAttribute(meta: CorpusMeta): string {
  if (meta.articles.some((a) => a.attributes.outlet)) return 'outlet'
  return meta.attributeDefs[0]?.id ?? groupableAttributes([])[0]!
}

export function CorpusSummary({ sessionId, meta, filter, scopeLabel, drained, onNotice }: Props) {
  const i18n = useI18n()
  const { t, plural, formatNumber } = i18n
  const [attribute, setAttribute] = useState(() => firstAttribute(meta))
  const [measure, setMeasure] = useState<Measure>('articles')
  const [bin, setBin] = useState<TimeBin>('month')
  const [split, setSplit] = useState<string | null>(null)
  const [picked, setPicked] = useState<number[] | null>(null)
  const request = useMemo(
    () => ({ filter, attribute, bin, split }),
    [filter, attribute, bin, split],
  )
  const { summary, loading, error } = useCorpusSummary(sessionId, request, drained)
  const { busy, savePng, saveCsv } = useSave(sessionId, onNotice)
  const { codebook, attributeDefs: defs } = meta
  const shown = useMemo(() => {
    if (picked) return picked.filter((i) => i < codebook.length)
    if (!summary || codebook.length <= FIRST_SHOWN) return codebook.map((_, i) => i)
    return summary.themes
      .map((theme, i) => ({ i, passages: theme.passages }))
      .sort((a, b) => b.passages - a.passages || a.i - b.i)
      .slice(0, FIRST_SHOWN)
      .map((x) => x.i)
      .sort((a, b) => a - b)
  }, [picked, summary, codebook])
  const csv = (table: 'themes' | 'byAttribute' | 'overTime') => () =>
    void saveCsv(async () => {
      await drained()
      return window.gloss.exportCorpusSummaryCsv(sessionId, request, table)
    })

  if (!summary)
    return (
      <p className="corpus-status" role="status">
        {error ? t('corpus.failed', { message: error }) : t('corpus.loading')}
      </p>
    )
  return (
    <div className="corpus-summary" aria-busy={loading}>
      {error && (
        <p className="banner banner-error" role="alert">
          {t('corpus.failed', { message: error })}
        </p>
      )}
      <p className="summary-overview">
        {summary.articles === 0
          ? t('corpus.noArticles')
          : t('corpus.overview', {
              articles: plural('corpus.articles', summary.articles),
              coded: formatNumber(summary.codedArticles),
              passages: plural('count.passages', summary.passages),
              covered: formatNumber(summary.characters),
              total: formatNumber(summary.textCharacters),
              share: formatShare(summary.sharePercent, i18n),
            })}
      </p>
      {summary.articles > 0 && (
        <>
          <ThemeTotals
            codebook={codebook}
            summary={summary}
            scopeLabel={scopeLabel}
            busy={busy}
            onSavePng={(svg) => void savePng(svg, 'themes')}
            onSaveCsv={csv('themes')}
          />
          <ThemeByAttribute
            codebook={codebook}
            defs={defs}
            table={summary.byAttribute}
            attribute={attribute}
            onAttribute={setAttribute}
            measure={measure}
            onMeasure={setMeasure}
            scopeLabel={scopeLabel}
            busy={busy}
            onSavePng={(svg) => void savePng(svg, 'byAttribute')}
            onSaveCsv={csv('byAttribute')}
          />
          <ThemesOverTime
            codebook={codebook}
            defs={defs}
            time={summary.overTime}
            bin={bin}
            onBin={setBin}
            split={split}
            onSplit={setSplit}
            measure={measure}
            onMeasure={setMeasure}
            shown={shown}
            onShown={setPicked}
            scopeLabel={scopeLabel}
            busy={busy}
            onSavePng={(svg) => void savePng(svg, 'overTime')}
            onSaveCsv={csv('overTime')}
          />
        </>
      )}
    </div>
  )
}
