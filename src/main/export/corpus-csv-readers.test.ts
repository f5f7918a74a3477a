// The corpus exports as analysts open them: Python's csv module, pandas and
// R's read.csv (fileEncoding = "UTF-8-BOM") read the passage, tidy and
// matrix files of the hostile corpus; every header cell and every cell must
// come back as written (emoji, quotes, commas, CRLF inside cells, accents,
// neutralized formulas), and the count columns must be typed as numbers.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENTRIES, hostileCorpus } from '../test-support/hostile-corpus'
import {
  expectedPassageRows,
  expectedTidyRows,
  MATRIX_HEADER,
  MATRIX_ROWS,
  PASSAGES_HEADER,
  TIDY_HEADER_EXPECTED,
} from '../test-support/hostile-expected'
import {
  readWithPandas,
  readWithPythonCsv,
  readWithR,
  type ReadBack,
} from '../test-support/csv-readers'
import { corpusToCsvChunks, corpusToTidyCsvChunks } from './corpus-csv'
import { matrixCsv } from './matrix-csv'

let dir: string
const files = { passages: '', tidy: '', matrix: '' }

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-corpus-readers-'))
  const state = hostileCorpus()
  files.passages = join(dir, 'passages.csv')
  files.tidy = join(dir, 'tidy.csv')
  files.matrix = join(dir, 'matrix.csv')
  await writeFile(files.passages, [...corpusToCsvChunks(state, ENTRIES)].join(''))
  await writeFile(files.tidy, [...corpusToTidyCsvChunks(state, ENTRIES)].join(''))
  await writeFile(files.matrix, matrixCsv(state, ENTRIES))
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

/**
 * R reads files through a text connection, which turns a CRLF inside a
 * quoted cell into LF (as it does with any line break): the one change a
 * reader makes, and R's own. Every other character comes back as written.
 */
const asR = (rows: string[][]) => rows.map((r) => r.map((c) => c.replaceAll('\r\n', '\n')))
const same = (rows: string[][]) => rows

const readers: [string, (path: string) => ReadBack, (rows: string[][]) => string[][]][] = [
  ['Python csv', readWithPythonCsv, same],
  ['pandas', readWithPandas, same],
  ['R read.csv', readWithR, asR],
]

/** Number-typed columns of each file, for the readers that type columns. */
const NUMERIC = {
  passages: ['Pages', 'start', 'end', 'Économie', "'=Risque", 'Santé 😷, "publique"'],
  tidy: ['Pages', 'start', 'end'],
  matrix: [
    'Pages',
    'passages',
    'characters',
    'characters_coded',
    'Économie_passages',
    'Économie_chars',
    "'=Risque_passages",
    "'=Risque_chars",
    'Santé 😷, "publique"_passages',
    'Santé 😷, "publique"_chars',
  ],
}

describe.each(readers)('%s', (name, read, as) => {
  it('reads every cell of the passage export as written', () => {
    const back = read(files.passages)
    expect(back.header).toEqual(PASSAGES_HEADER)
    expect(back.rows).toEqual(as(expectedPassageRows()))
    if (name !== 'Python csv') expect(back.numeric).toEqual(NUMERIC.passages)
  })

  it('reads every cell of the tidy export as written', () => {
    const back = read(files.tidy)
    expect(back.header).toEqual(TIDY_HEADER_EXPECTED)
    expect(back.rows).toEqual(as(expectedTidyRows()))
    if (name !== 'Python csv') expect(back.numeric).toEqual(NUMERIC.tidy)
  })

  it('reads every cell of the matrix as written, the counts as numbers', () => {
    const back = read(files.matrix)
    expect(back.header).toEqual(MATRIX_HEADER)
    expect(back.rows).toEqual(as(MATRIX_ROWS))
    if (name !== 'Python csv') expect(back.numeric).toEqual(NUMERIC.matrix)
  })
})
