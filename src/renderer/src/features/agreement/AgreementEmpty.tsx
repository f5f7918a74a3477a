// What the Agreement view says when the session has fewer than two coders:
// what agreement needs, and how to get coders (coder copies, then bringing
// their work back).
import type { CoderRecord } from '@shared/model/corpus'
import { useI18n } from '@renderer/i18n/i18n'

export function AgreementEmpty({ coders }: { coders: readonly CoderRecord[] }) {
  const { t } = useI18n()
  return (
    <div className="agreement-empty">
      <h3>{t('agreement.empty.title')}</h3>
      <p>
        {coders.length === 0
          ? t('agreement.empty.none')
          : t('agreement.empty.one', { coder: coders[0]!.name })}
      </p>
      <p>{t('agreement.empty.how')}</p>
    </div>
  )
}
