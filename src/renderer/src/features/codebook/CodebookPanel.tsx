// The codebook panel: a modal dialog named "Codebook", opened from the
// session header. Lists the themes in order (key, colour with its name,
// passages, description) and lets the analyst add, edit (rename, recolour,
// describe), reorder (buttons or Alt+↑/↓), merge and delete themes, and
// import or export the codebook as CSV. Every change is ONE edit built by
// shared/model/codebook-ops.ts, so one Ctrl+Z undoes it (the session's undo
// and redo actions stay on while this panel is the dialog open; the panel
// only clears its status line then). Files are read and written by main,
// through its own dialogs.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import {
  addTheme,
  CodebookError,
  countByTheme,
  deleteTheme,
  mergeThemes,
  moveTheme,
  passagesLeftUntagged,
  themeFieldsProblem,
  updateTheme,
  type CodebookImportProblem,
  type CodebookProblem,
} from '@shared/model/codebook-ops'
import type { Edit } from '@shared/model/edits'
import { MAX_KEYED_THEMES, MAX_THEMES, type Session, type Theme } from '@shared/model/schema'
import { useI18n } from '@renderer/i18n/i18n'
import { matchesBinding } from '@renderer/actions/key-binding'
import { actionById } from '@renderer/actions/registry'
import { isTextField } from '@renderer/lib/keys'
import { describeImportProblem, PROBLEM_KEYS } from './codebook-messages'
import { nextColour } from './palette'
import { ThemeFields, type ThemeDraft } from './ThemeFields'
import { useModal } from '@renderer/lib/use-modal'

interface Props {
  session: Session
  readOnly: boolean
  /** Applies one codebook edit as one undo step; false when it was refused. */
  onEdit: (edit: Edit) => boolean
  /** Resolves once every edit is on disk, so that main reads the codebook shown. */
  drained: () => Promise<void>
  onClose: () => void
}

type Mode = { id: string; kind: 'edit' | 'merge' | 'delete' } | null
type Control = 'up' | 'down' | 'edit' | 'merge' | 'delete'
interface ImportReport {
  file: string
  problems: CodebookImportProblem[]
}

const fileName = (path: string) => path.split(/[\\/]/).pop() ?? path
const now = () => new Date().toISOString()
/** The keys of the session's undo and redo, which also undo and redo here. */
const UNDO_KEYS = [...actionById('undo').keys, ...actionById('redo').keys]

export function CodebookPanel(props: Props) {
  const { session, readOnly, onEdit, drained, onClose } = props
  const { codebook, passages } = session
  const { t, plural, errorText } = useI18n()
  const { ref: dialog, close, dialogProps } = useModal(onClose)
  const [mode, setMode] = useState<Mode>(null)
  const [status, setStatus] = useState('')
  const [report, setReport] = useState<ImportReport | null>(null)
  const [busy, setBusy] = useState(false)
  /** Where the focus goes after the next render (a moved row, the row after a deleted one). */
  const focusTo = useRef<{ id: string; control: Control } | null>(null)
  const setFocusTo = (target: { id: string; control: Control }) => {
    focusTo.current = target
  }
  const counts = useMemo(() => countByTheme(passages), [passages])
  const full = codebook.length >= MAX_THEMES

  // An undo can take away the theme being edited: leave that mode.
  if (mode && !codebook.some((th) => th.id === mode.id)) setMode(null)

  // Keep the focus on the theme that moved (or the row that took a deleted one's place).
  useEffect(() => {
    const target = focusTo.current
    if (!target) return
    focusTo.current = null
    const row = dialog.current?.querySelector(`[data-theme-id="${CSS.escape(target.id)}"]`)
    for (const c of [target.control, 'up', 'down', 'edit']) {
      const el = row?.querySelector<HTMLButtonElement>(`[data-control="${c}"]`)
      if (el && !el.disabled) {
        el.focus()
        break
      }
    }
  })

  const nameOf = (id: string) => codebook.find((th) => th.id === id)?.name ?? ''
  const problemText = (p: CodebookProblem) => t(PROBLEM_KEYS[p])

  /** Applies an edit; announces `done` or why it was refused. */
  const run = (build: () => Edit, done: string): boolean => {
    let edit: Edit
    try {
      edit = build()
    } catch (e) {
      if (e instanceof CodebookError) {
        setStatus(problemText(e.problem))
        return false
      }
      throw e
    }
    if (!onEdit(edit)) {
      setStatus(t('codebook.status.refused'))
      return false
    }
    setStatus(`${done} ${t('codebook.status.undo')}`)
    return true
  }

  const move = (theme: Theme, by: -1 | 1, control: Control) => {
    const i = codebook.indexOf(theme)
    const to = i + by
    if (readOnly || to < 0 || to >= codebook.length) return
    if (
      run(
        () => moveTheme(session, theme.id, to, now()),
        t('codebook.status.moved', { name: theme.name, key: to + 1 }),
      )
    )
      setFocusTo({ id: theme.id, control })
  }

  /** After a theme leaves: focus the row now at its place. */
  const focusAfterRemoval = (index: number) => {
    const rest = codebook.filter((_, i) => i !== index)
    const next = rest[Math.min(index, rest.length - 1)]
    if (next) setFocusTo({ id: next.id, control: 'edit' })
  }

  const onRowKeyDown = (e: KeyboardEvent, theme: Theme) => {
    if (!e.altKey || e.ctrlKey || e.metaKey || isTextField(e.target)) return
    if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault()
      const control = (e.target as HTMLElement).dataset.control as Control | undefined
      move(theme, e.key === 'ArrowUp' ? -1 : 1, control ?? 'edit')
    }
  }

  // The undo itself is the session's action; what it said about the last change no longer holds.
  const onDialogKeyDown = (e: KeyboardEvent) => {
    if (!readOnly && UNDO_KEYS.some((b) => matchesBinding(b, e.nativeEvent))) setStatus('')
  }

  const exportCsv = async () => {
    setBusy(true)
    try {
      await drained()
      const r = await window.gloss.exportCodebookCsv(session.id)
      if (!r.ok) setStatus(t('codebook.status.exportFailed', { message: errorText(r.error) }))
      else if (r.value) setStatus(t('codebook.status.exported', { path: r.value.filePath }))
    } finally {
      setBusy(false)
    }
  }

  const importCsv = async () => {
    setBusy(true)
    setReport(null)
    try {
      await drained()
      const r = await window.gloss.importCodebookCsv(session.id)
      if (!r.ok)
        return setStatus(t('codebook.status.importFailed', { message: errorText(r.error) }))
      if (!r.value) return
      const { filePath, edit, problems, added, updated } = r.value
      const file = fileName(filePath)
      if (problems.length) {
        setStatus(t('codebook.import.refused', { file }))
        return setReport({ file, problems })
      }
      if (!edit) return setStatus(t('codebook.status.importSame', { file }))
      run(
        () => edit,
        t('codebook.status.imported', {
          file,
          added: plural('codebook.count.added', added),
          updated: plural('codebook.count.updated', updated),
        }),
      )
    } finally {
      setBusy(false)
    }
  }

  return (
    <dialog
      {...dialogProps}
      className="codebook-panel"
      aria-labelledby="codebook-title"
      aria-describedby="codebook-help"
      onKeyDown={onDialogKeyDown}
    >
      <div className="codebook-head">
        <h2 id="codebook-title">{t('codebook.title')}</h2>
        <button type="button" onClick={() => close()}>
          {t('common.close')}
        </button>
      </div>
      <p id="codebook-help" className="muted codebook-help">
        {readOnly ? t('codebook.readOnly') : t('codebook.help')}
      </p>
      <p className="codebook-status" role="status" aria-live="polite">
        {status}
      </p>
      {report && (
        <div className="codebook-report" role="alert">
          <p>{t('codebook.import.refused', { file: report.file })}</p>
          <ul>
            {report.problems.map((p, i) => (
              <li key={i}>{describeImportProblem(t, p)}</li>
            ))}
          </ul>
          <button type="button" className="link" onClick={() => setReport(null)}>
            {t('common.dismiss')}
          </button>
        </div>
      )}

      <ol className="codebook-list" aria-label={t('codebook.themes')}>
        {codebook.map((theme, i) => {
          const rowMode = mode?.id === theme.id ? mode.kind : null
          return (
            <li
              key={theme.id}
              data-theme-id={theme.id}
              className={rowMode ? 'codebook-row is-open' : 'codebook-row'}
              onKeyDown={(e) => onRowKeyDown(e, theme)}
            >
              <div className="codebook-summary">
                <span className="codebook-visually-hidden">
                  {t('codebook.key', { key: theme.key ?? '' })}
                </span>
                <kbd aria-hidden="true">{theme.key}</kbd>
                <span
                  className="codebook-swatch"
                  style={{ backgroundColor: theme.colour }}
                  aria-hidden="true"
                />
                <span className="codebook-name">{theme.name}</span>
                <span className="muted codebook-count">
                  {plural('count.passages', counts.get(theme.id) ?? 0)}
                </span>
              </div>
              {theme.description && rowMode !== 'edit' && (
                <p className="codebook-description">{theme.description}</p>
              )}
              {!rowMode && (
                <div
                  className="codebook-actions"
                  role="group"
                  aria-label={t('codebook.actions', { name: theme.name })}
                >
                  <button
                    type="button"
                    data-control="up"
                    disabled={readOnly || i === 0}
                    aria-label={t('codebook.moveUp', { name: theme.name })}
                    aria-keyshortcuts="Alt+ArrowUp"
                    title={t('codebook.moveUp.title')}
                    onClick={() => move(theme, -1, 'up')}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    data-control="down"
                    disabled={readOnly || i === codebook.length - 1}
                    aria-label={t('codebook.moveDown', { name: theme.name })}
                    aria-keyshortcuts="Alt+ArrowDown"
                    title={t('codebook.moveDown.title')}
                    onClick={() => move(theme, 1, 'down')}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    data-control="edit"
                    disabled={readOnly}
                    aria-label={t('codebook.edit.label', { name: theme.name })}
                    onClick={() => setMode({ id: theme.id, kind: 'edit' })}
                  >
                    {t('codebook.edit')}
                  </button>
                  <button
                    type="button"
                    data-control="merge"
                    disabled={readOnly || codebook.length < 2}
                    aria-label={t('codebook.merge.label', { name: theme.name })}
                    onClick={() => setMode({ id: theme.id, kind: 'merge' })}
                  >
                    {t('codebook.merge')}
                  </button>
                  <button
                    type="button"
                    data-control="delete"
                    className="danger"
                    disabled={readOnly || codebook.length < 2}
                    aria-label={t('codebook.delete.label', { name: theme.name })}
                    title={codebook.length < 2 ? t('codebook.error.lastTheme') : undefined}
                    onClick={() => setMode({ id: theme.id, kind: 'delete' })}
                  >
                    {t('codebook.delete')}
                  </button>
                </div>
              )}
              {rowMode === 'edit' && (
                <EditTheme
                  theme={theme}
                  codebook={codebook}
                  onCancel={() => {
                    setMode(null)
                    setFocusTo({ id: theme.id, control: 'edit' })
                  }}
                  onSave={(draft) => {
                    const renamed = draft.name.trim() !== theme.name
                    const ok = run(
                      () => updateTheme(session, theme.id, draft),
                      renamed
                        ? t('codebook.status.renamed', { old: theme.name, name: draft.name.trim() })
                        : t('codebook.status.updated', { name: theme.name }),
                    )
                    if (ok) {
                      setMode(null)
                      setFocusTo({ id: theme.id, control: 'edit' })
                    }
                  }}
                />
              )}
              {rowMode === 'merge' && (
                <MergeTheme
                  theme={theme}
                  codebook={codebook}
                  passages={counts.get(theme.id) ?? 0}
                  onCancel={() => {
                    setMode(null)
                    setFocusTo({ id: theme.id, control: 'merge' })
                  }}
                  onMerge={(intoId) => {
                    if (
                      run(
                        () => mergeThemes(session, theme.id, intoId, now()),
                        t('codebook.status.merged', { name: theme.name, target: nameOf(intoId) }),
                      )
                    ) {
                      setMode(null)
                      setFocusTo({ id: intoId, control: 'edit' })
                    }
                  }}
                />
              )}
              {rowMode === 'delete' && (
                <Confirm
                  label={t('codebook.delete.group', { name: theme.name })}
                  submit={t('codebook.delete.submit')}
                  danger
                  onCancel={() => {
                    setMode(null)
                    setFocusTo({ id: theme.id, control: 'delete' })
                  }}
                  onConfirm={() => {
                    if (
                      run(
                        () => deleteTheme(session, theme.id, now()),
                        t('codebook.status.deleted', { name: theme.name }),
                      )
                    ) {
                      setMode(null)
                      focusAfterRemoval(i)
                    }
                  }}
                >
                  <p>
                    {t('codebook.delete.confirm', {
                      name: theme.name,
                      passages: plural('count.passages', counts.get(theme.id) ?? 0),
                    })}
                  </p>
                  {passagesLeftUntagged(passages, theme.id) > 0 && (
                    <p>
                      {plural('codebook.delete.untagged', passagesLeftUntagged(passages, theme.id))}
                    </p>
                  )}
                </Confirm>
              )}
            </li>
          )
        })}
      </ol>

      {!readOnly && (
        <AddTheme
          codebook={codebook}
          full={full}
          onAdd={(draft, position) =>
            run(
              () => addTheme(session, draft, { position, now: now() }).edit,
              t('codebook.status.added', { name: draft.name.trim(), key: position + 1 }),
            )
          }
        />
      )}

      <div className="codebook-files">
        <button
          type="button"
          disabled={busy || readOnly}
          title={t('codebook.import.title')}
          onClick={() => void importCsv()}
        >
          {t('codebook.import')}
        </button>
        <button
          type="button"
          disabled={busy}
          title={t('codebook.export.title')}
          onClick={() => void exportCsv()}
        >
          {t('codebook.export')}
        </button>
      </div>
    </dialog>
  )
}

/** Escape inside a row's form cancels that form, not the whole dialog. */
function cancelOnEscape(onCancel: () => void) {
  return (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return
    e.preventDefault()
    e.stopPropagation()
    onCancel()
  }
}

function EditTheme({
  theme,
  codebook,
  onSave,
  onCancel,
}: {
  theme: Theme
  codebook: readonly Theme[]
  onSave: (draft: ThemeDraft) => void
  onCancel: () => void
}) {
  const { t } = useI18n()
  const [draft, setDraft] = useState<ThemeDraft>({
    name: theme.name,
    colour: theme.colour,
    description: theme.description ?? '',
  })
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
        onSave(draft)
      }}
    >
      <ThemeFields draft={draft} onChange={setDraft} nameError={error} autoFocusName />
      <SubmitOrCancel submit={t('codebook.save')} onCancel={onCancel} />
    </form>
  )
}

/** A form's submit button and Cancel. */
function SubmitOrCancel({ submit, onCancel }: { submit: string; onCancel: () => void }) {
  const { t } = useI18n()
  return (
    <div className="codebook-form-actions">
      <button type="submit" className="primary">
        {submit}
      </button>
      <button type="button" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </div>
  )
}

function MergeTheme({
  theme,
  codebook,
  passages,
  onMerge,
  onCancel,
}: {
  theme: Theme
  codebook: readonly Theme[]
  passages: number
  onMerge: (intoId: string) => void
  onCancel: () => void
}) {
  const { t, plural } = useI18n()
  const others = codebook.filter((th) => th.id !== theme.id)
  const [into, setInto] = useState(others[0]?.id ?? '')
  const target = others.find((th) => th.id === into) ?? others[0]
  if (!target) return null
  return (
    <form
      className="codebook-form"
      aria-label={t('codebook.merge.label', { name: theme.name })}
      onKeyDown={cancelOnEscape(onCancel)}
      onSubmit={(e) => {
        e.preventDefault()
        onMerge(target.id)
      }}
    >
      <label className="codebook-field">
        {t('codebook.merge.into', { name: theme.name })}
        <select value={target.id} autoFocus onChange={(e) => setInto(e.target.value)}>
          {others.map((th) => (
            <option key={th.id} value={th.id}>
              {th.name}
            </option>
          ))}
        </select>
      </label>
      <p className="muted">
        {t('codebook.merge.explain', {
          name: theme.name,
          target: target.name,
          passages: plural('count.passages', passages),
        })}
      </p>
      <SubmitOrCancel submit={t('codebook.merge.submit')} onCancel={onCancel} />
    </form>
  )
}

function Confirm({
  label,
  submit,
  danger,
  children,
  onConfirm,
  onCancel,
}: {
  label: string
  submit: string
  danger?: boolean
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

function AddTheme({
  codebook,
  full,
  onAdd,
}: {
  codebook: readonly Theme[]
  full: boolean
  /** Adds the theme at `position` (0-based); true when it was added. */
  onAdd: (draft: ThemeDraft, position: number) => boolean
}) {
  const { t } = useI18n()
  const blank = (): ThemeDraft => ({ name: '', colour: nextColour(codebook), description: '' })
  const [draft, setDraft] = useState<ThemeDraft>(blank)
  /** null: last. */
  const [position, setPosition] = useState<number | null>(null)
  const [error, setError] = useState<string | null>(null)
  const last = codebook.length
  const at = position === null ? last : Math.min(position, last)
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
          if (onAdd(draft, at)) {
            setError(null)
            setPosition(null)
            setDraft({
              name: '',
              colour: nextColour([...codebook, { ...draft, id: '', key: '' }]),
              description: '',
            })
          }
        }}
      >
        <ThemeFields draft={draft} onChange={setDraft} nameError={error} optionalLabel>
          <label className="codebook-field codebook-key">
            {t('codebook.field.key')}
            <select
              value={String(Math.min(at + 1, MAX_KEYED_THEMES))}
              disabled={full}
              onChange={(e) => setPosition(Number(e.target.value) - 1)}
            >
              {Array.from({ length: Math.min(last + 1, MAX_KEYED_THEMES) }, (_, i) => (
                <option key={i} value={String(i + 1)}>
                  {i === last ? t('codebook.field.keyLast', { key: i + 1 }) : String(i + 1)}
                </option>
              ))}
            </select>
          </label>
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
