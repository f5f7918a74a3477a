import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AddArticlesProgress, OpenedSession } from '@shared/api'
import { makePassage } from '@shared/model/edits'
import { readArticles, readIndex, sessionFolder } from '../../../test-support/session-folder'
import { checkedCalls } from '../checked-calls'
import { createHandlers, type Handlers } from '../handlers'
import { FakeDialogs } from '../test-support/fake-dialogs'
import { importWorkerPath } from '../test-support/import-worker'
import { errorOf, value } from '../test-support/results'

const SAMPLE_PATH = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../resources/sample-article-fr.txt',
)

let dir: string
let dataDir: string
let dialogs: FakeDialogs
let handlers: Handlers
let progress: AddArticlesProgress[]

const make = (importWorker?: string) =>
  createHandlers({
    dataDir,
    dialogs,
    samplePath: SAMPLE_PATH,
    author: 'tester',
    onAddArticlesProgress: (p) => progress.push(p),
    ...(importWorker && { importWorker }),
  })

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-articles-'))
  dataDir = join(dir, 'data')
  dialogs = new FakeDialogs()
  progress = []
  handlers = make()
})

afterEach(async () => {
  await handlers.shutdown()
  await rm(dir, { recursive: true, force: true })
})

async function file(name: string, content: string | Buffer): Promise<string> {
  const path = join(dir, name)
  await writeFile(path, content)
  return path
}

async function sample(): Promise<OpenedSession> {
  return value(await handlers.openSample())
}

describe('Add articles…', () => {
  it('adds the files chosen in a multi-select dialog, reports a duplicate and a bad file, and saves one index', async () => {
    const opened = await sample()
    const sampleText = await readFile(SAMPLE_PATH, 'utf8')
    const a = await file('grève.txt', 'La grève continue.\n\nLes syndicats appellent à manifester.')
    const copy = await file('copie.txt', sampleText)
    const bad = await file('binaire.txt', Buffer.from([0x41, 0x00, 0x42, 0x00, 0x00, 0x07]))
    dialogs.answer([a, copy, bad])
    const r = value(await handlers.addArticles(opened.session.id))!
    expect(dialogs.asked.at(-1)).toMatchObject({ kind: 'openFiles', title: 'Add articles' })
    expect(r.added.map((x) => x.title)).toEqual(['grève'])
    expect(r.duplicates).toEqual([{ file: 'copie.txt', title: opened.session.document.title }])
    expect(r.failures).toEqual([{ file: 'binaire.txt', reason: { key: 'main.add.notText' } }])
    expect(r.cancelled).toBe(false)

    const folder = await sessionFolder(dataDir)
    const index = await readIndex(folder)
    expect(index.articles.map((x) => x.id)).toEqual([opened.articleId, r.added[0]!.id])
    const files = await readArticles(folder)
    expect(files[1]!.text).toBe('La grève continue.\n\nLes syndicats appellent à manifester.')
    // Progress named the files, and ended with every file handled.
    expect(progress[0]).toMatchObject({ sessionId: opened.session.id, done: 0, total: 3 })
    expect(progress.at(-1)).toMatchObject({ done: 3, total: 3, file: '' })
    // The new article opens.
    const shown = value(await handlers.switchArticle(opened.session.id, r.added[0]!.id))
    expect(shown.session.document.title).toBe('grève')
  })

  it('answers null and changes nothing when the dialog is cancelled', async () => {
    const opened = await sample()
    dialogs.answer(null)
    expect(value(await handlers.addArticles(opened.session.id))).toBeNull()
    expect((await readIndex(await sessionFolder(dataDir))).articles).toHaveLength(1)
  })
})

describe('dropped files', () => {
  it('checks every path main is given (the renderer could send anything)', async () => {
    const opened = await sample()
    const good = await file('dropped.md', '# Dépêche\n\nTexte.')
    const calls = checkedCalls(handlers)
    expect(errorOf(await calls.addArticleFiles(opened.session.id, []))?.code).toBe(
      'invalid-argument',
    )
    expect(errorOf(await calls.addArticleFiles(opened.session.id, 'x'))?.code).toBe(
      'invalid-argument',
    )
    const r = value(await calls.addArticleFiles(opened.session.id, [good, dir, 'relative.txt']))
    expect(r.added.map((x) => x.title)).toEqual(['Dépêche'])
    expect(r.failures).toEqual([
      { file: dir.split('/').at(-1), reason: { key: 'main.io.isFolder' } },
      { file: 'relative.txt', reason: { key: 'main.add.notFile' } },
    ])
  })

  it('runs one batch at a time per session, and a cancel keeps what was added before it', async () => {
    const opened = await sample()
    const paths = await Promise.all(
      Array.from({ length: 400 }, (_, i) =>
        file(`d${i}.txt`, `Dépêche ${i}.\n\n${'Un paragraphe de texte. '.repeat(200)}`),
      ),
    )
    const id = opened.session.id
    const running = handlers.addArticleFiles(id, paths)
    // A second batch while the first runs is refused.
    const second = await handlers.addArticleFiles(id, [paths[0]!])
    expect(errorOf(second)).toMatchObject({ code: 'invalid-argument', key: 'main.add.busy' })
    // Cancel once some files are in.
    while (!progress.some((p) => p.done >= 120)) await new Promise((r) => setTimeout(r, 5))
    value(await handlers.cancelAddArticles(id))
    const r = value(await running)
    expect(r.cancelled).toBe(true)
    expect(r.added.length).toBeGreaterThanOrEqual(120)
    expect(r.added.length).toBeLessThan(400)
    // What was added is on disk, in order, and nothing after it.
    const index = await readIndex(await sessionFolder(dataDir))
    expect(index.articles.map((a) => a.id)).toEqual([opened.articleId, ...r.added.map((a) => a.id)])
    expect(index.articles.at(-1)!.sourceFileName).toBe(`d${r.added.length - 1}.txt`)
    // Another batch can run now.
    value(await handlers.addArticleFiles(id, [paths[399]!]))
  })
})

describe('through the import worker (as Gloss runs)', () => {
  it('adds the same articles, in the same order, with the same duplicates and failures as in main’s thread', async () => {
    const sampleText = await readFile(SAMPLE_PATH, 'utf8')
    const names = ['b.md', 'copie.txt', 'a.txt', 'binaire.txt', 'page.html', 'b-again.txt', 'c.txt']
    const contents: (string | Buffer)[] = [
      '# Bêta\n\nLe deuxième texte.',
      sampleText,
      'Le premier texte.',
      Buffer.from([0x41, 0x00, 0x42]),
      '<html><body><article><h1>Une page</h1><p>Son texte.</p></article></body></html>',
      '# Bêta\n\nLe deuxième texte.\n',
      'Le dernier texte.',
    ]
    const paths = await Promise.all(names.map((n, i) => file(n, contents[i]!)))
    const results = []
    for (const worker of [undefined, await importWorkerPath()]) {
      await handlers.shutdown()
      await rm(dataDir, { recursive: true, force: true })
      handlers = make(worker)
      const opened = await sample()
      const r = value(await handlers.addArticleFiles(opened.session.id, [...paths, dir]))
      const index = await readIndex(await sessionFolder(dataDir))
      results.push({
        added: r.added.map((a) => [a.title, a.sourceFileName, a.sha256, a.source, a.attributes]),
        onDisk: index.articles.slice(1).map((a) => a.sourceFileName),
        duplicates: r.duplicates,
        failures: r.failures,
      })
    }
    expect(results[0]!.added.map((a) => a[1])).toEqual(['b.md', 'a.txt', 'page.html', 'c.txt'])
    expect(results[0]!.onDisk).toEqual(['b.md', 'a.txt', 'page.html', 'c.txt'])
    expect(results[0]!.failures.map((f) => f.file)).toEqual(['binaire.txt', dir.split('/').at(-1)])
    expect(results[0]!.duplicates.map((d) => d.file)).toEqual(['copie.txt', 'b-again.txt'])
    expect(results[1]).toEqual(results[0])
  })

  it('cancels a batch: what was added before stays, in order, and another batch can run', async () => {
    await handlers.shutdown()
    handlers = make(await importWorkerPath())
    const opened = await sample()
    const paths = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        file(`w${i}.txt`, `Dépêche ${i}.\n\n${'Un paragraphe de texte. '.repeat(200)}`),
      ),
    )
    const id = opened.session.id
    const running = handlers.addArticleFiles(id, paths)
    while (!progress.some((p) => p.done >= 60)) await new Promise((r) => setTimeout(r, 5))
    value(await handlers.cancelAddArticles(id))
    const r = value(await running)
    expect(r.cancelled).toBe(true)
    expect(r.failures).toEqual([])
    expect(r.added.length).toBeGreaterThanOrEqual(60)
    expect(r.added.length).toBeLessThan(300)
    const index = await readIndex(await sessionFolder(dataDir))
    expect(index.articles.map((a) => a.sourceFileName)).toEqual([
      opened.session.document.sourceFileName,
      ...paths.slice(0, r.added.length).map((p) => p.split('/').at(-1)),
    ])
    const again = value(await handlers.addArticleFiles(id, [paths[299]!]))
    expect(again.added.map((a) => a.sourceFileName)).toEqual(['w299.txt'])
  })
})

describe('Paste as new article', () => {
  it('adds pasted text titled by its first line, or by the title given', async () => {
    const opened = await sample()
    const long = 'É'.repeat(130)
    const r = value(
      await handlers.pasteArticle(opened.session.id, `\r\n  ${long}  \r\nCorps du texte.\r\n`),
    )
    expect(r.added).toHaveLength(1)
    expect(r.added[0]!.title).toBe('É'.repeat(120))
    expect(r.added[0]!.sourceFileName).toBe('')
    const titled = value(
      await handlers.pasteArticle(opened.session.id, 'Autre texte.', ' Mon titre '),
    )
    expect(titled.added[0]!.title).toBe('Mon titre')
    const files = await readArticles(await sessionFolder(dataDir))
    // Normalized as an opened file is: leading spaces stay, trailing ones go.
    expect(files[1]!.text).toBe(`  ${long}\nCorps du texte.`)
  })

  it('refuses empty text and reports a text the session has', async () => {
    const opened = await sample()
    expect(errorOf(await handlers.pasteArticle(opened.session.id, ' \n\t '))).toMatchObject({
      code: 'invalid-argument',
      key: 'main.add.pasteEmpty',
    })
    const again = value(
      await handlers.pasteArticle(opened.session.id, opened.session.document.text),
    )
    expect(again.added).toEqual([])
    expect(again.duplicates).toEqual([{ file: '', title: opened.session.document.title }])
  })
})

describe('undoing an add or a removal', () => {
  it('brings an article back with its passages (main keeps removed articles until close)', async () => {
    const opened = await sample()
    const id = opened.session.id
    const { text } = opened.session.document
    const passage = makePassage(text, {
      id: 'p1',
      start: 0,
      end: 10,
      themeIds: ['growth'],
      author: 'tester',
      now: '2026-12-02T10:00:00.000Z',
    })
    value(await handlers.applyEdits(id, opened.articleId, [{ type: 'putPassage', passage }]))
    const added = value(await handlers.pasteArticle(id, 'Un second article.')).added[0]!
    value(await handlers.switchArticle(id, added.id))
    const entry = opened.meta.articles[0]!
    value(await handlers.applyEdits(id, null, [{ type: 'removeArticles', ids: [entry.id] }]))
    expect(errorOf(await handlers.switchArticle(id, entry.id))?.code).toBe('not-found')
    value(
      await handlers.applyEdits(id, null, [
        { type: 'restoreArticles', articles: [{ entry: { ...entry, passageCount: 1 }, at: 0 }] },
      ]),
    )
    const back = value(await handlers.switchArticle(id, entry.id))
    expect(back.session.passages.map((p) => p.id)).toEqual(['p1'])
    // Undo of the add, then redo: the pasted article comes back too.
    value(await handlers.switchArticle(id, entry.id))
    value(await handlers.applyEdits(id, null, [{ type: 'removeArticles', ids: [added.id] }]))
    value(
      await handlers.applyEdits(id, null, [
        { type: 'restoreArticles', articles: [{ entry: added, at: 1 }] },
      ]),
    )
    expect(value(await handlers.switchArticle(id, added.id)).session.document.text).toBe(
      'Un second article.',
    )
    const index = await readIndex(await sessionFolder(dataDir))
    expect(index.articles.map((a) => [a.id, a.passageCount])).toEqual([
      [entry.id, 1],
      [added.id, 0],
    ])
  })
})
