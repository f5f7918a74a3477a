// Handler tests for the corpus exports and summary: a real session folder
// of three articles (hostile-corpus.ts) opened with openSession, exported
// whole, by filter and by article, with paths from the Dialogs port only
// and every argument checked before a dialog opens.
import { parse } from 'csv-parse/sync'
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ExportProgress } from '@shared/api'
import { NO_ARTICLE_FILTER, type ArticleFilter } from '@shared/model/corpus-query'
import { checkedCalls } from '../checked-calls'
import { createHandlers, type Handlers } from '../handlers'
import { FakeDialogs } from '../test-support/fake-dialogs'
import { writeHostileCorpus } from '../test-support/hostile-corpus'
import {
  expectedPassageRows,
  expectedTidyRows,
  MATRIX_HEADER,
  MATRIX_ROWS,
  PASSAGES_HEADER,
} from '../test-support/hostile-expected'
import { codeOf as code, errorOf, value } from '../test-support/results'

const SAMPLE = new URL('../../../resources/sample-article-fr.txt', import.meta.url).pathname

let dir: string
let dialogs: FakeDialogs
let handlers: Handlers
let progress: ExportProgress[]
let sessionId: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-corpus-exports-'))
  dialogs = new FakeDialogs()
  progress = []
  // Electron's user data folder exists before Gloss starts.
  await mkdir(join(dir, 'data'))
  handlers = createHandlers({
    dataDir: join(dir, 'data'),
    dialogs,
    samplePath: SAMPLE,
    author: 'tester',
    onExportProgress: (p) => progress.push(p),
  })
  dialogs.answer(await writeHostileCorpus(join(dir, 'Revue de presse.gloss')))
  sessionId = value(await handlers.openSession())!.session.id
})

afterEach(async () => {
  await handlers.shutdown()
  await rm(dir, { recursive: true, force: true })
})

const LIBERATION: ArticleFilter = {
  ...NO_ARTICLE_FILTER,
  conditions: [{ attribute: 'outlet', kind: 'in', values: ['Libération'] }],
}

async function readCsv(path: string): Promise<string[][]> {
  return parse(await readFile(path, 'utf8'), { bom: true })
}

describe('exportCsv over the corpus', () => {
  it('writes every article’s passages, named after the session', async () => {
    const target = join(dir, 'all.csv')
    dialogs.answer(target)
    expect(value(await handlers.exportCsv(sessionId))).toEqual({ filePath: target, rows: 6 })
    expect(dialogs.asked.at(-1)).toMatchObject({
      kind: 'save',
      title: 'Export CSV',
      defaultFileName: 'revue-de-presse.csv',
    })
    expect(await readCsv(target)).toEqual([PASSAGES_HEADER, ...expectedPassageRows()])
    expect(progress[0]).toEqual({ done: 0, total: 6 })
    expect(progress.at(-1)).toEqual({ done: 6, total: 6 })
  })

  it('writes only the articles passing a filter', async () => {
    const target = join(dir, 'libe.csv')
    dialogs.answer(target)
    expect(value(await handlers.exportCsv(sessionId, LIBERATION))).toEqual({
      filePath: target,
      rows: 2,
    })
    expect((await readCsv(target)).slice(1)).toEqual(expectedPassageRows().slice(4))
  })

  it('writes one article, named after it; an article not in the session is not found', async () => {
    const target = join(dir, 'a2.csv')
    dialogs.answer(target)
    expect(value(await handlers.exportCsv(sessionId, undefined, 'a2'))).toMatchObject({ rows: 2 })
    expect(dialogs.asked.at(-1)!.defaultFileName).toBe('deuxième-article.csv')
    // The filter still applies: a1 is not Libération's.
    dialogs.answer(join(dir, 'none.csv'))
    expect(value(await handlers.exportCsv(sessionId, LIBERATION, 'a1'))).toMatchObject({ rows: 0 })
    const asked = dialogs.asked.length
    expect(errorOf(await handlers.exportCsv(sessionId, undefined, 'gone'))).toEqual({
      code: 'not-found',
      key: 'main.article.notInSession',
      params: undefined,
    })
    expect(dialogs.asked).toHaveLength(asked)
  })
})

describe('exportTidyCsv and exportMatrixCsv over the corpus', () => {
  it('writes the tidy rows of the filtered articles', async () => {
    const target = join(dir, 'tidy.csv')
    dialogs.answer(target)
    expect(value(await handlers.exportTidyCsv(sessionId, LIBERATION))).toEqual({
      filePath: target,
      rows: 3,
    })
    expect(dialogs.asked.at(-1)!.defaultFileName).toBe('revue-de-presse-tidy.csv')
    expect((await readCsv(target)).slice(1)).toEqual(expectedTidyRows().slice(5))
  })

  it('writes the matrix, one row per article, with progress over their passages', async () => {
    const target = join(dir, 'matrix.csv')
    dialogs.answer(target)
    expect(value(await handlers.exportMatrixCsv(sessionId))).toEqual({
      filePath: target,
      rows: 3,
    })
    expect(dialogs.asked.at(-1)).toMatchObject({
      title: 'Export CSV, one row per article (article × theme matrix)',
      defaultFileName: 'revue-de-presse-matrix.csv',
    })
    expect(await readCsv(target)).toEqual([MATRIX_HEADER, ...MATRIX_ROWS])
    expect(progress).toEqual([
      { done: 0, total: 6 },
      { done: 6, total: 6 },
    ])
    dialogs.answer(join(dir, 'matrix-libe.csv'))
    expect(value(await handlers.exportMatrixCsv(sessionId, LIBERATION))).toMatchObject({ rows: 2 })
    expect((await readCsv(join(dir, 'matrix-libe.csv'))).slice(1)).toEqual(MATRIX_ROWS.slice(1))
  })

  it('checks the filter before asking for a path', async () => {
    const ipc = checkedCalls(handlers)
    const bad: unknown[] = [
      { title: '', conditions: [], coded: 'maybe' },
      { title: '', conditions: [{ attribute: '../x', kind: 'in', values: [] }], coded: 'any' },
      { title: 'x'.repeat(1001), conditions: [], coded: 'any' },
      'outlet',
    ]
    for (const filter of bad) {
      expect(code(await ipc.exportCsv(sessionId, filter as ArticleFilter))).toBe('invalid-argument')
      expect(code(await ipc.exportMatrixCsv(sessionId, filter as ArticleFilter))).toBe(
        'invalid-argument',
      )
    }
    expect(code(await ipc.exportTidyCsv(sessionId, undefined, '../a1'))).toBe('invalid-argument')
    expect(dialogs.asked).toHaveLength(1) // the openSession dialog only
  })
})

describe('corpusSummary', () => {
  it('gives the numbers over the articles in scope', async () => {
    const s = value(
      await handlers.corpusSummary(sessionId, {
        attribute: 'outlet',
        bin: 'month',
        split: 'attr-ton',
      }),
    )
    expect(s).toMatchObject({ articles: 3, codedArticles: 2, passages: 6, textCharacters: 196 })
    expect(s.themes.map((t) => [t.themeId, t.passages, t.articles, t.characters])).toEqual([
      ['t-eco', 4, 2, 64],
      ['t-risk', 1, 1, 20],
      ['t-sante', 2, 2, 33],
    ])
    expect(s.byAttribute!.columns).toEqual([
      { value: 'Libération', articles: 2 },
      { value: 'Le "Monde", Paris', articles: 1 },
    ])
    expect(s.overTime!.bins).toEqual(['2024-12', '2025-01'])
    expect(s.overTime!.series.map((x) => [x.split, x.articles, x.undated])).toEqual([
      ['positif', [0, 1], 0],
      ['négatif', [0, 0], 1],
      ['', [1, 0], 0],
    ])
    const libe = value(await handlers.corpusSummary(sessionId, { filter: LIBERATION }))
    expect(libe).toMatchObject({ articles: 2, passages: 2, byAttribute: null, overTime: null })
  })

  it('refuses an attribute the session does not have, and bad arguments', async () => {
    expect(errorOf(await handlers.corpusSummary(sessionId, { attribute: 'attr-nope' }))).toEqual({
      code: 'invalid-argument',
      key: 'main.summary.unknownAttribute',
      params: { attribute: 'attr-nope' },
    })
    const ipc = checkedCalls(handlers)
    expect(code(await ipc.corpusSummary(sessionId, { bin: 'day' }))).toBe('invalid-argument')
    expect(code(await ipc.corpusSummary(sessionId))).toBe('invalid-argument')
    expect(code(await handlers.corpusSummary('not-open', {}))).toBe('not-found')
  })
})

describe('exportCorpusSummaryCsv', () => {
  it('saves each table of the summary, named after it', async () => {
    dialogs.answer(join(dir, 'themes.csv'), join(dir, 'by.csv'), join(dir, 'time.csv'))
    const request = { filter: LIBERATION, attribute: 'attr-ton', bin: 'year' as const }
    expect(
      value(await handlers.exportCorpusSummaryCsv(sessionId, request, 'themes')),
    ).toMatchObject({
      rows: 4,
    })
    expect(
      value(await handlers.exportCorpusSummaryCsv(sessionId, request, 'byAttribute')),
    ).toMatchObject({ rows: 6 })
    expect(
      value(await handlers.exportCorpusSummaryCsv(sessionId, request, 'overTime')),
    ).toMatchObject({
      rows: 6,
    })
    expect(dialogs.asked.slice(-3).map((d) => d.defaultFileName)).toEqual([
      'revue-de-presse-themes.csv',
      'revue-de-presse-themes-by-ton-éditorial.csv',
      'revue-de-presse-themes-over-time.csv',
    ])
    // Libération only: a2 (négatif) and -a3 (no tone).
    expect((await readCsv(join(dir, 'by.csv'))).slice(0, 3)).toEqual([
      ['theme', 'Ton éditorial', 'articles', 'articles_with_theme', 'articles_percent', 'passages'],
      ['Économie', 'négatif', '1', '1', '100', '2'],
      ['Économie', '', '1', '0', '0', '0'],
    ])
    expect((await readCsv(join(dir, 'time.csv'))).map((r) => r[0])).toEqual([
      'period',
      '2024',
      '2024',
      '2024',
      '',
      '',
      '',
    ])
  })

  it('asks nothing when the table cannot be made', async () => {
    const asked = dialogs.asked.length
    expect(errorOf(await handlers.exportCorpusSummaryCsv(sessionId, {}, 'byAttribute'))).toEqual({
      code: 'invalid-argument',
      key: 'main.summary.noTable',
      params: undefined,
    })
    // Dates from 1900 to 2025 span more weeks than a chart shows.
    value(
      await handlers.applyEdits(sessionId, null, [
        {
          type: 'setArticleMeta',
          articles: [
            {
              id: '-a3',
              title: 'Sans passage',
              attributes: { outlet: 'Libération', published: '1900-01-01' },
            },
          ],
        },
      ]),
    )
    expect(
      errorOf(await handlers.exportCorpusSummaryCsv(sessionId, { bin: 'week' }, 'overTime')),
    ).toEqual({
      code: 'invalid-argument',
      key: 'main.summary.tooManyBins',
      params: { count: 6524, max: 1000 },
    })
    expect(dialogs.asked).toHaveLength(asked)
    // The other tables do not mind the dates: the dialog opens (here cancelled).
    dialogs.answer(null)
    expect(
      value(await handlers.exportCorpusSummaryCsv(sessionId, { bin: 'week' }, 'themes')),
    ).toBeNull()
    expect(dialogs.asked).toHaveLength(asked + 1)
  })
})
