// The small pieces the codebook panel's inline forms share: Escape cancels
// the form (not the dialog), a submit button with Cancel, a confirmation
// group, and the key and group fields of a theme.
import type { KeyboardEvent, ReactNode } from 'react'
import type { ThemeGroup } from '@shared/model/corpus'
import type { Theme } from '@shared/model/schema'
import { useI18n } from '@renderer/i18n/i18n'

/** Escape inside a row's form cancels that form, not the whole dialog. */
export function cancelOnEscape(onCancel: () => void) {
  return (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return
    e.preventDefault()
    e.stopPropagation()
    onCancel()
  }
}

/** A form's submit button and Cancel. */
export function SubmitOrCancel({
  submit,
  disabled,
  onCancel,
}: {
  submit: string
  disabled?: boolean
  onCancel: () => void
}) {
  const { t } = useI18n()
  return (
    <div className="codebook-form-actions">
      <button type="submit" className="primary" disabled={disabled}>
        {submit}
      </button>
      <button type="button" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </div>
  )
}

export function Confirm({
  label,
  submit,
  danger,
  disabled,
  children,
  onConfirm,
  onCancel,
}: {
  label: string
  submit: string
  danger?: boolean
  disabled?: boolean
  children: ReactNode
  onConfirm: () => void
  onCancel: () => void
}) {
  const { t } = useI18n()
  return (
    <div
      className="codebook-form"
      role="group"
      aria-label={label}
      onKeyDown={cancelOnEscape(onCancel)}
    >
      {children}
      <div className="codebook-form-actions">
        <button
          type="button"
          className={danger ? 'danger' : 'primary'}
          autoFocus
          disabled={disabled}
          onClick={onConfirm}
        >
          {submit}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  )
}

/** Keys 1–9 as select options, each naming the theme that has it now (other than `self`). */
function keyOptions(codebook: readonly Theme[], self: string | null) {
  const holder = new Map(codebook.filter((t) => t.key && t.id !== self).map((t) => [t.key!, t]))
  return ['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((key) => ({
    key,
    holder: holder.get(key)?.name ?? null,
  }))
}

/**
 * A theme's key: "none" (or, for a new theme while keys follow the order,
 * "auto": as its place gives it) or a digit, taken from the theme that has it.
 */
export function KeyField({
  codebook,
  self,
  value,
  first,
  disabled,
  onChange,
}: {
  codebook: readonly Theme[]
  /** The theme being edited (its own key is not "taken"). */
  self: string | null
  value: string
  /** The first option: no key, or (new themes) the key the order gives. */
  first: 'none' | 'auto'
  disabled?: boolean
  onChange: (value: string) => void
}) {
  const { t } = useI18n()
  return (
    <label className="codebook-field codebook-key">
      {t('codebook.field.key')}
      <select value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
        <option value={first}>
          {first === 'auto' ? t('codebook.field.keyAuto') : t('codebook.field.noKey')}
        </option>
        {keyOptions(codebook, self).map(({ key, holder }) => (
          <option key={key} value={key}>
            {holder ? t('codebook.field.keyHolder', { key, name: holder }) : key}
          </option>
        ))}
      </select>
    </label>
  )
}

/** A theme's group ('' for none). */
export function GroupField({
  groups,
  value,
  disabled,
  onChange,
}: {
  groups: readonly ThemeGroup[]
  value: string
  disabled?: boolean
  onChange: (value: string) => void
}) {
  const { t } = useI18n()
  return (
    <label className="codebook-field codebook-group-field">
      {t('codebook.field.group')}
      <select value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('codebook.field.noGroup')}</option>
        {groups.map((g) => (
          <option key={g.id} value={g.id}>
            {g.name}
          </option>
        ))}
      </select>
    </label>
  )
}
