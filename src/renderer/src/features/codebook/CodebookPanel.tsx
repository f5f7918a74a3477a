// The codebook panel: a modal dialog named "Codebook", opened from the
// session header. Lists the themes in codebook order, under their groups
// (the themes of no group first; each group can be folded), each with its
// key, colour, name, usage across every article of the session and
// description. The analyst adds, edits (name, colour, description, key,
// group), reorders (buttons or Alt+↑/↓, inside a group), merges and
// deletes themes, adds, renames, reorders and deletes groups, and imports
// or exports the codebook as CSV. Every change is ONE edit built by
// shared/model/codebook-ops.ts, so one Ctrl+Z undoes it (the session's undo
// and redo actions stay on while this panel is the dialog open; the panel
// only clears its status line then). Merges and deletions change passages
// of articles the renderer does not hold: main plans them over the whole
// session (planCodebookChange) and the panel applies the plan as one edit.
// Files are read and written by main, through its own dialogs.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import {
  addGroup,
  addTheme,
  CodebookError,
  deleteGroup,
  hasPositionalKeys,
  moveGroup,
  moveTheme,
  renameGroup,
  resetKeys,
  updateTheme,
  type CodebookImportProblem,
} from '@shared/model/codebook-ops'
import { themeSections } from '@shared/model/codebook-order'
import type { ThemeGroup } from '@shared/model/corpus'
import type { Edit } from '@shared/model/edits'
import type { Session, Theme } from '@shared/model/schema'
import { NO_USAGE } from '@shared/model/theme-usage'
import { matchesBinding } from '@renderer/actions/key-binding'
import { actionById } from '@renderer/actions/registry'
import { useI18n } from '@renderer/i18n/i18n'
import { useModal } from '@renderer/lib/use-modal'
import { AddGroup, AddTheme } from './AddForms'
import { describeImportProblem, PROBLEM_KEYS } from './codebook-messages'
import { GroupSection, type GroupMode } from './GroupSection'
import { ThemeRow, type Control, type RowMode, type ThemeEdit } from './ThemeRow'
import { useThemeUsage } from './use-theme-usage'
import './codebook.css'

interface Props {
  session: Session
  /** The session's theme groups. */
  themeGroups: readonly ThemeGroup[]
  readOnly: boolean
  /** Applies one codebook edit as one undo step; false when it was refused. */
  onEdit: (edit: Edit) => boolean
  /** Resolves once every edit is on disk, so that main reads the codebook shown. */
  drained: () => Promise<void>
  onClose: () => void
}

type Mode = { id: string; kind: RowMode } | { groupId: string; kind: GroupMode } | null
interface ImportReport {
  file: string
  problems: CodebookImportProblem[]
}
type FocusTarget = { id: string; control: Control } | { groupId: string; control: string }

const fileName = (path: string) => path.split(/[\\/]/).pop() ?? path
const now = () => new Date().toISOString()
/** The keys of the session's undo and redo, which also undo and redo here. */
const UNDO_KEYS = [...actionById('undo').keys, ...actionById('redo').keys]

export function CodebookPanel(props: Props) {
  const { session, themeGroups: groups, readOnly, onEdit, drained, onClose } = props
  const { codebook } = session
  const { t, errorText, plural } = useI18n()
  const { ref: dialog, close, dialogProps } = useModal(onClose)
  const [mode, setMode] = useState<Mode>(null)
  const [status, setStatus] = useState('')
  const [report, setReport] = useState<ImportReport | null>(null)
  const [busy, setBusy] = useState(false)
  /** A merge or deletion is being planned over the session. */
  const [planning, setPlanning] = useState(false)
  const [folded, setFolded] = useState<ReadonlySet<string>>(new Set())
  const usage = useThemeUsage(session.id, drained, [codebook, session.passages])
  const sections = useMemo(() => themeSections(codebook, groups), [codebook, groups])
  const state = { codebook, themeGroups: groups }
  /** Where the focus goes after the next render (a moved row, the row after a deleted one). */
  const focusTo = useRef<FocusTarget | null>(null)
  const setFocusTo = (target: FocusTarget) => {
    focusTo.current = target
  }

  // An undo can take away the theme or group being edited: leave that mode.
  if (mode && 'id' in mode && !codebook.some((th) => th.id === mode.id)) setMode(null)
  if (mode && 'groupId' in mode && !groups.some((g) => g.id === mode.groupId)) setMode(null)

  // Keep the focus on what moved (or on the row that took a deleted one's place).
  useEffect(() => {
    const target = focusTo.current
    if (!target) return
    focusTo.current = null
    const selector =
      'id' in target
        ? `[data-theme-id="${CSS.escape(target.id)}"]`
        : `[data-group-id="${CSS.escape(target.groupId)}"]`
    const row = dialog.current?.querySelector(selector)
    for (const c of [target.control, 'up', 'down', 'edit', 'rename', 'toggle']) {
      const el = row?.querySelector<HTMLButtonElement>(`[data-control="${c}"]`)
      if (el && !el.disabled) {
        el.focus()
        break
      }
    }
  })

  const nameOf = (id: string) => codebook.find((th) => th.id === id)?.name ?? ''
  const usageOf = (id: string) => (usage ? (usage[id] ?? NO_USAGE) : null)

  /** Applies an edit; announces `done` (worded from the edit) or why it was refused. */
  const run = (build: () => Edit, done: string | ((edit: Edit) => string)): boolean => {
    let edit: Edit
    try {
      edit = build()
    } catch (e) {
      if (e instanceof CodebookError) {
        setStatus(t(PROBLEM_KEYS[e.problem]))
        return false
      }
      throw e
    }
    if (!onEdit(edit)) {
      setStatus(t('codebook.status.refused'))
      return false
    }
    setStatus(`${typeof done === 'string' ? done : done(edit)} ${t('codebook.status.undo')}`)
    return true
  }

  /** The key a theme has after `edit`. */
  const keyAfter = (edit: Edit, id: string) =>
    edit.type === 'setCodebook' ? edit.codebook.find((th) => th.id === id)?.key : undefined

  const sectionOf = (theme: Theme) =>
    sections.find((s) => s.themes.some((th) => th.id === theme.id))!.themes

  const move = (theme: Theme, by: -1 | 1, control: Control) => {
    const mates = sectionOf(theme)
    const neighbour = mates[mates.indexOf(theme) + by]
    if (readOnly || planning || !neighbour) return
    const ok = run(
      () => moveTheme(state, theme.id, codebook.indexOf(neighbour), now()),
      (edit) => {
        const key = keyAfter(edit, theme.id)
        return key
          ? t('codebook.status.moved', { name: theme.name, key })
          : t('codebook.status.movedNoKey', { name: theme.name })
      },
    )
    if (ok) setFocusTo({ id: theme.id, control })
  }

  const save = (theme: Theme, { draft, key, groupId }: ThemeEdit) => {
    const name = draft.name.trim()
    const holder = key ? codebook.find((th) => th.key === key && th.id !== theme.id) : undefined
    const group = groups.find((g) => g.id === groupId)
    const done =
      name !== theme.name
        ? t('codebook.status.renamed', { old: theme.name, name })
        : key !== undefined
          ? key === null
            ? t('codebook.status.keyRemoved', { name })
            : holder
              ? t('codebook.status.keyTaken', { name, key, from: holder.name })
              : t('codebook.status.moved', { name, key })
          : groupId !== undefined
            ? group
              ? t('codebook.status.grouped', { name, group: group.name })
              : t('codebook.status.ungrouped', { name })
            : t('codebook.status.updated', { name: theme.name })
    if (run(() => updateTheme(state, theme.id, draft, { key, groupId }), done)) {
      setMode(null)
      if (groupId) unfold(groupId)
      setFocusTo({ id: theme.id, control: 'edit' })
    }
  }

  /** Merges or deletes through main, which plans the change over every article. */
  const planned = async (
    change: { kind: 'merge'; fromId: string; intoId: string } | { kind: 'delete'; id: string },
    working: string,
    done: string,
    after: () => void,
  ) => {
    setPlanning(true)
    setStatus(working)
    try {
      await drained()
      const r = await window.gloss.planCodebookChange(session.id, change)
      if (!r.ok) return setStatus(t('codebook.status.planFailed', { message: errorText(r.error) }))
      if (run(() => r.value, done)) after()
    } finally {
      setPlanning(false)
    }
  }

  const merge = (theme: Theme, intoId: string) =>
    void planned(
      { kind: 'merge', fromId: theme.id, intoId },
      t('codebook.status.merging', { name: theme.name, target: nameOf(intoId) }),
      t('codebook.status.merged', { name: theme.name, target: nameOf(intoId) }),
      () => {
        setMode(null)
        setFocusTo({ id: intoId, control: 'edit' })
      },
    )

  const remove = (theme: Theme) => {
    const mates = sectionOf(theme)
    const at = mates.indexOf(theme)
    const next = mates[at + 1] ?? mates[at - 1]
    void planned(
      { kind: 'delete', id: theme.id },
      t('codebook.status.deleting', { name: theme.name }),
      t('codebook.status.deleted', { name: theme.name }),
      () => {
        setMode(null)
        if (next) setFocusTo({ id: next.id, control: 'edit' })
        else if (theme.groupId) setFocusTo({ groupId: theme.groupId, control: 'toggle' })
      },
    )
  }

  const unfold = (groupId: string) =>
    setFolded((f) => {
      if (!f.has(groupId)) return f
      const next = new Set(f)
      next.delete(groupId)
      return next
    })
  const toggle = (groupId: string) =>
    setFolded((f) => {
      const next = new Set(f)
      if (!next.delete(groupId)) next.add(groupId)
      return next
    })

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

  const rowsOf = (themes: readonly Theme[]) =>
    themes.map((theme, i) => (
      <ThemeRow
        key={theme.id}
        theme={theme}
        codebook={codebook}
        groups={groups}
        usage={usageOf(theme.id)}
        mode={mode && 'id' in mode && mode.id === theme.id ? mode.kind : null}
        readOnly={readOnly}
        busy={planning}
        first={i === 0}
        last={i === themes.length - 1}
        onMode={(kind) => {
          const was = mode && 'id' in mode && mode.id === theme.id ? mode.kind : null
          setMode(kind ? { id: theme.id, kind } : null)
          if (!kind && was) setFocusTo({ id: theme.id, control: was })
        }}
        onMove={(by, control) => move(theme, by, control)}
        onSave={(edit) => save(theme, edit)}
        onMerge={(intoId) => merge(theme, intoId)}
        onDelete={() => remove(theme)}
      />
    ))

  const byHand = !hasPositionalKeys(codebook)
  const [loose, ...grouped] = sections
  return (
    <dialog
      {...dialogProps}
      className="codebook-panel"
      aria-labelledby="codebook-title"
      aria-describedby="codebook-help"
      aria-busy={planning || undefined}
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
      {byHand && (
        <p className="muted codebook-keys">
          {t('codebook.keys.byHand')}{' '}
          <button
            type="button"
            className="link"
            disabled={readOnly || planning}
            title={t('codebook.keys.reset.title')}
            onClick={() => run(() => resetKeys(state), t('codebook.status.keysReset'))}
          >
            {t('codebook.keys.reset')}
          </button>
        </p>
      )}
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

      <div className="codebook-scroll">
        {groups.length === 0 ? (
          <ol className="codebook-list" aria-label={t('codebook.themes')}>
            {rowsOf(loose!.themes)}
          </ol>
        ) : (
          loose!.themes.length > 0 && (
            <section className="codebook-group" aria-labelledby="codebook-no-group">
              <h3 id="codebook-no-group" className="codebook-group-title codebook-no-group">
                {t('codebook.noGroup')}
              </h3>
              <ol className="codebook-list" aria-label={t('codebook.noGroup')}>
                {rowsOf(loose!.themes)}
              </ol>
            </section>
          )
        )}
        {grouped.map(({ group, themes }, i) => (
          <GroupSection
            key={group!.id}
            group={group!}
            groups={groups}
            themeCount={themes.length}
            open={!folded.has(group!.id)}
            mode={mode && 'groupId' in mode && mode.groupId === group!.id ? mode.kind : null}
            readOnly={readOnly}
            busy={planning}
            first={i === 0}
            last={i === grouped.length - 1}
            onToggle={() => toggle(group!.id)}
            onMode={(kind) => {
              const was = mode && 'groupId' in mode && mode.groupId === group!.id ? mode.kind : null
              setMode(kind ? { groupId: group!.id, kind } : null)
              if (!kind && was) setFocusTo({ groupId: group!.id, control: was })
            }}
            onMove={(by) => {
              if (
                run(
                  () => moveGroup(state, group!.id, i + by),
                  t('codebook.status.groupMoved', { name: group!.name }),
                )
              )
                setFocusTo({ groupId: group!.id, control: by < 0 ? 'up' : 'down' })
            }}
            onRename={(name) => {
              if (
                run(
                  () => renameGroup(state, group!.id, name),
                  t('codebook.status.groupRenamed', { old: group!.name, name: name.trim() }),
                )
              ) {
                setMode(null)
                setFocusTo({ groupId: group!.id, control: 'rename' })
              }
            }}
            onDelete={() => {
              if (
                run(
                  () => deleteGroup(state, group!.id),
                  t('codebook.status.groupDeleted', { name: group!.name }),
                )
              )
                setMode(null)
            }}
          >
            {rowsOf(themes)}
          </GroupSection>
        ))}
      </div>

      {!readOnly && (
        <AddTheme
          codebook={codebook}
          groups={groups}
          onAdd={(draft, place) =>
            run(
              () => addTheme(state, draft, { ...place, now: now() }).edit,
              (edit) => {
                const added = edit.type === 'setCodebook' ? edit.codebook : []
                const theme = added.find((th) => !codebook.some((old) => old.id === th.id))
                const name = draft.name.trim()
                if (place.groupId) unfold(place.groupId)
                return theme?.key
                  ? t('codebook.status.added', { name, key: theme.key })
                  : t('codebook.status.addedNoKey', { name })
              },
            )
          }
        />
      )}

      <div className="codebook-files">
        {!readOnly && (
          <AddGroup
            groups={groups}
            onAdd={(name) =>
              run(
                () => addGroup(state, name).edit,
                t('codebook.status.groupAdded', { name: name.trim() }),
              )
            }
          />
        )}
        <button
          type="button"
          disabled={busy || planning || readOnly}
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
