// The Agreement view's title row: the exports of the figures shown (the
// table CSV, the units CSV, the report as PNG; off while the figures answer
// other choices or are being computed), a word while one is saved, and the
// way back to the article.
import { useI18n } from '@renderer/i18n/i18n'

interface Props {
  canExport: boolean
  saving: boolean
  onTable: () => void
  onUnits: () => void
  onPng: () => void
  onClose: () => void
}

export function AgreementHeader({ canExport, saving, onTable, onUnits, onPng, onClose }: Props) {
  const { t } = useI18n()
  return (
    <header className="agreement-head">
      <h2 id="agreement-view-title">{t('agreement.title')}</h2>
      <span className="agreement-head-space" />
      {saving && (
        <span className="muted" role="status">
          {t('agreement.export.saving')}
        </span>
      )}
      <button
        type="button"
        disabled={!canExport}
        title={t('agreement.export.tableTitle')}
        onClick={onTable}
      >
        {t('agreement.export.table')}
      </button>
      <button
        type="button"
        disabled={!canExport}
        title={t('agreement.export.unitsTitle')}
        onClick={onUnits}
      >
        {t('agreement.export.units')}
      </button>
      <button
        type="button"
        disabled={!canExport}
        title={t('agreement.export.pngTitle')}
        onClick={onPng}
      >
        {t('agreement.export.png')}
      </button>
      <button type="button" onClick={onClose} title={t('agreement.closeTitle')}>
        {t('agreement.close')}
      </button>
    </header>
  )
}
