// The session's custom attributes: the list (name, type, a category's
// values, how many articles have a value), editing one (rename, another
// type, other category values), deleting one (after saying how many
// articles lose their value) and adding one. Each change is ONE edit built
// by shared/model/attributes.ts, so one Ctrl+Z undoes it.
import { useEffect, useMemo, useRef, useState } from 'react'
import {
  addAttribute,
  AttributeError,
  changeAttributeType,
  deleteAttribute,
  distinctValues,
  renameAttribute,
  setCategoryValues,
  valueCounts,
  type SetArticleMeta,
} from '@shared/model/attributes'
import type { AttributeDef, CorpusMeta } from '@shared/model/corpus'
import { useI18n } from '@renderer/i18n/i18n'
import { valuesOfLines } from './CategoryValues'
import { DefinitionForm, type DefinitionDraft, type Planned } from './DefinitionForm'
import { DEF_PROBLEM_KEYS, TYPE_LABELS } from './attribute-messages'

interface Props {
  meta: CorpusMeta
  readOnly: boolean
  /** Applies one edit as one undo step, announcing `done`; false when refused. */
  onEdit: (edit: SetArticleMeta, done: string) => boolean
}

type Mode = { id: string; kind: 'edit' | 'delete' } | null

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i])

export function AttributeDefinitions({ meta, readOnly, onEdit }: Props) {
  const { t, plural } = useI18n()
  const [mode, setMode] = useState<Mode>(null)
  const list = useRef<HTMLUListElement>(null)
  /** The row whose Edit button takes the focus back after its form closes. */
  const focusTo = useRef<string | null>(null)
  const defs = meta.attributeDefs
  const counts = useMemo(() => valueCounts(meta.articles), [meta.articles])

  // An undo can take away the attribute being edited: leave that mode.
  if (mode && !defs.some((d) => d.id === mode.id)) setMode(null)

  useEffect(() => {
    const id = focusTo.current
    if (!id) return
    focusTo.current = null
    list.current
      ?.querySelector<HTMLButtonElement>(`[data-attribute-id="${CSS.escape(id)}"] [data-control]`)
      ?.focus()
  })

  const close = (id: string) => {
    setMode(null)
    focusTo.current = id
  }

  /** Turns a thrown AttributeError into the form's message. */
  const plan = (build: () => Planned): Planned => {
    try {
      return build()
    } catch (e) {
      if (!(e instanceof AttributeError)) throw e
      return { kind: 'error', message: t(DEF_PROBLEM_KEYS[e.problem], { value: e.value ?? '' }) }
    }
  }

  const add = (draft: DefinitionDraft): Planned =>
    plan(() => {
      const { values } = valuesOfLines(draft.lines)
      const { edit, def } = addAttribute(meta, { name: draft.name, type: draft.type, values })
      return onEdit(edit, t('attributes.status.added', { name: def.name }))
        ? { kind: 'done' }
        : { kind: 'error', message: t('attributes.status.refused') }
    })

  const change = (def: AttributeDef, draft: DefinitionDraft): Planned =>
    plan(() => {
      const { values, renames } = valuesOfLines(draft.lines)
      let edit: SetArticleMeta | null = null
      let cleared = 0
      let removed: string[] = []
      let current = meta
      if (draft.name.trim() !== def.name) {
        edit = renameAttribute(current, def.id, draft.name)
        current = { ...current, attributeDefs: edit.attributeDefs! }
      }
      if (draft.type !== def.type) {
        ;({ edit, cleared } = changeAttributeType(current, def.id, draft.type, values))
      } else if (def.type === 'category' && !sameList(values, def.values ?? [])) {
        ;({ edit, cleared, removed } = setCategoryValues(current, def.id, values, renames))
      }
      const done = t('attributes.status.changed', { name: draft.name.trim() })
      if (!edit) {
        close(def.id)
        return { kind: 'done' }
      }
      const apply = () => {
        const ok = onEdit(edit, done)
        if (ok) close(def.id)
        return ok
      }
      if (cleared > 0) return { kind: 'confirm', cleared, removed, apply }
      apply()
      return { kind: 'done' }
    })

  const remove = (def: AttributeDef) => {
    const { edit } = deleteAttribute(meta, def.id)
    if (onEdit(edit, t('attributes.status.deleted', { name: def.name }))) setMode(null)
  }

  return (
    <section className="attr-section" aria-labelledby="attr-defs-title">
      <h3 id="attr-defs-title">{t('attributes.defs.title')}</h3>
      <p className="muted attr-section-help">{t('attributes.defs.help')}</p>
      {defs.length === 0 ? (
        <p className="muted">{t('attributes.customEmpty')}</p>
      ) : (
        <ul ref={list} className="attr-defs" aria-label={t('attributes.defs.list')}>
          {defs.map((def) => {
            const rowMode = mode?.id === def.id ? mode.kind : null
            const holding = counts.get(def.id) ?? 0
            return (
              <li key={def.id} data-attribute-id={def.id} className="attr-def">
                <div className="attr-def-summary">
                  <span className="attr-def-name">{def.name}</span>
                  <span className="attr-def-type">{t(TYPE_LABELS[def.type])}</span>
                  {def.type === 'category' && (
                    <span className="attr-def-values">{(def.values ?? []).join(', ')}</span>
                  )}
                  <span className="muted attr-def-count">
                    {plural('attributes.defs.count', holding)}
                  </span>
                </div>
                {!rowMode && !readOnly && (
                  <div className="attr-actions">
                    <button
                      type="button"
                      data-control="edit"
                      aria-label={t('attributes.defs.edit.label', { name: def.name })}
                      onClick={() => setMode({ id: def.id, kind: 'edit' })}
                    >
                      {t('attributes.defs.edit')}
                    </button>
                    <button
                      type="button"
                      className="danger"
                      aria-label={t('attributes.defs.delete.label', { name: def.name })}
                      onClick={() => setMode({ id: def.id, kind: 'delete' })}
                    >
                      {t('attributes.defs.delete')}
                    </button>
                  </div>
                )}
                {rowMode === 'edit' && (
                  <DefinitionForm
                    label={t('attributes.defs.edit.label', { name: def.name })}
                    def={def}
                    submit={t('attributes.defs.save')}
                    suggestValues={() => distinctValues(meta, def.id)}
                    onSubmit={(draft) => change(def, draft)}
                    onCancel={() => close(def.id)}
                  />
                )}
                {rowMode === 'delete' && (
                  <div
                    className="attr-confirm"
                    role="group"
                    aria-label={t('attributes.defs.delete.label', { name: def.name })}
                    onKeyDown={(e) => {
                      if (e.key !== 'Escape') return
                      e.preventDefault()
                      e.stopPropagation()
                      close(def.id)
                    }}
                  >
                    <p>
                      {t('attributes.defs.delete.confirm', {
                        name: def.name,
                        articles: plural('attributes.defs.lose', holding),
                      })}
                    </p>
                    <div className="attr-actions">
                      <button
                        type="button"
                        className="danger"
                        autoFocus
                        onClick={() => remove(def)}
                      >
                        {t('attributes.defs.delete.submit')}
                      </button>
                      <button type="button" onClick={() => close(def.id)}>
                        {t('common.cancel')}
                      </button>
                    </div>
                  </div>
                )}
              </li>
            )
          })}
        </ul>
      )}
      {!readOnly && (
        <section className="attr-add" aria-labelledby="attr-add-title">
          <h4 id="attr-add-title">{t('attributes.defs.add')}</h4>
          <DefinitionForm
            label={t('attributes.defs.add')}
            submit={t('attributes.defs.add.submit')}
            suggestValues={() => []}
            onSubmit={add}
            resetOnDone
          />
        </section>
      )}
    </section>
  )
}
