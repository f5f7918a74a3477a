// What "Make coder copies…" wrote: the folder, each file with its coder and
// the passages it holds, and, when it stopped early, why (a cancel, a copy
// that could not be written: nothing of that one is left). A modal dialog:
// Esc or Close dismisses it.
import type { CoderCopiesResult } from '@shared/api'
import { englishText } from '@shared/main-messages'
import { useI18n } from '@renderer/i18n/i18n'
import { useModal } from '@renderer/lib/use-modal'

interface Props {
  report: CoderCopiesResult
  onClose: () => void
}

/** The last part of a path, on any system. */
const fileName = (path: string) =>
  path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1)

export function CoderCopiesReport({ report, onClose }: Props) {
  const { t, plural, fromMain } = useI18n()
  const { close, dialogProps } = useModal(onClose)
  const stopped = report.stoppedBy
  const reason =
    stopped === undefined
      ? null
      : typeof stopped === 'string'
        ? stopped
        : fromMain(stopped, englishText(stopped))
  const title =
    reason !== null
      ? 'coders.report.titleStopped'
      : report.cancelled
        ? 'coders.report.titleCancelled'
        : 'coders.report.title'
  return (
    <dialog
      {...dialogProps}
      className="add-report coder-copies-report"
      aria-labelledby="coder-report-title"
    >
      <h2 id="coder-report-title">{t(title)}</h2>
      {report.files.length ? (
        <>
          <p>{t('coders.report.folder', { folder: report.folder })}</p>
          <ul aria-label={t('coders.report.title')}>
            {report.files.map((f) => (
              <li key={f.filePath} title={f.filePath}>
                <span className="add-report-file">{fileName(f.filePath)}</span>
                <span className="muted">
                  {' — '}
                  {f.passages
                    ? t('coders.report.fileMine', {
                        coder: f.coder,
                        passages: plural('count.passages', f.passages),
                      })
                    : t('coders.report.file', { coder: f.coder })}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t('coders.report.none')}</p>
      )}
      {report.cancelled && <p className="muted">{t('coders.report.cancelled')}</p>}
      {reason !== null && <p role="alert">{t('coders.report.stopped', { reason })}</p>}
      {report.files.length > 0 && <p className="muted">{t('coders.report.next')}</p>}
      <div className="dialog-actions">
        <button type="button" className="primary" autoFocus onClick={() => close()}>
          {t('common.close')}
        </button>
      </div>
    </dialog>
  )
}
