// One theme group in the codebook panel: its heading (a button that shows
// or hides its themes, with how many it holds), its actions (move the group
// up or down, rename, delete), their inline forms, and its themes' rows.
import { useId, useState, type ReactNode } from 'react'
import type { ThemeGroup } from '@shared/model/corpus'
import { groupNameProblem } from '@shared/model/codebook-ops'
import { useI18n } from '@renderer/i18n/i18n'
import { PROBLEM_KEYS } from './codebook-messages'
import { cancelOnEscape, Confirm, SubmitOrCancel } from './forms'

export type GroupMode = 'rename' | 'delete'

interface Props {
  group: ThemeGroup
  groups: readonly ThemeGroup[]
  themeCount: number
  open: boolean
  mode: GroupMode | null
  readOnly: boolean
  busy: boolean
  first: boolean
  last: boolean
  onToggle: () => void
  onMode: (mode: GroupMode | null) => void
  onMove: (by: -1 | 1) => void
  onRename: (name: string) => void
  onDelete: () => void
  /** The group's theme rows. */
  children: ReactNode
}

export function GroupSection(props: Props) {
  const { group, themeCount, open, mode, readOnly, busy } = props
  const { t, plural } = useI18n()
  const id = useId()
  return (
    <section className="codebook-group" data-group-id={group.id} aria-labelledby={`${id}-title`}>
      <div className="codebook-group-head">
        <h3 id={`${id}-title`} className="codebook-group-title">
          <button
            type="button"
            data-control="toggle"
            className="codebook-group-toggle"
            aria-expanded={open}
            aria-controls={`${id}-themes`}
            onClick={props.onToggle}
          >
            <span aria-hidden="true" className="codebook-group-chevron">
              {open ? '▾' : '▸'}
            </span>
            {group.name}
          </button>
        </h3>
        <span className="muted codebook-count">{plural('codebook.count.themes', themeCount)}</span>
        {!mode && (
          <div
            className="codebook-actions"
            role="group"
            aria-label={t('codebook.group.actions', { name: group.name })}
          >
            <button
              type="button"
              data-control="up"
              disabled={readOnly || busy || props.first}
              aria-label={t('codebook.group.moveUp', { name: group.name })}
              onClick={() => props.onMove(-1)}
            >
              ↑
            </button>
            <button
              type="button"
              data-control="down"
              disabled={readOnly || busy || props.last}
              aria-label={t('codebook.group.moveDown', { name: group.name })}
              onClick={() => props.onMove(1)}
            >
              ↓
            </button>
            <button
              type="button"
              data-control="rename"
              disabled={readOnly || busy}
              aria-label={t('codebook.group.rename.label', { name: group.name })}
              onClick={() => props.onMode('rename')}
            >
              {t('codebook.group.rename')}
            </button>
            <button
              type="button"
              data-control="delete"
              className="danger"
              disabled={readOnly || busy}
              aria-label={t('codebook.group.delete.label', { name: group.name })}
              onClick={() => props.onMode('delete')}
            >
              {t('codebook.group.delete')}
            </button>
          </div>
        )}
      </div>
      {mode === 'rename' && (
        <RenameGroup
          group={group}
          groups={props.groups}
          onCancel={() => props.onMode(null)}
          onRename={props.onRename}
        />
      )}
      {mode === 'delete' && (
        <Confirm
          label={t('codebook.group.delete.label', { name: group.name })}
          submit={t('codebook.group.delete.submit')}
          danger
          disabled={busy}
          onCancel={() => props.onMode(null)}
          onConfirm={props.onDelete}
        >
          <p>
            {t('codebook.group.delete.confirm', {
              name: group.name,
              themes: plural('codebook.count.themes', themeCount),
            })}
          </p>
        </Confirm>
      )}
      <div id={`${id}-themes`} hidden={!open}>
        {open &&
          (themeCount ? (
            <ol
              className="codebook-list"
              aria-label={t('codebook.group.themes', { name: group.name })}
            >
              {props.children}
            </ol>
          ) : (
            <p className="muted codebook-group-empty">{t('codebook.group.empty')}</p>
          ))}
      </div>
    </section>
  )
}

function RenameGroup({
  group,
  groups,
  onRename,
  onCancel,
}: {
  group: ThemeGroup
  groups: readonly ThemeGroup[]
  onRename: (name: string) => void
  onCancel: () => void
}) {
  const { t } = useI18n()
  const [name, setName] = useState(group.name)
  const [error, setError] = useState<string | null>(null)
  const id = useId()
  return (
    <form
      className="codebook-form"
      aria-label={t('codebook.group.rename.label', { name: group.name })}
      onKeyDown={cancelOnEscape(onCancel)}
      onSubmit={(e) => {
        e.preventDefault()
        const problem = groupNameProblem(name, groups, group.id)
        if (problem) return setError(t(PROBLEM_KEYS[problem]))
        onRename(name)
      }}
    >
      <label className="codebook-field">
        {t('codebook.group.add.name')}
        <input
          type="text"
          value={name}
          autoFocus
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => setName(e.target.value)}
        />
      </label>
      {error && (
        <p id={`${id}-error`} className="codebook-error" role="alert">
          {error}
        </p>
      )}
      <SubmitOrCancel submit={t('codebook.save')} onCancel={onCancel} />
    </form>
  )
}
