// The session header: back to the start screen, the document title, the save
// status, undo/redo and export.
import { useEffect, useState } from 'react'
import type { SaveStatus } from '../../state/session-store'
import { formatDateTime } from '../../format'

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
}

export function SaveStatusText({ status }: { status: SaveStatus }) {
  switch (status.kind) {
    case 'saving':
      return <>Saving…</>
    case 'saved':
      return <span title={status.at ? `Saved ${formatDateTime(status.at)}` : undefined}>Saved</span>
    case 'failed':
      return <>Not saved: {status.reason}</>
  }
}

/** Shown when an export takes longer than this. */
const PROGRESS_AFTER_MS = 300

function ExportProgress({ active }: { active: boolean }) {
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
    <progress className="export-progress" aria-label="Exporting CSV" />
  ) : null
}

export function SessionHeader(props: Props) {
  return (
    <header className="session-header">
      <button type="button" className="link back" onClick={props.onBack}>
        ← Sessions
      </button>
      <div className="session-title">
        <h1 title={props.filePath}>{props.title}</h1>
        <span
          className={`save-status save-${props.status.kind}`}
          role="status"
          aria-live="polite"
          data-testid="save-status"
        >
          {props.readOnly ? 'Read-only' : <SaveStatusText status={props.status} />}
        </span>
      </div>
      <div className="session-actions">
        <ExportProgress active={props.exporting} />
        {props.onToggleSummary && (
          <button
            type="button"
            onClick={props.onToggleSummary}
            aria-pressed={!!props.summaryOpen}
            title={props.summaryOpen ? 'Back to the article (Esc)' : 'Summary of the themes'}
          >
            Summary
          </button>
        )}
        <button
          type="button"
          onClick={props.onUndo}
          disabled={!props.canUndo}
          title="Undo (Ctrl+Z)"
        >
          Undo
        </button>
        <button
          type="button"
          onClick={props.onRedo}
          disabled={!props.canRedo}
          title="Redo (Ctrl+Shift+Z)"
        >
          Redo
        </button>
        <button
          type="button"
          className="primary"
          onClick={props.onExport}
          disabled={props.exporting}
          aria-haspopup="dialog"
          title="Export CSV (Ctrl+E)"
        >
          {props.exporting ? 'Exporting…' : 'Export CSV…'}
        </button>
      </div>
    </header>
  )
}
