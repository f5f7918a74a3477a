// What importing an attribute CSV reports (src/main/import/attributes-csv.ts):
// the one edit to apply, or every problem with its row. Types only.
import type { SetArticleMeta } from './attributes'

export type AttributeImportProblemCode =
  | 'not-utf8'
  | 'too-large'
  | 'empty-file'
  | 'unterminated-quote'
  /** The header names neither a `title` nor a `file` column. */
  | 'no-key-column'
  /** A column that is neither a builtin nor a custom attribute of the session. */
  | 'unknown-column'
  | 'repeated-column'
  /** A column without a name that holds values. */
  | 'unnamed-column'
  | 'no-rows'
  | 'too-many-rows'
  /** More cells than the header has columns (a separator inside an unquoted value). */
  | 'extra-cells'
  | 'key-empty'
  | 'unknown-title'
  | 'unknown-file'
  /** Several articles have this title (or file name): the row cannot say which. */
  | 'ambiguous-title'
  | 'ambiguous-file'
  /** Two rows name the same article. */
  | 'same-article'
  | 'number'
  | 'date'
  | 'category'
  | 'too-long'
  | 'title-empty'

export interface AttributeImportProblem {
  /** Row of the file (header = 1); null for the file as a whole. */
  row: number | null
  code: AttributeImportProblemCode
  /** The column's name as the header writes it, for a problem of one cell. */
  column?: string
  /** The offending value (a title, a file name, a cell, a column's name, a count). */
  value?: string
  /** The earlier row that names the same article. */
  otherRow?: number
  /** How many articles share an ambiguous title or file name. */
  count?: number
  /** The problem in English, for logs and tests; the UI words it from `code`. */
  message: string
}

/** The outcome of importAttributesCsv. */
export interface AttributeImport {
  filePath: string
  /** Which column found the articles. */
  key: 'title' | 'file' | null
  /** The rows that named an article. */
  rows: number
  /**
   * The edit that sets the file's values: apply it like any edit (one undo
   * step). Null when the file has problems or changes nothing.
   */
  edit: SetArticleMeta | null
  /** Articles whose title or attributes the edit changes. */
  changed: number
  /** Empty when the file was read; otherwise nothing is changed. */
  problems: AttributeImportProblem[]
}
