// Tables of articles from CSV files: the spreadsheet of articles saved by
// LibreOffice Calc as UTF-8 with commas and as Windows-1252 with
// semicolons, the attribute CSVs LibreOffice wrote (committed), and hostile
// files (too large, too many rows or columns, a quote never closed, binary).
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { guessMapping, rowsToArticles } from '@shared/model/table-mapping'
import {
  ARTICLE_COLUMNS,
  ARTICLE_CSV_ROWS,
  ARTICLES_FODS,
  EXPECTED_ARTICLES,
  EXPECTED_MAPPING,
} from '../../../../test-support/articles-table'
import { officeFixture } from '../../../../test-support/office-fixtures'
import {
  detectSeparator,
  MAX_TABLE_BYTES,
  MAX_TABLE_COLUMNS,
  MAX_TABLE_ROWS,
  readCsvTable,
  tableOf,
} from './table'
import { settle } from './settle'
import { FormatError } from './types'

const context = { fileName: 'articles.csv' }
const ATTRIBUTES = new URL('../fixtures/attributes/', import.meta.url).pathname
const bytesOf = (s: string) => new TextEncoder().encode(s)

async function problemOf(p: Promise<unknown>): Promise<string> {
  try {
    await p
  } catch (e) {
    if (e instanceof FormatError) return e.problem
    throw e
  }
  return 'none'
}

/** The CSV filter's options: separator, quote, character set (76 UTF-8, 1 Windows-1252), first line, formats, language, quote all text. */
async function calcCsv(options: string): Promise<Uint8Array> {
  const path = await officeFixture({
    name: 'articles.fods',
    source: ARTICLES_FODS,
    to: `csv:Text - txt - csv (StarCalc):${options}`,
  })
  return new Uint8Array(await readFile(path))
}

let utf8Comma: Uint8Array
let cp1252Semicolon: Uint8Array

beforeAll(async () => {
  ;[utf8Comma, cp1252Semicolon] = await Promise.all([
    calcCsv('44,34,76,1,,0,false'),
    calcCsv('59,34,1,1,,0,false'),
  ])
}, 120_000)

describe('the spreadsheet of articles saved as CSV by LibreOffice', () => {
  it('UTF-8 with commas: header, six rows, line breaks inside cells, emoji', async () => {
    expect(await readCsvTable(utf8Comma, context)).toEqual({
      columns: ARTICLE_COLUMNS,
      rows: ARTICLE_CSV_ROWS,
      encoding: 'UTF-8',
    })
  })

  it('Windows-1252 with semicolons: the same, emoji LibreOffice could not write aside', async () => {
    const table = await readCsvTable(cp1252Semicolon, context)
    expect(table.encoding).toBe('windows-1252')
    expect(table.columns).toEqual(ARTICLE_COLUMNS)
    const lost = (s: string) => s.replace('🇫🇷', '??').replace('🌧', '?')
    expect(table.rows).toEqual(ARTICLE_CSV_ROWS.map((r) => r.map(lost)))
  })

  it('the same as UTF-16 with a BOM and tabs (Excel’s “Unicode text”)', async () => {
    const { rows } = await readCsvTable(utf8Comma, context)
    const tsv = [ARTICLE_COLUMNS, ...rows]
      .map((r) => r.map((c) => (/[\t\n"]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join('\t'))
      .join('\r\n')
    const utf16 = new Uint8Array(2 + tsv.length * 2)
    utf16.set([0xff, 0xfe])
    for (let i = 0; i < tsv.length; i++)
      new DataView(utf16.buffer).setUint16(2 + 2 * i, tsv.charCodeAt(i), true)
    expect(await readCsvTable(utf16, context)).toEqual({
      columns: ARTICLE_COLUMNS,
      rows: ARTICLE_CSV_ROWS,
      encoding: 'UTF-16LE',
    })
  })

  it('maps to four articles; the empty text and the repeated row are reported by their rows', async () => {
    const table = await readCsvTable(utf8Comma, context)
    const mapping = guessMapping(table.columns)
    expect(mapping).toEqual(EXPECTED_MAPPING)
    expect(rowsToArticles(table, mapping)).toEqual(EXPECTED_ARTICLES)
  })
})

describe('the attribute CSVs LibreOffice wrote', () => {
  const read = async (name: string) =>
    readCsvTable(new Uint8Array(await readFile(join(ATTRIBUTES, name))), context)

  it('comma, semicolon with every text quoted, and Windows-1252 give the same table', async () => {
    const comma = await read('libreoffice-utf8-comma.csv')
    expect(comma.columns).toEqual([
      'file',
      'Title',
      'Outlet',
      'published',
      'Words',
      'Section',
      'Remark',
    ])
    expect(comma.rows).toEqual([
      [
        'greve.txt',
        'Grève à la SNCF : « c’est fini »',
        'Le Monde',
        '2024-03-15',
        '800',
        'Économie',
        'He said "no", then left',
      ],
      [
        'budget.md',
        'Budget 2025; the vote',
        'Libération',
        '2025-01-02',
        '1234.5',
        'politique',
        'first line\nsecond line',
      ],
      ['coupe.txt', 'Coupe du monde', '', '', '-3', 'Sport', '=1+1'],
    ])
    const semicolon = await read('libreoffice-utf8-semicolon-quoted.csv')
    const cp1252 = await read('libreoffice-windows-1252.csv')
    expect({ ...semicolon, encoding: 'UTF-8' }).toEqual(comma)
    expect(cp1252).toEqual({ ...comma, encoding: 'windows-1252' })
  })
})

describe('the shape of the table', () => {
  it('the first non-blank row is the header; a blank header is `column N`; short rows are padded', async () => {
    const csv = '\n\n title ,,text\na,b,c\n\nd\n,,\n\n'
    expect(await readCsvTable(bytesOf(csv), context)).toEqual({
      columns: ['title', 'column 2', 'text'],
      rows: [
        ['a', 'b', 'c'],
        ['', '', ''],
        ['d', '', ''],
      ],
      encoding: 'UTF-8',
    })
  })

  it('cells past the header get columns of their own; empty cells past it do not', () => {
    expect(
      tableOf([
        ['a', 'b'],
        ['1', '2', '', '4'],
        ['5', '', '', '', '', ''],
      ]),
    ).toEqual({
      columns: ['a', 'b', 'column 3', 'column 4'],
      rows: [
        ['1', '2', '', '4'],
        ['5', '', '', ''],
      ],
    })
  })

  it('a header alone is a table without rows', async () => {
    expect(await readCsvTable(bytesOf('title;text\r\n'), context)).toEqual({
      columns: ['title', 'text'],
      rows: [],
      encoding: 'UTF-8',
    })
  })

  it('the separator is the one the header uses most, outside quotes', () => {
    expect(detectSeparator('"a,b";"c,d";e\n1,2,3,4,5')).toBe(';')
    expect(detectSeparator('title\ttext\tdate, time\n')).toBe('\t')
    expect(detectSeparator('\n\ntitle,text;x,y\n')).toBe(',')
    expect(detectSeparator('text\n')).toBe(',')
  })
})

describe('hostile CSV files', () => {
  it('more than 20 MB is too large, before anything is decoded', async () => {
    expect(await problemOf(readCsvTable(new Uint8Array(MAX_TABLE_BYTES + 1), context))).toBe(
      'too-large',
    )
  })

  it('20,000 rows are read; 20,001 are too many', async () => {
    const rows = (n: number) => `text\n${'x\n'.repeat(n)}`
    expect((await readCsvTable(bytesOf(rows(MAX_TABLE_ROWS)), context)).rows).toHaveLength(
      MAX_TABLE_ROWS,
    )
    expect(await problemOf(readCsvTable(bytesOf(rows(MAX_TABLE_ROWS + 1)), context))).toBe(
      'too-large',
    )
  })

  it('blank lines count as rows only between rows; millions of them allocate nothing', async () => {
    const blank = bytesOf(`text\n${'\n'.repeat(10_000_000)}`)
    expect(await readCsvTable(blank, context)).toEqual({
      columns: ['text'],
      rows: [],
      encoding: 'UTF-8',
    })
    const gap = bytesOf(`text\nx\n${'\n'.repeat(MAX_TABLE_ROWS)}y\n`)
    expect(await problemOf(readCsvTable(gap, context))).toBe('too-large')
  })

  it('more than 1,000 columns are too many (19 MB of commas on one line)', async () => {
    expect(
      await problemOf(readCsvTable(bytesOf(`a${',a'.repeat(MAX_TABLE_COLUMNS)}`), context)),
    ).toBe('too-large')
    const commas = bytesOf(`${'a,'.repeat(9_500_000)}a`)
    const start = performance.now()
    expect(await problemOf(readCsvTable(commas, context))).toBe('too-large')
    expect(performance.now() - start).toBeLessThan(15_000)
  })

  it('a quote never closed is corrupt, naming its row', async () => {
    await expect(readCsvTable(bytesOf('title,text\na,"b\nc,d\n'), context)).rejects.toThrow(
      /corrupt: a quote opened on row 2/,
    )
  })

  it('binary content is unsupported; an empty file or one of blank lines has no text', async () => {
    expect(
      await problemOf(readCsvTable(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 1]), context)),
    ).toBe('unsupported')
    expect(await problemOf(readCsvTable(new Uint8Array(), context))).toBe('no-text')
    expect(await problemOf(readCsvTable(bytesOf(' ; \n\t\n'), context))).toBe('no-text')
  })
})

describe('settle', () => {
  it('turns any other exception into a corrupt FormatError, and keeps FormatErrors as they are', async () => {
    await expect(
      settle(() => {
        throw new RangeError('Offset is outside the bounds of the DataView')
      }),
    ).rejects.toEqual(new FormatError('corrupt', 'Offset is outside the bounds of the DataView'))
    const tooLarge = new FormatError('too-large')
    await expect(
      settle(() => {
        throw tooLarge
      }),
    ).rejects.toBe(tooLarge)
    await expect(settle(() => 42)).resolves.toBe(42)
  })
})
