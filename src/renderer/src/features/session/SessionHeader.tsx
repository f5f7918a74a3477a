// The session header: back to the start screen, the document title, the save
// status, and the buttons of the summary, the codebook, undo/redo, the
// one-file copy and export, which run the registry's actions
// (actions/registry.ts) with its labels.
import { useEffect, useState } from 'react'
import type { ExportProgress as Progress } from '@shared/api'
import { actionById } from '@renderer/actions/registry'
import type { ActionId } from '@renderer/actions/types'
import type { SaveStatus } from '@renderer/state/session-store'
import { useI18n } from '@renderer/i18n/i18n'

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
  /** A one-file copy of the session is being saved. */
  savingCopy: boolean
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
const SAVE_COPY = buttonText('session.saveCopy')
const PASSAGES = buttonText('passages.view')
const CORPUS_SEARCH = buttonText('corpus.search')

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
  const { t, plural } = useI18n()
  const { run } = props
  return (
    <header className="session-header">
      <button type="button" className="link back" onClick={() => run('session.close')}>
        {t(actionById('session.close').label)}
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
        <button
          type="button"
          onClick={() => run('undo')}
          disabled={!props.canUndo}
          title={t(UNDO.title)}
        >
          {t(UNDO.label)}
        </button>
        <button
          type="button"
          onClick={() => run('redo')}
          disabled={!props.canRedo}
          title={t(REDO.title)}
        >
          {t(REDO.label)}
        </button>
        <button
          type="button"
          onClick={() => run('session.saveCopy')}
          disabled={props.savingCopy}
          title={t(SAVE_COPY.title)}
        >
          {props.savingCopy ? t('portable.saving') : t(SAVE_COPY.label)}
        </button>
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
