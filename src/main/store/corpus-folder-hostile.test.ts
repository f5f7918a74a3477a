// Hostile session folders, opened through the real SessionRegistry on real
// files: an index naming a missing, truncated, foreign or altered article
// file, a codebook that lacks a theme the passages use, a damaged index
// (with and without its .bak), a folder another Gloss holds. A broken
// article opens the session read-only with the article and file named and
// the other articles readable; nothing in the folder is ever written.
import { cp, mkdir, mkdtemp, readFile, rm, truncate, unlink, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CorpusIndex } from '@shared/model/corpus'
import { invertCorpusEdit } from '@shared/model/corpus-edits'
import { mergeThemes } from '@shared/model/codebook-ops'
import { corpusPassages } from '@shared/model/corpus-query'
import { makePassage } from '@shared/model/edits'
import { ok } from '@shared/api'
import { lockFromAnotherMachine } from '../../../test-support/session-folder'
import { RecoverableError, SessionRegistry, type OpenEntry } from '../sessions/registry'
import { ARTICLES_DIR, INDEX_FILE, indexPathOf, loadCorpusFolder } from './corpus-folder'
import { sha256Hex } from './hash'
import { SettingsStore } from './settings'
import { articleText, newArticle, prng } from './test-support/crash-corpus'
import { folderSnapshot, snapshotView } from './test-support/folder-snapshot'

let dataDir: string
const NOW = '2026-12-01T10:00:00.000Z'

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'gloss-hostile-'))
})
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true })
})

function registry(dir = dataDir): SessionRegistry {
  return new SessionRegistry({
    dataDir: dir,
    author: 'tester',
    now: () => new Date().toISOString(),
    settings: new SettingsStore(dir),
  })
}

interface Corpus {
  folder: string
  sessionId: string
  /** Article ids: A's passages use growth, B's culture, C's secrecy. */
  a: string
  b: string
  c: string
  index: CorpusIndex
}

/**
 * A session of three articles saved through the registry, then renamed
 * once more (a second index commit, so that session.json.bak exists),
 * with B left open. The registry is shut down.
 */
async function threeArticles(dir = dataDir): Promise<Corpus> {
  const rng = prng(7)
  const reg = registry(dir)
  const text = articleText(rng)
  const opened = await reg.create({
    title: 'Article A',
    sourceFileName: 'a.txt',
    text,
    sha256: sha256Hex(text),
  })
  const entry = reg.get(opened.session.id)!
  const a = opened.articleId
  const [growth, culture, secrecy] = entry.state.meta.codebook
  await reg.applyEdits(entry, a, [
    {
      type: 'putPassage',
      passage: makePassage(text, {
        id: 'pa',
        start: 0,
        end: 10,
        themeIds: [growth!.id],
        author: 'tester',
        now: NOW,
      }),
    },
  ])
  const b = newArticle(rng, 'article-b', [culture!], NOW)
  const c = newArticle(rng, 'article-c', [secrecy!], NOW)
  b.entry.title = 'Article B'
  c.entry.title = 'Article C'
  await reg.addArticles(entry, [b, c])
  await reg.applyEdits(entry, null, [
    { type: 'setArticleMeta', articles: [{ id: a, title: 'Article A', attributes: {} }] },
  ])
  await reg.openArticle(opened.session.id, 'article-b')
  await reg.shutdown()
  const folder = entry.folder.dir
  const index = JSON.parse(await readFile(indexPathOf(folder), 'utf8')) as CorpusIndex
  return { folder, sessionId: opened.session.id, a, b: 'article-b', c: 'article-c', index }
}

const fileOf = (corpus: Corpus, id: string) =>
  join(corpus.folder, corpus.index.articles.find((x) => x.id === id)!.file)

/** Rewrites one article file's JSON. */
async function alterArticle(path: string, change: (json: Record<string, unknown>) => void) {
  const json = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>
  change(json)
  await writeFile(path, JSON.stringify(json))
}

/** Ways article B's file can be broken, and the problem Gloss names. */
const BROKEN_ARTICLE: [string, (c: Corpus) => Promise<void>, string][] = [
  ['is missing', (c) => unlink(fileOf(c, c.b)), 'main.io.fileMissing'],
  [
    'is truncated',
    async (c) => {
      const path = fileOf(c, c.b)
      await truncate(path, Math.floor((await readFile(path)).length / 2))
    },
    'main.load.notJson',
  ],
  ['is empty', (c) => truncate(fileOf(c, c.b), 0), 'main.load.empty'],
  [
    'is zero bytes from disk damage',
    (c) => writeFile(fileOf(c, c.b), Buffer.alloc(4096)),
    'main.load.zeros',
  ],
  [
    'is a folder',
    async (c) => {
      await unlink(fileOf(c, c.b))
      await mkdir(fileOf(c, c.b))
    },
    'main.io.isFolder',
  ],
  [
    'belongs to another session',
    (c) => alterArticle(fileOf(c, c.b), (j) => (j.sessionId = 'someone-else')),
    'main.load.otherArticle',
  ],
  [
    'is the file of another article',
    async (c) => writeFile(fileOf(c, c.b), await readFile(fileOf(c, c.c))),
    'main.load.otherArticle',
  ],
  [
    'has a text that does not match its sha256',
    (c) => alterArticle(fileOf(c, c.b), (j) => (j.text = `${String(j.text)} (edited)`)),
    'main.load.checksum',
  ],
  [
    'has a passage whose quote is not in the text',
    (c) =>
      alterArticle(fileOf(c, c.b), (j) => {
        const [p] = j.passages as { quote: string }[]
        p!.quote = 'not in the text at all'
      }),
    'main.load.inconsistent',
  ],
  [
    'uses a theme the index codebook lacks',
    async (c) => {
      // The index loses "culture", which only B's passages use.
      const index = { ...c.index, codebook: c.index.codebook.filter((t) => t.id !== 'culture') }
      await writeFile(indexPathOf(c.folder), JSON.stringify(index))
    },
    'main.load.inconsistent',
  ],
  [
    'has the wrong shape',
    (c) => alterArticle(fileOf(c, c.b), (j) => (j.passages = 'none')),
    'main.load.shapeAt',
  ],
]

describe('a session folder with a broken article file', () => {
  it.each(BROKEN_ARTICLE)(
    'whose file %s opens read-only, names the article and file, reads the others and writes nothing',
    async (_what, breakIt, problemKey) => {
      const corpus = await threeArticles()
      await breakIt(corpus)
      // Something an interrupted save leaves behind: kept while read-only.
      await writeFile(join(corpus.folder, ARTICLES_DIR, 'stray.3.json'), '{}')
      const before = snapshotView(await folderSnapshot(corpus.folder))

      const reg = registry()
      const opened = await reg.openPath(corpus.folder)
      const file = fileOf(corpus, corpus.b)
      expect(opened.problems).toEqual([
        {
          articleId: corpus.b,
          title: 'Article B',
          file,
          problem: expect.objectContaining({ key: problemKey }),
        },
      ])
      expect(opened.readOnlyReasonRef).toMatchObject({
        key: 'main.load.articleBroken',
        params: { title: 'Article B', file, count: 1 },
      })
      expect(opened.readOnlyReason).toContain('Article B')
      expect(opened.readOnlyReason).toContain(basename(file))
      // B was open last: the first readable article opens instead.
      expect(opened.articleId).toBe(corpus.a)
      expect(opened.meta.articles.map((a) => a.title)).toEqual([
        'Article A',
        'Article B',
        'Article C',
      ])
      // The other articles are readable; B is not, and nothing can be edited.
      const c = await reg.openArticle(corpus.sessionId, corpus.c)
      expect(c.ok && c.value.session.passages.length).toBeGreaterThan(0)
      expect(await reg.openArticle(corpus.sessionId, corpus.b)).toMatchObject({
        ok: false,
        error: { code: 'unreadable' },
      })
      const edit = await reg.withWritable(corpus.sessionId, async (entry) => {
        await reg.applyEdits(entry, corpus.a, [{ type: 'setUi', ui: { scrollTop: 5 } }])
        return ok(null)
      })
      expect(edit).toMatchObject({ ok: false, error: { code: 'read-only' } })
      await reg.close(corpus.sessionId)
      await reg.shutdown()
      expect(snapshotView(await folderSnapshot(corpus.folder))).toEqual(before)
    },
  )

  it('cannot open a session none of whose articles can be read, and says which file', async () => {
    const corpus = await threeArticles()
    for (const id of [corpus.a, corpus.b, corpus.c]) await truncate(fileOf(corpus, id), 3)
    const before = snapshotView(await folderSnapshot(corpus.folder))
    const reg = registry()
    await expect(reg.openPath(corpus.folder)).rejects.toMatchObject({
      code: 'invalid-session',
      ref: { key: 'main.load.cannotOpen', params: { file: fileOf(corpus, corpus.a) } },
    })
    await reg.shutdown()
    expect(snapshotView(await folderSnapshot(corpus.folder))).toEqual(before)
  })

  it('lists every broken article, in the order of the list', async () => {
    const corpus = await threeArticles()
    await unlink(fileOf(corpus, corpus.c))
    await truncate(fileOf(corpus, corpus.a), 5)
    const { problems } = await loadCorpusFolder(corpus.folder)
    expect(problems.map((p) => [p.articleId, p.file])).toEqual([
      [corpus.a, fileOf(corpus, corpus.a)],
      [corpus.c, fileOf(corpus, corpus.c)],
    ])
  })
})

/** Ways the index can be damaged beyond reading. */
const BROKEN_INDEX: [string, Buffer | ((index: CorpusIndex) => unknown)][] = [
  ['empty', Buffer.alloc(0)],
  ['truncated', Buffer.from('{"schemaVersion": 2, "id": "abc", "codebook": [')],
  ['NUL-filled', Buffer.alloc(2048)],
  [
    'naming a file outside the folder',
    (i) => ({ ...i, articles: [{ ...i.articles[0], file: '../../outside.1.json' }] }),
  ],
  [
    'naming one file for two articles',
    (i) => ({ ...i, articles: i.articles.map((a) => ({ ...a, file: i.articles[0]!.file })) }),
  ],
  ['listing an article twice', (i) => ({ ...i, articles: [...i.articles, i.articles[0]] })],
]

describe('a session folder whose index is damaged', () => {
  it.each(BROKEN_INDEX)(
    'holding %s is recovered from its .bak, the damaged index kept aside',
    async (_what, damage) => {
      const corpus = await threeArticles()
      const index = indexPathOf(corpus.folder)
      const bytes = Buffer.isBuffer(damage)
        ? damage
        : Buffer.from(JSON.stringify(damage(corpus.index)))
      await writeFile(index, bytes)
      const reg = registry()
      const error = await reg.openPath(corpus.folder).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(RecoverableError)
      const recoverable = error as RecoverableError
      expect(recoverable.ref).toMatchObject({
        key: 'main.load.recoverable',
        params: {
          reason: { key: 'main.load.cannotOpen', params: { file: index } },
          backup: 'session.json.bak',
        },
      })
      // Nothing written before the analyst chooses to recover.
      expect(await readFile(index)).toEqual(bytes)

      const recovered = await reg.openBackup(recoverable.backupToken)
      if (!recovered.ok) throw new Error(recovered.error.message)
      expect(recovered.value.readOnlyReason).toBeNull()
      expect(recovered.value.problems).toEqual([])
      expect(recovered.value.meta.articles.map((a) => a.title)).toEqual([
        'Article A',
        'Article B',
        'Article C',
      ])
      expect(recovered.value.noticeRef).toMatchObject({ key: 'main.notice.recoveredKept' })
      const keptName = recovered.value.noticeRef?.params?.file
      expect(keptName).toMatch(/^session\.corrupt-.*\.json$/)
      const kept = join(corpus.folder, keptName as string)
      expect(await readFile(kept)).toEqual(bytes)
      await reg.shutdown()
    },
  )

  it('recovers the state before a codebook merge from the .bak, with the article files it names', async () => {
    const corpus = await threeArticles()
    const reg = registry()
    const opened = await reg.openPath(corpus.folder)
    const entry = reg.get(opened.session.id)!
    const before = entry.state
    await reg.applyEdits(entry, null, [
      mergeThemes(
        { codebook: before.meta.codebook, passages: corpusPassages(before) },
        'culture',
        'growth',
        NOW,
      ),
    ])
    await reg.shutdown()
    await writeFile(indexPathOf(corpus.folder), '{"schemaVersion": 2, "id": "x"')

    const reg2 = registry()
    const error = (await reg2.openPath(corpus.folder).catch((e: unknown) => e)) as RecoverableError
    const recovered = await reg2.openBackup(error.backupToken)
    if (!recovered.ok) throw new Error(recovered.error.message)
    expect(recovered.value.problems).toEqual([])
    expect(recovered.value.meta.codebook.map((t) => t.id)).toContain('culture')
    const b = await reg2.openArticle(corpus.sessionId, corpus.b)
    expect(b.ok && b.value.session.passages.every((p) => p.themeIds.includes('culture'))).toBe(true)
    await reg2.shutdown()
  })

  it('without a .bak, is reported with the file named and left as it is', async () => {
    const corpus = await threeArticles()
    await unlink(`${indexPathOf(corpus.folder)}.bak`)
    await writeFile(indexPathOf(corpus.folder), '{"schemaVersion": 2, "id": "x"')
    const before = snapshotView(await folderSnapshot(corpus.folder))
    const reg = registry()
    await expect(reg.openPath(corpus.folder)).rejects.toMatchObject({
      code: 'invalid-session',
      ref: { key: 'main.load.cannotOpen', params: { file: indexPathOf(corpus.folder) } },
    })
    await reg.shutdown()
    expect(snapshotView(await folderSnapshot(corpus.folder))).toEqual(before)
  })

  it('of a newer format is refused without offering the .bak', async () => {
    const corpus = await threeArticles()
    await writeFile(
      indexPathOf(corpus.folder),
      JSON.stringify({ ...corpus.index, schemaVersion: 3 }),
    )
    const reg = registry()
    const error = await reg.openPath(corpus.folder).catch((e: unknown) => e)
    expect(error).not.toBeInstanceOf(RecoverableError)
    expect(error).toMatchObject({ code: 'newer-version' })
  })
})

describe('one writer per session folder', () => {
  /** Opens the folder in a second Gloss while the first holds it. */
  async function heldByFirst(corpus: Corpus) {
    const first = registry()
    await first.openPath(corpus.folder)
    const lock = join(corpus.folder, `${INDEX_FILE}.lock`)
    expect(existsSync(lock)).toBe(true)
    return { first, lock }
  }

  it('opens read-only in a second Gloss, refuses edits, and writes nothing', async () => {
    const corpus = await threeArticles()
    const { first, lock } = await heldByFirst(corpus)
    const before = snapshotView(await folderSnapshot(corpus.folder))
    const second = registry(await mkdtemp(join(dataDir, 'other-')))
    const opened = await second.openPath(join(corpus.folder, INDEX_FILE))
    expect(opened.readOnlyReasonRef).toMatchObject({
      key: expect.stringMatching(/^main\.lock\./),
      params: { lock },
    })
    const edit = await second.withWritable(corpus.sessionId, () => Promise.resolve(ok(null)))
    expect(edit).toMatchObject({ ok: false, error: { code: 'read-only' } })
    // Switching article in the read-only copy does not write the index either.
    expect((await second.openArticle(corpus.sessionId, corpus.c)).ok).toBe(true)
    await second.shutdown()
    expect(snapshotView(await folderSnapshot(corpus.folder))).toEqual(before)
    await first.shutdown()
    expect(existsSync(lock)).toBe(false)
    // Once the first Gloss has let go, the folder opens for editing.
    const third = registry()
    expect((await third.openPath(corpus.folder)).readOnlyReason).toBeNull()
    await third.shutdown()
  })

  it('opens read-only while another machine holds the folder, saying which', async () => {
    const corpus = await threeArticles()
    await lockFromAnotherMachine(corpus.folder)
    const before = snapshotView(await folderSnapshot(corpus.folder))
    const reg = registry()
    const opened = await reg.openPath(corpus.folder)
    expect(opened.readOnlyReason).toMatch(/laptop-of-alex/)
    await reg.shutdown()
    expect(snapshotView(await folderSnapshot(corpus.folder))).toEqual(before)
  })
})

describe('files an interrupted save leaves behind', () => {
  it('are removed on a writable open, except what the index or its .bak names', async () => {
    const corpus = await threeArticles()
    const articles = join(corpus.folder, ARTICLES_DIR)
    const leftovers = [
      join(articles, 'article-b.9.json'),
      join(articles, '.article-b.9.json.1234.0123456789ab.tmp'),
      join(articles, '.article-c.1.json.bak.1234.0123456789ab.tmp'),
      join(corpus.folder, '.session.json.1234.0123456789ab.tmp'),
      join(corpus.folder, '.session.json.bak.1234.0123456789ab.tmp'),
    ]
    // Not Gloss's names: never touched.
    const foreign = [join(articles, 'notes.txt'), join(corpus.folder, 'README')]
    for (const f of [...leftovers, ...foreign]) await writeFile(f, 'x')
    // An article file only the .bak names (the index before the last commit).
    const bak = JSON.parse(
      await readFile(`${indexPathOf(corpus.folder)}.bak`, 'utf8'),
    ) as CorpusIndex
    const onlyBak = join(articles, 'article-c.0.json')
    await cp(fileOf(corpus, corpus.c), onlyBak)
    bak.articles = bak.articles.map((a) =>
      a.id === corpus.c ? { ...a, file: 'articles/article-c.0.json' } : a,
    )
    await writeFile(`${indexPathOf(corpus.folder)}.bak`, JSON.stringify(bak))

    const reg = registry()
    await reg.openPath(corpus.folder)
    await reg.shutdown()
    for (const f of leftovers) expect(existsSync(f), f).toBe(false)
    for (const f of [...foreign, onlyBak]) expect(existsSync(f), f).toBe(true)
    for (const a of corpus.index.articles)
      expect(existsSync(join(corpus.folder, a.file))).toBe(true)
  })
})

describe('removing and restoring articles', () => {
  async function openCorpus(): Promise<{ reg: SessionRegistry; entry: OpenEntry; corpus: Corpus }> {
    const corpus = await threeArticles()
    const reg = registry()
    await reg.openPath(corpus.folder)
    return { reg, entry: reg.get(corpus.sessionId)!, corpus }
  }

  it('brings back the passages of a restored article in main, and later corpus edits reach them', async () => {
    const { reg, entry, corpus } = await openCorpus()
    const before = entry.state
    const remove = { type: 'removeArticles' as const, ids: [corpus.b] }
    const restore = invertCorpusEdit(before, null, remove)
    await reg.applyEdits(entry, null, [remove])
    expect(entry.state.articles.has(corpus.b)).toBe(false)
    await reg.applyEdits(entry, null, [restore])
    expect(entry.state.articles.get(corpus.b)).toEqual(before.articles.get(corpus.b))
    expect(reg.view(entry, corpus.b).passages.length).toBeGreaterThan(0)
    // A merge after the restore changes B's passages too.
    await reg.applyEdits(entry, null, [
      mergeThemes(
        { codebook: entry.state.meta.codebook, passages: corpusPassages(entry.state) },
        'culture',
        'safety',
        NOW,
      ),
    ])
    await reg.shutdown()
    const loaded = await loadCorpusFolder(corpus.folder)
    expect(loaded.problems).toEqual([])
    expect(
      loaded.state.articles.get(corpus.b)!.passages.every((p) => p.themeIds.includes('safety')),
    ).toBe(true)
  })

  it('refuses to restore an article whose themes left the codebook meanwhile', async () => {
    const { reg, entry, corpus } = await openCorpus()
    const remove = { type: 'removeArticles' as const, ids: [corpus.b] }
    const restore = invertCorpusEdit(entry.state, null, remove)
    await reg.applyEdits(entry, null, [remove])
    // "culture" (only B used it) is merged away while B is out of the session.
    await reg.applyEdits(entry, null, [
      mergeThemes(
        { codebook: entry.state.meta.codebook, passages: corpusPassages(entry.state) },
        'culture',
        'safety',
        NOW,
      ),
    ])
    const state = entry.state
    await expect(reg.applyEdits(entry, null, [restore])).rejects.toThrow(/unknown theme culture/)
    expect(entry.state).toBe(state)
    await reg.shutdown()
    expect((await loadCorpusFolder(corpus.folder)).problems).toEqual([])
  })

  it('deletes a removed article’s file once neither the index nor its .bak names it', async () => {
    const { reg, entry, corpus } = await openCorpus()
    const file = fileOf(corpus, corpus.b)
    await reg.applyEdits(entry, null, [{ type: 'removeArticles', ids: [corpus.b] }])
    await reg.shutdown()
    // The .bak (the index before the removal) still names it.
    expect(existsSync(file)).toBe(true)
    const again = registry()
    const opened = await again.openPath(corpus.folder)
    const e = again.get(opened.session.id)!
    await again.applyEdits(e, null, [
      { type: 'setArticleMeta', articles: [{ id: corpus.c, title: 'C renamed', attributes: {} }] },
    ])
    await again.shutdown()
    await again.openPath(corpus.folder)
    await again.shutdown()
    expect(existsSync(file)).toBe(false)
  })
})
