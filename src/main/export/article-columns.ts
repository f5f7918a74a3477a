// The article columns of the corpus exports: the article's id and title,
// its builtin attributes (outlet, author, published, url, language), then
// one column per custom attribute, named as the analyst named it.
//
// Names are unique within a file, ignoring case (SPSS, Stata and Excel
// users' tools do not tell `Outlet` from `outlet`): a name already taken by
// the export's own columns (e.g. the passage export's `note`), by a theme's
// columns or by an earlier article column gets the prefix `article_`
// (`article_note`), and if that is taken too, `_2`, `_3`… The passage
// exports keep the article's author as `article_author` (their coder column
// was named `author` until it became `coder`: a script that read `author`
// must not silently get the journalist).
// Cells are formula-safe like every cell of csv.ts; number attributes are
// written as numbers, so that R and pandas read a numeric column.
// Never writes files itself.
import type { ArticleEntry, CorpusMeta } from '@shared/model/corpus'
import { BUILTIN_ATTRIBUTES } from '@shared/model/corpus'
import { neutralizeFormula, type CsvRecord } from './csv'

export interface ArticleColumns {
  /** The header cells (neutralized), in order. */
  names: string[]
  /** An article's cells, in the order of `names`. */
  cells: (entry: ArticleEntry) => CsvRecord
}

/**
 * The article columns of an export whose other columns are `taken`.
 * `titleName` is the title column's name (`article_title` beside the
 * passage export's `document_title`, `title` in the matrix).
 */
export function articleColumns(
  meta: Pick<CorpusMeta, 'attributeDefs'>,
  taken: Iterable<string>,
  { idName = 'article_id', titleName = 'article_title' } = {},
): ArticleColumns {
  const used = new Set([...taken].map((n) => n.toLowerCase()))
  const unique = (wanted: string) => {
    const candidates = [wanted, `article_${wanted}`]
    for (const c of candidates) {
      const name = neutralizeFormula(c)
      if (!used.has(name.toLowerCase())) {
        used.add(name.toLowerCase())
        return name
      }
    }
    for (let i = 2; ; i++) {
      const name = neutralizeFormula(`article_${wanted}_${i}`)
      if (!used.has(name.toLowerCase())) {
        used.add(name.toLowerCase())
        return name
      }
    }
  }
  const attributes = [
    ...BUILTIN_ATTRIBUTES.map((id) => ({ id, name: id, number: false })),
    ...meta.attributeDefs.map((d) => ({ id: d.id, name: d.name, number: d.type === 'number' })),
  ]
  const names = [unique(idName), unique(titleName), ...attributes.map((a) => unique(a.name))]
  return {
    names,
    cells: (entry) => [
      neutralizeFormula(entry.id),
      neutralizeFormula(entry.title),
      ...attributes.map((a) => {
        const v = entry.attributes[a.id] ?? ''
        if (a.number && v !== '' && Number.isFinite(Number(v))) return Number(v)
        return neutralizeFormula(v)
      }),
    ],
  }
}
