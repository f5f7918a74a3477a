// The session store with several articles: steps main applied itself
// (articles added), removing articles (the open one included), and undo or
// redo of those that switch to a neighbour first.
import { beforeEach, describe, expect, it } from 'vitest'
import type { Result } from '@shared/api'
import type { OpenedArticle } from '@shared/ipc/types'
import type { ArticleEntry, CorpusMeta } from '@shared/model/corpus'
import type { CorpusEdit } from '@shared/model/corpus-edits'
import { FakeEditsApi, sessionOf, settle } from '@renderer/test-support/fake-api'
import { SessionStore } from './session-store'

const entry = (id: string): ArticleEntry => ({
  id,
  title: `Title ${id}`,
  sourceFileName: `${id}.txt`,
  sha256: '0'.repeat(64),
  chars: 10,
  addedAt: '2026-12-01T10:00:00.000Z',
  attributes: {},
  passageCount: 0,
})

let api: FakeEditsApi & { switchArticle: (s: string, id: string) => Promise<Result<OpenedArticle>> }
let switches: string[]
let store: SessionStore

beforeEach(() => {
  switches = []
  const session = sessionOf('Texte de l’article.')
  const meta: CorpusMeta = {
    codebook: session.codebook,
    themeGroups: [],
    attributeDefs: [],
    articles: [entry('a'), entry('b'), entry('c')],
  }
  api = Object.assign(new FakeEditsApi(), {
    switchArticle: (_s: string, id: string) => {
      switches.push(id)
      return Promise.resolve<Result<OpenedArticle>>({
        ok: true,
        value: {
          session: { ...session, document: { ...session.document, title: `Title ${id}` } },
          articleId: id,
        },
      })
    },
  })
  store = new SessionStore({ session, articleId: 'b', meta }, api)
})

const listed = () => store.getSnapshot().meta.articles.map((a) => a.id)
const sent = () => api.calls.map((c) => c.edits)

describe('articles added by main', () => {
  it('records the step without sending it, and undo and redo send its edits', async () => {
    const added = [entry('d'), entry('e')]
    const forward: CorpusEdit[] = [
      { type: 'restoreArticles', articles: added.map((e, i) => ({ entry: e, at: 3 + i })) },
    ]
    const backward: CorpusEdit[] = [{ type: 'removeArticles', ids: ['d', 'e'] }]
    store.recordApplied(forward, backward)
    expect(listed()).toEqual(['a', 'b', 'c', 'd', 'e'])
    expect(store.getSnapshot().canUndo).toBe(true)
    await settle()
    expect(api.calls).toHaveLength(0)
    store.undo()
    expect(listed()).toEqual(['a', 'b', 'c'])
    await api.saveAll()
    store.redo()
    expect(listed()).toEqual(['a', 'b', 'c', 'd', 'e'])
    await api.saveAll()
    expect(sent()).toEqual([backward, forward])
  })

  it('undoing an add while an added article is open shows its neighbour first', async () => {
    store.recordApplied(
      [{ type: 'restoreArticles', articles: [{ entry: entry('d'), at: 3 }] }],
      [{ type: 'removeArticles', ids: ['d'] }],
    )
    await store.switchArticle('d')
    store.undo()
    await settle()
    // No article after it: the one before.
    expect(switches).toEqual(['d', 'c'])
    expect(store.getSnapshot().articleId).toBe('c')
    expect(listed()).toEqual(['a', 'b', 'c'])
  })
})

describe('removing articles', () => {
  it('removes the open article after switching to the next one, and undo puts it back in place', async () => {
    expect(await store.removeArticles(['b'])).toBe(true)
    expect(switches).toEqual(['c'])
    expect(store.getSnapshot().articleId).toBe('c')
    expect(listed()).toEqual(['a', 'c'])
    store.undo()
    expect(listed()).toEqual(['a', 'b', 'c'])
    await api.saveAll()
    expect(sent()).toEqual([
      [{ type: 'removeArticles', ids: ['b'] }],
      [{ type: 'restoreArticles', articles: [{ entry: entry('b'), at: 1 }] }],
    ])
    // Redo while it is open again: its neighbour first.
    await store.switchArticle('b')
    store.redo()
    await settle()
    expect(store.getSnapshot().articleId).toBe('c')
    expect(listed()).toEqual(['a', 'c'])
  })

  it('removes another article without switching', async () => {
    expect(await store.removeArticles(['a'])).toBe(true)
    expect(switches).toEqual([])
    expect(listed()).toEqual(['b', 'c'])
  })

  it('never removes the last articles', async () => {
    expect(await store.removeArticles(['a', 'b', 'c'])).toBe(false)
    expect(listed()).toEqual(['a', 'b', 'c'])
    await settle()
    expect(api.calls).toHaveLength(0)
  })
})

describe('switches asked for before the last one is shown', () => {
  it('starts "next" from the article last asked for, and from the shown one once a switch fails', async () => {
    const answers: Array<(ok: boolean) => void> = []
    const opened = api.switchArticle
    api.switchArticle = (s, id) =>
      new Promise((resolve) => {
        answers.push((ok) =>
          ok
            ? void opened(s, id).then(resolve)
            : resolve({ ok: false, error: { code: 'not-found', message: id } }),
        )
      })
    expect(store.targetArticleId()).toBe('b')
    const toC = store.switchArticle('c')
    expect(store.targetArticleId()).toBe('c')
    const toA = store.switchArticle('a')
    // Still showing b while main loads c: the target is a.
    expect(store.getSnapshot().articleId).toBe('b')
    expect(store.targetArticleId()).toBe('a')
    await settle()
    answers[0]!(true)
    expect(await toC).toBe(true)
    expect(store.getSnapshot().articleId).toBe('c')
    expect(store.targetArticleId()).toBe('a')
    await settle()
    answers[1]!(false)
    expect(await toA).toBe(false)
    // The last one asked for was never shown: back to the article on screen.
    expect(store.targetArticleId()).toBe('c')
    expect(switches).toEqual(['c'])
  })
})
