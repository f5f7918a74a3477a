// The CSV export chooser: a modal dialog with the two layouts, each explained
// in one sentence. Opened by the header's Export CSV… button, Ctrl/Cmd+E and
// File › Export CSV…. Only reports the choice; never exports by itself.
import { useEffect, useRef } from 'react'

export type CsvLayout = 'passages' | 'tidy'

interface Props {
  /** The chosen layout, or null when the analyst cancels (Esc, Cancel). */
  onDone(layout: CsvLayout | null): void
}

const CHOICES: { layout: CsvLayout; name: string; help: string }[] = [
  {
    layout: 'passages',
    name: 'One row per passage',
    help: 'Each passage once, its themes in one cell and a 0/1 column per theme: easiest to read and filter in a spreadsheet.',
  },
  {
    layout: 'tidy',
    name: 'One row per passage and theme (tidy)',
    help: 'A passage gets one row for each of its themes (an untagged passage one row with an empty theme): ready for pivot tables, R and pandas.',
  },
]

export function ExportChooser({ onDone }: Props) {
  const dialog = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const d = dialog.current
    if (d && !d.open) d.showModal()
  }, [])
  // close() gives the focus back to where it was and fires onClose.
  const choose = (layout: CsvLayout | '') => dialog.current?.close(layout)
  return (
    <dialog
      ref={dialog}
      className="export-chooser"
      aria-labelledby="export-chooser-title"
      onClose={(e) => onDone((e.currentTarget.returnValue as CsvLayout) || null)}
    >
      <h2 id="export-chooser-title">Export CSV</h2>
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
              {c.name}
            </button>
            <p id={`export-help-${c.layout}`} className="muted">
              {c.help}
            </p>
          </li>
        ))}
      </ul>
      <div className="export-chooser-actions">
        <button type="button" onClick={() => choose('')}>
          Cancel
        </button>
      </div>
    </dialog>
  )
}
