// Writes the attribute CSV files that LibreOffice Calc saves, for the tests
// of src/main/import/attributes-csv.ts: two spreadsheets (flat ODS, typed
// cells: dates, numbers, text with quotes, separators, accents and line
// breaks) converted by `soffice --convert-to csv` with the options analysts
// meet (UTF-8 with commas, UTF-8 with semicolons and every text quoted,
// Windows-1252; dates and numbers "as shown" in locale formats). The CSV
// files are committed, so the tests need no LibreOffice; run this again
// (needs `soffice`: apt-get install libreoffice-calc-nogui) after changing
// a spreadsheet:
//   node scripts/make-attribute-csv-fixtures.mjs
import { spawnSync } from 'node:child_process'
import console from 'node:console'
import { mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import process from 'node:process'
import { pathToFileURL } from 'node:url'

const SOFFICE = process.env.SOFFICE || 'soffice'
const OUT = resolve('src/main/import/fixtures/attributes')

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** A cell: a string (lines become paragraphs), or a typed value with a style. */
function cell(c) {
  if (c === null) return '<table:table-cell/>'
  if (typeof c === 'string')
    return `<table:table-cell office:value-type="string">${c
      .split('\n')
      .map((line) => `<text:p>${esc(line)}</text:p>`)
      .join('')}</table:table-cell>`
  const style = c.style ? ` table:style-name="${c.style}"` : ''
  if (c.date)
    return `<table:table-cell${style} office:value-type="date" office:date-value="${c.date}"><text:p>${c.date}</text:p></table:table-cell>`
  return `<table:table-cell${style} office:value-type="float" office:value="${c.number}"><text:p>${c.number}</text:p></table:table-cell>`
}

function fods(rows) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
  xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
  xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
  xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
  xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
  xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
  office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
  <office:automatic-styles>
    <number:date-style style:name="iso"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style>
    <number:date-style style:name="dmy"><number:day number:style="long"/><number:text>/</number:text><number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/></number:date-style>
    <number:number-style style:name="grouped"><number:number number:decimal-places="1" number:min-integer-digits="1" number:grouping="true"/></number:number-style>
    <style:style style:name="ceIso" style:family="table-cell" style:data-style-name="iso"/>
    <style:style style:name="ceDmy" style:family="table-cell" style:data-style-name="dmy"/>
    <style:style style:name="ceGrouped" style:family="table-cell" style:data-style-name="grouped"/>
  </office:automatic-styles>
  <office:body><office:spreadsheet><table:table table:name="Articles">
${rows.map((r) => `    <table:table-row>${r.map(cell).join('')}</table:table-row>`).join('\n')}
  </table:table></office:spreadsheet></office:body>
</office:document>
`
}

/** Everything in it imports: ISO dates, plain numbers, hostile text. */
const GOOD = [
  ['file', 'Title', 'Outlet', 'published', 'Words', 'Section', 'Remark'],
  [
    'greve.txt',
    'Grève à la SNCF : « c’est fini »',
    'Le Monde',
    { date: '2024-03-15', style: 'ceIso' },
    { number: 800 },
    'Économie',
    'He said "no", then left',
  ],
  [
    'budget.md',
    'Budget 2025; the vote',
    'Libération',
    { date: '2025-01-02', style: 'ceIso' },
    { number: 1234.5 },
    'politique',
    'first line\nsecond line',
  ],
  ['coupe.txt', 'Coupe du monde', null, null, { number: -3 }, 'Sport', '=1+1'],
]

/** Dates and numbers as a spreadsheet shows them in a locale: not what Gloss stores. */
const LOCALE = [
  ['file', 'published', 'Words'],
  ['greve.txt', { date: '2024-03-15', style: 'ceDmy' }, { number: 1234.5, style: 'ceGrouped' }],
  ['budget.md', { date: '2025-01-02' }, { number: 800 }],
]

/** The CSV filter's options: separator, quote, character set (76 UTF-8, 1 Windows-1252), first line, formats, language, quote all text. */
const CONVERSIONS = [
  { sheet: 'good', options: '44,34,76,1,,0,false', out: 'libreoffice-utf8-comma.csv' },
  { sheet: 'good', options: '59,34,76,1,,0,true', out: 'libreoffice-utf8-semicolon-quoted.csv' },
  { sheet: 'good', options: '44,34,1,1,,0,false', out: 'libreoffice-windows-1252.csv' },
  { sheet: 'locale', options: '44,34,76,1,,0,false', out: 'libreoffice-locale-formats.csv' },
]

const work = mkdtempSync(join(tmpdir(), 'gloss-attr-fixtures-'))
try {
  const profile = join(work, 'profile')
  writeFileSync(join(OUT, 'good.fods'), fods(GOOD))
  writeFileSync(join(OUT, 'locale.fods'), fods(LOCALE))
  for (const { sheet, options, out } of CONVERSIONS) {
    const dir = join(work, out)
    const run = spawnSync(
      SOFFICE,
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--norestore',
        '--nolockcheck',
        '--convert-to',
        `csv:Text - txt - csv (StarCalc):${options}`,
        '--outdir',
        dir,
        join(OUT, `${sheet}.fods`),
      ],
      { encoding: 'utf8', timeout: 300_000 },
    )
    if (run.error) throw new Error(`cannot run ${SOFFICE}: ${run.error.message}`)
    if (run.status !== 0) throw new Error(`soffice exited with ${run.status}: ${run.stderr}`)
    const [written] = readdirSync(dir)
    if (!written) throw new Error(`soffice wrote nothing for ${out}: ${run.stderr}`)
    renameSync(join(dir, written), join(OUT, out))
    console.log(`wrote ${out}`)
  }
} finally {
  rmSync(work, { recursive: true, force: true })
}
