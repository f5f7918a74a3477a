import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { makePassage, type Edit } from '@shared/model/edits'
import { failed, FakeEditsApi, saved, sessionOf, settle } from '@renderer/test-support/fake-api'
import { SessionStore } from './session-store'

const TEXT = 'Le secret de la croissance est la culture.'
const NOW = '2026-12-01T09:00:00.000Z'
const themeId = sessionOf(TEXT).codebook[0]!.id

const put = (id: string, start: number, end: number): Edit => ({
  type: 'putPassage',
  passage: makePassage(TEXT, { id, start, end, themeIds: [themeId], author: 'A', now: NOW }),
})

let api: FakeEditsApi
let store: SessionStore
beforeEach(() => {
  api = new FakeEditsApi()
  store = new SessionStore(sessionOf(TEXT), api)
})
afterEach(() => {
  store.dispose()
  vi.useRealTimers()
})

const ids = () => store.getSnapshot().session.passages.map((p) => p.id)

describe('edits', () => {
  it('applies an edit at once and shows "saving" until main answers', async () => {
    store.edit([put('a', 3, 9)])
    expect(ids()).toEqual(['a'])
    expect(store.getSnapshot().status).toEqual({ kind: 'saving' })
    await settle()
    expect(api.calls.map((c) => c.edits)).toEqual([[put('a', 3, 9)]])
    await api.answer(saved('2026-12-01T09:00:01.000Z'))
    expect(store.getSnapshot().status).toEqual({ kind: 'saved', at: '2026-12-01T09:00:01.000Z' })
  })

  it('notifies subscribers with a new snapshot on every change', async () => {
    const seen: unknown[] = []
    const unsubscribe = store.subscribe(() => seen.push(store.getSnapshot()))
    store.edit([put('a', 3, 9)])
    await settle()
    await api.answer(saved())
    unsubscribe()
    store.edit([put('b', 10, 20)])
    expect(seen).toHaveLength(2)
    expect(new Set(seen).size).toBe(2)
  })

  it('throws on an edit that does not fit and changes nothing', async () => {
    const before = store.getSnapshot()
    expect(() => store.edit([put('a', 3, 9), { type: 'deletePassage', id: 'nope' }])).toThrow()
    expect(store.getSnapshot()).toBe(before)
    await settle()
    expect(api.calls).toHaveLength(0)
  })
})

describe('the save queue', () => {
  it('sends edits in order, one call at a time', async () => {
    store.edit([put('a', 3, 9)])
    store.edit([put('b', 10, 20)])
    store.edit([{ type: 'deletePassage', id: 'a' }])
    await settle()
    expect(api.calls).toHaveLength(1)
    await api.answer(saved())
    expect(api.calls).toHaveLength(2)
    expect(store.getSnapshot().status.kind).toBe('saving')
    await api.answer(saved())
    await api.answer(saved())
    expect(api.calls.map((c) => c.edits[0]!.type)).toEqual([
      'putPassage',
      'putPassage',
      'deletePassage',
    ])
    expect(api.calls.every((c) => c.sessionId === 'session-1')).toBe(true)
    expect(store.getSnapshot().status.kind).toBe('saved')
  })

  it('drained() waits for edits made while it waits', async () => {
    let drained = false
    store.edit([put('a', 3, 9)])
    void store.drained().then(() => (drained = true))
    await settle()
    store.edit([put('b', 10, 20)])
    await api.answer(saved())
    expect(drained).toBe(false)
    await api.answer(saved())
    await settle()
    expect(drained).toBe(true)
  })

  it('shows a failure, and a later success covers it', async () => {
    store.edit([put('a', 3, 9)])
    store.edit([put('b', 10, 20)])
    await settle()
    await api.answer(failed('invalid-edit', 'no such theme'))
    expect(store.getSnapshot().status).toMatchObject({ kind: 'failed', reason: 'no such theme' })
    await api.answer(saved())
    expect(store.getSnapshot().status.kind).toBe('saved')
  })

  it('reports a thrown call as an internal failure', async () => {
    store.edit([put('a', 3, 9)])
    await settle()
    await api.answer(new Error('channel closed'))
    expect(store.getSnapshot().status).toMatchObject({
      kind: 'failed',
      error: { code: 'internal', message: 'channel closed' },
    })
  })
})

describe('retries', () => {
  beforeEach(() => vi.useFakeTimers())

  it('asks main to write again 3 s after a failed write, until it succeeds', async () => {
    store.edit([put('a', 3, 9)])
    await settle()
    await api.answer(failed('write-failed', 'disk full'))
    expect(store.getSnapshot().status).toMatchObject({ kind: 'failed', reason: 'disk full' })
    await vi.advanceTimersByTimeAsync(2999)
    expect(api.calls).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(api.calls).toHaveLength(2)
    expect(api.calls[1]!.edits).toEqual([{ type: 'setUi', ui: { scrollTop: 0 } }])
    await api.answer(failed('write-failed', 'disk full'))
    await vi.advanceTimersByTimeAsync(3000)
    expect(api.calls).toHaveLength(3)
    await api.answer(saved())
    expect(store.getSnapshot().status.kind).toBe('saved')
    await vi.advanceTimersByTimeAsync(10_000)
    expect(api.calls).toHaveLength(3)
  })

  it('does not retry an edit main refused', async () => {
    store.edit([put('a', 3, 9)])
    await settle()
    await api.answer(failed('invalid-edit'))
    await vi.advanceTimersByTimeAsync(10_000)
    expect(api.calls).toHaveLength(1)
  })

  it('does not retry once a new edit has saved in the meantime', async () => {
    store.edit([put('a', 3, 9)])
    await settle()
    await api.answer(failed('write-failed'))
    store.edit([put('b', 10, 20)])
    await settle()
    await api.answer(saved())
    await vi.advanceTimersByTimeAsync(3000)
    expect(api.calls).toHaveLength(2)
  })

  it('stops retrying when disposed', async () => {
    store.edit([put('a', 3, 9)])
    await settle()
    await api.answer(failed('write-failed'))
    store.dispose()
    await vi.advanceTimersByTimeAsync(10_000)
    expect(api.calls).toHaveLength(1)
  })
})

describe('undo history', () => {
  it('undoes and redoes a step, sending the inverse and forward edits', async () => {
    store.edit([put('a', 3, 9), put('b', 10, 20)])
    expect(store.getSnapshot()).toMatchObject({ canUndo: true, canRedo: false })
    expect(store.undo()).toBe(true)
    expect(ids()).toEqual([])
    expect(store.getSnapshot()).toMatchObject({ canUndo: false, canRedo: true })
    expect(store.redo()).toBe(true)
    expect(ids()).toEqual(['a', 'b'])
    await api.saveAll()
    expect(api.calls.map((c) => c.edits.map((e) => e.type))).toEqual([
      ['putPassage', 'putPassage'],
      ['deletePassage', 'deletePassage'],
      ['putPassage', 'putPassage'],
    ])
  })

  it('undoes an edit of a passage back to its earlier version', () => {
    store.edit([put('a', 3, 9)])
    const first = store.getSnapshot().session.passages[0]
    const changed = { ...first!, note: 'important' }
    store.edit([{ type: 'putPassage', passage: changed }])
    store.undo()
    expect(store.getSnapshot().session.passages).toEqual([first])
  })

  it('has nothing to undo or redo at first', () => {
    expect(store.undo()).toBe(false)
    expect(store.redo()).toBe(false)
  })

  it('forgets the redo steps on a new edit', () => {
    store.edit([put('a', 3, 9)])
    store.undo()
    store.edit([put('b', 10, 20)])
    expect(store.redo()).toBe(false)
    expect(ids()).toEqual(['b'])
  })

  it('keeps scroll positions out of the history', () => {
    store.edit([put('a', 3, 9)])
    store.editQuietly([{ type: 'setUi', ui: { scrollTop: 120 } }])
    store.undo()
    expect(ids()).toEqual([])
    expect(store.getSnapshot().session.ui.scrollTop).toBe(120)
    expect(store.undo()).toBe(false)
  })

  it('keeps the last 500 steps', () => {
    for (let i = 0; i < 501; i++) store.edit([{ type: 'setUi', ui: { scrollTop: i + 1 } }])
    let undone = 0
    while (store.undo()) undone++
    expect(undone).toBe(500)
    expect(store.getSnapshot().session.ui.scrollTop).toBe(1)
  })
})

describe('across the articles of a corpus', () => {
  const OTHER = 'Un autre article, sur la sécurité.'
  const entry = (id: string, title: string, chars: number) => ({
    id,
    title,
    sourceFileName: `${id}.txt`,
    sha256: '0'.repeat(64),
    chars,
    addedAt: NOW,
    attributes: {},
    passageCount: 0,
  })
  const meta = {
    ...sessionOf(TEXT),
    articles: [entry('a1', 'Premier', TEXT.length), entry('a2', 'Second', OTHER.length)],
  }
  /** Main's side of switchArticle: the two articles' views. */
  const views = {
    a1: sessionOf(TEXT),
    a2: { ...sessionOf(OTHER), document: { ...sessionOf(OTHER).document, title: 'Second' } },
  }
  let switches: string[]
  let corpus: SessionStore
  beforeEach(() => {
    views.a1 = sessionOf(TEXT)
    switches = []
    const fake = Object.assign(api, {
      switchArticle: (_sessionId: string, articleId: string) => {
        switches.push(articleId)
        return Promise.resolve({
          ok: true as const,
          value: { session: views[articleId as 'a1' | 'a2'], articleId },
        })
      },
    })
    corpus = new SessionStore(
      {
        session: sessionOf(TEXT),
        articleId: 'a1',
        meta: {
          codebook: meta.codebook,
          themeGroups: [],
          attributeDefs: [],
          articles: meta.articles,
        },
      },
      fake,
    )
  })
  afterEach(() => corpus.dispose())

  it('sends each edit with the article it was made in, and counts its passages', async () => {
    corpus.edit([put('a', 3, 9)])
    expect(await corpus.switchArticle('a2')).toBe(true)
    expect(corpus.getSnapshot().session.document.text).toBe(OTHER)
    expect(corpus.getSnapshot().session.passages).toEqual([])
    await settle()
    expect(api.calls.map((c) => c.articleId)).toEqual(['a1'])
    expect(corpus.getSnapshot().meta.articles.map((a) => a.passageCount)).toEqual([1, 0])
  })

  it('undoes an edit of another article by switching to it first, and says so', async () => {
    const edit = put('a', 3, 9)
    corpus.edit([edit])
    await corpus.switchArticle('a2')
    await api.saveAll()
    // What main holds by now: the passage in the first article.
    if (edit.type === 'putPassage') views.a1 = sessionOf(TEXT, [edit.passage])
    expect(corpus.undo()).toBe(true)
    await settle()
    expect(switches).toEqual(['a2', 'a1'])
    const snap = corpus.getSnapshot()
    expect(snap.articleId).toBe('a1')
    expect(snap.undoneIn).toBe('Premier')
    expect(snap.session.passages).toEqual([])
    expect(api.calls.at(-1)).toMatchObject({
      articleId: 'a1',
      edits: [{ type: 'deletePassage', id: 'a' }],
    })
    // An undo in the article that is open says nothing more.
    corpus.redo()
    expect(corpus.getSnapshot().undoneIn).toBeNull()
    expect(corpus.getSnapshot().session.passages.map((p) => p.id)).toEqual(['a'])
  })

  it('renames an article and undoes it, whatever article is open', () => {
    corpus.edit([
      {
        type: 'setArticleMeta',
        articles: [{ id: 'a2', title: 'Renommé', attributes: { outlet: 'Le Monde' } }],
      },
    ])
    expect(corpus.getSnapshot().meta.articles[1]).toMatchObject({
      title: 'Renommé',
      attributes: { outlet: 'Le Monde' },
    })
    corpus.undo()
    expect(corpus.getSnapshot().meta.articles[1]).toMatchObject({ title: 'Second', attributes: {} })
    expect(switches).toEqual([])
  })
})
