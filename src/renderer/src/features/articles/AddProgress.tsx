// A batch of files being added: "Adding 37 of 120 — <file>" with a bar and
// Cancel (main stops after the file it is reading, or between the pages of
// a PDF; what was added stays). Pages of a long file move the bar too.
import { useI18n } from '@renderer/i18n/i18n'
import type { BatchState } from './use-add-articles'

interface Props {
  batch: BatchState
  onCancel: () => void
}

export function AddProgress({ batch, onCancel }: Props) {
  const { t, formatNumber } = useI18n()
  const counts = { done: formatNumber(batch.done), total: formatNumber(batch.total) }
  const fileLabel = batch.file
    ? t('articles.progressFile', { ...counts, file: batch.file })
    : t('articles.progress', counts)
  // Inside a long file (pages of a PDF): the bar moves within the file's share.
  const part = batch.part && batch.part.total > 0 ? batch.part : null
  const label = part
    ? `${fileLabel} ${t('articles.progressPart', { done: formatNumber(part.done), total: formatNumber(part.total) })}`
    : fileLabel
  const value = batch.done + (part ? Math.min(1, part.done / part.total) : 0)
  return (
    <div className="banner banner-info add-progress" role="status">
      <progress
        aria-label={t('articles.progressLabel')}
        aria-valuetext={label}
        max={Math.max(1, batch.total)}
        value={value}
      />
      <span className="add-progress-label">{label}</span>
      <button type="button" onClick={onCancel} disabled={batch.cancelling}>
        {batch.cancelling ? t('articles.cancelling') : t('articles.cancel')}
      </button>
    </div>
  )
}
