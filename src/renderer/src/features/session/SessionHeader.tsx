// The session header: back to the start screen, the document title, the save
// status, undo/redo and export.
import { useEffect, useState } from 'react'
import type { ExportProgress as Progress } from '../../../../shared/api'
import type { SaveStatus } from '../../state/session-store'
import { useI18n } from '../../i18n/i18n'

interface Props {
  title: string
  filePath: string
  status: SaveStatus
  canUndo: boolean
  canRedo: boolean
  onBack(): void
  onUndo(): void
  onRedo(): void
  onExport(): void
  exporting: boolean
  /** Rows written so far, once the save dialog has closed (CSV exports). */
  exportProgress: Progress | null
  readOnly: boolean
  /** The summary is shown in place of the article. */
  summaryOpen?: boolean
  onToggleSummary?(): void
  /** Opens the codebook panel. */
  onOpenCodebook?(): void
}

export function SaveStatusText({ status }: { status: SaveStatus }) {
  const { t, formatDate, errorText } = useI18n()
  switch (status.kind) {
    case 'saving':
      return <>{t('session.saving')}</>
    case 'saved':
      return (
        <span title={status.at ? t('session.savedAt', { date: formatDate(status.at) }) : undefined}>
          {t('session.saved')}
        </span>
      )
    case 'failed':
      return <>{t('session.notSaved', { reason: errorText(status.error) })}</>
  }
}

/** Shown when writing an export takes longer than this (the save dialog not counted). */
const PROGRESS_AFTER_MS = 300

/** Rows written of the total, for exports that take a while. */
function ExportProgress({ progress }: { progress: Progress | null }) {
  const { t, formatNumber } = useI18n()
  const started = progress !== null
  const [shown, setShown] = useState(false)
  useEffect(() => {
    if (!started) return
    const timer = setTimeout(() => setShown(true), PROGRESS_AFTER_MS)
    return () => {
      clearTimeout(timer)
      setShown(false)
    }
  }, [started])
  if (!progress || !shown) return null
  const label = t('session.exportProgress', {
    done: formatNumber(progress.done),
    total: formatNumber(progress.total),
  })
  return (
    <span className="export-progress" role="status">
      <progress
        aria-label={t('session.exportingCsv')}
        aria-valuetext={label}
        max={Math.max(1, progress.total)}
        value={progress.done}
      />
      <span className="muted">{label}</span>
    </span>
  )
}

export function SessionHeader(props: Props) {
  const { t } = useI18n()
  return (
    <header className="session-header">
      <button type="button" className="link back" onClick={props.onBack}>
        {t('session.back')}
      </button>
      <div className="session-title">
        <h1 title={props.filePath}>{props.title}</h1>
        <span
          className={`save-status save-${props.status.kind}`}
          role="status"
          aria-live="polite"
          data-testid="save-status"
        >
          {props.readOnly ? t('session.readOnly') : <SaveStatusText status={props.status} />}
        </span>
      </div>
      <div className="session-actions">
        <ExportProgress progress={props.exportProgress} />
        {props.onToggleSummary && (
          <button
            type="button"
            onClick={props.onToggleSummary}
            aria-pressed={!!props.summaryOpen}
            title={props.summaryOpen ? t('session.summaryBack') : t('session.summaryTitle')}
          >
            {t('session.summary')}
          </button>
        )}
        {props.onOpenCodebook && (
          <button
            type="button"
            onClick={props.onOpenCodebook}
            aria-haspopup="dialog"
            title={t('codebook.button.title')}
          >
            {t('codebook.button')}
          </button>
        )}
        <button
          type="button"
          onClick={props.onUndo}
          disabled={!props.canUndo}
          title={t('session.undoTitle')}
        >
          {t('session.undo')}
        </button>
        <button
          type="button"
          onClick={props.onRedo}
          disabled={!props.canRedo}
          title={t('session.redoTitle')}
        >
          {t('session.redo')}
        </button>
        <button
          type="button"
          className="primary"
          onClick={props.onExport}
          disabled={props.exporting}
          aria-haspopup="dialog"
          title={t('session.exportTitle')}
        >
          {props.exporting ? t('session.exporting') : t('session.export')}
        </button>
      </div>
    </header>
  )
}
