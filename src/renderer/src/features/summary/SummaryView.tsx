// The session's summary, shown in place of the article and sidebar: per
// theme the passages, the characters covered and the share of the article
// (a chart and a table), the theme map (click a mark to jump to the article)
// and the co-occurrence matrix; the chart saves as PNG and the numbers as
// CSV. Reads the session, never edits it; files are written by main.
import { useEffect, useMemo, useRef, useState } from 'react'
import type { Session } from '@shared/model/schema'
import { summarize } from '@shared/model/stats'
import { format, useI18n } from '@renderer/i18n/i18n'
import { CooccurrenceTable } from './CooccurrenceTable'
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
  /** Back to the article. */
  onClose: () => void
  /** Back to the article, scrolled to this passage. */
  onJump: (passageId: string) => void
  /** Resolves once every edit is on disk, so that main saves what is shown. */
  drained: () => Promise<void>
  onNotice: (notice: SummaryNotice) => void
}

export function SummaryView({ session, onClose, onJump, drained, onNotice }: Props) {
  const i18n = useI18n()
  const { t, plural, formatNumber, errorText } = i18n
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
            <button type="button" onClick={() => void savePng()} disabled={busy}>
              {t('summary.savePng')}
            </button>
            <button type="button" onClick={() => void saveCsv()} disabled={busy}>
              {t('summary.saveCsv')}
            </button>
            <button type="button" onClick={onClose} title={t('summary.back.title')}>
              {t('summary.back')}
            </button>
          </div>
        </div>
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
      </div>
    </section>
  )
}
