// "Set an attribute": one value of one attribute (a builtin or a custom
// one) for many articles at once, as ONE edit (one Ctrl+Z). It says how
// many articles it is for and how many already have the value; an empty
// value clears it. The dialog stays open to say what was done.
import { useId, useMemo, useState } from 'react'
import {
  attributeTypeOf,
  normalizeFor,
  setAttributeForArticles,
  type SetArticleMeta,
  type ValueProblem,
} from '@shared/model/attributes'
import { BUILTIN_ATTRIBUTES, type CorpusMeta } from '@shared/model/corpus'
import { useI18n } from '@renderer/i18n/i18n'
import { useModal } from '@renderer/lib/use-modal'
import { AttributeInput } from './AttributeInput'
import { attributeLabel, VALUE_PROBLEM_KEYS } from './attribute-messages'
import './attributes.css'

interface Props {
  meta: CorpusMeta
  /** The articles it is for (ids no longer in the session are left out). */
  articleIds: readonly string[]
  readOnly: boolean
  /** Applies one edit as one undo step; false when refused. */
  onEdit: (edit: SetArticleMeta) => boolean
  onClose: () => void
}

export function BulkAttributeDialog({ meta, articleIds, readOnly, onEdit, onClose }: Props) {
  const { t, plural } = useI18n()
  const id = useId()
  const { close, dialogProps } = useModal(onClose)
  const [attribute, setAttribute] = useState<string>('outlet')
  const [value, setValue] = useState('')
  const [problem, setProblem] = useState<ValueProblem | null>(null)
  const [status, setStatus] = useState('')
  const def = meta.attributeDefs.find((d) => d.id === attribute)
  // An undo can take away the attribute picked.
  const type = attributeTypeOf(attribute, meta.attributeDefs)
  if (!type) setAttribute('outlet')
  const ids = useMemo(() => {
    const wanted = new Set(articleIds)
    return meta.articles.filter((a) => wanted.has(a.id))
  }, [meta.articles, articleIds])
  const normalized = type ? normalizeFor(meta, attribute, value) : null
  const already =
    normalized?.ok === true
      ? ids.filter((a) => (a.attributes[attribute] ?? '') === normalized.value).length
      : 0
  const name = attributeLabel(t, attribute, meta.attributeDefs)
  const articles = plural('attributes.count.articles', ids.length)
  const clearing = value.trim() === ''

  const apply = (raw: string, badInput: boolean) => {
    if (badInput) return setProblem('date')
    const r = setAttributeForArticles(
      meta,
      attribute,
      raw,
      ids.map((a) => a.id),
    )
    if (!r.ok) return setProblem(r.problem)
    setProblem(null)
    if (!r.edit) return setStatus(t('attributes.bulk.nothing'))
    if (!onEdit(r.edit)) return setStatus(t('attributes.status.refused'))
    const changed = plural('attributes.count.articles', r.changed)
    setStatus(
      `${t(clearing ? 'attributes.bulk.cleared' : 'attributes.bulk.done', { name, articles: changed })} ${t('attributes.undo')}`,
    )
  }

  return (
    <dialog {...dialogProps} className="attr-dialog attr-bulk" aria-labelledby={`${id}-title`}>
      <div className="attr-head">
        <h2 id={`${id}-title`}>{t('attributes.bulk.title')}</h2>
        <button type="button" onClick={() => close()}>
          {t('common.close')}
        </button>
      </div>
      <p className="muted">{plural('attributes.bulk.intro', ids.length)}</p>
      <form
        className="attr-bulk-form"
        onSubmit={(e) => {
          e.preventDefault()
          const input = e.currentTarget.querySelector<HTMLInputElement>(`#${CSS.escape(id)}-value`)
          apply(value, input?.validity.badInput ?? false)
        }}
      >
        <div className="attr-field">
          <label htmlFor={`${id}-attribute`}>{t('attributes.bulk.attribute')}</label>
          <select
            id={`${id}-attribute`}
            value={attribute}
            autoFocus
            onChange={(e) => {
              setAttribute(e.target.value)
              setValue('')
              setProblem(null)
            }}
          >
            {BUILTIN_ATTRIBUTES.map((b) => (
              <option key={b} value={b}>
                {attributeLabel(t, b, meta.attributeDefs)}
              </option>
            ))}
            {meta.attributeDefs.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
        <div className="attr-field">
          <label htmlFor={`${id}-value`}>{t('attributes.bulk.value')}</label>
          <AttributeInput
            key={attribute}
            id={`${id}-value`}
            type={type ?? 'text'}
            values={def?.values}
            value={value}
            onChange={(v) => {
              setValue(v)
              setProblem(null)
            }}
            invalid={!!problem}
            describedBy={`${id}-help`}
            readOnly={readOnly}
          />
          <p id={`${id}-help`} className="attr-help">
            {problem ? (
              <span className="attr-error" role="alert">
                {t(VALUE_PROBLEM_KEYS[problem])}
              </span>
            ) : (
              <>
                {t('attributes.bulk.emptyClears')}{' '}
                {already > 0 && plural('attributes.bulk.already', already)}
              </>
            )}
          </p>
        </div>
        <div className="attr-actions">
          <button type="submit" className="primary" disabled={readOnly || ids.length === 0}>
            {t(clearing ? 'attributes.bulk.clear' : 'attributes.bulk.set', { articles })}
          </button>
        </div>
      </form>
      <p className="attr-status" role="status" aria-live="polite">
        {status}
      </p>
    </dialog>
  )
}
