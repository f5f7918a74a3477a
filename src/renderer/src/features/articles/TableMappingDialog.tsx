// A table of articles (CSV, Excel) found among the files added: which column
// holds the text (required), the title, outlet, author, date published, URL
// and language, and which other columns to keep as custom attributes. Main
// guessed from the headers; the first rows are shown so the analyst sees
// what each column holds. Add (Enter) adds one article per row; Cancel (Esc)
// adds nothing from this table.
import { useState } from 'react'
import { TABLE_ROLES, type PendingTable, type TableMapping, type TableRole } from '@shared/api'
import { useI18n } from '@renderer/i18n/i18n'
import { useModal } from '@renderer/lib/use-modal'

interface Props {
  table: PendingTable
  /** The mapping chosen, or null when the analyst cancels. */
  onDone: (mapping: TableMapping | null) => void
}

const ROLE_LABELS = {
  text: 'articles.table.text',
  title: 'articles.table.title',
  outlet: 'articles.table.outlet',
  author: 'articles.table.author',
  published: 'articles.table.published',
  url: 'articles.table.url',
  language: 'articles.table.language',
} as const satisfies Record<TableRole, string>

/** Sample cells are cut to this many characters. */
const CELL_CHARS = 80

export function TableMappingDialog({ table, onDone }: Props) {
  const { t, formatNumber, plural } = useI18n()
  const [columns, setColumns] = useState<PendingTable['guess']['columns']>(table.guess.columns)
  const [custom, setCustom] = useState<Set<number>>(() => new Set(table.guess.custom))
  const [tried, setTried] = useState(false)
  const mapped = new Set(Object.values(columns))
  const mapping = (): TableMapping | null =>
    columns.text === undefined
      ? null
      : {
          columns: { ...columns, text: columns.text },
          custom: [...custom].filter((c) => !mapped.has(c)).sort((a, b) => a - b),
        }
  const { close, dialogProps } = useModal((value) => onDone(value === 'add' ? mapping() : null))
  const setRole = (role: TableRole, value: string) => {
    setColumns((c) => {
      const next = { ...c }
      if (value === '') delete next[role]
      else {
        const column = Number(value)
        // One role per column: a column chosen for this role leaves the role it had.
        for (const r of TABLE_ROLES) if (next[r] === column) delete next[r]
        next[role] = column
      }
      return next
    })
  }
  const name = (i: number) => table.columns[i] ?? String(i + 1)
  const cut = (cell: string) => (cell.length > CELL_CHARS ? `${cell.slice(0, CELL_CHARS)}…` : cell)
  const others = table.columns.map((_, i) => i).filter((i) => !mapped.has(i))
  return (
    <dialog {...dialogProps} className="table-mapping" aria-labelledby="table-mapping-title">
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault()
          setTried(true)
          if (columns.text !== undefined) close('add')
        }}
      >
        <h2 id="table-mapping-title">{t('articles.table.heading', { file: table.file })}</h2>
        <p className="muted">
          {t('articles.table.intro', { rows: plural('count.rows', table.rowCount) })}
          {table.encoding ? ` ${t('articles.table.encoding', { encoding: table.encoding })}` : ''}
          {table.sheet ? ` ${t('articles.table.sheet', { sheet: table.sheet })}` : ''}
        </p>
        <div className="table-mapping-roles">
          {TABLE_ROLES.map((role) => (
            <div key={role} className="field">
              <label htmlFor={`table-role-${role}`}>
                {t(ROLE_LABELS[role])}
                {role === 'text' ? ' *' : ''}
              </label>
              <select
                id={`table-role-${role}`}
                value={columns[role] ?? ''}
                aria-invalid={role === 'text' && tried && columns.text === undefined}
                autoFocus={role === 'text'}
                onChange={(e) => setRole(role, e.target.value)}
              >
                <option value="">{t('articles.table.none')}</option>
                {table.columns.map((c, i) => (
                  <option key={i} value={i}>
                    {c || t('articles.table.column', { n: formatNumber(i + 1) })}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </div>
        {tried && columns.text === undefined && (
          <p role="alert">{t('articles.table.textRequired')}</p>
        )}
        {others.length > 0 && (
          <fieldset className="table-mapping-custom">
            <legend>{t('articles.table.custom')}</legend>
            {others.map((i) => (
              <label key={i} className="check">
                <input
                  type="checkbox"
                  checked={custom.has(i)}
                  onChange={(e) =>
                    setCustom((s) => {
                      const next = new Set(s)
                      if (e.target.checked) next.add(i)
                      else next.delete(i)
                      return next
                    })
                  }
                />
                {name(i)}
              </label>
            ))}
          </fieldset>
        )}
        <div className="table-mapping-sample" role="region" aria-label={t('articles.table.sample')}>
          <table>
            <thead>
              <tr>
                {table.columns.map((c, i) => (
                  <th key={i} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.sample.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, i) => (
                    <td key={i}>{cut(cell)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="dialog-actions">
          <button type="button" onClick={() => close('')}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary">
            {t('articles.table.add', { articles: plural('count.articles', table.rowCount) })}
          </button>
        </div>
      </form>
    </dialog>
  )
}
