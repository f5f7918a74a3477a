// Where a computation of the Agreement view is: a progress bar with Cancel
// while main computes (the articles read, then the themes), an error, a
// cancelled computation, or figures that answer other choices than those
// shown.
import { useI18n } from '@renderer/i18n/i18n'
import type { AgreementState } from './use-agreement'

interface Props {
  agreement: AgreementState & { cancel: () => void }
  hasReport: boolean
  /** The figures shown answer other choices. */
  stale: boolean
}

export function AgreementStatus({ agreement, hasReport, stale }: Props) {
  const { t, formatNumber } = useI18n()
  const progress = agreement.progress
  const progressText =
    progress &&
    t(progress.stage === 'units' ? 'agreement.progress.units' : 'agreement.progress.themes', {
      done: formatNumber(progress.done),
      total: formatNumber(progress.total),
    })
  return (
    <>
      {agreement.running && (
        <div className="agreement-progress" role="status">
          <progress
            aria-label={t('agreement.progress.label')}
            max={Math.max(1, progress?.total ?? 1)}
            value={progress?.done ?? 0}
          />
          <span className="muted">{progressText ?? t('agreement.progress.label')}</span>
          <button type="button" onClick={agreement.cancel}>
            {t('agreement.cancel')}
          </button>
        </div>
      )}
      {agreement.error && (
        <p className="banner banner-error" role="alert">
          {t('agreement.failed', { message: agreement.error })}
        </p>
      )}
      {agreement.cancelled && !agreement.running && (
        <p className="muted" role="status">
          {t('agreement.cancelled')}
        </p>
      )}
      {hasReport && stale && !agreement.running && (
        <p className="agreement-stale" role="status">
          {t('agreement.stale')}
        </p>
      )}
    </>
  )
}
