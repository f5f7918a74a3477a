// The agreement units CSV: what each coder said of each unit of analysis
// (units.ts), one row per unit × theme × coder, so that anyone can
// recompute the agreement figures Gloss shows with their own tools.
//
// Columns: unit_id, article_id, unit_kind, unit_start, unit_end, theme,
// coder, value. Offsets are code points, end exclusive, like every offset
// Gloss exports. `theme` is the theme's name (as in the tidy export; a theme
// missing from the list given is written by its id), `coder` the passage
// author. `value` is 1 or 0, and empty when the coder did not code the
// article (missing data, never 0). Rows come unit by unit in article and
// text order, then theme (in the units' order), then coder.
// - article, paragraph, sentence: `unit_id` numbers the units from 1; a
//   unit has the same id under every theme.
// - characters: the units are the segments of each article's continuum for
//   a theme: the maximal runs of characters over which the set of coders
//   covering them does not change, from 0 to the article's length, covered
//   or not. `unit_id` numbers the segments from 1 across the file (each
//   theme has its own). To recompute αu, take the rows of one article and
//   theme in order: the continuum's length is the last unit_end, a coder's
//   spans are the maximal runs of consecutive segments where the coder's
//   value is 1, and a coder whose values are empty is absent from it.
// Same file conventions as csv.ts (BOM, CRLF, quoting, text cells
// neutralized against formulas), made in chunks as it is written. Never
// writes files itself.
import type { Continuum, NominalUnits, SpanUnits } from '@shared/agreement/units'
import type { AgreementArticle } from '@shared/agreement/units'
import { makeCodePointIndex } from '@shared/model/offsets'
import type { Theme } from '@shared/model/schema'
import { csvCell, csvLine, csvLineChunks, neutralizeFormula } from './csv'

export const AGREEMENT_UNITS_HEADER = [
  'unit_id',
  'article_id',
  'unit_kind',
  'unit_start',
  'unit_end',
  'theme',
  'coder',
  'value',
] as const

/** What the file needs besides the units: theme names, and the texts (for code point offsets). */
export interface AgreementUnitsCsvInput {
  /** The codebook (or at least the themes compared), for the theme column. */
  themes: readonly Pick<Theme, 'id' | 'name'>[]
  /** The articles the units were built from. */
  articles: readonly Pick<AgreementArticle, 'id' | 'text'>[]
}

/** One segment of a continuum: code points, and whether each coder of the continuum covers it. */
export interface ContinuumSegment {
  start: number
  end: number
  /** By the continuum's coder number (Continuum.present's order). */
  covered: boolean[]
}

/**
 * The agreement units file, BOM and header first, in chunks; `taken` is
 * told how many rows were written so far.
 */
export function agreementUnitsCsvChunks(
  units: NominalUnits | SpanUnits,
  input: AgreementUnitsCsvInput,
  taken?: (rows: number) => void,
): Generator<string> {
  const names = new Map(input.themes.map((t) => [t.id, t.name]))
  const themeCell = (id: string) => `,${csvCell(neutralizeFormula(names.get(id) ?? id))},`
  const coderCells = units.coders.map((c) => `${csvCell(neutralizeFormula(c))},`)
  const lines =
    units.kind === 'characters'
      ? segmentLines(units, themeCell, coderCells)
      : unitLines(units, input, themeCell, coderCells)
  return csvLineChunks(csvLine(AGREEMENT_UNITS_HEADER), lines, taken)
}

/** The whole file as a string (tests, small exports). */
export function agreementUnitsCsv(
  units: NominalUnits | SpanUnits,
  input: AgreementUnitsCsvInput,
): string {
  return [...agreementUnitsCsvChunks(units, input)].join('')
}

/** The number of data rows the file will have (for progress). */
export function agreementUnitsRowCount(units: NominalUnits | SpanUnits): number {
  const coders = units.coders.length
  if (units.kind !== 'characters') return units.units.length * units.values.size * coders
  let n = 0
  for (const continua of units.themes.values())
    for (const c of continua) n += continuumSegments(c).length * coders
  return n
}

const VALUE = ['', '0', '1'] as const
/** A value of NominalUnits (-1, 0, 1) as written: empty, 0 or 1. */
const valueCell = (v: number) => VALUE[v + 1]!

function* unitLines(
  units: NominalUnits,
  input: AgreementUnitsCsvInput,
  themeCell: (id: string) => string,
  coderCells: readonly string[],
): Generator<string> {
  const texts = new Map(input.articles.map((a) => [a.id, a.text]))
  const themes = [...units.values].map(([id, rows]) => ({ cell: themeCell(id), rows }))
  const kind = csvCell(units.kind)
  let articleId: string | undefined
  let toCodePoint = (utf16: number) => utf16
  let articleCell = ''
  for (let k = 0; k < units.units.length; k++) {
    const unit = units.units[k]!
    if (unit.articleId !== articleId) {
      articleId = unit.articleId
      const text = texts.get(articleId)
      if (text === undefined) throw new Error(`no text for article ${articleId}`)
      toCodePoint = makeCodePointIndex(text)
      articleCell = csvCell(neutralizeFormula(articleId))
    }
    const head = `${k + 1},${articleCell},${kind},${toCodePoint(unit.start)},${toCodePoint(unit.end)}`
    for (const { cell, rows } of themes)
      for (let c = 0; c < coderCells.length; c++)
        yield `${head}${cell}${coderCells[c]}${valueCell(rows[c]![k]!)}\r\n`
  }
}

function* segmentLines(
  units: SpanUnits,
  themeCell: (id: string) => string,
  coderCells: readonly string[],
): Generator<string> {
  const themes = [...units.themes].map(([id, continua]) => ({ cell: themeCell(id), continua }))
  const articles = themes[0]?.continua.length ?? 0
  const kind = csvCell('characters')
  let id = 0
  for (let i = 0; i < articles; i++)
    for (const { cell, continua } of themes) {
      const continuum = continua[i]!
      const articleCell = csvCell(neutralizeFormula(continuum.articleId))
      // The continuum's coder number of each request coder, -1 when absent.
      const local = coderCells.map((_, c) => continuum.present.indexOf(c))
      for (const s of continuumSegments(continuum)) {
        const head = `${++id},${articleCell},${kind},${s.start},${s.end}${cell}`
        for (let c = 0; c < coderCells.length; c++) {
          const l = local[c]!
          yield `${head}${coderCells[c]}${l < 0 ? '' : s.covered[l] ? '1' : '0'}\r\n`
        }
      }
    }
}

/**
 * The segments of a continuum: [0, length) cut wherever the set of its
 * coders covering the text changes, in order.
 */
export function continuumSegments(continuum: Continuum): ContinuumSegment[] {
  const { length, spans, coders } = continuum
  const cuts = new Set<number>([0, length])
  for (const s of spans) cuts.add(s.start).add(s.end)
  const bounds = [...cuts].filter((b) => b >= 0 && b <= length).sort((a, b) => a - b)
  // Each coder's spans in order (the continuum lists them by coder, then start).
  const own = Array.from({ length: coders }, () => [] as { start: number; end: number }[])
  for (const s of spans) own[s.coder]?.push(s)
  const next = new Array<number>(coders).fill(0)
  const out: ContinuumSegment[] = []
  for (let j = 0; j + 1 < bounds.length; j++) {
    const start = bounds[j]!
    const end = bounds[j + 1]!
    const covered = own.map((list, c) => {
      while (next[c]! < list.length && list[next[c]!]!.end <= start) next[c]!++
      const span = list[next[c]!]
      return span !== undefined && span.start <= start
    })
    const last = out[out.length - 1]
    if (last && last.covered.every((v, c) => v === covered[c])) last.end = end
    else out.push({ start, end, covered })
  }
  return out
}
