// Coder copies being made: "Making the copy for Karim (2 of 3)…" with a bar
// (files packed of all the copies) and Cancel (main stops after the file
// it is packing; the copies already written stay, whole). Shown only when
// the making takes more than a moment.
import { useEffect, useState } from 'react'
import type { CoderCopiesProgress } from '@shared/api'
import { useI18n } from '@renderer/i18n/i18n'

/** Shown when making the copies takes longer than this. */
const SHOWN_AFTER_MS = 300

interface Props {
  progress: CoderCopiesProgress
  cancelling: boolean
  onCancel: () => void
}

export function CoderCopiesProgressBar({ progress, cancelling, onCancel }: Props) {
  const { t, formatNumber } = useI18n()
  const [shown, setShown] = useState(false)
  useEffect(() => {
    const timer = setTimeout(() => setShown(true), SHOWN_AFTER_MS)
    return () => clearTimeout(timer)
  }, [])
  if (!shown) return null
  const { done, total, coder, copy, copies } = progress
  const label = coder
    ? t('coders.progress', { coder, n: formatNumber(copy), total: formatNumber(copies) })
    : t('coders.progressDone')
  return (
    <div className="banner banner-info add-progress coder-copies-progress" role="status">
      <progress
        aria-label={t('coders.progressLabel')}
        aria-valuetext={label}
        max={Math.max(1, total)}
        value={done}
      />
      <span className="add-progress-label">{label}</span>
      <button type="button" onClick={onCancel} disabled={cancelling}>
        {cancelling ? t('coders.cancelling') : t('coders.cancel')}
      </button>
    </div>
  )
}
