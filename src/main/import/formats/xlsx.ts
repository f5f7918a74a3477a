// Tables of articles from Excel workbooks (.xlsx, as Excel, LibreOffice
// and news databases write them): the first sheet, in the workbook's
// order, that has a cell with a value (visible sheets before hidden ones).
// Cells are placed by their references (gaps are ''); shared strings (rich
// text runs joined, phonetic guides left out), inline strings, numbers in
// JavaScript's shortest form, booleans as TRUE/FALSE, errors as written,
// dates as YYYY-MM-DD when the cell's number format is a date (builtin
// formats 14–17, 22, 27–36, 50–58, or a format code with d, y or m) and
// times as HH:MM[:SS]. Merged cells are not expanded: the value stays in
// the first cell. The zip is read through Archive (limits before inflating);
// the XML through xml-scan.ts (a DTD is never expanded).
// It must never: run a formula (a cell's cached value is read), follow a
// relationship outside the zip, use a name from the file as a path, or
// read more than MAX_TABLE_ROWS rows.
import { Archive, looksLikeCompoundFile, looksLikeZip } from './archive'
import { isEncryptedOfficeFile } from './compound'
import { settle } from './settle'
import { MAX_TABLE_COLUMNS, MAX_TABLE_ROWS, TableBuilder } from './table'
import { FormatError, type ReadTable, type TableReader } from './types'
import { xmlEvents } from './xml-scan'

const REL_OFFICE_DOCUMENT = /\/officeDocument$/
const REL_SHARED_STRINGS = /\/sharedStrings$/
const REL_STYLES = /\/styles$/
const REL_WORKSHEET = /\/worksheet$/
/** The most rows a sheet may number (Excel's own limit). */
const MAX_SHEET_ROW = 1_048_576

/** The directory of a part (`xl/` of `xl/workbook.xml`). */
const dirOf = (part: string) => part.slice(0, part.lastIndexOf('/') + 1)

/** A relationship's target resolved against the part's directory; null when it leaves the zip. */
export function resolvePart(base: string, target: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return null // a URL: never followed
  const path = target.startsWith('/') ? target.slice(1) : base + target
  const out: string[] = []
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue
    if (segment === '..') {
      if (out.length === 0) return null
      out.pop()
    } else out.push(segment)
  }
  return out.join('/')
}

/** The relationships of a part: id → { type, target part }. */
function relationships(archive: Archive, part: string): Map<string, { type: string; to: string }> {
  const relsPart = `${dirOf(part)}_rels/${part.slice(dirOf(part).length)}.rels`
  const rels = new Map<string, { type: string; to: string }>()
  const xml = archive.text(relsPart)
  if (xml === null) return rels
  for (const e of xmlEvents(xml)) {
    if (e.type !== 'open' || e.name !== 'Relationship') continue
    const { Id: id, Type: type = '', Target: target = '', TargetMode: mode } = e.attributes
    if (!id || mode === 'External') continue
    const to = resolvePart(dirOf(part), target)
    if (to !== null) rels.set(id, { type, to })
  }
  return rels
}

/** The shared strings, each the text of its runs joined (phonetic runs left out). */
function sharedStrings(archive: Archive, part: string | undefined): string[] {
  const xml = part ? archive.text(part) : null
  if (xml === null) return []
  const out: string[] = []
  let current: string[] | null = null
  let inT = false
  let phonetic = 0
  for (const e of xmlEvents(xml)) {
    if (e.type === 'open') {
      if (e.name === 'si') {
        current = []
        if (e.selfClosing) {
          out.push('')
          current = null
        }
      } else if (e.name === 't') inT = !e.selfClosing
      else if (e.name === 'rPh' && !e.selfClosing) phonetic++
    } else if (e.type === 'close') {
      if (e.name === 'si' && current) {
        out.push(unescapeOoxml(current.join('')))
        current = null
      } else if (e.name === 't') inT = false
      else if (e.name === 'rPh') phonetic = Math.max(0, phonetic - 1)
    } else if (inT && current && phonetic === 0) current.push(e.text)
  }
  return out
}

/** OOXML's escapes of characters XML cannot hold: `_x000D_` is a carriage return, `_x005F_` an underscore. */
const unescapeOoxml = (s: string) =>
  s.includes('_x')
    ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : s

type Kind = 'date' | 'time' | null

/** Builtin number formats that are dates or times. */
function builtinKind(id: number): Kind {
  if ((id >= 14 && id <= 17) || id === 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58))
    return 'date'
  if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47)) return 'time'
  return null
}

/** Whether a format code shows a date (d, y, or m without h/s) or a time of day. */
export function formatKind(code: string): Kind {
  const bare = code
    .split(';')[0]!
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    // Elapsed time ([h]:mm) is a time; colours and locales ([Red], [$-40C]) are nothing.
    .replace(/\[([hms]+)\]/gi, '$1')
    .replace(/\[[^\]]*\]/g, '')
  if (/[dy]/i.test(bare)) return 'date'
  if (/[hs]/i.test(bare)) return 'time'
  if (/m/i.test(bare)) return 'date'
  return null
}

/** For each cell style (`s`), whether its number format is a date or a time. */
function styleKinds(archive: Archive, part: string | undefined): Kind[] {
  const xml = part ? archive.text(part) : null
  if (xml === null) return []
  const custom = new Map<number, Kind>()
  const kinds: Kind[] = []
  let inCellXfs = false
  for (const e of xmlEvents(xml)) {
    if (e.type === 'open') {
      if (e.name === 'numFmt')
        custom.set(Number(e.attributes.numFmtId), formatKind(e.attributes.formatCode ?? ''))
      else if (e.name === 'cellXfs') inCellXfs = !e.selfClosing
      else if (e.name === 'xf' && inCellXfs) {
        const id = Number(e.attributes.numFmtId ?? 0)
        kinds.push(custom.has(id) ? custom.get(id)! : builtinKind(id))
      }
    } else if (e.type === 'close' && e.name === 'cellXfs') inCellXfs = false
  }
  return kinds
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** A serial date-time as YYYY-MM-DD (or HH:MM[:SS] for a time); null when out of range. */
export function serialToText(
  serial: number,
  kind: 'date' | 'time',
  date1904: boolean,
): string | null {
  if (!Number.isFinite(serial) || serial < 0 || serial > 2_958_465) return null
  const seconds = Math.round(serial * 86_400)
  if (kind === 'time') {
    const s = seconds % 86_400
    const hms = [Math.floor(s / 3600), Math.floor(s / 60) % 60, s % 60]
    return `${pad(hms[0]!)}:${pad(hms[1]!)}${hms[2] ? `:${pad(hms[2])}` : ''}`
  }
  const days = Math.floor(seconds / 86_400)
  // Excel's 1900 system counts a 29 February 1900 that never was: day 60.
  const base = date1904
    ? Date.UTC(1904, 0, 1)
    : days < 60
      ? Date.UTC(1899, 11, 31)
      : Date.UTC(1899, 11, 30)
  const d = new Date(base + days * 86_400_000)
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

/** A number as JavaScript writes it shortest (`0.1`, not `0.10000000000000001`). */
const numberText = (v: string) => {
  const n = Number(v)
  return v.trim() !== '' && Number.isFinite(n) ? String(n) : v
}

/** `B12` → column 1 (0-based) and row 12; null when not a reference. */
function parseRef(ref: string): { column: number; row: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?([0-9]{1,7})$/.exec(ref.toUpperCase())
  if (!m) return null
  let column = 0
  for (const ch of m[1]!) column = column * 26 + (ch.charCodeAt(0) - 64)
  return { column: column - 1, row: Number(m[2]) }
}

interface Sheet {
  /** Rows by number, each a sparse array of cells by column. */
  rows: Map<number, string[]>
  hasValue: boolean
}

interface CellContext {
  strings: string[]
  kinds: Kind[]
  date1904: boolean
}

function cellText(
  type: string,
  style: number,
  value: string,
  inline: string,
  ctx: CellContext,
): string {
  switch (type) {
    case 's':
      return ctx.strings[Number(value)] ?? ''
    case 'inlineStr':
      return unescapeOoxml(inline)
    case 'str':
    case 'e':
      return unescapeOoxml(value)
    case 'b':
      return value.trim() === '' ? '' : value.trim() === '1' ? 'TRUE' : 'FALSE'
    case 'd':
      return /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : value
    default: {
      if (value.trim() === '') return ''
      const kind = ctx.kinds[style] ?? null
      if (kind) return serialToText(Number(value), kind, ctx.date1904) ?? numberText(value)
      return numberText(value)
    }
  }
}

/** The cells of one worksheet part. Throws `too-large` past the row or column limit. */
function readSheet(xml: string, ctx: CellContext): Sheet {
  const rows = new Map<number, string[]>()
  let hasValue = false
  let rowNumber = 0
  let column = -1
  let cell: { column: number; type: string; style: number } | null = null
  let value = ''
  let inline = ''
  let inV = false
  let inT = false
  let phonetic = 0
  for (const e of xmlEvents(xml)) {
    if (e.type === 'open') {
      switch (e.name) {
        case 'row': {
          const r = e.attributes.r ? Number(e.attributes.r) : rowNumber + 1
          if (!Number.isInteger(r) || r < 1 || r > MAX_SHEET_ROW)
            throw new FormatError('corrupt', `row number ${e.attributes.r}`)
          rowNumber = r
          column = -1
          break
        }
        case 'c': {
          const ref = e.attributes.r ? parseRef(e.attributes.r) : null
          if (e.attributes.r && !ref) throw new FormatError('corrupt', `cell ${e.attributes.r}`)
          if (ref) rowNumber = ref.row
          column = ref ? ref.column : column + 1
          if (rowNumber < 1) rowNumber = 1
          if (column >= MAX_TABLE_COLUMNS)
            throw new FormatError('too-large', `more than ${MAX_TABLE_COLUMNS} columns`)
          cell = e.selfClosing
            ? null
            : { column, type: e.attributes.t ?? 'n', style: Number(e.attributes.s ?? 0) }
          value = ''
          inline = ''
          break
        }
        case 'v':
          inV = !e.selfClosing
          break
        case 't':
          inT = !e.selfClosing
          break
        case 'rPh':
          if (!e.selfClosing) phonetic++
          break
      }
    } else if (e.type === 'close') {
      switch (e.name) {
        case 'v':
          inV = false
          break
        case 't':
          inT = false
          break
        case 'rPh':
          phonetic = Math.max(0, phonetic - 1)
          break
        case 'c': {
          if (!cell) break
          const text = cellText(cell.type, cell.style, value, inline, ctx)
          cell = null
          if (text === '') break
          let row = rows.get(rowNumber)
          if (!row) {
            if (rows.size >= MAX_TABLE_ROWS + 1)
              throw new FormatError('too-large', `more than ${MAX_TABLE_ROWS} rows`)
            rows.set(rowNumber, (row = []))
          }
          row[column] = text
          if (text.trim() !== '') hasValue = true
          break
        }
      }
    } else if (cell) {
      if (inV) value += e.text
      else if (inT && phonetic === 0) inline += e.text
    }
  }
  return { rows, hasValue }
}

/** The sheet's rows in order, gaps as blank rows, into a table. */
function tableOfSheet(sheet: Sheet): Pick<ReadTable, 'columns' | 'rows'> {
  const numbers = [...sheet.rows.keys()].sort((a, b) => a - b)
  const builder = new TableBuilder()
  let previous: number | null = null
  for (const n of numbers) {
    if (previous !== null) builder.addBlank(n - previous - 1)
    const cells = sheet.rows.get(n)!
    builder.add(Array.from({ length: cells.length }, (_, i) => cells[i] ?? ''))
    previous = n
  }
  return builder.table()
}

interface SheetRef {
  name: string
  part: string
  hidden: boolean
}

/** The workbook's sheets in its order, its date system, and its parts (shared strings, styles). */
function workbookOf(archive: Archive): {
  sheets: SheetRef[]
  date1904: boolean
  parts: { type: string; to: string }[]
} {
  const root = relationships(archive, '')
  const workbook =
    [...root.values()].find((r) => REL_OFFICE_DOCUMENT.test(r.type))?.to ?? 'xl/workbook.xml'
  const xml = archive.text(workbook)
  if (xml === null) throw new FormatError('unsupported', 'no workbook in the zip')
  const rels = relationships(archive, workbook)
  const sheets: SheetRef[] = []
  let date1904 = false
  for (const e of xmlEvents(xml)) {
    if (e.type !== 'open') continue
    if (e.name === 'workbookPr') date1904 = ['1', 'true'].includes(e.attributes.date1904 ?? '')
    else if (e.name === 'sheet') {
      const rel = rels.get(e.attributes.id ?? '')
      if (!rel || !REL_WORKSHEET.test(rel.type)) continue // chart sheets, dialogs, macros
      sheets.push({
        name: e.attributes.name ?? '',
        part: rel.to,
        hidden: (e.attributes.state ?? 'visible') !== 'visible',
      })
    }
  }
  return { sheets, date1904, parts: [...rels.values()] }
}

/**
 * Reads the first sheet with a value of an XLSX workbook. Throws
 * FormatError: `old-format` (an .xls), `encrypted` (a password),
 * `unsupported` (not a workbook), `corrupt`, `too-large`, `no-text`.
 */
export const readXlsxTable: TableReader = (bytes) =>
  settle((): ReadTable => {
    if (looksLikeCompoundFile(bytes))
      throw isEncryptedOfficeFile(bytes)
        ? new FormatError('encrypted')
        : new FormatError('old-format', 'Excel 97–2003 (.xls)')
    if (!looksLikeZip(bytes)) throw new FormatError('unsupported', 'not a zip')
    const archive = Archive.open(bytes)
    const { sheets, date1904, parts } = workbookOf(archive)
    const ctx: CellContext = {
      strings: sharedStrings(archive, parts.find((r) => REL_SHARED_STRINGS.test(r.type))?.to),
      kinds: styleKinds(archive, parts.find((r) => REL_STYLES.test(r.type))?.to),
      date1904,
    }
    const ordered = [...sheets.filter((s) => !s.hidden), ...sheets.filter((s) => s.hidden)]
    for (const ref of ordered) {
      const xml = archive.text(ref.part)
      if (xml === null) continue
      const sheet = readSheet(xml, ctx)
      if (sheet.hasValue) return { ...tableOfSheet(sheet), sheet: ref.name }
    }
    throw new FormatError('no-text', 'no sheet has a value')
  })
