// A batch of files being added: "Adding 37 of 120 — <file>" with a bar and
// Cancel (main stops after the file it is reading; what was added stays).
import { useI18n } from '@renderer/i18n/i18n'
import type { BatchState } from './use-add-articles'

interface Props {
  batch: BatchState
  onCancel: () => void
}

export function AddProgress({ batch, onCancel }: Props) {
  const { t, formatNumber } = useI18n()
  const counts = { done: formatNumber(batch.done), total: formatNumber(batch.total) }
  const label = batch.file
    ? t('articles.progressFile', { ...counts, file: batch.file })
    : t('articles.progress', counts)
  return (
    <div className="banner banner-info add-progress" role="status">
      <progress
        aria-label={t('articles.progressLabel')}
        aria-valuetext={label}
        max={Math.max(1, batch.total)}
        value={batch.done}
      />
      <span className="add-progress-label">{label}</span>
      <button type="button" onClick={onCancel} disabled={batch.cancelling}>
        {batch.cancelling ? t('articles.cancelling') : t('articles.cancel')}
      </button>
    </div>
  )
}
