// A section of the corpus summary: its heading, with the buttons that save
// its chart as PNG and its numbers as CSV beside it, then what it shows.
import type { ReactNode } from 'react'
import { useI18n } from '@renderer/i18n/i18n'

interface Props {
  /** The heading's id, which names the section. */
  id: string
  title: string
  pngDisabled: boolean
  csvDisabled: boolean
  onSavePng: () => void
  onSaveCsv: () => void
  children: ReactNode
}

export function CorpusSection(props: Props) {
  const { t } = useI18n()
  return (
    <section className="summary-section corpus-section" aria-labelledby={props.id}>
      <div className="corpus-section-head">
        <h3 id={props.id}>{props.title}</h3>
        <div className="summary-actions">
          <button type="button" disabled={props.pngDisabled} onClick={props.onSavePng}>
            {t('summary.savePng')}
          </button>
          <button type="button" disabled={props.csvDisabled} onClick={props.onSaveCsv}>
            {t('summary.saveCsv')}
          </button>
        </div>
      </div>
      {props.children}
    </section>
  )
}
