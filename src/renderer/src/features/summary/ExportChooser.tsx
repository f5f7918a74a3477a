// The CSV export chooser: a modal dialog with the three layouts, each
// explained in one sentence, and, in a session of several articles, which
// articles to export (this one, all of them, or those passing the
// session's filter; with coders hidden, the filtered scope keeps only the
// shown coders' passages). Opened by the header's Export CSV… button, Ctrl/Cmd+E
// and File › Export CSV…. Only reports the choice; never exports by itself.
import { useState } from 'react'
import { useI18n } from '@renderer/i18n/i18n'
import type { MessageKey } from '@renderer/i18n/messages-en'
import { useModal } from '@renderer/lib/use-modal'

export type CsvLayout = 'passages' | 'tidy' | 'matrix'
export type ExportScope = 'article' | 'session' | 'filtered'

export interface ExportChoice {
  layout: CsvLayout
  scope: ExportScope
}

interface Props {
  /** The chosen layout and articles, or null when the analyst cancels (Esc, Cancel). */
  onDone: (choice: ExportChoice | null) => void
  /** Articles in the session (no choice of articles for one). */
  articles?: number
  /** Articles passing the session's filter; null when none is set. */
  filtered?: number | null
  /** The coders shown, named, when some are hidden: the filtered scope exports their passages only. */
  coders?: string | null
}

const CHOICES: { layout: CsvLayout; name: MessageKey; help: MessageKey }[] = [
  { layout: 'passages', name: 'export.passages.name', help: 'export.passages.help' },
  { layout: 'tidy', name: 'export.tidy.name', help: 'export.tidy.help' },
  { layout: 'matrix', name: 'export.matrix.name', help: 'export.matrix.help' },
]

export function ExportChooser({ onDone, articles = 1, filtered = null, coders = null }: Props) {
  const { t, plural, formatNumber } = useI18n()
  const [scope, setScope] = useState<ExportScope>('session')
  const { close: choose, dialogProps } = useModal((layout) =>
    onDone(layout ? { layout: layout as CsvLayout, scope } : null),
  )
  const scopes: { scope: ExportScope; label: string }[] = [
    { scope: 'session', label: plural('export.scope.session', articles) },
    { scope: 'article', label: t('export.scope.article') },
    ...(coders !== null
      ? [
          {
            scope: 'filtered' as const,
            label: t('export.scope.filteredCoders', {
              count: formatNumber(filtered ?? articles),
              coders,
            }),
          },
        ]
      : filtered === null
        ? []
        : [
            {
              scope: 'filtered' as const,
              label: t('export.scope.filtered', { count: formatNumber(filtered) }),
            },
          ]),
  ]
  return (
    <dialog {...dialogProps} className="export-chooser" aria-labelledby="export-chooser-title">
      <h2 id="export-chooser-title">{t('export.title')}</h2>
      {(articles > 1 || coders !== null) && (
        <fieldset className="corpus-radios export-scope">
          <legend>{t('export.scope.label')}</legend>
          {scopes.map((s) => (
            <label key={s.scope}>
              <input
                type="radio"
                name="export-scope"
                value={s.scope}
                checked={scope === s.scope}
                onChange={() => setScope(s.scope)}
              />
              {s.label}
            </label>
          ))}
        </fieldset>
      )}
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
