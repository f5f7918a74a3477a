// The session's summary, shown in place of the article and sidebar. Of the
// open article: per theme the passages, the characters covered and the
// share of the article (a chart and a table), the theme map (click a mark
// to jump to the article) and the co-occurrence matrix; the chart saves as
// PNG and the numbers as CSV. In a session of several articles, a switch
// shows the summary of the whole session or of the filtered articles
// instead (corpus/CorpusSummary.tsx). Reads the session, never edits it;
// files are written by main.
import { useEffect, useMemo, useRef, useState } from 'react'
import type { CorpusMeta } from '@shared/model/corpus'
import type { Session } from '@shared/model/schema'
import { summarize } from '@shared/model/stats'
import { format, useI18n } from '@renderer/i18n/i18n'
import { useArticleFilter } from '@renderer/state/article-filter-store'
import { CooccurrenceTable } from './CooccurrenceTable'
import { CorpusSummary } from './CorpusSummary'
import { describeFilter } from './corpus-labels'
import { FilterBar } from './FilterBar'
import { filteredCount } from './corpus-scope'
import { ScopeSwitch, type SummaryScope } from './ScopeSwitch'
import { SummaryChart } from './SummaryChart'
import { SummaryTable } from './SummaryTable'
import { ThemeMap } from './ThemeMap'
import { formatShare, summaryRows } from './summary-rows'
import { svgToPngBase64 } from './svg-to-png'

export interface SummaryNotice {
  kind: 'info' | 'error'
  text: string
}

interface Props {
  session: Session
  /** The session's articles and attributes (absent: one article). */
  meta?: CorpusMeta
  /** Back to the article. */
  onClose: () => void
  /** Back to the article, scrolled to this passage. */
  onJump: (passageId: string) => void
  /** Resolves once every edit is on disk, so that main saves what is shown. */
  drained: () => Promise<void>
  onNotice: (notice: SummaryNotice) => void
}

/** The scope last chosen, by session: the summary reopens on it. */
const lastScope = new Map<string, SummaryScope>()

export function SummaryView({ session, meta, onClose, onJump, drained, onNotice }: Props) {
  const i18n = useI18n()
  const { t, plural, formatNumber, errorText } = i18n
  const corpus = meta && meta.articles.length > 1 ? meta : null
  const [scope, setScopeState] = useState<SummaryScope>(
    () => lastScope.get(session.id) ?? (corpus ? 'session' : 'article'),
  )
  const setScope = (s: SummaryScope) => {
    lastScope.set(session.id, s)
    setScopeState(s)
  }
  const shownScope: SummaryScope = corpus ? scope : 'article'
  const [filter, setFilter] = useArticleFilter(session.id)
  const filtered = useMemo(() => (corpus ? filteredCount(corpus, filter) : null), [corpus, filter])
  const { document: doc, codebook, passages } = session
  const summary = useMemo(
    () => summarize({ document: doc, codebook, passages }),
    [doc, codebook, passages],
  )
  const rows = useMemo(() => summaryRows(summary, codebook, t), [summary, codebook, t])
  const chart = useRef<SVGSVGElement>(null)
  const section = useRef<HTMLElement>(null)
  const [busy, setBusy] = useState(false)

  // Take the focus on open; give it back on close.
  useEffect(() => {
    const before = document.activeElement
    section.current?.focus()
    return () => {
      if (before instanceof HTMLElement && before.isConnected) before.focus()
    }
  }, [])

  const run = async (task: () => Promise<SummaryNotice | null>) => {
    setBusy(true)
    try {
      const notice = await task()
      if (notice) onNotice(notice)
    } finally {
      setBusy(false)
    }
  }

  const savePng = () =>
    run(async () => {
      if (!chart.current) return null
      const png = await svgToPngBase64(chart.current, i18n)
      if (!png.ok)
        return { kind: 'error', text: t('summary.pngFailed', { message: png.error.message }) }
      const r = await window.gloss.saveSummaryPng(session.id, png.value)
      if (!r.ok)
        return { kind: 'error', text: t('summary.pngFailed', { message: errorText(r.error) }) }
      return r.value && { kind: 'info', text: t('summary.pngSaved', { path: r.value.filePath }) }
    })

  const saveCsv = () =>
    run(async () => {
      await drained()
      const r = await window.gloss.exportSummaryCsv(session.id)
      if (!r.ok)
        return { kind: 'error', text: t('summary.csvFailed', { message: errorText(r.error) }) }
      return r.value && { kind: 'info', text: t('summary.csvSaved', { path: r.value.filePath }) }
    })

  const { all, textCharacters } = summary
  return (
    <section className="summary" aria-labelledby="summary-title" tabIndex={-1} ref={section}>
      <div className="summary-inner">
        <div className="summary-head">
          <h2 id="summary-title">{t('summary.title')}</h2>
          <div className="summary-actions">
            {shownScope === 'article' && (
              <>
                <button type="button" onClick={() => void savePng()} disabled={busy}>
                  {t('summary.savePng')}
                </button>
                <button type="button" onClick={() => void saveCsv()} disabled={busy}>
                  {t('summary.saveCsv')}
                </button>
              </>
            )}
            <button type="button" onClick={onClose} title={t('summary.back.title')}>
              {t('summary.back')}
            </button>
          </div>
        </div>
        {corpus && (
          <ScopeSwitch
            value={shownScope}
            onChange={setScope}
            articles={corpus.articles.length}
            filtered={filtered}
          />
        )}
        {corpus && shownScope === 'filtered' && (
          <FilterBar meta={corpus} filter={filter} onFilter={setFilter} />
        )}
        {corpus && shownScope !== 'article' ? (
          <CorpusSummary
            sessionId={session.id}
            meta={corpus}
            filter={shownScope === 'filtered' ? filter : undefined}
            scopeLabel={
              shownScope === 'filtered' && filtered !== null
                ? describeFilter(filter, corpus.attributeDefs, t)
                : t('corpus.scope.wholeSession')
            }
            drained={drained}
            onNotice={onNotice}
          />
        ) : (
          <>
            <p className="summary-overview">
              {all.passages
                ? format(plural('summary.overview', all.passages), {
                    covered: formatNumber(all.characters),
                    total: formatNumber(textCharacters),
                    share: formatShare(all.sharePercent, i18n),
                  })
                : t('summary.empty')}
            </p>
            <SummaryChart
              ref={chart}
              rows={rows}
              documentTitle={doc.title}
              textCharacters={textCharacters}
            />
            <ThemeMap rows={rows} text={doc.text} onJump={onJump} />
            <div className="summary-grid">
              <SummaryTable rows={rows} all={all} />
              <CooccurrenceTable codebook={codebook} matrix={summary.cooccurrence} />
            </div>
          </>
        )}
      </div>
    </section>
  )
}
