// What adding articles did, when there is more to say than "N added": the
// count added, the files already in the session (and the article that has
// their text), the files not added with why, a cancel or a failed save.
// A modal dialog: Esc or Close dismisses it, the focus goes back.
import type { AddArticlesResult } from '@shared/api'
import { englishText } from '@shared/main-messages'
import { useI18n } from '@renderer/i18n/i18n'
import { useModal } from '@renderer/lib/use-modal'

interface Props {
  report: AddArticlesResult
  onClose: () => void
}

export function AddReportDialog({ report, onClose }: Props) {
  const { t, plural, fromMain, formatNumber } = useI18n()
  const { close, dialogProps } = useModal(onClose)
  const reason = (r: AddArticlesResult['failures'][number]['reason']) =>
    typeof r === 'string' ? r : fromMain(r, englishText(r))
  const fileName = (file: string) => file || t('articles.report.pasted')
  return (
    <dialog {...dialogProps} className="add-report" aria-labelledby="add-report-title">
      <h2 id="add-report-title">
        {t(report.cancelled ? 'articles.report.titleCancelled' : 'articles.report.title')}
      </h2>
      <p>
        {report.added.length
          ? t('articles.report.added', { articles: plural('count.articles', report.added.length) })
          : t('articles.report.nothingAdded')}
      </p>
      {report.cancelled && <p className="muted">{t('articles.report.cancelled')}</p>}
      {report.stoppedBy !== undefined && (
        <p role="alert">{t('articles.report.stopped', { reason: reason(report.stoppedBy) })}</p>
      )}
      <div className="add-report-lists">
        {report.failures.length > 0 && (
          <section aria-labelledby="add-report-failures">
            <h3 id="add-report-failures">
              {t('articles.report.failures', { count: formatNumber(report.failures.length) })}
            </h3>
            <ul>
              {report.failures.map((f, i) => (
                <li key={i}>
                  <span className="add-report-file">{fileName(f.file)}</span>
                  <span className="muted"> — {reason(f.reason)}</span>
                </li>
              ))}
            </ul>
          </section>
        )}
        {report.notes && report.notes.length > 0 && (
          <section aria-labelledby="add-report-notes">
            <h3 id="add-report-notes">
              {t('articles.report.notes', { count: formatNumber(report.notes.length) })}
            </h3>
            <ul>
              {report.notes.map((f, i) => (
                <li key={i}>
                  <span className="add-report-file">{fileName(f.file)}</span>
                  <span className="muted"> — {reason(f.reason)}</span>
                </li>
              ))}
            </ul>
          </section>
        )}
        {report.duplicates.length > 0 && (
          <section aria-labelledby="add-report-duplicates">
            <h3 id="add-report-duplicates">
              {t('articles.report.duplicates', { count: formatNumber(report.duplicates.length) })}
            </h3>
            <ul>
              {report.duplicates.map((d, i) => (
                <li key={i}>
                  <span className="add-report-file">{fileName(d.file)}</span>
                  <span className="muted">
                    {' '}
                    — {t('articles.report.duplicateOf', { title: d.title })}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
      <div className="dialog-actions">
        <button type="button" className="primary" autoFocus onClick={() => close()}>
          {t('common.close')}
        </button>
      </div>
    </dialog>
  )
}
