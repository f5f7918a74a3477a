// The session header: back to the start screen, the document title, the save
// status, undo/redo and export.
import { useEffect, useState } from 'react'
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

/** Shown when an export takes longer than this. */
const PROGRESS_AFTER_MS = 300

function ExportProgress({ active }: { active: boolean }) {
  const { t } = useI18n()
  const [shown, setShown] = useState(false)
  useEffect(() => {
    if (!active) return
    const t = setTimeout(() => setShown(true), PROGRESS_AFTER_MS)
    return () => {
      clearTimeout(t)
      setShown(false)
    }
  }, [active])
  return active && shown ? (
    <progress className="export-progress" aria-label={t('session.exportingCsv')} />
  ) : null
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
        <ExportProgress active={props.exporting} />
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
