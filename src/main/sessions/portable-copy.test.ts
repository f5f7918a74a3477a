// A session as one file, through the real handlers on real files: "Save a
// copy as one file…" writes a zip that another zip reader (fflate) reads
// back as the session's files, "Open session…" opens it on another
// computer (another data folder) as the same session, a second copy of a
// session already here opens as a separate one, a zipped session folder
// opens too, and a hostile or damaged copy is refused with its problem
// named, leaving nothing behind. A session folder copied elsewhere (mailed
// as a folder) opens through its session.json.
import { cp, mkdir, mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { OpenedSession, Result } from '@shared/api'
import type { ArticleFile, CorpusIndex } from '@shared/model/corpus'
import { createHandlers, type Handlers } from '../handlers'
import { FakeDialogs } from '../test-support/fake-dialogs'
import { errorOf } from '../test-support/results'
import { loadCorpusFolder } from '../store/corpus-folder'
import { sha256Hex } from '../store/hash'
import { SettingsStore } from '../store/settings'
import { articleText, newArticle, prng } from '../store/test-support/crash-corpus'
import { SessionRegistry } from './registry'

const SAMPLE = new URL('../../../resources/sample-article-fr.txt', import.meta.url).pathname
const NOW = '2026-12-01T10:00:00.000Z'

let root: string
let dialogs: FakeDialogs
const opened: Handlers[] = []

function handlersOn(dataDir: string): Handlers {
  const h = createHandlers({ dataDir, dialogs, samplePath: SAMPLE, author: 'tester' })
  opened.push(h)
  return h
}

function value<T>(r: Result<T>): NonNullable<T> {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`)
  if (r.value === null || r.value === undefined) throw new Error('expected a value')
  return r.value
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'gloss-portable-'))
  dialogs = new FakeDialogs()
})
afterEach(async () => {
  for (const h of opened.splice(0)) await h.shutdown()
  await rm(root, { recursive: true, force: true })
})

/** A session of four articles (passages, an outlet each) in `dataDir`; its folder. */
async function corpusIn(dataDir: string): Promise<string> {
  const rng = prng(11)
  const registry = new SessionRegistry({
    dataDir,
    author: 'tester',
    now: () => NOW,
    settings: new SettingsStore(dataDir),
  })
  const text = articleText(rng)
  const first = await registry.create(
    { title: 'Grève des raffineries', sourceFileName: 'a.txt', text, sha256: sha256Hex(text) },
    { outlet: 'Le Monde' },
  )
  const entry = registry.get(first.session.id)!
  await registry.addArticles(
    entry,
    ['b', 'c', 'd'].map((id) => newArticle(rng, `article-${id}`, entry.state.meta.codebook, NOW)),
  )
  await registry.shutdown()
  return entry.folder.dir
}

/** Closes a session (back to the start screen). */
async function closed(h: Handlers, sessionId: string): Promise<void> {
  expect(await h.closeSession(sessionId)).toEqual({ ok: true, value: null })
}

/** Opens `path` through "Open session…". */
async function openThroughDialog(h: Handlers, path: string): Promise<Result<OpenedSession | null>> {
  dialogs.answer(path)
  return h.openSession()
}

/** Saves a copy of the open session through "Save a copy as one file…" to `path`. */
async function saveCopy(h: Handlers, sessionId: string, path: string): Promise<string> {
  dialogs.answer(path)
  return value(await h.saveSessionCopy(sessionId)).filePath
}

/** What a loaded folder holds for the analyst (ids and files' names aside). */
async function contentOf(dir: string) {
  const { state, problems } = await loadCorpusFolder(dir)
  expect(problems).toEqual([])
  return {
    meta: state.meta,
    articles: state.meta.articles.map((a) => state.articles.get(a.id)),
  }
}

/** Everything under `dir` (names only), to see that nothing was left behind. */
async function namesUnder(dir: string): Promise<string[]> {
  return existsSync(dir) ? (await readdir(dir)).sort() : []
}

describe('Save a copy as one file', () => {
  it('writes one zip of session.json and the article files, that another zip reader reads', async () => {
    const folder = await corpusIn(join(root, 'mine'))
    const h = handlersOn(join(root, 'mine'))
    const session = value(await openThroughDialog(h, folder))
    const target = join(root, 'out', 'ma copie.gloss.zip')
    await mkdir(join(root, 'out'))
    expect(await saveCopy(h, session.session.id, target)).toBe(target)
    expect(dialogs.asked.at(-1)).toMatchObject({
      kind: 'save',
      title: 'Save a copy of the session as one file',
      defaultFileName: 'grève-des-raffineries.gloss.zip',
      filters: [{ extensions: ['zip'] }],
    })
    expect(await readdir(join(root, 'out'))).toEqual(['ma copie.gloss.zip'])

    const files = unzipSync(new Uint8Array(await readFile(target)))
    const index = JSON.parse(strFromU8(files['session.json']!)) as CorpusIndex
    expect(Object.keys(files).sort()).toEqual(
      ['session.json', ...index.articles.map((a) => a.file)].sort(),
    )
    expect(index.articles.map((a) => a.file)).toEqual(
      index.articles.map((a) => `articles/${a.id}.1.json`),
    )
    expect(index.id).toBe(session.session.id)
    const article = JSON.parse(strFromU8(files[index.articles[1]!.file]!)) as ArticleFile
    expect(sha256Hex(article.text)).toBe(index.articles[1]!.sha256)
    expect(article.passages.length).toBeGreaterThan(0)
  })

  it('is cancelled with nothing written, and refused for a session with an unreadable article', async () => {
    const folder = await corpusIn(join(root, 'mine'))
    const h = handlersOn(join(root, 'mine'))
    const session = value(await openThroughDialog(h, folder))
    dialogs.answer(null)
    expect(await h.saveSessionCopy(session.session.id)).toEqual({ ok: true, value: null })
    await closed(h, session.session.id)

    const index = JSON.parse(await readFile(join(folder, 'session.json'), 'utf8')) as CorpusIndex
    await truncate(join(folder, index.articles[2]!.file), 10)
    const broken = value(await openThroughDialog(h, folder))
    expect(broken.problems).toHaveLength(1)
    const target = join(root, 'broken.gloss.zip')
    dialogs.answer(target)
    const r = await h.saveSessionCopy(broken.session.id)
    expect(errorOf(r)).toMatchObject({
      code: 'unreadable',
      key: 'main.copy.cannotSave',
      params: { problem: { key: 'main.copy.brokenArticle' } },
    })
    expect(existsSync(target)).toBe(false)
  })
})

describe('Open session… with a one-file copy', () => {
  it('opens on another computer as the same session, in a new folder of its sessions', async () => {
    const folder = await corpusIn(join(root, 'mine'))
    const mine = handlersOn(join(root, 'mine'))
    const session = value(await openThroughDialog(mine, folder))
    const copy = await saveCopy(mine, session.session.id, join(root, 'Grève.gloss.zip'))
    const copyBytes = await readFile(copy)

    const theirs = handlersOn(join(root, 'theirs'))
    const there = value(await openThroughDialog(theirs, copy))
    expect(dialogs.asked.at(-1)?.filters[0]?.extensions).toEqual(['json', 'zip'])
    expect(there.session.id).toBe(session.session.id)
    expect(there.readOnlyReason).toBeNull()
    expect(there.filePath).toBe(join(root, 'theirs', 'sessions', 'grève.gloss'))
    expect(there.noticeRef).toEqual({
      key: 'main.notice.copyOpened',
      params: { file: 'Grève.gloss.zip', folder: 'grève.gloss' },
    })
    expect(await contentOf(there.filePath)).toEqual(await contentOf(folder))
    // The copy itself is left as it is, and nothing else is in the sessions folder.
    expect(await readFile(copy)).toEqual(copyBytes)
    expect(await namesUnder(join(root, 'theirs', 'sessions'))).toEqual(['grève.gloss'])
    // It is an ordinary session there: edited, reopened from the recent list.
    value(
      await theirs.applyEdits(there.session.id, there.articleId, [
        { type: 'setUi', ui: { scrollTop: 7 } },
      ]),
    )
    await closed(theirs, there.session.id)
    expect(value(await theirs.openRecent(there.session.id)).session.ui.scrollTop).toBe(7)
  })

  it('opens a copy of a session that is already here as a separate session, and says so', async () => {
    const dataDir = join(root, 'mine')
    const folder = await corpusIn(dataDir)
    const h = handlersOn(dataDir)
    const session = value(await openThroughDialog(h, folder))
    const copy = await saveCopy(h, session.session.id, join(root, 'copie.gloss.zip'))

    // While the original is open…
    const second = value(await openThroughDialog(h, copy))
    expect(second.session.id).not.toBe(session.session.id)
    expect(second.noticeRef).toEqual({
      key: 'main.notice.copyOfExisting',
      params: { file: 'copie.gloss.zip', existing: folder, folder: 'copie.gloss' },
    })
    // …and once it is closed (it is still in the recent list): never over a folder.
    await closed(h, session.session.id)
    const third = value(await openThroughDialog(h, copy))
    expect(new Set([session.session.id, second.session.id, third.session.id]).size).toBe(3)
    expect(third.filePath).toBe(join(dataDir, 'sessions', 'copie-2.gloss'))
    const original = await contentOf(folder)
    expect(await contentOf(second.filePath)).toEqual(original)
    expect(await contentOf(third.filePath)).toEqual(original)
    // Every article file of a separate copy says which session it belongs to.
    const { state } = await loadCorpusFolder(third.filePath)
    expect(state.id).toBe(third.session.id)
  })

  it('opens a session folder zipped by the system (top folder, .bak, lock, clutter)', async () => {
    const folder = await corpusIn(join(root, 'mine'))
    const files: Zippable = {}
    const top = basename(folder)
    const add = async (rel: string) =>
      (files[`${top}/${rel}`] = new Uint8Array(await readFile(join(folder, rel))))
    for (const name of await readdir(folder)) if (name !== 'articles') await add(name)
    for (const name of await readdir(join(folder, 'articles'))) await add(`articles/${name}`)
    files[`${top}/session.json.lock`] = strToU8('{}')
    files['__MACOSX/._session.json'] = strToU8('resource fork')
    files[`${top}/.DS_Store`] = strToU8('finder')
    const zipped = join(root, 'zipped.zip')
    await writeFile(zipped, zipSync(files))

    const h = handlersOn(join(root, 'theirs'))
    const there = value(await openThroughDialog(h, zipped))
    expect(there.problems).toEqual([])
    expect(await contentOf(there.filePath)).toEqual(await contentOf(folder))
    const unpacked = await readdir(there.filePath)
    expect(unpacked.filter((n) => n !== 'session.json.lock').sort()).toEqual([
      'articles',
      'session.json',
    ])
  })
})

describe('Open session… with a hostile or damaged copy', () => {
  /** The files of a good copy, to tamper with. */
  async function goodCopy(): Promise<Record<string, Uint8Array>> {
    const folder = await corpusIn(join(root, 'mine'))
    const h = handlersOn(join(root, 'mine'))
    const session = value(await openThroughDialog(h, folder))
    const copy = await saveCopy(h, session.session.id, join(root, 'good.gloss.zip'))
    return unzipSync(new Uint8Array(await readFile(copy)))
  }
  const indexOf = (files: Record<string, Uint8Array>) =>
    JSON.parse(strFromU8(files['session.json']!)) as CorpusIndex

  type Tamper = (files: Record<string, Uint8Array>) => Zippable
  const CASES: [string, Tamper, object][] = [
    [
      'an entry climbing out of the folder',
      (f) => ({ ...f, '../../evil.json': strToU8('{}') }),
      { key: 'main.copy.strangeFile', params: { name: '../../evil.json' } },
    ],
    [
      'an absolute path',
      (f) => ({ ...f, '/etc/cron.d/evil': strToU8('x') }),
      { key: 'main.copy.strangeFile' },
    ],
    [
      'an article entry through ..',
      (f) => ({ ...f, 'articles/../../x.1.json': strToU8('{}') }),
      { key: 'main.copy.strangeFile' },
    ],
    [
      'a Windows path',
      (f) => ({ ...f, 'articles\\x.1.json': strToU8('{}') }),
      { key: 'main.copy.strangeFile' },
    ],
    [
      'a program',
      (f) => ({ ...f, 'run.sh': strToU8('#!/bin/sh') }),
      { key: 'main.copy.strangeFile', params: { name: 'run.sh' } },
    ],
    [
      'a link',
      (f) => ({ ...f, 'session.json': [f['session.json']!, { os: 3, attrs: 0o120777 << 16 }] }),
      { key: 'main.copy.link' },
    ],
    [
      'a zip bomb',
      (f) => ({ ...f, 'articles/bomb.1.json': new Uint8Array(8 * 1024 ** 2) }),
      { key: 'main.copy.bomb', params: { name: 'articles/bomb.1.json' } },
    ],
    [
      'no index',
      (f) => ({ ...f, 'session.json': undefined as never }),
      { key: 'main.copy.noIndex' },
    ],
    [
      'a truncated index',
      (f) => ({ ...f, 'session.json': f['session.json']!.subarray(0, 100) }),
      { key: 'main.load.notJson' },
    ],
    [
      'an index naming a file outside the folder',
      (f) => {
        const index = indexOf(f)
        index.articles[0]!.file = '../outside.1.json'
        return { ...f, 'session.json': strToU8(JSON.stringify(index)) }
      },
      { key: 'main.load.shapeAt' },
    ],
    [
      'a missing article file',
      (f) => {
        const copy: Zippable = { ...f }
        delete copy[indexOf(f).articles[1]!.file]
        return copy
      },
      { key: 'main.copy.articleBroken', params: { problem: { key: 'main.io.fileMissing' } } },
    ],
    [
      'an article whose text was changed',
      (f) => {
        const file = indexOf(f).articles[2]!.file
        const article = JSON.parse(strFromU8(f[file]!)) as ArticleFile
        article.text = `${article.text}!`
        return { ...f, [file]: strToU8(JSON.stringify(article)) }
      },
      { key: 'main.copy.articleBroken', params: { problem: { key: 'main.load.checksum' } } },
    ],
  ]

  it.each(CASES)(
    'refuses %s, names the copy and the problem, and leaves nothing behind',
    async (_what, tamper, problem) => {
      const files = await goodCopy()
      const bad = join(root, 'bad.gloss.zip')
      const tampered = tamper(files)
      for (const k of Object.keys(tampered)) if (tampered[k] === undefined) delete tampered[k]
      await writeFile(bad, zipSync(tampered))
      const before = await readFile(bad)
      const dataDir = join(root, 'theirs')
      await mkdir(join(dataDir, 'sessions'), { recursive: true })
      const h = handlersOn(dataDir)
      const r = await openThroughDialog(h, bad)
      expect(errorOf(r)).toMatchObject({
        code: 'invalid-session',
        key: 'main.copy.cannotOpen',
        params: { file: 'bad.gloss.zip', problem },
      })
      expect(await namesUnder(join(dataDir, 'sessions'))).toEqual([])
      expect(await readFile(bad)).toEqual(before)
      expect(existsSync(join(root, 'evil.json'))).toBe(false)
    },
  )

  it('refuses a file that only looks like a zip', async () => {
    const bad = join(root, 'cut.gloss.zip')
    const whole = zipSync(await goodCopy())
    await writeFile(bad, whole.subarray(0, whole.length / 2))
    const dataDir = join(root, 'theirs')
    const r = await openThroughDialog(handlersOn(dataDir), bad)
    expect(errorOf(r)).toMatchObject({
      key: 'main.copy.cannotOpen',
      params: { problem: { key: 'main.copy.notZip' } },
    })
    expect(await namesUnder(join(dataDir, 'sessions'))).toEqual([])
  })
})

describe('a session folder copied elsewhere', () => {
  it('opens through its session.json, as the same session, where it is', async () => {
    const folder = await corpusIn(join(root, 'mine'))
    const elsewhere = join(root, 'usb', 'from-alex', basename(folder))
    await cp(folder, elsewhere, { recursive: true })
    await mkdir(join(root, 'theirs'))
    const h = handlersOn(join(root, 'theirs'))
    const there = value(await openThroughDialog(h, join(elsewhere, 'session.json')))
    expect(there.filePath).toBe(elsewhere)
    expect(there.readOnlyReason).toBeNull()
    expect(await contentOf(elsewhere)).toEqual(await contentOf(folder))
    // Opening the folder itself opens the same session.
    await closed(h, there.session.id)
    expect(value(await openThroughDialog(h, elsewhere)).session.id).toBe(there.session.id)
  })
})
