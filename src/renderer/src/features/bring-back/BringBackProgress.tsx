// Main at work bringing coder copies back (reading, checking, writing a
// large session takes seconds): the files' names and a moving bar.
import { useI18n } from '@renderer/i18n/i18n'

export function BringBackProgress({ files }: { files: readonly string[] }) {
  const { t } = useI18n()
  const label = t('bringBack.working', { files: files.join(', ') })
  return (
    <div className="banner banner-info bring-back-progress" role="status">
      <progress aria-label={t('bringBack.progressLabel')} aria-valuetext={label} />
      <span>{label}</span>
    </div>
  )
}
