// How a session folder is written: coalesced saves, flush, an article file
// deleted while open, a folder that is gone, in-place writes for one
// article and generations committed by the index for several.
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { corpusFromArticle, type ArticleData } from '@shared/model/corpus'
import { applyCorpusEdit, type CorpusState } from '@shared/model/corpus-edits'
import { readArticles, readIndex } from '../../../test-support/session-folder'
import { CorpusFolder, loadCorpusFolder } from './corpus-folder'
import { sha256Hex } from './hash'
import { StoreError } from './session-file'
import { T0, validSession } from './test-support/valid-session'

function twoArticles(): CorpusState {
  const one = corpusFromArticle(validSession('Un', 'un.txt'), 'a1')
  const second: ArticleData = {
    id: 'a2',
    text: 'Deux.',
    passages: [],
    ui: { scrollTop: 0 },
    updatedAt: T0,
  }
  return {
    ...one,
    meta: {
      ...one.meta,
      articles: [
        ...one.meta.articles,
        {
          id: 'a2',
          title: 'Deux',
          sourceFileName: 'deux.txt',
          sha256: sha256Hex('Deux.'),
          chars: 5,
          addedAt: T0,
          attributes: { outlet: 'Le Monde' },
          passageCount: 0,
        },
      ],
    },
    articles: new Map([...one.articles, ['a2', second]]),
  }
}

const scrolled = (s: CorpusState, articleId: string, scrollTop: number) =>
  applyCorpusEdit(s, articleId, { type: 'setUi', ui: { scrollTop } }, T0)

let dir: string
beforeEach(async () => {
  dir = join(await mkdtemp(join(tmpdir(), 'gloss-folder-')), 's.gloss')
  await mkdir(dir)
})
afterEach(async () => {
  await rm(join(dir, '..'), { recursive: true, force: true })
})

async function newFolder(state = twoArticles()): Promise<CorpusFolder> {
  const folder = new CorpusFolder(dir, state, new Map(), 'a1')
  await folder.saveAll(state, 'a1')
  return folder
}

async function newFolderOf(state: CorpusState): Promise<CorpusState> {
  await rm(dir, { recursive: true, force: true })
  await mkdir(dir)
  await newFolder(state)
  return (await loadCorpusFolder(dir)).state
}

describe('CorpusFolder', () => {
  it('writes a session that loadCorpusFolder reads back equal', async () => {
    const s = twoArticles()
    await newFolder(s)
    const loaded = await loadCorpusFolder(dir)
    expect(loaded.problems).toEqual([])
    expect(loaded.state).toEqual(s)
    expect(loaded.openArticleId).toBe('a1')
    expect((await readIndex(dir)).articles.map((a) => a.file)).toEqual([
      'articles/a1.1.json',
      'articles/a2.1.json',
    ])
  })

  it('keeps the coders and a coder copy’s origin through a write and a read', async () => {
    const plain = twoArticles()
    const s: CorpusState = {
      ...plain,
      meta: {
        ...plain.meta,
        coders: [
          { name: 'Amélie', opened: ['a1', 'a2'], broughtBackAt: T0 },
          { name: 'Karim', opened: [] },
        ],
        coderCopy: { sessionId: 'origin-1', coder: 'Karim', madeAt: T0 },
      },
    }
    await newFolder(s)
    const loaded = await loadCorpusFolder(dir)
    expect(loaded.problems).toEqual([])
    expect(loaded.state.meta.coders).toEqual(s.meta.coders)
    expect(loaded.state.meta.coderCopy).toEqual(s.meta.coderCopy)
    const older = await newFolderOf(plain)
    expect(older.meta.coders).toBeUndefined()
    expect(older.meta.coderCopy).toBeUndefined()
  })

  it('coalesces many concurrent saves of one article and writes the last state in place', async () => {
    const s = twoArticles()
    const folder = await newFolder(s)
    const states = Array.from({ length: 50 }, (_, i) => scrolled(s, 'a1', i))
    const saves = states.map((state) => folder.save(state, { articles: ['a1'], index: false }))
    // The first state is written alone; the 49 that arrive during that write
    // are coalesced into one write of the newest.
    await saves[1]
    expect((await readArticles(dir))[0]!.ui.scrollTop).toBe(49)
    await Promise.all(saves)
    // In place: the same file name, no new generation, no temp files left behind.
    expect((await readdir(join(dir, 'articles'))).sort()).toEqual([
      'a1.1.json',
      'a1.1.json.bak',
      'a2.1.json',
    ])
  })

  it('writes an edit of several articles as new generations named by the index, then drops the old', async () => {
    const s = twoArticles()
    const folder = await newFolder(s)
    const both = scrolled(scrolled(s, 'a1', 5), 'a2', 6)
    await folder.save(both, { articles: ['a1', 'a2'], index: true })
    expect((await readIndex(dir)).articles.map((a) => a.file)).toEqual([
      'articles/a1.2.json',
      'articles/a2.2.json',
    ])
    // The index's .bak still names generation 1: those files stay until the next commit.
    expect((await readdir(join(dir, 'articles'))).sort()).toEqual([
      'a1.1.json',
      'a1.2.json',
      'a2.1.json',
      'a2.2.json',
    ])
    await folder.save(scrolled(both, 'a2', 7), { articles: ['a2'], index: true })
    expect((await readdir(join(dir, 'articles'))).sort()).toEqual([
      'a1.2.json',
      'a2.2.json',
      'a2.3.json',
    ])
    expect((await loadCorpusFolder(dir)).state.articles.get('a2')!.ui.scrollTop).toBe(7)
  })

  it('flush waits until the latest save is on disk', async () => {
    const s = twoArticles()
    const folder = await newFolder(s)
    for (let i = 0; i < 10; i++)
      void folder.save(scrolled(s, 'a2', i * 100), { articles: ['a2'], index: false })
    await folder.flush()
    expect((await readArticles(dir))[1]!.ui.scrollTop).toBe(900)
  })

  it('flush resolves at once when nothing is pending', async () => {
    const folder = new CorpusFolder(dir, twoArticles(), new Map(), 'a1')
    await expect(folder.flush()).resolves.toBeUndefined()
    expect(await readdir(dir)).toEqual([])
  })

  it('says once that an article file deleted while open is gone, then writes it again', async () => {
    const s = twoArticles()
    const folder = await newFolder(s)
    await rm(join(dir, 'articles', 'a1.1.json'))
    const first = folder.save(scrolled(s, 'a1', 3), { articles: ['a1'], index: false })
    await expect(first).rejects.toMatchObject({
      code: 'write-failed',
      message: 'the session file was moved or deleted; Gloss will write it again where it was',
      ref: { key: 'main.save.fileMoved' },
    })
    await folder.save(scrolled(s, 'a1', 4), { articles: ['a1'], index: false })
    expect((await readArticles(dir))[0]!.ui.scrollTop).toBe(4)
  })

  it('rejects every waiting save with a write-failed StoreError when the folder is gone', async () => {
    const s = twoArticles()
    const folder = await newFolder(s)
    await rm(dir, { recursive: true })
    const results = await Promise.allSettled([
      folder.save(scrolled(s, 'a1', 1), { articles: ['a1', 'a2'], index: true }),
      folder.save(scrolled(s, 'a1', 2), { articles: ['a1'], index: true }),
    ])
    for (const r of results) {
      expect(r.status).toBe('rejected')
      const reason = (r as PromiseRejectedResult).reason as StoreError
      expect(reason).toBeInstanceOf(StoreError)
      expect(reason.code).toBe('write-failed')
    }
    await expect(folder.flush()).resolves.toBeUndefined()
    // Once the folder is back, the next save writes everything still pending.
    await mkdir(dir)
    await folder.save(scrolled(s, 'a1', 9), { articles: [], index: false })
    const loaded = await loadCorpusFolder(dir)
    expect(loaded.problems).toEqual([])
    expect(loaded.state.articles.get('a1')!.ui.scrollTop).toBe(9)
  })
})
