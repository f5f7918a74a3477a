// One theme of the codebook panel: its key, colour, name, how much it is
// used across the session, its description, and its actions (move up or
// down inside its group, edit, merge, delete), each opening its form in
// the row. The panel applies what the forms decide.
import { useState, type KeyboardEvent } from 'react'
import { themeFieldsProblem } from '@shared/model/codebook-ops'
import type { ThemeGroup } from '@shared/model/corpus'
import type { Theme } from '@shared/model/schema'
import { NO_USAGE, type ThemeUsage } from '@shared/model/theme-usage'
import { useI18n } from '@renderer/i18n/i18n'
import { PROBLEM_KEYS } from './codebook-messages'
import { cancelOnEscape, Confirm, GroupField, KeyField, SubmitOrCancel } from './forms'
import { ThemeFields, type ThemeDraft } from './ThemeFields'

export type RowMode = 'edit' | 'merge' | 'delete'
export type Control = 'up' | 'down' | 'edit' | 'merge' | 'delete'

/** What the edit form decided: the fields, and the key or group when they changed. */
export interface ThemeEdit {
  draft: ThemeDraft
  key?: string | null
  groupId?: string | null
}

interface Props {
  theme: Theme
  codebook: readonly Theme[]
  groups: readonly ThemeGroup[]
  /** Usage across the session: null while it is being counted. */
  usage: ThemeUsage | null
  mode: RowMode | null
  readOnly: boolean
  /** A change is being prepared: the actions wait. */
  busy: boolean
  /** First or last of its group (or of the themes of no group). */
  first: boolean
  last: boolean
  onMode: (mode: RowMode | null) => void
  onMove: (by: -1 | 1, control: Control) => void
  onSave: (edit: ThemeEdit) => void
  onMerge: (intoId: string) => void
  onDelete: () => void
}

/** "12 passages in 3 articles" (or "0 passages"). */
export function useUsageText() {
  const { t, plural } = useI18n()
  return (u: ThemeUsage) =>
    u.articles === 0
      ? plural('count.passages', u.passages)
      : t('codebook.usage', {
          passages: plural('count.passages', u.passages),
          articles: plural('codebook.count.articles', u.articles),
        })
}

export function ThemeRow(props: Props) {
  const { theme, codebook, groups, usage, mode, readOnly, busy, first, last } = props
  const { t, plural } = useI18n()
  const usageText = useUsageText()
  const alone = codebook.length < 2
  const onKeyDown = (e: KeyboardEvent) => {
    if (!e.altKey || e.ctrlKey || e.metaKey) return
    const target = e.target as HTMLElement
    if (target.closest('input, textarea, select')) return
    if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault()
      const control = target.dataset.control as Control | undefined
      props.onMove(e.key === 'ArrowUp' ? -1 : 1, control ?? 'edit')
    }
  }
  return (
    <li
      data-theme-id={theme.id}
      className={mode ? 'codebook-row is-open' : 'codebook-row'}
      onKeyDown={onKeyDown}
    >
      <div className="codebook-summary">
        <span className="codebook-visually-hidden">
          {theme.key ? t('codebook.key', { key: theme.key }) : ''}
        </span>
        <kbd aria-hidden="true" className={theme.key ? undefined : 'is-empty'}>
          {theme.key}
        </kbd>
        <span
          className="codebook-swatch"
          style={{ backgroundColor: theme.colour }}
          aria-hidden="true"
        />
        <span className="codebook-name">{theme.name}</span>
        <span className="muted codebook-count">{usage ? usageText(usage) : '…'}</span>
      </div>
      {theme.description && mode !== 'edit' && (
        <p className="codebook-description">{theme.description}</p>
      )}
      {!mode && (
        <div
          className="codebook-actions"
          role="group"
          aria-label={t('codebook.actions', { name: theme.name })}
        >
          <button
            type="button"
            data-control="up"
            disabled={readOnly || busy || first}
            aria-label={t('codebook.moveUp', { name: theme.name })}
            aria-keyshortcuts="Alt+ArrowUp"
            title={t('codebook.moveUp.title')}
            onClick={() => props.onMove(-1, 'up')}
          >
            ↑
          </button>
          <button
            type="button"
            data-control="down"
            disabled={readOnly || busy || last}
            aria-label={t('codebook.moveDown', { name: theme.name })}
            aria-keyshortcuts="Alt+ArrowDown"
            title={t('codebook.moveDown.title')}
            onClick={() => props.onMove(1, 'down')}
          >
            ↓
          </button>
          <button
            type="button"
            data-control="edit"
            disabled={readOnly || busy}
            aria-label={t('codebook.edit.label', { name: theme.name })}
            onClick={() => props.onMode('edit')}
          >
            {t('codebook.edit')}
          </button>
          <button
            type="button"
            data-control="merge"
            disabled={readOnly || busy || alone}
            aria-label={t('codebook.merge.label', { name: theme.name })}
            onClick={() => props.onMode('merge')}
          >
            {t('codebook.merge')}
          </button>
          <button
            type="button"
            data-control="delete"
            className="danger"
            disabled={readOnly || busy || alone}
            aria-label={t('codebook.delete.label', { name: theme.name })}
            title={alone ? t('codebook.error.lastTheme') : undefined}
            onClick={() => props.onMode('delete')}
          >
            {t('codebook.delete')}
          </button>
        </div>
      )}
      {mode === 'edit' && (
        <EditTheme
          theme={theme}
          codebook={codebook}
          groups={groups}
          onCancel={() => props.onMode(null)}
          onSave={props.onSave}
        />
      )}
      {mode === 'merge' && (
        <MergeTheme
          theme={theme}
          codebook={codebook}
          groups={groups}
          usage={usage}
          busy={busy}
          onCancel={() => props.onMode(null)}
          onMerge={props.onMerge}
        />
      )}
      {mode === 'delete' && (
        <Confirm
          label={t('codebook.delete.group', { name: theme.name })}
          submit={t('codebook.delete.submit')}
          danger
          disabled={busy || !usage}
          onCancel={() => props.onMode(null)}
          onConfirm={props.onDelete}
        >
          {usage ? (
            <>
              <p>
                {t('codebook.delete.confirm', {
                  name: theme.name,
                  passages: plural('count.passages', usage.passages),
                })}
              </p>
              <UsageSentence theme={theme} usage={usage} />
              {usage.alone > 0 && <p>{plural('codebook.delete.untagged', usage.alone)}</p>}
            </>
          ) : (
            <p className="muted">{t('codebook.usage.loading')}</p>
          )}
        </Confirm>
      )}
    </li>
  )
}

/** "Culture is on 1,234 passages in 87 articles." */
function UsageSentence({ theme, usage }: { theme: Theme; usage: ThemeUsage }) {
  const { t, plural } = useI18n()
  return (
    <p className="codebook-usage">
      {usage.passages === 0
        ? t('codebook.usage.unused', { name: theme.name })
        : t('codebook.usage.sentence', {
            name: theme.name,
            passages: plural('count.passages', usage.passages),
            articles: plural('codebook.count.articles', usage.articles),
          })}
    </p>
  )
}

function EditTheme({
  theme,
  codebook,
  groups,
  onSave,
  onCancel,
}: {
  theme: Theme
  codebook: readonly Theme[]
  groups: readonly ThemeGroup[]
  onSave: (edit: ThemeEdit) => void
  onCancel: () => void
}) {
  const { t } = useI18n()
  const [draft, setDraft] = useState<ThemeDraft>({
    name: theme.name,
    colour: theme.colour,
    description: theme.description ?? '',
  })
  const [key, setKey] = useState(theme.key ?? 'none')
  const [groupId, setGroupId] = useState(theme.groupId ?? '')
  const [error, setError] = useState<string | null>(null)
  return (
    <form
      className="codebook-form"
      aria-label={t('codebook.edit.label', { name: theme.name })}
      onKeyDown={cancelOnEscape(onCancel)}
      onSubmit={(e) => {
        e.preventDefault()
        const problem = themeFieldsProblem(draft, codebook, theme.id)
        if (problem) return setError(t(PROBLEM_KEYS[problem]))
        onSave({
          draft,
          ...(key !== (theme.key ?? 'none') && { key: key === 'none' ? null : key }),
          ...(groupId !== (theme.groupId ?? '') && { groupId: groupId || null }),
        })
      }}
    >
      <ThemeFields draft={draft} onChange={setDraft} nameError={error} autoFocusName>
        <KeyField codebook={codebook} self={theme.id} value={key} first="none" onChange={setKey} />
        {groups.length > 0 && <GroupField groups={groups} value={groupId} onChange={setGroupId} />}
      </ThemeFields>
      <SubmitOrCancel submit={t('codebook.save')} onCancel={onCancel} />
    </form>
  )
}

function MergeTheme({
  theme,
  codebook,
  groups,
  usage,
  busy,
  onMerge,
  onCancel,
}: {
  theme: Theme
  codebook: readonly Theme[]
  groups: readonly ThemeGroup[]
  usage: ThemeUsage | null
  busy: boolean
  onMerge: (intoId: string) => void
  onCancel: () => void
}) {
  const { t, plural } = useI18n()
  const others = codebook.filter((th) => th.id !== theme.id)
  const [into, setInto] = useState(others[0]?.id ?? '')
  const target = others.find((th) => th.id === into) ?? others[0]
  if (!target) return null
  const ungrouped = others.filter((th) => !groups.some((g) => g.id === th.groupId))
  const option = (th: Theme) => (
    <option key={th.id} value={th.id}>
      {th.name}
    </option>
  )
  return (
    <form
      className="codebook-form"
      aria-label={t('codebook.merge.label', { name: theme.name })}
      onKeyDown={cancelOnEscape(onCancel)}
      onSubmit={(e) => {
        e.preventDefault()
        if (!busy) onMerge(target.id)
      }}
    >
      <label className="codebook-field">
        {t('codebook.merge.into', { name: theme.name })}
        <select value={target.id} autoFocus onChange={(e) => setInto(e.target.value)}>
          {groups.length === 0
            ? others.map(option)
            : [
                ...ungrouped.map(option),
                ...groups.map((g) => {
                  const members = others.filter((th) => th.groupId === g.id)
                  return members.length ? (
                    <optgroup key={g.id} label={g.name}>
                      {members.map(option)}
                    </optgroup>
                  ) : null
                }),
              ]}
        </select>
      </label>
      <p className="muted">
        {t('codebook.merge.explain', {
          name: theme.name,
          target: target.name,
          passages: plural('count.passages', (usage ?? NO_USAGE).passages),
        })}
      </p>
      {usage && <UsageSentence theme={theme} usage={usage} />}
      <SubmitOrCancel submit={t('codebook.merge.submit')} disabled={busy} onCancel={onCancel} />
    </form>
  )
}
