// One field of the open article (its title, a builtin or a custom
// attribute): a label, the input for its type, and the reason a value was
// refused. The typed value is kept as a draft and saved when the analyst
// leaves the field or presses Enter (a category as soon as it is picked);
// Escape in a changed field puts the saved value back. When the saved value
// changes under it (undo, an import), the field shows the new one.
import { useId, useState, type KeyboardEvent } from 'react'
import type { ValueProblem } from '@shared/model/attributes'
import type { AttributeType } from '@shared/model/corpus'
import { useI18n } from '@renderer/i18n/i18n'
import { AttributeInput } from './AttributeInput'
import { VALUE_PROBLEM_KEYS } from './attribute-messages'

interface Props {
  label: string
  type: AttributeType
  values?: readonly string[]
  /** The saved value. */
  value: string
  /** A line under the field (the URL's "shown as text"). */
  help?: string
  /** Takes a whole line of the grid (the title). */
  wide?: boolean
  readOnly: boolean
  /** Saves `raw`; the problem when it cannot be saved, else null. */
  onCommit: (raw: string) => ValueProblem | null
}

export function ArticleField(props: Props) {
  const { label, type, values, value, help, readOnly, onCommit } = props
  const { t } = useI18n()
  const id = useId()
  const [draft, setDraft] = useState(value)
  const [saved, setSaved] = useState(value)
  const [problem, setProblem] = useState<ValueProblem | null>(null)
  if (value !== saved) {
    setSaved(value)
    setDraft(value)
    setProblem(null)
  }

  const commit = (raw: string, badInput: boolean) => {
    if (readOnly) return
    if (badInput) return setProblem('date')
    if (raw === value) return setProblem(null)
    const refused = onCommit(raw)
    setProblem(refused)
    // Saved as typed, or normalized to what was there: show the saved value.
    if (!refused) setDraft(value)
  }

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'Escape' || (draft === value && !problem)) return
    e.preventDefault()
    e.stopPropagation()
    setDraft(value)
    setProblem(null)
  }

  const described = [problem && `${id}-problem`, help && `${id}-help`].filter(Boolean).join(' ')
  return (
    <div className={props.wide ? 'attr-field attr-wide' : 'attr-field'}>
      <label htmlFor={`${id}-input`}>{label}</label>
      <AttributeInput
        id={`${id}-input`}
        type={type}
        values={values}
        value={draft}
        onChange={setDraft}
        onCommit={commit}
        onKeyDown={onKeyDown}
        invalid={!!problem}
        describedBy={described || undefined}
        readOnly={readOnly}
      />
      {help && (
        <p id={`${id}-help`} className="attr-help">
          {help}
        </p>
      )}
      {problem && (
        <p id={`${id}-problem`} className="attr-error" role="alert">
          {t(VALUE_PROBLEM_KEYS[problem])}
        </p>
      )}
    </div>
  )
}
