// Every format Gloss reads, by what the file's content is (sniff.ts): the
// reader of one article per file, or of a table of articles (one per row).
import { readDocx } from './docx'
import { readEpub } from './epub'
import { readHtml } from './html'
import { readMhtml } from './mhtml'
import { readOdt } from './odt'
import { readPdf } from './pdf'
import { readCsvTable } from './table'
import { readMarkdown, readText } from './text'
import type { ArticleFormat, FormatReader, TableReader } from './types'
import { readXlsxTable } from './xlsx'

export { sniffFormat, type SniffedFormat } from './sniff'
export { FormatError, type FormatProblem, type ReadDocument, type ReadTable } from './types'

/** Readers of one article per file. */
export const DOCUMENT_READERS: Partial<Record<ArticleFormat, FormatReader>> = {
  text: readText,
  markdown: readMarkdown,
  html: readHtml,
  mhtml: readMhtml,
  docx: readDocx,
  odt: readOdt,
  epub: readEpub,
  pdf: readPdf,
}

/** Readers of tables of articles. */
export const TABLE_READERS: Partial<Record<ArticleFormat, TableReader>> = {
  csv: readCsvTable,
  xlsx: readXlsxTable,
}

/** The extensions the "Add articles…" and "Open article…" dialogs offer. */
export const ARTICLE_EXTENSIONS = [
  'txt',
  'md',
  'markdown',
  'html',
  'htm',
  'mhtml',
  'mht',
  'docx',
  'odt',
  'pdf',
  'epub',
  'csv',
  'tsv',
  'xlsx',
] as const
