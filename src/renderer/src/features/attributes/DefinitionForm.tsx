// The form of a custom attribute: name, type, and a category's values. Used
// to add one and to edit one. Its owner plans the change; when the change
// would clear values (a new type, removed category values), the form asks
// first, saying how many articles lose a value.
import { useId, useState, type KeyboardEvent } from 'react'
import { ATTRIBUTE_TYPES, type AttributeDef, type AttributeType } from '@shared/model/corpus'
import { MAX_THEME_NAME_LENGTH } from '@shared/model/schema'
import { useI18n } from '@renderer/i18n/i18n'
import { CategoryValues, linesOf, type ValueLine } from './CategoryValues'
import { TYPE_LABELS } from './attribute-messages'

export interface DefinitionDraft {
  name: string
  type: AttributeType
  lines: ValueLine[]
}

/** What the owner answers to a submitted draft. */
export type Planned =
  | { kind: 'error'; message: string }
  /** Nothing to change, or done. */
  | { kind: 'done' }
  /** Would clear values: ask first. */
  | { kind: 'confirm'; cleared: number; removed: string[]; apply: () => boolean }

interface Props {
  label: string
  /** The attribute edited; absent when adding one. */
  def?: AttributeDef
  submit: string
  /** Values offered when the type becomes category (those the articles hold). */
  suggestValues: () => string[]
  onSubmit: (draft: DefinitionDraft) => Planned
  onCancel?: () => void
  /** After an add: the form empties. */
  resetOnDone?: boolean
}

const blank = (): DefinitionDraft => ({ name: '', type: 'text', lines: [] })

export function DefinitionForm(props: Props) {
  const { t, plural } = useI18n()
  const id = useId()
  const { def } = props
  const [draft, setDraft] = useState<DefinitionDraft>(() =>
    def ? { name: def.name, type: def.type, lines: linesOf(def.values ?? []) } : blank(),
  )
  const [error, setError] = useState<string | null>(null)
  const [confirm, setConfirm] = useState<Extract<Planned, { kind: 'confirm' }> | null>(null)

  const finish = (planned: Planned) => {
    if (planned.kind === 'error') return setError(planned.message)
    setError(null)
    if (planned.kind === 'confirm') return setConfirm(planned)
    setConfirm(null)
    if (props.resetOnDone) setDraft(blank())
  }

  const setType = (type: AttributeType) => {
    const lines =
      type === 'category' && draft.lines.length === 0
        ? props.suggestValues().map((v) => ({ was: null, value: v }))
        : draft.lines
    setDraft({ ...draft, type, lines })
    setConfirm(null)
  }

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !props.onCancel) return
    e.preventDefault()
    e.stopPropagation()
    props.onCancel()
  }

  return (
    <form
      className="attr-def-form"
      aria-label={props.label}
      onKeyDown={onKeyDown}
      onSubmit={(e) => {
        e.preventDefault()
        finish(props.onSubmit(draft))
      }}
    >
      <div className="attr-def-fields">
        <label className="attr-field">
          {t('attributes.defs.name')}
          <input
            type="text"
            value={draft.name}
            maxLength={MAX_THEME_NAME_LENGTH}
            autoFocus={!!def}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          />
        </label>
        <label className="attr-field">
          {t('attributes.defs.type')}
          <select value={draft.type} onChange={(e) => setType(e.target.value as AttributeType)}>
            {ATTRIBUTE_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(TYPE_LABELS[type])}
              </option>
            ))}
          </select>
        </label>
      </div>
      {draft.type === 'category' && (
        <CategoryValues
          lines={draft.lines}
          onChange={(lines) => {
            setDraft({ ...draft, lines })
            setConfirm(null)
          }}
        />
      )}
      {error && (
        <p id={`${id}-error`} className="attr-error" role="alert">
          {error}
        </p>
      )}
      {confirm ? (
        <div className="attr-confirm" role="group" aria-label={props.label}>
          <p>
            {t('attributes.defs.clearConfirm', {
              articles: plural('attributes.defs.lose', confirm.cleared),
            })}
          </p>
          {confirm.removed.length > 0 && (
            <p>{t('attributes.defs.removedValues', { values: confirm.removed.join(', ') })}</p>
          )}
          <div className="attr-actions">
            <button
              type="button"
              className="danger"
              autoFocus
              onClick={() => {
                if (confirm.apply()) finish({ kind: 'done' })
                else setConfirm(null)
              }}
            >
              {t('attributes.defs.saveAndClear')}
            </button>
            <button type="button" onClick={() => setConfirm(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="attr-actions">
          <button type="submit" className="primary">
            {props.submit}
          </button>
          {props.onCancel && (
            <button type="button" onClick={props.onCancel}>
              {t('common.cancel')}
            </button>
          )}
        </div>
      )}
    </form>
  )
}
