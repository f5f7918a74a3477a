// The codebook panel's two "add" forms: a theme (name, colour, key, group,
// description) and a group (a name). Each checks its fields before asking
// the panel to add, and is ready for the next one after a success.
import { useId, useState } from 'react'
import { groupNameProblem, hasPositionalKeys, themeFieldsProblem } from '@shared/model/codebook-ops'
import type { ThemeGroup } from '@shared/model/corpus'
import { MAX_THEMES, type Theme } from '@shared/model/schema'
import { useI18n } from '@renderer/i18n/i18n'
import { PROBLEM_KEYS } from './codebook-messages'
import { GroupField, KeyField } from './forms'
import { nextColour } from './palette'
import { ThemeFields, type ThemeDraft } from './ThemeFields'

/** Where a new theme goes: its key ('auto': as its place gives it) and group. */
export interface NewThemePlace {
  key: string | null | undefined
  groupId: string | null
}

export function AddTheme({
  codebook,
  groups,
  onAdd,
}: {
  codebook: readonly Theme[]
  groups: readonly ThemeGroup[]
  /** Adds the theme; true when it was added. */
  onAdd: (draft: ThemeDraft, place: NewThemePlace) => boolean
}) {
  const { t } = useI18n()
  const full = codebook.length >= MAX_THEMES
  const byOrder = hasPositionalKeys(codebook)
  const first = byOrder ? 'auto' : 'none'
  const blank = (): ThemeDraft => ({ name: '', colour: nextColour(codebook), description: '' })
  const [draft, setDraft] = useState<ThemeDraft>(blank)
  const [key, setKey] = useState<string>(first)
  const [groupId, setGroupId] = useState('')
  const [error, setError] = useState<string | null>(null)
  // Keys stop following the order (or follow it again) under the form: its "no key" follows.
  const keyValue = key === 'auto' || key === 'none' ? first : key
  return (
    <section className="codebook-add" aria-labelledby="codebook-add-title">
      <h3 id="codebook-add-title">{t('codebook.add.title')}</h3>
      <form
        className="codebook-form"
        aria-labelledby="codebook-add-title"
        onSubmit={(e) => {
          e.preventDefault()
          if (full) return setError(t('codebook.error.full'))
          const problem = themeFieldsProblem(draft, codebook)
          if (problem) return setError(t(PROBLEM_KEYS[problem]))
          const place: NewThemePlace = {
            key: keyValue === 'auto' ? undefined : keyValue === 'none' ? null : keyValue,
            groupId: groupId || null,
          }
          if (onAdd(draft, place)) {
            setError(null)
            setKey(first)
            setDraft({
              name: '',
              colour: nextColour([...codebook, { ...draft, id: '' }]),
              description: '',
            })
          }
        }}
      >
        <ThemeFields draft={draft} onChange={setDraft} nameError={error} optionalLabel>
          <KeyField
            codebook={codebook}
            self={null}
            value={keyValue}
            first={first}
            disabled={full}
            onChange={setKey}
          />
          {groups.length > 0 && (
            <GroupField groups={groups} value={groupId} disabled={full} onChange={setGroupId} />
          )}
        </ThemeFields>
        <div className="codebook-form-actions">
          <button
            type="submit"
            className="primary"
            disabled={full}
            aria-describedby={full ? 'codebook-full' : undefined}
            title={full ? t('codebook.error.full') : undefined}
          >
            {t('codebook.add.submit')}
          </button>
          {full && (
            <p id="codebook-full" className="codebook-full">
              {t('codebook.error.full')}
            </p>
          )}
        </div>
      </form>
    </section>
  )
}

export function AddGroup({
  groups,
  onAdd,
}: {
  groups: readonly ThemeGroup[]
  /** Adds the group; true when it was added. */
  onAdd: (name: string) => boolean
}) {
  const { t } = useI18n()
  const id = useId()
  const [name, setName] = useState('')
  const [error, setError] = useState<string | null>(null)
  return (
    <form
      className="codebook-add-group"
      aria-label={t('codebook.group.add.title')}
      onSubmit={(e) => {
        e.preventDefault()
        const problem = groupNameProblem(name, groups)
        if (problem) return setError(t(PROBLEM_KEYS[problem]))
        if (onAdd(name)) {
          setName('')
          setError(null)
        }
      }}
    >
      <label className="codebook-field">
        {t('codebook.group.add.name')}
        <input
          type="text"
          value={name}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => setName(e.target.value)}
        />
      </label>
      <button type="submit">{t('codebook.group.add.submit')}</button>
      {error && (
        <p id={`${id}-error`} className="codebook-error" role="alert">
          {error}
        </p>
      )}
    </form>
  )
}
