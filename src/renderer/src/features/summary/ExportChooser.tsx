// The CSV export chooser: a modal dialog with the two layouts, each explained
// in one sentence. Opened by the header's Export CSV… button, Ctrl/Cmd+E and
// File › Export CSV…. Only reports the choice; never exports by itself.
import { useI18n } from '@renderer/i18n/i18n'
import type { MessageKey } from '@renderer/i18n/messages-en'
import { useModal } from '@renderer/lib/use-modal'

export type CsvLayout = 'passages' | 'tidy'

interface Props {
  /** The chosen layout, or null when the analyst cancels (Esc, Cancel). */
  onDone: (layout: CsvLayout | null) => void
}

const CHOICES: { layout: CsvLayout; name: MessageKey; help: MessageKey }[] = [
  { layout: 'passages', name: 'export.passages.name', help: 'export.passages.help' },
  { layout: 'tidy', name: 'export.tidy.name', help: 'export.tidy.help' },
]

export function ExportChooser({ onDone }: Props) {
  const { t } = useI18n()
  const { close: choose, dialogProps } = useModal((layout) => onDone((layout as CsvLayout) || null))
  return (
    <dialog {...dialogProps} className="export-chooser" aria-labelledby="export-chooser-title">
      <h2 id="export-chooser-title">{t('export.title')}</h2>
      <ul className="export-choices">
        {CHOICES.map((c, i) => (
          <li key={c.layout}>
            <button
              type="button"
              className="export-choice"
              aria-describedby={`export-help-${c.layout}`}
              autoFocus={i === 0}
              onClick={() => choose(c.layout)}
            >
              {t(c.name)}
            </button>
            <p id={`export-help-${c.layout}`} className="muted">
              {t(c.help)}
            </p>
          </li>
        ))}
      </ul>
      <div className="export-chooser-actions">
        <button type="button" onClick={() => choose('')}>
          {t('common.cancel')}
        </button>
      </div>
    </dialog>
  )
}
