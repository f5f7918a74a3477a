// What "Bring coders' work back…" did: per coder, the passages added,
// removed, changed and unchanged, the articles matched or not in the
// session, passages found again or not placed, themes added or renamed;
// or, when a copy was refused, every problem (nothing was brought back) and
// the files that were fine. A modal dialog: Esc or Close dismisses it.
import type { BringBackResult } from '@shared/ipc/bring-back'
import { englishText } from '@shared/main-messages'
import { useI18n } from '@renderer/i18n/i18n'
import { useModal } from '@renderer/lib/use-modal'
import { CoderCountsTable, CoderReportSection } from './CoderReportSection'

interface Props {
  report: BringBackResult
  onClose: () => void
}

export function BringBackReportDialog({ report, onClose }: Props) {
  const { t, fromMain } = useI18n()
  const { close, dialogProps } = useModal(onClose)
  const reason = (r: BringBackResult['problems'][number]['problem']) =>
    typeof r === 'string' ? r : fromMain(r, englishText(r))
  const refused = report.problems.length > 0
  return (
    <dialog {...dialogProps} className="bring-back-report" aria-labelledby="bring-back-title">
      <h2 id="bring-back-title">{t(refused ? 'bringBack.titleRefused' : 'bringBack.title')}</h2>
      <div className="bring-back-body">
        {refused ? (
          <>
            <p>{t('bringBack.refused')}</p>
            <ul className="bring-back-problems">
              {report.problems.map((p, i) => (
                <li key={i}>
                  <span className="bring-back-file">{p.file}</span>
                  <span> — {reason(p.problem)}</span>
                </li>
              ))}
            </ul>
            <p>
              {report.fine.length
                ? t('bringBack.fine', { files: report.fine.join(', ') })
                : t('bringBack.noneFine')}
            </p>
          </>
        ) : (
          <>
            {report.notSaved !== undefined && (
              <p role="alert">{t('bringBack.notSaved', { reason: reason(report.notSaved) })}</p>
            )}
            <CoderCountsTable reports={report.coders} />
            {report.coders.map((c) => (
              <CoderReportSection key={c.coder} report={c} />
            ))}
            <p className="muted">{t('bringBack.undo')}</p>
          </>
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
