// The article details panel: a modal dialog named "Article details", opened
// from the session header (Details, Ctrl+I). It shows and edits the open
// article's title and every attribute (the builtins and the session's
// custom ones, each with the input of its type), manages the custom
// attributes, and works on many articles: "Set attribute for all
// articles…" and "Import CSV…". Every change is ONE edit through the
// session store, so Ctrl+Z (which stays on while this panel is open)
// undoes it. Files are read by main, through its own dialog.
import { useState } from 'react'
import type { AttributeImportProblem } from '@shared/api'
import { setArticleFields, type SetArticleMeta } from '@shared/model/attributes'
import { BUILTIN_ATTRIBUTES, type CorpusMeta, type SourceFormat } from '@shared/model/corpus'
import type { CorpusEdit } from '@shared/model/corpus-edits'
import { useI18n } from '@renderer/i18n/i18n'
import { useModal } from '@renderer/lib/use-modal'
import { AttributeDefinitions } from './AttributeDefinitions'
import { ArticleField } from './ArticleField'
import { attributeLabel, describeImportProblem } from './attribute-messages'
import { openBulkAttributeEdit } from './bulk-target'
import './attributes.css'

interface Props {
  sessionId: string
  meta: CorpusMeta
  /** The open article. */
  articleId: string
  readOnly: boolean
  /** Applies edits as one undo step; false when refused. */
  onEdit: (edits: CorpusEdit[]) => boolean
  /** Resolves once every edit is on disk, so that main reads what is shown. */
  drained: () => Promise<void>
  onClose: () => void
}

/** Problems listed at most; the rest are counted. */
const MAX_LISTED = 200

const fileName = (path: string) => path.split(/[\\/]/).pop() ?? path

/** The name of each format an article may come from. */
const SOURCE_FORMAT_LABELS = {
  text: 'attributes.format.text',
  markdown: 'attributes.format.markdown',
  html: 'attributes.format.html',
  mhtml: 'attributes.format.mhtml',
  docx: 'attributes.format.docx',
  odt: 'attributes.format.odt',
  pdf: 'attributes.format.pdf',
  epub: 'attributes.format.epub',
  csv: 'attributes.format.csv',
  xlsx: 'attributes.format.xlsx',
} as const satisfies Record<SourceFormat, string>

export function ArticleDetails(props: Props) {
  const { meta, articleId, readOnly, onEdit } = props
  const { t, plural, errorText, formatNumber } = useI18n()
  /** A file's size as analysts read it: KB up to a megabyte, then MB. */
  const formatSize = (bytes: number) =>
    bytes < 1024 * 1024
      ? t('attributes.size.kb', { n: formatNumber(Math.max(1, Math.round(bytes / 1024))) })
      : t('attributes.size.mb', { n: formatNumber(Math.round(bytes / 104857.6) / 10) })
  const { close, dialogProps } = useModal(props.onClose)
  const [status, setStatus] = useState('')
  const [report, setReport] = useState<{ file: string; problems: AttributeImportProblem[] } | null>(
    null,
  )
  const [busy, setBusy] = useState(false)
  const entry = meta.articles.find((a) => a.id === articleId)

  const apply = (edit: SetArticleMeta, done: string): boolean => {
    if (!onEdit([edit])) {
      setStatus(t('attributes.status.refused'))
      return false
    }
    setStatus(`${done} ${t('attributes.undo')}`)
    return true
  }

  /** Saves one field of the open article; its problem, or null. */
  const commit = (attribute: string, raw: string) => {
    const r = setArticleFields(meta, articleId, { [attribute]: raw })
    if (!r.ok) return r.problems[attribute] ?? null
    if (r.edit)
      apply(
        r.edit,
        t('attributes.status.set', { name: attributeLabel(t, attribute, meta.attributeDefs) }),
      )
    return null
  }

  /** "Save a copy of the original file…": the copy the session kept of the file it was read from. */
  const saveOriginal = async () => {
    const r = await window.gloss.saveOriginal(props.sessionId, articleId)
    if (!r.ok) return setStatus(t('attributes.original.failed', { message: errorText(r.error) }))
    if (r.value) setStatus(t('attributes.original.saved', { file: fileName(r.value.filePath) }))
  }

  const importCsv = async () => {
    setBusy(true)
    setReport(null)
    try {
      await props.drained()
      const r = await window.gloss.importAttributesCsv(props.sessionId)
      if (!r.ok) return setStatus(t('attributes.import.failed', { message: errorText(r.error) }))
      if (!r.value) return
      const { filePath, edit, problems, changed } = r.value
      const file = fileName(filePath)
      if (problems.length) {
        setStatus(t('attributes.import.refused', { file }))
        return setReport({ file, problems })
      }
      if (!edit) return setStatus(t('attributes.import.same', { file }))
      apply(
        edit,
        t('attributes.import.done', {
          file,
          changed: plural('attributes.import.changed', changed),
        }),
      )
    } finally {
      setBusy(false)
    }
  }

  return (
    <dialog
      {...dialogProps}
      className="attr-dialog"
      aria-labelledby="attr-title"
      aria-describedby="attr-help"
    >
      <div className="attr-head">
        <h2 id="attr-title">{t('attributes.title')}</h2>
        <button type="button" onClick={() => close()}>
          {t('common.close')}
        </button>
      </div>
      <p id="attr-help" className="muted attr-section-help">
        {readOnly ? t('attributes.readOnly') : t('attributes.help')}
      </p>
      <p className="attr-status" role="status" aria-live="polite">
        {status}
      </p>

      {entry && (
        <section className="attr-section" aria-labelledby="attr-fields-title">
          <h3 id="attr-fields-title">{t('attributes.fields')}</h3>
          <p className="muted attr-file">
            {t('attributes.field.file', { file: entry.sourceFileName })}
            {entry.source && (
              <>
                {' · '}
                {t('attributes.field.source', {
                  format: t(SOURCE_FORMAT_LABELS[entry.source.format]),
                  size: formatSize(entry.source.bytes),
                })}
                {entry.source.row !== undefined &&
                  ` · ${t('attributes.field.row', { row: formatNumber(entry.source.row) })}`}
                {entry.source.encoding &&
                  ` · ${t('attributes.field.encoding', { encoding: entry.source.encoding })}`}
              </>
            )}
            {entry.source?.original && (
              <>
                {' · '}
                <button type="button" className="link" onClick={() => void saveOriginal()}>
                  {t('attributes.original.save')}
                </button>
              </>
            )}
          </p>
          <div className="attr-fields">
            <ArticleField
              label={attributeLabel(t, 'title', meta.attributeDefs)}
              type="text"
              wide
              value={entry.title}
              readOnly={readOnly}
              onCommit={(raw) => commit('title', raw)}
            />
            {BUILTIN_ATTRIBUTES.map((b) => (
              <ArticleField
                key={b}
                label={attributeLabel(t, b, meta.attributeDefs)}
                type={b === 'published' ? 'date' : 'text'}
                value={entry.attributes[b] ?? ''}
                help={b === 'url' ? t('attributes.field.urlHelp') : undefined}
                readOnly={readOnly}
                onCommit={(raw) => commit(b, raw)}
              />
            ))}
          </div>
          {meta.attributeDefs.length > 0 && (
            <>
              <h4>{t('attributes.custom')}</h4>
              <div className="attr-fields">
                {meta.attributeDefs.map((d) => (
                  <ArticleField
                    key={d.id}
                    label={d.name}
                    type={d.type}
                    values={d.values}
                    value={entry.attributes[d.id] ?? ''}
                    help={d.type === 'number' ? t('attributes.field.numberHelp') : undefined}
                    readOnly={readOnly}
                    onCommit={(raw) => commit(d.id, raw)}
                  />
                ))}
              </div>
            </>
          )}
        </section>
      )}

      <AttributeDefinitions meta={meta} readOnly={readOnly} onEdit={apply} />

      <section className="attr-section" aria-labelledby="attr-many-title">
        <h3 id="attr-many-title">{t('attributes.many.title')}</h3>
        <p className="muted attr-section-help">{t('attributes.import.help')}</p>
        {report && (
          <div className="attr-report" role="alert">
            <p>{t('attributes.import.refused', { file: report.file })}</p>
            <ul>
              {report.problems.slice(0, MAX_LISTED).map((p, i) => (
                <li key={i}>{describeImportProblem(t, p)}</li>
              ))}
            </ul>
            {report.problems.length > MAX_LISTED && (
              <p>{plural('attributes.import.more', report.problems.length - MAX_LISTED)}</p>
            )}
            <button type="button" className="link" onClick={() => setReport(null)}>
              {t('common.dismiss')}
            </button>
          </div>
        )}
        <div className="attr-actions">
          <button
            type="button"
            disabled={readOnly}
            title={t('attributes.many.setAll.title')}
            onClick={() => openBulkAttributeEdit(meta.articles.map((a) => a.id))}
          >
            {t('attributes.many.setAll')}
          </button>
          <button
            type="button"
            disabled={busy || readOnly}
            title={t('attributes.import.title')}
            onClick={() => void importCsv()}
          >
            {t('attributes.import')}
          </button>
        </div>
      </section>
    </dialog>
  )
}
