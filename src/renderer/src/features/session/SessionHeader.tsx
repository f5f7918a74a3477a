// The session header: back to the start screen, the document title with the
// save status under it, and the buttons of the articles, the summary, the
// corpus views, the codebook, details, undo/redo and export, which run the
// registry's actions (actions/registry.ts) with its labels. One row of fixed
// height: a longer status (a save that failed, with its reason) is cut with
// its whole text in the tooltip, and never moves the article under it.
// "Save a copy as one file…" is in the File menu.
import { useEffect, useState } from 'react'
import type { ExportProgress as Progress } from '@shared/api'
import type { CoderCopy } from '@shared/model/corpus'
import { actionById } from '@renderer/actions/registry'
import type { ActionId } from '@renderer/actions/types'
import type { SaveStatus } from '@renderer/state/session-store'
import { useI18n } from '@renderer/i18n/i18n'
import { CoderCopyBadge } from '@renderer/features/coders'

interface Props {
  title: string
  filePath: string
  status: SaveStatus
  canUndo: boolean
  canRedo: boolean
  /** Runs an action (back, summary, codebook, details, undo, redo, export). */
  run: (id: ActionId) => void
  exporting: boolean
  /** Rows written so far, once the save dialog has closed (CSV exports). */
  exportProgress: Progress | null
  readOnly: boolean
  /** The summary is shown in place of the article. */
  summaryOpen: boolean
  /** Articles in the session, and whether their panel is shown. */
  articleCount: number
  articlesOpen: boolean
  /** Set when the session is a coder copy (a badge beside the title says whose). */
  coderCopy?: CoderCopy
  /** Coders the session records: the Agreement button shows from two on. */
  coderCount?: number
}

/** The label and tooltip of an action's header button. */
function buttonText(id: ActionId) {
  const { button } = actionById(id)
  if (!button) throw new Error(`action ${id} has no button`)
  return button
}
const UNDO = buttonText('undo')
const REDO = buttonText('redo')
const EXPORT = buttonText('export')
const CODEBOOK = buttonText('codebook')
const DETAILS = buttonText('details')
const PASSAGES = buttonText('passages.view')
const CORPUS_SEARCH = buttonText('corpus.search')
const AGREEMENT = buttonText('agreement.view')

/** The save status's words, and its tooltip. */
export function useSaveStatusText(status: SaveStatus): { text: string; title?: string } {
  const { t, formatDate, errorText } = useI18n()
  switch (status.kind) {
    case 'saving':
      return { text: t('session.saving') }
    case 'saved':
      return {
        text: t('session.saved'),
        title: status.at ? t('session.savedAt', { date: formatDate(status.at) }) : undefined,
      }
    case 'failed': {
      const text = t('session.notSaved', { reason: errorText(status.error) })
      return { text, title: text }
    }
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
  const { t, plural } = useI18n()
  const { run } = props
  const saveStatus = useSaveStatusText(props.status)
  const statusText = props.readOnly ? t('session.readOnly') : saveStatus.text
  return (
    <header className="session-header">
      <button type="button" className="link back" onClick={() => run('session.close')}>
        {t(actionById('session.close').label)}
      </button>
      <div className="session-title">
        <div className="session-title-row">
          <h1 title={props.filePath}>{props.title}</h1>
          <CoderCopyBadge copy={props.coderCopy} />
        </div>
        <span
          className={`save-status save-${props.status.kind}`}
          role="status"
          aria-live="polite"
          data-testid="save-status"
          title={props.readOnly ? statusText : saveStatus.title}
        >
          {statusText}
        </span>
      </div>
      <div className="session-actions">
        <ExportProgress progress={props.exportProgress} />
        <button
          type="button"
          onClick={() => run('articles.toggle')}
          aria-pressed={props.articlesOpen}
          title={t('articles.buttonTitle')}
        >
          {plural('count.articles', props.articleCount)}
        </button>
        <button
          type="button"
          onClick={() => run('summary')}
          aria-pressed={props.summaryOpen}
          title={props.summaryOpen ? t('session.summaryBack') : t('session.summaryTitle')}
        >
          {t(actionById('summary').label)}
        </button>
        <button type="button" onClick={() => run('passages.view')} title={t(PASSAGES.title)}>
          {t(PASSAGES.label)}
        </button>
        <button type="button" onClick={() => run('corpus.search')} title={t(CORPUS_SEARCH.title)}>
          {t(CORPUS_SEARCH.label)}
        </button>
        {(props.coderCount ?? 0) >= 2 && (
          <button
            type="button"
            onClick={() => run('agreement.view')}
            aria-keyshortcuts="Control+Shift+K"
            title={t(AGREEMENT.title)}
          >
            {t(AGREEMENT.label)}
          </button>
        )}
        <button
          type="button"
          onClick={() => run('codebook')}
          aria-haspopup="dialog"
          title={t(CODEBOOK.title)}
        >
          {t(CODEBOOK.label)}
        </button>
        <button
          type="button"
          onClick={() => run('details')}
          aria-haspopup="dialog"
          aria-keyshortcuts="Control+I"
          title={t(DETAILS.title)}
        >
          {t(DETAILS.label)}
        </button>
        <span className="undo-redo">
          <button
            type="button"
            className="icon"
            onClick={() => run('undo')}
            disabled={!props.canUndo}
            aria-label={t(UNDO.label)}
            title={t(UNDO.title)}
          >
            <span aria-hidden="true">↶</span>
          </button>
          <button
            type="button"
            className="icon"
            onClick={() => run('redo')}
            disabled={!props.canRedo}
            aria-label={t(REDO.label)}
            title={t(REDO.title)}
          >
            <span aria-hidden="true">↷</span>
          </button>
        </span>
        <button
          type="button"
          className="primary"
          onClick={() => run('export')}
          disabled={props.exporting}
          aria-haspopup="dialog"
          title={t(EXPORT.title)}
        >
          {props.exporting ? t('session.exporting') : t(EXPORT.label)}
        </button>
      </div>
    </header>
  )
}
