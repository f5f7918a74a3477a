// Tables of articles from XLSX workbooks that LibreOffice Calc writes (the
// spreadsheet of articles; a workbook with an empty first sheet, typed
// cells, a merged cell and gaps), the same workbooks as Excel would differ
// (booleans, inline strings, rich text, escapes), and hostile workbooks: a
// DTD with entities, a zip bomb, rows and columns past the limits, XML that
// never ends, relationships out of the zip, an .xls, an encrypted file.
import { readFile } from 'node:fs/promises'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { beforeAll, describe, expect, it } from 'vitest'
import { guessMapping, rowsToArticles } from '@shared/model/table-mapping'
import {
  ARTICLE_COLUMNS,
  ARTICLE_CSV_ROWS,
  ARTICLES_FODS,
  EXPECTED_ARTICLES,
  LAYOUT_FODS,
} from '../../../../test-support/articles-table'
import { compoundFile } from '../../../../test-support/compound-file'
import { officeFixture } from '../../../../test-support/office-fixtures'
import { FormatError } from './types'
import { formatKind, readXlsxTable, resolvePart, serialToText } from './xlsx'
import { decodeEntities, xmlEvents } from './xml-scan'

const context = { fileName: 'articles.xlsx' }

async function problemOf(p: Promise<unknown>): Promise<string> {
  try {
    await p
  } catch (e) {
    if (e instanceof FormatError) return e.problem
    throw e
  }
  return 'none'
}

async function convert(name: string, source: string, to: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(await officeFixture({ name, source, to })))
}

let articles: Uint8Array
let layout: Uint8Array
let xls: Uint8Array

beforeAll(async () => {
  ;[articles, layout] = await Promise.all([
    convert('articles.fods', ARTICLES_FODS, 'xlsx'),
    convert('layout.fods', LAYOUT_FODS, 'xlsx'),
  ])
  xls = await convert('articles.fods', ARTICLES_FODS, 'xls')
}, 120_000)

/** The workbook with some of its parts changed (`null` removes one). */
function edited(
  workbook: Uint8Array,
  change: (files: Record<string, string>) => Record<string, string | null>,
): Uint8Array {
  const files = unzipSync(workbook)
  const texts = Object.fromEntries(Object.entries(files).map(([n, b]) => [n, strFromU8(b)]))
  const out: Record<string, Uint8Array> = {}
  for (const [name, text] of Object.entries({ ...texts, ...change(texts) }))
    if (text !== null) out[name] = strToU8(text)
  return zipSync(out)
}

/** The articles workbook whose first sheet's data is `sheetData` (shared strings kept). */
const withSheetData = (sheetData: string) =>
  edited(articles, (f) => ({
    'xl/worksheets/sheet1.xml': f['xl/worksheets/sheet1.xml']!.replace(
      /<sheetData>[\s\S]*<\/sheetData>/,
      `<sheetData>${sheetData}</sheetData>`,
    ),
  }))

describe('workbooks LibreOffice wrote', () => {
  it('the spreadsheet of articles: the sheet, its header, six rows, dates as YYYY-MM-DD', async () => {
    const dated = ARTICLE_CSV_ROWS.map((r) =>
      r.map((c) => ({ '02/01/2025': '2025-01-02', '14 Mar 2025': '2025-03-14' })[c] ?? c),
    )
    expect(await readXlsxTable(articles, context)).toEqual({
      columns: ARTICLE_COLUMNS,
      rows: dated,
      sheet: 'Articles',
    })
  })

  it('maps to the same four articles as the CSV', async () => {
    const table = await readXlsxTable(articles, context)
    expect(rowsToArticles(table, guessMapping(table.columns))).toEqual(EXPECTED_ARTICLES)
  })

  it('skips an empty first sheet; places cells by reference; keeps the gap row; does not expand a merge', async () => {
    expect(await readXlsxTable(layout, context)).toEqual({
      sheet: 'Données',
      columns: ['column 1', 'Nombre', 'column 3', 'Quand', 'column 5', 'column 6'],
      rows: [
        // LibreOffice saves booleans as numbers 1 and 0.
        ['1234.5', '0.1', '1', '2025-03-12', '', ''],
        ['fusion', '', '14:30', '1999-12-31', '', ''],
        ['', '', '', '', '', ''],
        ['après le vide', '-3', '0', '', '', 'loin'],
      ],
    })
  })

  it('a visible sheet comes before a hidden one that is first', async () => {
    const workbook = edited(layout, (f) => ({
      'xl/workbook.xml': f['xl/workbook.xml']!.replace(
        '<sheet name="Vide" sheetId="1" state="visible"',
        '<sheet name="Vide" sheetId="1" state="hidden"',
      ),
      'xl/worksheets/sheet1.xml': f['xl/worksheets/sheet2.xml']!,
    }))
    expect((await readXlsxTable(workbook, context)).sheet).toBe('Données')
    const onlyHidden = edited(workbook, (f) => ({
      'xl/worksheets/sheet2.xml': f['xl/worksheets/sheet2.xml']!.replace(
        /<sheetData>[\s\S]*<\/sheetData>/,
        '<sheetData/>',
      ),
    }))
    expect((await readXlsxTable(onlyHidden, context)).sheet).toBe('Vide')
  })

  it('an Excel 97 file (.xls) is an old format', async () => {
    expect(await problemOf(readXlsxTable(xls, context))).toBe('old-format')
  })
})

describe('cells as Excel writes them', () => {
  it('booleans, inline and rich strings, formulas’ cached values, errors, ISO dates, escapes', async () => {
    const table = await readXlsxTable(
      withSheetData(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>text</t></is></c><c r="B1" t="inlineStr"><is><r><t xml:space="preserve">Rich </t></r><r><rPr><b/></rPr><t>title</t></r><rPh><t>ふりがな</t></rPh></is></c></row>' +
          '<row r="2"><c r="A2" t="b"><v>1</v></c><c r="B2" t="b"><v>0</v></c><c r="C2" t="str"><f>A1&amp;"!"</f><v>x&amp;y</v></c><c r="D2" t="e"><v>#DIV/0!</v></c><c r="E2" t="d"><v>2025-03-12T00:00:00</v></c><c r="F2" t="inlineStr"><is><t>a_x000D_b_x005F_x000D_</t></is></c></row>' +
          '<row><c><v>0.30000000000000004</v></c><c t="s"><v>9999</v></c><c><v>1E+21</v></c></row>',
      ),
      context,
    )
    expect(table).toEqual({
      sheet: 'Articles',
      columns: ['text', 'Rich title', 'column 3', 'column 4', 'column 5', 'column 6'],
      rows: [
        ['TRUE', 'FALSE', 'x&y', '#DIV/0!', '2025-03-12', 'a\rb_x000D_'],
        ['0.30000000000000004', '', '1e+21', '', '', ''],
      ],
    })
  })

  it('shared strings: runs joined, phonetic guides left out, entities decoded', async () => {
    const workbook = edited(articles, () => ({
      'xl/sharedStrings.xml':
        '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><r><t>Gr&#232;ve </t></r><r><t>&amp; &lt;paix&gt;</t></r><rPh sb="0" eb="1"><t>x</t></rPh></si><si/><si><t>B</t></si></sst>',
    }))
    const table = await readXlsxTable(
      edited(workbook, (f) => ({
        'xl/worksheets/sheet1.xml': f['xl/worksheets/sheet1.xml']!.replace(
          /<sheetData>[\s\S]*<\/sheetData>/,
          '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row></sheetData>',
        ),
      })),
      context,
    )
    expect(table.columns).toEqual(['Grève & <paix>', 'column 2', 'B'])
  })

  it('dates in the 1904 system', async () => {
    const table = await readXlsxTable(
      edited(layout, (f) => ({
        'xl/workbook.xml': f['xl/workbook.xml']!.replace(
          '<workbookPr ',
          '<workbookPr date1904="1" ',
        ),
      })),
      context,
    )
    expect(table.rows[0]![3]).toBe('2029-03-13')
  })
})

describe('hostile workbooks', () => {
  it('a DTD’s entities are never expanded (billion laughs), quickly', async () => {
    const entities = Array.from(
      { length: 10 },
      (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`,
    ).join('')
    const workbook = edited(articles, (f) => ({
      'xl/sharedStrings.xml': f['xl/sharedStrings.xml']!.replace(
        /^(<\?xml[^>]*\?>)/,
        `$1<!DOCTYPE sst [<!ENTITY lol0 "lol">${entities}]>`,
      )
        .replace('<t xml:space="preserve">Titre</t>', '<t>&lol10;</t>')
        .replace('<t>Titre</t>', '<t>&lol10;</t>'),
    }))
    const start = performance.now()
    const table = await readXlsxTable(workbook, context)
    expect(performance.now() - start).toBeLessThan(2000)
    expect(table.columns[0]).toBe('&lol10;')
    expect(table.rows).toHaveLength(6)
  })

  it('a zip bomb is refused before it is inflated', async () => {
    const bomb = zipSync({
      ...unzipSync(articles),
      'xl/worksheets/sheet1.xml': [new Uint8Array(60 * 1024 * 1024).fill(0x20), { level: 9 }],
    })
    expect(await problemOf(readXlsxTable(bomb, context))).toBe('too-large')
  })

  it('a row numbered past 20,000 data rows, or a cell past 1,000 columns, is too large', async () => {
    expect(
      await problemOf(
        readXlsxTable(
          withSheetData(
            '<row r="1"><c r="A1" t="inlineStr"><is><t>text</t></is></c></row><row r="20003"><c r="A20003"><v>1</v></c></row>',
          ),
          context,
        ),
      ),
    ).toBe('too-large')
    expect(
      await problemOf(
        readXlsxTable(withSheetData('<row r="1"><c r="XFD1"><v>1</v></c></row>'), context),
      ),
    ).toBe('too-large')
    const rows = Array.from(
      { length: 20_002 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`,
    ).join('')
    expect(await problemOf(readXlsxTable(withSheetData(rows), context))).toBe('too-large')
  })

  it('20,000 data rows are read, in a few seconds', async () => {
    const rows = Array.from(
      { length: 20_001 },
      (_, i) =>
        `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${i % 40}</v></c><c r="B${i + 1}"><v>${i}</v></c><c r="C${i + 1}" t="inlineStr"><is><t>Texte de l’article ${i}</t></is></c></row>`,
    ).join('')
    const start = performance.now()
    const table = await readXlsxTable(withSheetData(rows), context)
    expect(performance.now() - start).toBeLessThan(10_000)
    expect(table.rows).toHaveLength(20_000)
    expect(table.rows[19_999]![2]).toBe('Texte de l’article 20000')
  })

  it('deeply nested XML is scanned in linear time', async () => {
    // 700 kB: under the 1 MB from which the zip reader checks the compression ratio.
    const deep = `${'<x>'.repeat(100_000)}${'</x>'.repeat(100_000)}`
    const start = performance.now()
    expect(
      await problemOf(
        readXlsxTable(
          withSheetData(`<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row>${deep}`),
          context,
        ),
      ),
    ).toBe('none')
    expect(performance.now() - start).toBeLessThan(5000)
  })

  it('XML that never ends, and a bad cell reference, are corrupt', async () => {
    expect(await problemOf(readXlsxTable(withSheetData('<row r="1"><c r="A1"'), context))).toBe(
      'corrupt',
    )
    expect(
      await problemOf(
        readXlsxTable(withSheetData('<row r="1"><c r="1A"><v>1</v></c></row>'), context),
      ),
    ).toBe('corrupt')
  })

  it('a sheet outside the zip (.. or a URL) is never followed', async () => {
    for (const target of [
      '../../../etc/passwd',
      'file:///etc/passwd',
      'https://example.org/s.xml',
    ]) {
      const workbook = edited(articles, (f) => ({
        'xl/_rels/workbook.xml.rels': f['xl/_rels/workbook.xml.rels']!.replace(
          /Target="worksheets\/sheet1.xml"/,
          `Target="${target}"`,
        ),
      }))
      expect(await problemOf(readXlsxTable(workbook, context))).toBe('no-text')
    }
  })

  it('not a workbook: a zip without one, bytes that are not a zip, an encrypted file', async () => {
    expect(
      await problemOf(readXlsxTable(zipSync({ 'word/document.xml': strToU8('<w/>') }), context)),
    ).toBe('unsupported')
    expect(await problemOf(readXlsxTable(strToU8('title,text\n'), context))).toBe('unsupported')
    expect(await problemOf(readXlsxTable(articles.subarray(0, 300), context))).toBe('corrupt')
    const encrypted = compoundFile(['EncryptionInfo', 'EncryptedPackage'])
    expect(await problemOf(readXlsxTable(encrypted, context))).toBe('encrypted')
  })

  it('a workbook whose sheets have no value has no text', async () => {
    expect(
      await problemOf(readXlsxTable(withSheetData('<row r="1"><c r="A1" s="1"/></row>'), context)),
    ).toBe('no-text')
  })
})

describe('pieces', () => {
  it('serial numbers as dates and times', () => {
    expect(serialToText(45728, 'date', false)).toBe('2025-03-12')
    expect(serialToText(45728.9999999, 'date', false)).toBe('2025-03-13')
    expect(serialToText(1, 'date', false)).toBe('1900-01-01')
    expect(serialToText(61, 'date', false)).toBe('1900-03-01')
    expect(serialToText(0, 'date', true)).toBe('1904-01-01')
    expect(serialToText(0.5, 'time', false)).toBe('12:00')
    expect(serialToText(0.5 + 1 / 86400, 'time', false)).toBe('12:00:01')
    expect(serialToText(-1, 'date', false)).toBeNull()
    expect(serialToText(3e6, 'date', false)).toBeNull()
  })

  it('format codes: dates, times, neither', () => {
    expect(formatKind('dd/mm/yyyy\\ hh:mm')).toBe('date')
    expect(formatKind('[$-40C]d\\ mmmm\\ yyyy;@')).toBe('date')
    expect(formatKind('mmm-yy')).toBe('date')
    expect(formatKind('hh:mm:ss AM/PM')).toBe('time')
    expect(formatKind('[h]:mm')).toBe('time')
    expect(formatKind('General')).toBeNull()
    expect(formatKind('#,##0.00 "days";[Red]-#,##0.00')).toBeNull()
    expect(formatKind('0.00E+00')).toBeNull()
  })

  it('relationship targets resolve inside the zip only', () => {
    expect(resolvePart('xl/', 'worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml')
    expect(resolvePart('xl/', '/xl/worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml')
    expect(resolvePart('xl/worksheets/', '../sharedStrings.xml')).toBe('xl/sharedStrings.xml')
    expect(resolvePart('xl/', '../../x.xml')).toBeNull()
    expect(resolvePart('xl/', 'C:/x.xml')).toBeNull()
  })

  it('XML events: prefixes dropped, entities decoded once, unknown ones kept, bad references replaced', () => {
    expect([...xmlEvents('<x:c r="A1" t=\'s\'><x:v>1&amp;lt;</x:v></x:c><br/>')]).toEqual([
      { type: 'open', name: 'c', attributes: { r: 'A1', t: 's' }, selfClosing: false },
      { type: 'open', name: 'v', attributes: {}, selfClosing: false },
      { type: 'text', text: '1&lt;' },
      { type: 'close', name: 'v' },
      { type: 'close', name: 'c' },
      { type: 'open', name: 'br', attributes: {}, selfClosing: true },
    ])
    expect(decodeEntities('&#0;&#xD800;&#x1F600;&nbsp;')).toBe('\uFFFD\uFFFD😀&nbsp;')
  })

  it('XML events: a million nested tags, or declarations, in linear time', () => {
    const start = performance.now()
    const nested = [...xmlEvents(`${'<x>'.repeat(1_000_000)}${'</x>'.repeat(1_000_000)}`)]
    const declarations = [...xmlEvents('<!x>'.repeat(200_000))]
    expect([nested.length, declarations.length]).toEqual([2_000_000, 0])
    expect(performance.now() - start).toBeLessThan(10_000)
  })
})
