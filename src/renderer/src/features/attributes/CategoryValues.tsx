// The values of a category being defined or edited: each an editable line
// (a changed line renames the value, and articles holding it follow), a
// button to remove it, and a box to add one. Which line was which value is
// kept, so that the definitions section can tell renames from removals.
import { useId, useState } from 'react'
import { useI18n } from '@renderer/i18n/i18n'

/** A value line: the value it was when the form opened (null: added), and what it is now. */
export interface ValueLine {
  was: string | null
  value: string
}

export const linesOf = (values: readonly string[]): ValueLine[] =>
  values.map((v) => ({ was: v, value: v }))

/** The values, and the renames of the lines that were there. */
export function valuesOfLines(lines: readonly ValueLine[]): {
  values: string[]
  renames: Record<string, string>
} {
  const renames: Record<string, string> = {}
  for (const l of lines) if (l.was !== null && l.was !== l.value) renames[l.was] = l.value
  return { values: lines.map((l) => l.value), renames }
}

export function CategoryValues({
  lines,
  onChange,
}: {
  lines: readonly ValueLine[]
  onChange: (lines: ValueLine[]) => void
}) {
  const { t } = useI18n()
  const id = useId()
  const [next, setNext] = useState('')
  const add = () => {
    if (!next.trim()) return
    onChange([...lines, { was: null, value: next }])
    setNext('')
  }
  return (
    <fieldset className="attr-values">
      <legend>{t('attributes.defs.values')}</legend>
      <ol>
        {lines.map((line, i) => (
          <li key={i}>
            <input
              type="text"
              aria-label={t('attributes.defs.value', { n: i + 1 })}
              value={line.value}
              onChange={(e) =>
                onChange(lines.map((l, j) => (j === i ? { ...l, value: e.target.value } : l)))
              }
            />
            <button
              type="button"
              aria-label={t('attributes.defs.removeValue', { value: line.value || String(i + 1) })}
              onClick={() => onChange(lines.filter((_, j) => j !== i))}
            >
              ×
            </button>
          </li>
        ))}
      </ol>
      <div className="attr-value-add">
        <input
          id={`${id}-next`}
          type="text"
          aria-label={t('attributes.defs.newValue')}
          placeholder={t('attributes.defs.newValue')}
          value={next}
          onChange={(e) => setNext(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return
            // Enter adds the value instead of submitting the form.
            e.preventDefault()
            add()
          }}
        />
        <button type="button" onClick={add} disabled={!next.trim()}>
          {t('attributes.defs.addValue')}
        </button>
      </div>
    </fieldset>
  )
}
