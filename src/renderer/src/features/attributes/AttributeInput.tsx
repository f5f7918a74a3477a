// The input of one attribute value, by type: a date picker (YYYY-MM-DD), a
// text box for numbers (decimal keyboard; Gloss checks the digits, so no
// locale decimal comma slips through), a list for a category, a text box
// otherwise. Values are shown as text only: a URL is never a live link.
import type { KeyboardEvent } from 'react'
import type { AttributeType } from '@shared/model/corpus'
import { useI18n } from '@renderer/i18n/i18n'

export interface AttributeInputProps {
  id: string
  type: AttributeType
  /** A category's values. */
  values?: readonly string[]
  value: string
  onChange: (value: string) => void
  /** Leaving the field, or Enter: `badInput` when the browser holds a date it cannot read. */
  onCommit?: (value: string, badInput: boolean) => void
  onKeyDown?: (e: KeyboardEvent<HTMLElement>) => void
  invalid?: boolean
  describedBy?: string
  readOnly?: boolean
  autoFocus?: boolean
}

export function AttributeInput(props: AttributeInputProps) {
  const { t } = useI18n()
  const { id, type, value, onChange, onCommit, invalid, describedBy, readOnly } = props
  const common = {
    id,
    'aria-invalid': invalid ? true : undefined,
    'aria-describedby': describedBy,
    autoFocus: props.autoFocus,
  }
  if (type === 'category') {
    const values = props.values ?? []
    return (
      <select
        {...common}
        value={value}
        disabled={readOnly}
        onChange={(e) => {
          onChange(e.target.value)
          onCommit?.(e.target.value, false)
        }}
        onKeyDown={props.onKeyDown}
      >
        <option value="">{t('attributes.none')}</option>
        {/* A value the category no longer lists stays visible until changed. */}
        {value && !values.includes(value) && <option value={value}>{value}</option>}
        {values.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    )
  }
  return (
    <input
      {...common}
      type={type === 'date' ? 'date' : 'text'}
      inputMode={type === 'number' ? 'decimal' : undefined}
      spellCheck={type === 'text' ? undefined : false}
      value={value}
      readOnly={readOnly}
      onChange={(e) => onChange(e.target.value)}
      onBlur={(e) => onCommit?.(e.target.value, e.target.validity.badInput)}
      onKeyDown={(e) => {
        props.onKeyDown?.(e)
        if (e.key === 'Enter' && !e.defaultPrevented) {
          e.preventDefault()
          onCommit?.(e.currentTarget.value, e.currentTarget.validity.badInput)
        }
      }}
    />
  )
}
