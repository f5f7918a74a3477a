// "Keep a copy of the original file": with the setting on, the files that
// articles are added from (a Word file written by LibreOffice, a text file)
// are kept in the session folder, named by their bytes' sha256, before the
// index names them; "Save a copy of the original file…" writes them back
// byte for byte. Off (the default), nothing but text is kept. A kept copy
// no index names (an add cut short) goes at the next open; one a removed
// article named stays while undo may bring the article back.
import { createHash } from 'node:crypto'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { unzipSync, zipSync } from 'fflate'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { officeFixture } from '../../../test-support/office-fixtures'
import { fodt } from '../../../test-support/office-sources'
import { readIndex, sessionFolder } from '../../../test-support/session-folder'
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

const make = (importWorker?: string) =>
  createHandlers({
    dataDir,
    dialogs,
    samplePath: SAMPLE_PATH,
    author: 'tester',
    ...(importWorker && { importWorker }),
  })

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-originals-'))
  dataDir = join(dir, 'data')
  dialogs = new FakeDialogs()
  handlers = make()
})

afterEach(async () => {
  await handlers.shutdown()
  await rm(dir, { recursive: true, force: true })
})

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

async function wordFile(): Promise<string> {
  const converted = await officeFixture({
    name: 'greve.fodt',
    source: fodt(['La grève continue à la SNCF.', 'Les syndicats appellent à manifester jeudi.']),
    to: 'docx',
  })
  const path = join(dir, 'grève à la SNCF.docx')
  await writeFile(path, await readFile(converted))
  return path
}

async function textFile(name: string, text: string): Promise<string> {
  const path = join(dir, name)
  await writeFile(path, text)
  return path
}

describe('Keep a copy of the original file', () => {
  it('is off by default: only the text is kept', async () => {
    const opened = value(await handlers.openSample())
    expect(value(await handlers.getSettings()).keepOriginals).toBe(false)
    const r = value(
      await handlers.addArticleFiles(opened.session.id, [await textFile('a.txt', 'Un texte.')]),
    )
    expect(r.added).toHaveLength(1)
    const folder = await sessionFolder(dataDir)
    expect((await readIndex(folder)).articles[1]!.source?.original).toBeUndefined()
    expect(await readdir(folder)).not.toContain('originals')
  })

  it('keeps the files read (through the import worker too), byte for byte, and saves them back', async () => {
    for (const worker of [undefined, await importWorkerPath()]) {
      await handlers.shutdown()
      await rm(dataDir, { recursive: true, force: true })
      handlers = make(worker)
      value(await handlers.updateSettings({ keepOriginals: true }))
      const opened = value(await handlers.openSample())
      const docx = await wordFile()
      const text = await textFile('b.txt', 'Deuxième texte, en UTF-8.')
      const r = value(await handlers.addArticleFiles(opened.session.id, [docx, text]))
      expect(r.added.map((a) => a.title)).toHaveLength(2)
      const folder = await sessionFolder(dataDir)
      const index = await readIndex(folder)
      const [, fromWord, fromText] = index.articles
      const wordBytes = await readFile(docx)
      expect(fromWord!.source).toMatchObject({
        format: 'docx',
        original: `originals/${sha256(wordBytes)}.docx`,
      })
      expect(fromText!.source?.original).toBe(`originals/${sha256(await readFile(text))}.txt`)
      expect(await readFile(join(folder, fromWord!.source!.original!))).toEqual(wordBytes)
      // What the renderer was told names the copy too.
      expect(r.added[0]!.source?.original).toBe(fromWord!.source!.original)

      const target = join(dir, 'saved back.docx')
      dialogs.answer(target)
      const saved = value(await handlers.saveOriginal(opened.session.id, fromWord!.id))
      expect(saved).toEqual({ filePath: target })
      expect(dialogs.asked.at(-1)).toMatchObject({
        kind: 'save',
        defaultFileName: 'grève à la SNCF.docx',
      })
      expect(await readFile(target)).toEqual(wordBytes)
    }
  })

  it('keeps the file a new session is opened from ("Open article…")', async () => {
    value(await handlers.updateSettings({ keepOriginals: true }))
    const docx = await wordFile()
    dialogs.answer(docx)
    const opened = value(await handlers.openArticle())!
    const folder = await sessionFolder(dataDir)
    const [entry] = (await readIndex(folder)).articles
    expect(entry!.source?.original).toBe(`originals/${sha256(await readFile(docx))}.docx`)
    dialogs.answer(null)
    expect(value(await handlers.saveOriginal(opened.session.id, entry!.id))).toBeNull()
  })

  it('says so when the article kept no copy, or the copy is gone', async () => {
    const opened = value(await handlers.openSample())
    expect(errorOf(await handlers.saveOriginal(opened.session.id, opened.articleId))).toMatchObject(
      { code: 'not-found', key: 'main.article.noOriginal' },
    )
    value(await handlers.updateSettings({ keepOriginals: true }))
    const r = value(
      await handlers.addArticleFiles(opened.session.id, [await textFile('c.txt', 'Encore.')]),
    )
    const folder = await sessionFolder(dataDir)
    await rm(join(folder, 'originals'), { recursive: true })
    expect(errorOf(await handlers.saveOriginal(opened.session.id, r.added[0]!.id))).toMatchObject({
      code: 'not-found',
      key: 'main.article.originalGone',
    })
  })

  it('removes at the next open the copies no index names, and keeps those it names', async () => {
    value(await handlers.updateSettings({ keepOriginals: true }))
    const opened = value(await handlers.openSample())
    const r = value(
      await handlers.addArticleFiles(opened.session.id, [await textFile('d.txt', 'Gardé.')]),
    )
    const folder = await sessionFolder(dataDir)
    const named = (await readIndex(folder)).articles[1]!.source!.original!
    // An add cut short between the copy and the index; a write cut short; a file not Gloss's.
    const stray = `${'a'.repeat(64)}.pdf`
    const temp = `.${'b'.repeat(64)}.pdf.123.0123456789ab.tmp`
    await writeFile(join(folder, 'originals', stray), 'orphan')
    await writeFile(join(folder, 'originals', temp), 'half')
    await writeFile(join(folder, 'originals', 'notes.txt'), 'mine')
    value(await handlers.closeSession(opened.session.id))
    dialogs.answer(join(folder, 'session.json'))
    const again = value(await handlers.openSession())!
    expect(again.session.id).toBe(opened.session.id)
    await handlers.shutdown()
    const left = await readdir(join(folder, 'originals'))
    expect(left.sort()).toEqual([named.slice('originals/'.length), 'notes.txt'].sort())
    expect(r.added).toHaveLength(1)
  })

  it('carries the copies in a one-file copy of the session, checked against their names', async () => {
    value(await handlers.updateSettings({ keepOriginals: true }))
    const opened = value(await handlers.openSample())
    const docx = await wordFile()
    const r = value(await handlers.addArticleFiles(opened.session.id, [docx]))
    const copy = join(dir, 'étude.gloss.zip')
    dialogs.answer(copy)
    value(await handlers.saveSessionCopy(opened.session.id))
    value(await handlers.closeSession(opened.session.id))

    // Opened as a copy of a session already here: a new session, with the copy kept.
    dialogs.answer(copy)
    const reopened = value(await handlers.openSession())!
    expect(reopened.session.id).not.toBe(opened.session.id)
    dialogs.answer(join(dir, 'from the copy.docx'))
    value(await handlers.saveOriginal(reopened.session.id, r.added[0]!.id))
    expect(await readFile(join(dir, 'from the copy.docx'))).toEqual(await readFile(docx))
    value(await handlers.closeSession(reopened.session.id))

    // A copy whose kept file was changed since: opened, without that file.
    const zip = unzipSync(await readFile(copy))
    const name = Object.keys(zip).find((n) => n.startsWith('originals/'))!
    zip[name] = new TextEncoder().encode('not the Word file any more')
    const changed = join(dir, 'changée.gloss.zip')
    await writeFile(changed, zipSync(zip))
    dialogs.answer(changed)
    const third = value(await handlers.openSession())!
    expect(errorOf(await handlers.saveOriginal(third.session.id, r.added[0]!.id))).toMatchObject({
      key: 'main.article.originalGone',
    })
  })

  it('keeps a removed article’s copy while undo may bring it back', async () => {
    value(await handlers.updateSettings({ keepOriginals: true }))
    const opened = value(await handlers.openSample())
    const r = value(
      await handlers.addArticleFiles(opened.session.id, [await textFile('e.txt', 'Retiré.')]),
    )
    const added = r.added[0]!
    value(
      await handlers.applyEdits(opened.session.id, null, [
        { type: 'removeArticles', ids: [added.id] },
      ]),
    )
    const folder = await sessionFolder(dataDir)
    expect(await readdir(join(folder, 'originals'))).toHaveLength(1)
    value(
      await handlers.applyEdits(opened.session.id, null, [
        { type: 'restoreArticles', articles: [{ entry: added, at: 1 }] },
      ]),
    )
    dialogs.answer(join(dir, 'back.txt'))
    value(await handlers.saveOriginal(opened.session.id, added.id))
    expect(await readFile(join(dir, 'back.txt'), 'utf8')).toBe('Retiré.')
  })
})
