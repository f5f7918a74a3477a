// The header's mark of a coder copy: "Coder copy · Karim", its tooltip
// saying which session it was made from and when. Nothing outside a copy.
import type { CoderCopy } from '@shared/model/corpus'
import { useI18n } from '@renderer/i18n/i18n'

export function CoderCopyBadge({ copy }: { copy: CoderCopy | undefined }) {
  const { t, formatDate } = useI18n()
  if (!copy) return null
  const vars = { name: copy.coder, date: formatDate(copy.madeAt) }
  return (
    <span
      className="coder-copy-badge"
      data-testid="coder-copy-badge"
      title={
        copy.title
          ? t('coders.badgeTitle', { ...vars, title: copy.title })
          : t('coders.badgeTitleUntitled', vars)
      }
    >
      {t('coders.badge', { name: copy.coder })}
    </span>
  )
}
