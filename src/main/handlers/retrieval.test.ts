// The retrieval methods as the renderer reaches them (checked calls), on a
// generated corpus written to disk and opened through "Open session…".
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { OpenedSession } from '@shared/api'
import { NO_ARTICLE_FILTER } from '@shared/model/corpus-query'
import { makePassage } from '@shared/model/edits'
import { NO_FILTER } from '@shared/model/passage-filter'
import type { PassageQuery } from '@shared/model/passage-query'
import { DEFAULT_SEARCH_OPTIONS, findMatches } from '@shared/model/search'
import { generateCorpus, SMALL_CORPUS } from '../../../test-support/generate-corpus'
import { corpusDir, writeCorpus } from '../../../test-support/write-corpus'
import { checkedCalls, type CheckedCalls } from '../checked-calls'
import { createHandlers, type Handlers } from '../handlers'
import { FakeDialogs } from '../test-support/fake-dialogs'
import { codeOf, errorOf, value } from '../test-support/results'

const SAMPLE = new URL('../../../resources/sample-article-fr.txt', import.meta.url).pathname
const corpus = generateCorpus({ ...SMALL_CORPUS, seed: 5, articles: 12 })
const query = (over: Partial<PassageQuery['passages']> = {}): PassageQuery => ({
  passages: { ...NO_FILTER, ...over },
  articles: NO_ARTICLE_FILTER,
  sort: 'list',
})

let dir: string
let handlers: Handlers
let ipc: CheckedCalls
let opened: OpenedSession
const dialogs = new FakeDialogs()

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-retrieval-'))
  const index = await writeCorpus(corpusDir(dir), corpus)
  await mkdir(join(dir, 'data'))
  handlers = createHandlers({
    dataDir: join(dir, 'data'),
    dialogs,
    samplePath: SAMPLE,
    author: 't',
  })
  ipc = checkedCalls(handlers)
  dialogs.answer(index)
  opened = value(await ipc.openSession())!
})
afterAll(async () => {
  await handlers.shutdown()
  await rm(dir, { recursive: true, force: true })
})

describe('the Passages view’s query', () => {
  it('answers counts and the first rows, then any window of rows', async () => {
    const total = corpus.meta.articles.reduce((n, a) => n + a.passageCount, 0)
    const page = value(await ipc.queryPassages(opened.session.id, query(), 20))
    expect(page.total).toBe(total)
    expect(page.articles).toBe(corpus.meta.articles.filter((a) => a.passageCount > 0).length)
    expect(page.rows).toHaveLength(20)
    const first = corpus.meta.articles[0]!
    expect(page.rows[0]).toMatchObject({
      articleId: first.id,
      id: corpus.articles.get(first.id)!.passages[0]!.id,
    })
    const window = value(await ipc.passageRows(opened.session.id, page.queryId, 10, 30))
    expect(window.slice(0, 10)).toEqual(page.rows.slice(10))
    expect(window).toHaveLength(20)
  })

  it('sees an edit made after it, while the rows of an earlier query stay as they were', async () => {
    const sessionId = opened.session.id
    const before = value(await ipc.queryPassages(sessionId, query({ text: 'Zèbre' }), 50))
    expect(before.total).toBe(0)
    const earlier = value(await ipc.queryPassages(sessionId, query(), 0))
    const articleId = corpus.meta.articles[2]!.id
    const text = corpus.articles.get(articleId)!.text
    const passage = {
      ...makePassage(text, {
        id: 'zebra',
        start: 0,
        end: 5,
        themeIds: [],
        author: 't',
        now: '2026-12-02T10:00:00.000Z',
      }),
      note: 'Un zèbre dans la marge',
    }
    value(await ipc.applyEdits(sessionId, articleId, [{ type: 'putPassage', passage }]))
    const after = value(await ipc.queryPassages(sessionId, query({ text: 'zebre' }), 50))
    expect(after.rows.map((r) => [r.articleId, r.id, r.note])).toEqual([
      [articleId, 'zebra', 'Un zèbre dans la marge'],
    ])
    const all = value(await ipc.queryPassages(sessionId, query(), 0))
    expect(all.total).toBe(earlier.total + 1)
    // The earlier query answers from the corpus as it was when it ran.
    const rows = value(await ipc.passageRows(sessionId, earlier.queryId, 0, 500))
    expect(rows).toHaveLength(earlier.total)
    expect(rows.some((r) => r.id === 'zebra')).toBe(false)
  })

  it('forgets old queries and says so, and refuses windows that are too large', async () => {
    const sessionId = opened.session.id
    const old = value(await ipc.queryPassages(sessionId, query(), 1))
    for (let i = 0; i < 5; i++) value(await ipc.queryPassages(sessionId, query(), 1))
    const r = await ipc.passageRows(sessionId, old.queryId, 0, 10)
    expect(errorOf(r)).toMatchObject({ code: 'not-found', key: 'main.retrieval.gone' })
    const recent = value(await ipc.queryPassages(sessionId, query(), 1))
    expect(codeOf(await ipc.passageRows(sessionId, recent.queryId, 0, 501))).toBe(
      'invalid-argument',
    )
    expect(codeOf(await ipc.passageRows(sessionId, recent.queryId, 10, 5))).toBe('invalid-argument')
    expect(codeOf(await ipc.queryPassages('no-such-session', query(), 1))).toBe('not-found')
    expect(codeOf(await ipc.queryPassages(sessionId, { ...query(), sort: 'shuffle' }, 1))).toBe(
      'invalid-argument',
    )
  })
})

describe('the corpus search', () => {
  it('finds every match grouped by article, first rows at once, the rest in slices', async () => {
    const sessionId = opened.session.id
    const want = corpus.meta.articles.flatMap((a) => {
      const matches = findMatches(corpus.articles.get(a.id)!.text, 'securite')
      return matches.length ? [{ id: a.id, matches }] : []
    })
    expect(want.length).toBeGreaterThan(3)
    const page = value(await ipc.searchCorpus(sessionId, 'securite', DEFAULT_SEARCH_OPTIONS, 5))
    expect(page.rows).toHaveLength(5)
    expect(page.rows[0]).toEqual({
      kind: 'article',
      articleId: want[0]!.id,
      matches: want[0]!.matches.length,
    })
    let status = page.status
    while (!status.done) status = value(await ipc.continueCorpusSearch(sessionId, page.searchId))
    const matches = want.reduce((n, a) => n + a.matches.length, 0)
    expect(status).toEqual({
      matches,
      found: matches,
      articles: want.length,
      rowCount: matches + want.length,
      done: true,
    })
    const rows = value(await ipc.corpusSearchRows(sessionId, page.searchId, 0, status.rowCount))
    expect(rows.filter((r) => r.kind === 'article').map((r) => r.articleId)).toEqual(
      want.map((a) => a.id),
    )
    const firstMatch = rows[1]!
    expect(firstMatch).toMatchObject({ kind: 'match', text: 'sécurité' })
  })

  it('refuses bad options and forgets searches it no longer keeps', async () => {
    const sessionId = opened.session.id
    expect(codeOf(await ipc.searchCorpus(sessionId, 'a', { matchCase: 'yes' }, 5))).toBe(
      'invalid-argument',
    )
    expect(codeOf(await ipc.continueCorpusSearch(sessionId, 'never-started'))).toBe('not-found')
    expect(codeOf(await ipc.corpusSearchRows(sessionId, 'never-started', 0, 5))).toBe('not-found')
  })
})
