// Reading codebook CSV files as spreadsheets write them, and reporting every
// bad row by its number (the header is row 1) instead of throwing.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_CODEBOOK } from '@shared/model/codebook'
import { applyEdit } from '@shared/model/edits'
import type { Session } from '@shared/model/schema'
import { ImportError } from './article'
import { MAX_CODEBOOK_CSV_BYTES, readCodebookCsv, readCodebookFile } from './codebook-csv'
import { parseCsvRecords } from './csv-records'

const NOW = '2025-06-01T12:00:00.000Z'

const rowsOf = (text: string) => readCodebookCsv(text)
const problemsOf = (text: string) =>
  readCodebookCsv(text).problems.map((p) => [p.row, p.code, p.value ?? null])

describe('parseCsvRecords', () => {
  it('reads quoted cells with separators, doubled quotes and line breaks', () => {
    const records = parseCsvRecords('a,"b,""c""\nd"\r\ne,f\rg', ',')
    expect(records).toEqual([
      { row: 1, cells: ['a', 'b,"c"\nd'] },
      { row: 2, cells: ['e', 'f'] },
      { row: 3, cells: ['g'] },
    ])
  })

  it('keeps a quote inside an unquoted cell as it is, and reports an unclosed quote’s row', () => {
    expect(parseCsvRecords('il a dit "oui",x\n', ',')[0]!.cells).toEqual(['il a dit "oui"', 'x'])
    expect(problemsOf('name,colour\nA,#000000\n"B,#111111\n')).toEqual([
      [3, 'unterminated-quote', null],
    ])
  })
})

describe('readCodebookCsv', () => {
  it('reads what Gloss writes: BOM, CRLF, all four columns', () => {
    const r = rowsOf(
      '\uFEFFname,description,colour,key\r\nGrowth,Scale.,#009E73,1\r\nSafety,,#0072B2,2\r\n',
    )
    expect(r).toEqual({
      themes: [
        { name: 'Growth', description: 'Scale.', colour: '#009E73', key: '1' },
        { name: 'Safety', description: '', colour: '#0072B2', key: '2' },
      ],
      problems: [],
    })
  })

  it('is tolerant: no BOM, LF, semicolons, any header case, color, extra columns, blank lines, no key', () => {
    expect(rowsOf('Name;COLOR;notes\n\nGrowth;#009e73;x\n  \nSafety ; #0072B2 ;y').themes).toEqual([
      { name: 'Growth', colour: '#009e73' },
      { name: 'Safety', colour: '#0072B2' },
    ])
    expect(rowsOf('colour\tname\r#000000\tA\r').themes).toEqual([{ name: 'A', colour: '#000000' }])
  })

  it('reports every bad row with its number, and reads nothing then', () => {
    const csv = [
      'name,description,colour,key', // 1
      'Growth,,#009E73,1', // 2
      ',,#000000,2', // 3: no name
      'Culture,,red,3', // 4: colour
      'Secrecy,,#CC79A7,12', // 5: key
      'growth,,#000000,4', // 6: same name as row 2
      'Safety,,#0072B2,1', // 7: same key as row 2
      'note,,#000000,', // 8: a column of the export
      `Long,${'d'.repeat(1001)},#000000,`, // 9
      `${'n'.repeat(201)},,#000000,`, // 10
    ].join('\n')
    const r = readCodebookCsv(csv)
    expect(r.themes).toEqual([])
    expect(r.problems.map((p) => [p.row, p.code, p.value ?? null, p.otherRow ?? null])).toEqual([
      [3, 'name-empty', null, null],
      [4, 'colour', 'red', null],
      [5, 'key', '12', null],
      [6, 'name-repeated', 'growth', 2],
      [7, 'key-repeated', '1', 2],
      [8, 'name-reserved', 'note', null],
      [9, 'description-too-long', null, null],
      [10, 'name-too-long', null, null],
    ])
    expect(r.problems[1]!.message).toBe('Row 4: the colour "red" is not of the form #rrggbb.')
  })

  it('counts rows as a spreadsheet does: blank lines and multi-line cells are one row each', () => {
    const csv = 'name,colour\n\n"Two\nlines",#000000\nBad,#00\n'
    expect(problemsOf(csv)).toEqual([[4, 'colour', '#00']])
  })

  it('reports a missing header, an empty file, a header alone and too many themes', () => {
    expect(problemsOf('Growth,#009E73,1\n')).toEqual([[1, 'header', 'name, colour']])
    expect(problemsOf('name,key\nA,1')).toEqual([[1, 'header', 'colour']])
    expect(problemsOf('')).toEqual([[null, 'empty-file', null]])
    expect(problemsOf('\uFEFF\r\n\r\n')).toEqual([[null, 'empty-file', null]])
    expect(problemsOf('name,colour\r\n')).toEqual([[null, 'no-themes', null]])
    const many = ['name,colour', ...Array.from({ length: 2001 }, (_, i) => `T${i},#000000`)]
    expect(problemsOf(many.join('\n'))).toEqual([[null, 'too-many-themes', '2001']])
  })

  it('gives back formula-like names the exporter neutralized', () => {
    expect(rowsOf("name,colour\n'=1+1,#000000\n'foo,#111111").themes.map((t) => t.name)).toEqual([
      '=1+1',
      "'foo",
    ])
  })
})

describe('readCodebookFile', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gloss-codebook-csv-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  const session = (): Pick<Session, 'codebook' | 'passages'> => ({
    codebook: DEFAULT_CODEBOOK.map((t) => ({ ...t })),
    passages: [],
  })

  it('plans the merge of a good file as one setCodebook edit', async () => {
    const path = join(dir, 'cb.csv')
    await writeFile(path, '\uFEFFname,colour,key\r\nLeadership,#123456,5\r\nsecrecy,#000000,3\r\n')
    const plan = await readCodebookFile(path, session(), NOW)
    expect(plan).toMatchObject({ added: 1, updated: 1, problems: [] })
    expect(plan.edit?.type).toBe('setCodebook')
    const s = applyEdit({ ...session(), updatedAt: NOW } as Session, plan.edit!, NOW)
    // The file's order first; the keys it gives go to its themes, the others keep theirs.
    expect(s.codebook.map((t) => `${t.key}:${t.name}:${t.colour}`)).toEqual([
      '5:Leadership:#123456',
      '3:Secrecy:#000000',
      '1:Growth:#009E73',
      '2:Culture:#E69F00',
      '4:Safety:#0072B2',
    ])
    expect(s.codebook[1]!.id).toBe('secrecy')
  })

  it('reports files that are not UTF-8, too large, or would overfill the codebook', async () => {
    const latin1 = join(dir, 'latin1.csv')
    await writeFile(latin1, Buffer.from('name,colour\nS\xe9curit\xe9,#000000\n', 'latin1'))
    expect((await readCodebookFile(latin1, session(), NOW)).problems[0]!.code).toBe('not-utf8')

    const big = join(dir, 'big.csv')
    await writeFile(big, 'name,colour\n' + 'x'.repeat(MAX_CODEBOOK_CSV_BYTES))
    expect((await readCodebookFile(big, session(), NOW)).problems[0]!.code).toBe('too-large')

    const many = join(dir, 'many.csv')
    await writeFile(
      many,
      ['name,colour', ...Array.from({ length: 1998 }, (_, i) => `N${i},#000000`)].join('\n'),
    )
    const plan = await readCodebookFile(many, session(), NOW)
    expect(plan).toMatchObject({ edit: null, problems: [{ row: null, code: 'full' }] })
  })

  it('throws ImportError for a file that cannot be read', async () => {
    await expect(readCodebookFile(join(dir, 'missing.csv'), session(), NOW)).rejects.toThrow(
      ImportError,
    )
  })
})
