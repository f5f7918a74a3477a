// The codebook CSV: file conventions (BOM, CRLF, quoting, formula-like cells
// neutralized) and an exact round trip through the importer, whatever the
// names and descriptions hold.
import { parse } from 'csv-parse/sync'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEFAULT_CODEBOOK } from '@shared/model/codebook'
import { MAX_THEMES, type Theme } from '@shared/model/schema'
import { readCodebookCsv } from '../import/codebook-csv'
import { codebookToCsv, neutralizeCodebookCell, unneutralizeCodebookCell } from './codebook-csv'

const BOM = '\uFEFF'

describe('codebookToCsv', () => {
  it('writes name, description, colour, key in codebook order, with BOM and CRLF', () => {
    const csv = codebookToCsv(DEFAULT_CODEBOOK)
    expect(csv.startsWith(BOM)).toBe(true)
    const lines = csv.slice(1).split('\r\n')
    expect(lines[0]).toBe('name,description,colour,key')
    expect(lines).toHaveLength(DEFAULT_CODEBOOK.length + 2) // header, themes, final empty
    expect(lines.at(-1)).toBe('')
    expect(csv.slice(1).replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    const rows = parse<Record<string, string>>(csv, { bom: true, columns: true })
    expect(rows.map((r) => r.name)).toEqual(['Growth', 'Culture', 'Secrecy', 'Safety'])
    expect(rows[0]).toEqual({
      name: 'Growth',
      description: DEFAULT_CODEBOOK[0]!.description,
      colour: '#009E73',
      key: '1',
    })
  })

  it('quotes commas, quotes and line breaks, and leaves an absent description empty', () => {
    const csv = codebookToCsv([
      {
        id: 'a',
        name: 'Rythme, "travail"',
        colour: '#000000',
        key: '1',
        description: 'Deux\nlignes',
      },
      { id: 'b', name: 'Sans', colour: '#111111', key: '2' },
    ])
    expect(csv).toContain('"Rythme, ""travail""","Deux\nlignes",#000000,1\r\n')
    expect(csv).toContain('Sans,,#111111,2\r\n')
  })

  it('neutralizes formula-like names and descriptions', () => {
    const csv = codebookToCsv([
      { id: 'a', name: '=HYPERLINK("x")', colour: '#000000', key: '1', description: '+1' },
      { id: 'b', name: "'=already", colour: '#111111', key: '2', description: '＠SUM(1)' },
    ])
    const rows = parse(csv, { bom: true, from_line: 2 })
    expect(rows[0]!.slice(0, 2)).toEqual(['\'=HYPERLINK("x")', "'+1"])
    expect(rows[1]!.slice(0, 2)).toEqual(["''=already", "'＠SUM(1)"])
    for (const row of rows)
      for (const cell of row) expect(cell).not.toMatch(/^[=+\-@＝＋－＠\t\r\n]/)
  })
})

describe('cell neutralization', () => {
  it('is undone exactly by the importer, for any text', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom("'", '=', '+', '-', '@', '＝', '\t', '\n', 'a', ' ', '"', ','),
          maxLength: 8,
        }),
        (s) => {
          expect(unneutralizeCodebookCell(neutralizeCodebookCell(s))).toBe(s)
        },
      ),
      { numRuns: 2000 },
    )
  })
})

describe('export then import', () => {
  const nameUnit = fc.constantFrom(
    'a',
    'Z',
    'é',
    '😀',
    ' ',
    ',',
    ';',
    '"',
    "'",
    '=',
    '+',
    '-',
    '@',
    '＝',
    '\n',
    '\r\n',
    '\t',
    '|',
  )
  const themeArb = fc.record({
    name: fc
      .string({ unit: nameUnit, minLength: 1, maxLength: 30 })
      .map((s) => s.trim())
      .filter((s) => s.length > 0),
    description: fc.string({ unit: nameUnit, maxLength: 60 }).map((s) => s.trim()),
    colour: fc.integer({ min: 0, max: 0xffffff }).map((n) => `#${n.toString(16).padStart(6, '0')}`),
  })

  it('gives back every theme exactly: hostile names, quotes, line breaks, formulas', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(themeArb, {
          minLength: 1,
          maxLength: MAX_THEMES,
          selector: (t) => t.name.toLowerCase(),
        }),
        (themes) => {
          fc.pre(!themes.some((t) => ['note', 'start', 'end', 'theme', 'themes'].includes(t.name)))
          const codebook: Theme[] = themes.map((t, i) => ({
            id: `t${i}`,
            name: t.name,
            colour: t.colour,
            ...(i < 9 ? { key: String(i + 1) } : {}),
            ...(t.description ? { description: t.description } : {}),
          }))
          const { themes: back, problems } = readCodebookCsv(codebookToCsv(codebook))
          expect(problems).toEqual([])
          expect(back).toEqual(
            codebook.map((t) => ({
              name: t.name,
              colour: t.colour,
              key: t.key ?? null,
              description: t.description ?? '',
            })),
          )
        },
      ),
      { numRuns: 500 },
    )
  })
})
