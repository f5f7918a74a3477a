// The fields of a theme (name, colour, description), shared by the add form
// and the edit form of the codebook panel. The colour is always shown with
// its hex value, and the name is always required: colour never carries the
// meaning alone.
import { useId, type ReactNode } from 'react'
import { MAX_DESCRIPTION_LENGTH, MAX_THEME_NAME_LENGTH } from '@shared/model/schema'
import { useI18n } from '@renderer/i18n/i18n'
import { PALETTE } from './palette'

export interface ThemeDraft {
  name: string
  colour: string
  description: string
}

interface Props {
  draft: ThemeDraft
  onChange: (draft: ThemeDraft) => void
  /** An error about the name, shown under it and announced. */
  nameError?: string | null
  autoFocusName?: boolean
  /** "Description (optional)" in the add form. */
  optionalLabel?: boolean
  /** More fields on the first line, after the colour (the add form's key). */
  children?: ReactNode
}

export function ThemeFields({
  draft,
  onChange,
  nameError,
  autoFocusName,
  optionalLabel,
  children,
}: Props) {
  const { t } = useI18n()
  const id = useId()
  return (
    <div className="codebook-fields">
      <label className="codebook-field codebook-name-field">
        {t('codebook.field.name')}
        <input
          type="text"
          value={draft.name}
          maxLength={MAX_THEME_NAME_LENGTH}
          autoFocus={autoFocusName}
          aria-invalid={nameError ? true : undefined}
          aria-describedby={nameError ? `${id}-name-error` : undefined}
          onChange={(e) => onChange({ ...draft, name: e.target.value })}
        />
      </label>
      <label className="codebook-field codebook-colour">
        {t('codebook.field.colour')}
        <span className="codebook-colour-input">
          <input
            type="color"
            value={draft.colour.toLowerCase()}
            list={`${id}-palette`}
            onChange={(e) => onChange({ ...draft, colour: e.target.value })}
          />
          <span className="codebook-hex">{draft.colour.toUpperCase()}</span>
        </span>
        <datalist id={`${id}-palette`}>
          {PALETTE.map((c) => (
            <option key={c} value={c.toLowerCase()} />
          ))}
        </datalist>
      </label>
      {children}
      {nameError && (
        <p id={`${id}-name-error`} className="codebook-error" role="alert">
          {nameError}
        </p>
      )}
      <label className="codebook-field codebook-description-field">
        {optionalLabel ? t('codebook.field.descriptionOptional') : t('codebook.field.description')}
        <textarea
          value={draft.description}
          rows={2}
          maxLength={MAX_DESCRIPTION_LENGTH}
          onChange={(e) => onChange({ ...draft, description: e.target.value })}
        />
      </label>
    </div>
  )
}
