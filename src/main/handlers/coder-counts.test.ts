// Handler tests for the session's coders and the exports of some coders'
// passages: the hostile corpus (three articles; passages by `coder` and
// `@coder`) opened with openSession, its coders counted, then exported with
// a coder filter and read back with csv-parse against the hand-written
// expectations of hostile-expected.ts.
import { parse } from 'csv-parse/sync'
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { checkedCalls } from '../checked-calls'
import { createHandlers, type Handlers } from '../handlers'
import { FakeDialogs } from '../test-support/fake-dialogs'
import { writeHostileCorpus } from '../test-support/hostile-corpus'
import {
  expectedPassageRows,
  expectedTidyRows,
  MATRIX_HEADER,
  PASSAGES_HEADER,
} from '../test-support/hostile-expected'
import { codeOf as code, value } from '../test-support/results'

const SAMPLE = new URL('../../../resources/sample-article-fr.txt', import.meta.url).pathname

let dir: string
let dialogs: FakeDialogs
let handlers: Handlers
let sessionId: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-coders-'))
  dialogs = new FakeDialogs()
  await mkdir(join(dir, 'data'))
  handlers = createHandlers({
    dataDir: join(dir, 'data'),
    dialogs,
    samplePath: SAMPLE,
    author: 'tester',
  })
  dialogs.answer(await writeHostileCorpus(join(dir, 'Revue de presse.gloss')))
  sessionId = value(await handlers.openSession())!.session.id
})

afterEach(async () => {
  await handlers.shutdown()
  await rm(dir, { recursive: true, force: true })
})

const readCsv = async (path: string): Promise<string[][]> =>
  parse(await readFile(path, 'utf8'), { bom: true })

const CODER = PASSAGES_HEADER.indexOf('coder')

describe('coders', () => {
  it('counts every coder’s passages over the session, in the session’s order', async () => {
    // `@coder` before `coder` by name (no index record of either; the analyst
    // who only opened the session is no coder of it).
    expect(value(await handlers.coders(sessionId))).toEqual([
      { name: '@coder', passages: 1, articlesOpened: 0 },
      { name: 'coder', passages: 5, articlesOpened: 0 },
    ])
  })

  it('follows edits: a passage moved to another coder is counted there', async () => {
    const view = value(await handlers.switchArticle(sessionId, 'a2'))
    const passage = view.session.passages[0]!
    value(
      await handlers.applyEdits(sessionId, 'a2', [
        { type: 'putPassage', passage: { ...passage, author: '' } },
      ]),
    )
    expect(value(await handlers.coders(sessionId))).toEqual([
      { name: '@coder', passages: 1, articlesOpened: 0 },
      { name: 'coder', passages: 4, articlesOpened: 0 },
      { name: '', passages: 1, articlesOpened: 0 },
    ])
  })

  it('is not found for a session that is not open', async () => {
    expect(code(await handlers.coders('not-open'))).toBe('not-found')
  })
})

describe('exports of some coders’ passages', () => {
  it('writes only the chosen coders’ passages, in every layout', async () => {
    dialogs.answer(join(dir, 'one.csv'))
    expect(value(await handlers.exportCsv(sessionId, null, null, ['@coder']))).toMatchObject({
      rows: 1,
    })
    const rows = (await readCsv(join(dir, 'one.csv'))).slice(1)
    expect(rows).toEqual(expectedPassageRows().filter((r) => r[CODER] === "'@coder"))
    expect(rows.map((r) => r[0])).toEqual(['pa1'])

    dialogs.answer(join(dir, 'tidy.csv'))
    expect(value(await handlers.exportTidyCsv(sessionId, null, null, ['coder']))).toMatchObject({
      rows: 6,
    })
    const tidy = await readCsv(join(dir, 'tidy.csv'))
    const tidyCoder = tidy[0]!.indexOf('coder')
    expect(tidy.slice(1)).toEqual(expectedTidyRows().filter((r) => r[tidyCoder] === 'coder'))

    // Both coders: the whole export.
    dialogs.answer(join(dir, 'both.csv'))
    value(await handlers.exportCsv(sessionId, null, null, ['coder', '@coder']))
    expect((await readCsv(join(dir, 'both.csv'))).slice(1)).toEqual(expectedPassageRows())
  })

  it('counts the matrix over the chosen coders’ passages only', async () => {
    dialogs.answer(join(dir, 'matrix.csv'))
    value(await handlers.exportMatrixCsv(sessionId, null, null, ['@coder']))
    const [header, ...rows] = await readCsv(join(dir, 'matrix.csv'))
    expect(header).toEqual(MATRIX_HEADER)
    const at = (name: string) => header!.indexOf(name)
    // a1's one passage by @coder: "=Ligne qui ressemble" [22, 42), Économie and =Risque.
    expect(rows.map((r) => [r[0], r[at('passages')], r[at('characters_coded')]])).toEqual([
      ['a1', '1', '20'],
      ['a2', '0', '0'],
      ["'-a3", '0', '0'],
    ])
    expect(rows[0]![at('Économie_passages')]).toBe('1')
    expect(rows[0]![at("'=Risque_chars")]).toBe('20')
    expect(rows[0]![at('Santé 😷, "publique"_passages')]).toBe('0')
  })

  it('exports no passage for a coder with none, and checks the names before asking for a path', async () => {
    dialogs.answer(join(dir, 'none.csv'))
    expect(value(await handlers.exportCsv(sessionId, null, null, ['nobody']))).toMatchObject({
      rows: 0,
    })
    expect(await readCsv(join(dir, 'none.csv'))).toEqual([PASSAGES_HEADER])
    const ipc = checkedCalls(handlers)
    const asked = dialogs.asked.length
    for (const bad of [['x'.repeat(201)], 'coder', [1]])
      expect(code(await ipc.exportCsv(sessionId, null, null, bad as string[]))).toBe(
        'invalid-argument',
      )
    expect(dialogs.asked).toHaveLength(asked)
  })
})
