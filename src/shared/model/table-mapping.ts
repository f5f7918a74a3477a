// Articles from a table (a CSV or XLSX file, one article per row): which
// column holds what, guessed from the header in French or English and
// then set by the analyst, and the articles the rows make under a mapping,
// with each row's problem (an empty text, a row that repeats another, a
// date Gloss cannot read). Rows are numbered as in the file: the header is
// row 1. Dates become YYYY-MM-DD from ISO, DD/MM/YYYY, `12 mars 2025` or
// `March 12, 2025`.
// Pure (shared by main and the renderer): no DOM, no Node, no Electron. It
// must never: drop a row without saying why (blank rows aside), or invent
// a date it cannot read.
import { isIsoDate } from './corpus'

/** Most columns a table of articles may have (its reader refuses more; the IPC checks indexes by it). */
export const MAX_TABLE_COLUMNS = 1_000

/** The builtin fields a column can fill. */
export const TABLE_FIELDS = [
  'text',
  'title',
  'outlet',
  'author',
  'published',
  'url',
  'language',
] as const
export type TableField = (typeof TABLE_FIELDS)[number]

/** Which column (0-based) fills each field (null: none); `others` become custom attributes. */
export type TableMapping = Record<TableField, number | null> & { others: number[] }

/** What rowsToArticles needs of a table (ReadTable fits). */
export interface TableLike {
  columns: readonly string[]
  rows: readonly (readonly string[])[]
}

export type TableRowProblemCode = 'empty-text' | 'duplicate-row' | 'bad-date'

export interface TableRowProblem {
  /** The row in the file (the header is row 1). */
  row: number
  problem: TableRowProblemCode
  /** The cell at fault (bad-date), as written. */
  value?: string
  /** For duplicate-row: the row it repeats. */
  sameAs?: number
}

export interface TableArticle {
  /** The row in the file (the header is row 1). */
  row: number
  title: string
  text: string
  /** Builtin attributes with a value (published as YYYY-MM-DD). */
  attributes: Partial<Record<Exclude<TableField, 'text' | 'title'>, string>>
  /** Custom attributes by column name (the `others` columns), non-empty values only. */
  custom: Record<string, string>
}

/** Longest title made from the text's first line. */
export const MAX_TABLE_TITLE = 120

/** A header as compared: lower case, no accents, words separated by one space. */
export function foldHeader(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** Headers that name a field, folded. */
const EXACT: Record<TableField, readonly string[]> = {
  text: [
    'text',
    'body',
    'content',
    'contents',
    'article',
    'texte',
    'contenu',
    'corps',
    'full text',
    'body text',
    'article text',
    'texte integral',
    'texte de l article',
    'corps du texte',
  ],
  title: ['title', 'titre', 'headline', 'heading', 'article title', 'titre de l article'],
  outlet: [
    'source',
    'media',
    'medium',
    'publication',
    'journal',
    'outlet',
    'site',
    'newspaper',
    'publisher',
    'media outlet',
    'titre de presse',
  ],
  author: ['author', 'authors', 'byline', 'auteur', 'auteurs', 'auteur s', 'writer', 'signature'],
  published: [
    'date',
    'published',
    'publication date',
    'pubdate',
    'pub date',
    'date published',
    'published date',
    'published at',
    'date de publication',
    'date de parution',
    'parution',
  ],
  url: ['url', 'link', 'lien', 'uri', 'web address', 'adresse web', 'permalink'],
  language: ['language', 'lang', 'langue', 'locale'],
}

/** Words that name a field inside a longer header (`Date de publication`, `Article URL`), by priority. */
const WORDS: readonly [TableField, readonly string[]][] = [
  ['url', ['url', 'link', 'lien', 'uri']],
  ['published', ['date', 'pubdate']],
  ['author', ['author', 'authors', 'auteur', 'auteurs', 'byline']],
  ['language', ['language', 'langue', 'lang']],
  ['title', ['title', 'titre', 'headline']],
  ['text', ['text', 'texte', 'body', 'content', 'contenu', 'corps']],
  ['outlet', ['outlet', 'media', 'journal', 'newspaper', 'source', 'publication', 'site']],
]

/**
 * The mapping a header suggests: each field the first column whose name
 * is one of the field's names (case and accents ignored), then the first
 * whose name holds one of its words; every other column is a custom
 * attribute.
 */
export function guessMapping(columns: readonly string[]): TableMapping {
  const folded = columns.map(foldHeader)
  const mapping: TableMapping = {
    text: null,
    title: null,
    outlet: null,
    author: null,
    published: null,
    url: null,
    language: null,
    others: [],
  }
  const taken = new Set<number>()
  const assign = (field: TableField, match: (name: string) => boolean) => {
    if (mapping[field] !== null) return
    const i = folded.findIndex((name, i) => !taken.has(i) && name !== '' && match(name))
    if (i === -1) return
    mapping[field] = i
    taken.add(i)
  }
  for (const field of TABLE_FIELDS) assign(field, (name) => EXACT[field].includes(name))
  for (const [field, words] of WORDS)
    assign(field, (name) => name.split(' ').some((w) => words.includes(w)))
  mapping.others = columns.flatMap((_, i) => (taken.has(i) ? [] : [i]))
  return mapping
}

const MONTHS: Record<string, number> = {}
;[
  ['janvier', 'janv', 'january', 'jan'],
  ['fevrier', 'fevr', 'fev', 'february', 'feb'],
  ['mars', 'march', 'mar'],
  ['avril', 'avr', 'april', 'apr'],
  ['mai', 'may'],
  ['juin', 'june', 'jun'],
  ['juillet', 'juil', 'july', 'jul'],
  ['aout', 'august', 'aug'],
  ['septembre', 'sept', 'september', 'sep'],
  ['octobre', 'oct', 'october'],
  ['novembre', 'nov', 'november'],
  ['decembre', 'dec', 'december'],
].forEach((names, i) => names.forEach((n) => (MONTHS[n] = i + 1)))

const WEEKDAYS =
  /^(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thurs|fri|sat|sun)\b\.?,?\s*/

const iso = (y: number, m: number, d: number): string | null => {
  const s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
  return isIsoDate(s) ? s : null
}

/**
 * A date as YYYY-MM-DD, from `2025-03-12` (a time after it ignored),
 * `12/03/2025` (day first; month first only when the day cannot be a month),
 * `12.03.2025`, `12 mars 2025`, `1er mars 2025`, `mercredi 12 mars 2025`
 * (a time after the year ignored),
 * `March 12, 2025`, `12 March 2025`, `Mar. 12, 2025`. Null otherwise.
 */
export function parseTableDate(raw: string): string | null {
  const s = foldHeader(raw.replace(/(\d)(er|st|nd|rd|th)\b/gi, '$1'))
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$/.exec(raw.trim())
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]))
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s.*)?$/.exec(raw.trim())
  if (m) {
    const [a, b, y] = [Number(m[1]), Number(m[2]), Number(m[3])]
    return b > 12 && a <= 12 ? iso(y, a, b) : iso(y, b, a)
  }
  const words = s.replace(WEEKDAYS, '')
  // A time may follow the year (`12 mars 2025 à 10h30`).
  m = /^(\d{1,2}) ([a-z]+) (\d{4})(?: .*)?$/.exec(words)
  if (m && MONTHS[m[2]!]) return iso(Number(m[3]), MONTHS[m[2]!]!, Number(m[1]))
  m = /^([a-z]+) (\d{1,2}) (\d{4})(?: .*)?$/.exec(words)
  if (m && MONTHS[m[1]!]) return iso(Number(m[3]), MONTHS[m[1]!]!, Number(m[2]))
  return null
}

/** A title from the text: its first non-blank line, cut at a word to at most MAX_TABLE_TITLE characters. */
export function titleFromText(text: string): string {
  const line =
    text
      .split(/\r\n?|\n/)
      .map((l) => l.trim())
      .find((l) => l !== '') ?? ''
  const chars = Array.from(line)
  if (chars.length <= MAX_TABLE_TITLE) return line
  const cut = chars.slice(0, MAX_TABLE_TITLE - 1).join('')
  const space = cut.search(/\s\S*$/)
  return `${(space > MAX_TABLE_TITLE / 2 ? cut.slice(0, space) : cut).trimEnd()}…`
}

/** The key two texts are the same by: line ends, Unicode form and white space runs aside. */
const sameTextKey = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim()

/** One row of a table under a mapping: its article (null: left out) and its problems. */
export interface TableRowRead {
  article: TableArticle | null
  problems: TableRowProblem[]
}

/**
 * The articles of a table under a mapping, and each row's problem: a row
 * whose text is empty (`empty-text`) or the same as an earlier row's
 * (`duplicate-row`) is left out; a date that cannot be read (`bad-date`)
 * is left out of an article that is kept. Blank rows are skipped silently.
 * A custom column whose name repeats an earlier one's is named `name 2`.
 */
export function rowsToArticles(
  table: TableLike,
  mapping: TableMapping,
): { articles: TableArticle[]; problems: TableRowProblem[] } {
  const articles: TableArticle[] = []
  const problems: TableRowProblem[] = []
  for (const read of readTableRows(table, mapping)) {
    if (read.article) articles.push(read.article)
    problems.push(...read.problems)
  }
  return { articles, problems }
}

/** rowsToArticles one row at a time (blank rows skipped), for a caller that pauses between rows. */
export function* readTableRows(
  table: TableLike,
  mapping: TableMapping,
): Generator<TableRowRead, void, undefined> {
  const seen = new Map<string, number>()
  const customNames = new Map<number, string>()
  const used = new Set<string>()
  for (const i of mapping.others) {
    const base = table.columns[i]?.trim() || `column ${i + 1}`
    let name = base
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base} ${k}`
    used.add(name.toLowerCase())
    customNames.set(i, name)
  }
  const cellOf = (cells: readonly string[], i: number | null) =>
    i === null ? '' : (cells[i] ?? '').trim()

  for (let index = 0; index < table.rows.length; index++) {
    const cells = table.rows[index]!
    const row = index + 2
    if (cells.every((c) => c.trim() === '')) continue
    const text = cellOf(cells, mapping.text)
    if (text === '') {
      yield { article: null, problems: [{ row, problem: 'empty-text' }] }
      continue
    }
    const key = sameTextKey(text)
    const earlier = seen.get(key)
    if (earlier !== undefined) {
      yield { article: null, problems: [{ row, problem: 'duplicate-row', sameAs: earlier }] }
      continue
    }
    seen.set(key, row)
    const problems: TableRowProblem[] = []
    const attributes: TableArticle['attributes'] = {}
    for (const field of ['outlet', 'author', 'url', 'language'] as const) {
      const value = cellOf(cells, mapping[field])
      if (value) attributes[field] = value.replace(/\s+/g, ' ')
    }
    const published = cellOf(cells, mapping.published)
    if (published) {
      const date = parseTableDate(published)
      if (date) attributes.published = date
      else problems.push({ row, problem: 'bad-date', value: published })
    }
    const custom: Record<string, string> = {}
    for (const [i, name] of customNames) {
      const value = cellOf(cells, i)
      if (value) custom[name] = value
    }
    const title = cellOf(cells, mapping.title).replace(/\s+/g, ' ') || titleFromText(text)
    yield { article: { row, title, text, attributes, custom }, problems }
  }
}
