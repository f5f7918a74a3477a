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
        <FileList
          id="add-report-failures"
          heading={t('articles.report.failures', { count: formatNumber(report.failures.length) })}
          items={report.failures.map((f) => ({ file: fileName(f.file), text: reason(f.reason) }))}
        />
        <FileList
          id="add-report-notes"
          heading={t('articles.report.notes', { count: formatNumber(report.notes?.length ?? 0) })}
          items={(report.notes ?? []).map((f) => ({
            file: fileName(f.file),
            text: reason(f.reason),
          }))}
        />
        <FileList
          id="add-report-duplicates"
          heading={t('articles.report.duplicates', {
            count: formatNumber(report.duplicates.length),
          })}
          items={report.duplicates.map((d) => ({
            file: fileName(d.file),
            text: t('articles.report.duplicateOf', { title: d.title }),
          }))}
        />
      </div>
      <div className="dialog-actions">
        <button type="button" className="primary" autoFocus onClick={() => close()}>
          {t('common.close')}
        </button>
      </div>
    </dialog>
  )
}

/** One list of the report: each file with what happened to it; nothing when empty. */
function FileList({
  id,
  heading,
  items,
}: {
  id: string
  heading: string
  items: { file: string; text: string }[]
}) {
  if (items.length === 0) return null
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{heading}</h3>
      <ul>
        {items.map((item, i) => (
          <li key={i}>
            <span className="add-report-file">{item.file}</span>
            <span className="muted"> — {item.text}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}
