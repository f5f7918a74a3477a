// Coders through the real handlers on real folders: who new passages are
// attributed to (a coder copy's coder, else the coder name setting, else
// the system user), the articles each coder opened (recorded as they are
// shown, written with the next index write or on close, never by a switch
// alone), and "Make coder copies…": one zip per coder that "Open session…"
// opens as a new session of the same articles and codebook, with none of
// the passages or only the analyst's, never over an existing file.
import { existsSync, mkdirSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CoderCopiesProgress, OpenedSession } from '@shared/api'
import type { CorpusIndex } from '@shared/model/corpus'
import type { CorpusState } from '@shared/model/corpus-edits'
import { checkedCalls } from '../checked-calls'
import { createHandlers, type Handlers } from '../handlers'
import { loadCorpusFolder } from '../store/corpus-folder'
import { FakeDialogs } from '../test-support/fake-dialogs'
import { errorOf, value } from '../test-support/results'
import { generateCorpus, SMALL_CORPUS } from '../../../test-support/generate-corpus'
import { corpusDir, writeCorpus } from '../../../test-support/write-corpus'

const SAMPLE = new URL('../../../resources/sample-article-fr.txt', import.meta.url).pathname
const NOW = '2026-12-03T10:00:00.000Z'
/** The analyst, whose passages "Include my passages" takes. */
const ANNA = 'Anna Leroy'

let root: string
let dialogs: FakeDialogs
let progress: CoderCopiesProgress[]
/** Told of each progress report as main makes it (in the making's own turn). */
let onProgress: (p: CoderCopiesProgress) => void
const running: Handlers[] = []

function handlersOn(dataDir: string, author = 'tester'): Handlers {
  // The data folder exists (Electron's, or the e2e harness's).
  mkdirSync(dataDir, { recursive: true })
  const h = createHandlers({
    dataDir,
    dialogs,
    samplePath: SAMPLE,
    author,
    now: () => new Date(NOW),
    onCoderCopiesProgress: (p) => {
      progress.push(p)
      onProgress(p)
    },
  })
  running.push(h)
  return h
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'gloss-coders-'))
  dialogs = new FakeDialogs()
  progress = []
  onProgress = () => {}
})
afterEach(async () => {
  for (const h of running.splice(0)) await h.shutdown()
  await rm(root, { recursive: true, force: true })
})

/** A corpus of five articles, half of whose passages are Anna's; its index path. */
async function corpus(
  coderCopy?: CorpusState['meta']['coderCopy'],
): Promise<{ path: string; state: CorpusState }> {
  const made = generateCorpus(SMALL_CORPUS)
  const generated = coderCopy ? { ...made, meta: { ...made.meta, coderCopy } } : made
  const articles = new Map(
    [...generated.articles].map(([id, article]) => [
      id,
      {
        ...article,
        passages: article.passages.map((p, i) => (i % 2 ? { ...p, author: ANNA } : p)),
      },
    ]),
  )
  const state = { ...generated, articles }
  const path = await writeCorpus(corpusDir(root, 'Grève des raffineries'), state)
  return { path, state }
}

async function open(h: Handlers, path: string): Promise<OpenedSession> {
  dialogs.answer(path)
  return value(await h.openSession())!
}

const indexOf = async (dir: string) =>
  JSON.parse(await readFile(join(dir, 'session.json'), 'utf8')) as CorpusIndex

describe('who new passages are attributed to', () => {
  it('is the system user, else the coder name setting, which applies to a session already open', async () => {
    const h = handlersOn(join(root, 'data'))
    const sample = value(await h.openSample())
    expect(sample.author).toBe('tester')
    const ipc = checkedCalls(h)
    expect(value(await ipc.updateSettings({ coderName: 'Amélie Durand' })).coderName).toBe(
      'Amélie Durand',
    )
    expect(value(await h.coderIdentity(sample.session.id))).toEqual({
      systemUser: 'tester',
      coderName: 'Amélie Durand',
      copy: null,
      author: 'Amélie Durand',
    })
    value(await h.closeSession(sample.session.id))
    expect(value(await h.openRecent(sample.session.id)).author).toBe('Amélie Durand')
    // Back to the system user.
    value(await ipc.updateSettings({ coderName: null }))
    expect(value(await h.coderIdentity(null)).author).toBe('tester')
  })

  it('refuses names that cannot be a coder: reserved, padded, with control characters', async () => {
    const ipc = checkedCalls(handlersOn(join(root, 'data')))
    for (const bad of [
      'consensus',
      'Consensus',
      ' Karim',
      'Ka\nrim',
      'Ka\trim',
      '',
      'x'.repeat(201),
    ])
      expect(errorOf(await ipc.updateSettings({ coderName: bad }))?.code, bad).toBe(
        'invalid-argument',
      )
    expect(value(await ipc.getSettings()).coderName).toBeNull()
  })

  it('reads a settings file whose coder name was spoiled by hand as no name, keeping the rest', async () => {
    const dataDir = join(root, 'data')
    await mkdir(dataDir, { recursive: true })
    await writeFile(
      join(dataDir, 'settings.json'),
      JSON.stringify({ version: 1, locale: 'fr', coderName: 'consensus' }),
    )
    const settings = value(await handlersOn(dataDir).getSettings())
    expect(settings).toMatchObject({ locale: 'fr', coderName: null })
  })
})

describe('the articles a coder opened', () => {
  it('are recorded in a coder copy as they are shown, written with the next index write or on close, not per switch', async () => {
    const { path, state } = await corpus({
      sessionId: 'origin',
      coder: 'Karim',
      madeAt: '2026-12-01T10:00:00.000Z',
    })
    const [a1, a2, a3, a4] = state.meta.articles.map((a) => a.id)
    const h = handlersOn(join(root, 'data'))
    const opened = await open(h, path)
    const dir = opened.filePath
    expect(opened.articleId).toBe(a1)
    expect(opened.meta.coders).toEqual([{ name: 'Karim', opened: [a1] }])
    const before = await readFile(join(dir, 'session.json'))
    value(await h.switchArticle(opened.session.id, a2!))
    value(await h.switchArticle(opened.session.id, a1!))
    // Switching never writes the index.
    expect(await readFile(join(dir, 'session.json'))).toEqual(before)
    // An edit of the index takes them along.
    const entry = state.meta.articles[0]!
    value(
      await h.applyEdits(opened.session.id, a1!, [
        {
          type: 'setArticleMeta',
          articles: [{ id: a1!, title: 'Renamed', attributes: entry.attributes }],
        },
      ]),
    )
    expect((await indexOf(dir)).coders).toEqual([{ name: 'Karim', opened: [a1, a2] }])
    // Still the copy's coder whatever the coder name set meanwhile; written on close.
    value(await h.updateSettings({ coderName: 'Léa' }))
    value(await h.switchArticle(opened.session.id, a3!))
    value(await h.switchArticle(opened.session.id, a4!))
    value(await h.closeSession(opened.session.id))
    expect((await indexOf(dir)).coders).toEqual([{ name: 'Karim', opened: [a1, a2, a3, a4] }])
    const reopened = value(await h.openRecent(opened.session.id))
    expect(reopened.articleId).toBe(a4)
  })

  it('are not recorded in the analyst’s own session: looking at an article is not coding it', async () => {
    const { path } = await corpus()
    const h = handlersOn(join(root, 'data'))
    const opened = await open(h, path)
    expect(opened.meta.coders).toBeUndefined()
    value(await h.closeSession(opened.session.id))
    expect((await indexOf(opened.filePath)).coders).toBeUndefined()
  })

  it('records no coder whose name a session cannot hold (an empty system user name)', async () => {
    const { path } = await corpus()
    const h = handlersOn(join(root, 'data'), '')
    const opened = await open(h, path)
    expect(opened.meta.coders).toBeUndefined()
    value(await h.closeSession(opened.session.id))
    expect((await indexOf(opened.filePath)).coders).toBeUndefined()
  })
})

describe('Make coder copies', () => {
  /** The corpus open with Anna as the coder; the handlers and the session. */
  async function analyst() {
    const source = await corpus()
    const h = handlersOn(join(root, 'mine'))
    value(await h.updateSettings({ coderName: ANNA }))
    const opened = await open(h, source.path)
    return { h, opened, source }
  }

  /** A copy opened on a coder's computer: what loadCorpusFolder reads of it. */
  async function openedThere(zip: string, coder = 'coder') {
    const theirs = handlersOn(join(root, `theirs-${coder}`), 'their-system-user')
    const there = await open(theirs, zip)
    const loaded = await loadCorpusFolder(there.filePath)
    expect(loaded.problems).toEqual([])
    return { theirs, there, state: loaded.state }
  }

  it('writes one file per coder into the folder chosen: new sessions of the same articles and codebook, no passages', async () => {
    const { h, opened, source } = await analyst()
    const out = join(root, 'out')
    await mkdir(out)
    dialogs.answer(out)
    const made = value(
      await h.makeCoderCopies(opened.session.id, ['Amélie', 'Karim'], { includeMine: false }),
    )!
    expect(dialogs.asked.at(-1)).toMatchObject({
      kind: 'openFolder',
      title: 'Choose the folder for the coder copies',
    })
    const names = [
      'Grève des raffineries — Amélie.gloss.zip',
      'Grève des raffineries — Karim.gloss.zip',
    ]
    expect(made).toEqual({
      folder: out,
      cancelled: false,
      files: [
        { coder: 'Amélie', filePath: join(out, names[0]!), passages: 0 },
        { coder: 'Karim', filePath: join(out, names[1]!), passages: 0 },
      ],
    })
    // Whole files only: no temp file is left beside them.
    expect((await readdir(out)).sort()).toEqual(names)
    expect(progress.at(-1)).toMatchObject({ sessionId: opened.session.id, coder: '', copies: 2 })
    expect(progress.at(-1)!.done).toBe(progress.at(-1)!.total)

    const amelie = await openedThere(made.files[0]!.filePath, 'amelie')
    const karim = await openedThere(made.files[1]!.filePath, 'karim')
    const { meta } = source.state
    for (const [copy, coder] of [
      [amelie, 'Amélie'],
      [karim, 'Karim'],
    ] as const) {
      const { state, there } = copy
      expect(state.id).not.toBe(opened.session.id)
      expect(state.meta.coderCopy).toEqual({
        sessionId: opened.session.id,
        coder,
        madeAt: NOW,
        title: 'Grève des raffineries',
      })
      // A fresh start: the coder's opened list holds only what they have seen there.
      expect(there.meta.coders).toEqual([{ name: coder, opened: [meta.articles[0]!.id] }])
      expect(there.author).toBe(coder)
      expect(state.meta.codebook).toEqual(meta.codebook)
      expect(state.meta.themeGroups).toEqual(meta.themeGroups)
      expect(state.meta.attributeDefs).toEqual(meta.attributeDefs)
      expect(state.meta.articles).toEqual(meta.articles.map((a) => ({ ...a, passageCount: 0 })))
      for (const a of meta.articles) {
        expect(state.articles.get(a.id)?.text).toBe(source.state.articles.get(a.id)!.text)
        expect(state.articles.get(a.id)?.passages).toEqual([])
      }
    }
    // Two copies open side by side on one machine.
    expect(amelie.state.id).not.toBe(karim.state.id)
  })

  it('with "Include my passages", each copy holds the analyst’s passages, still theirs', async () => {
    const { h, opened, source } = await analyst()
    dialogs.answer(root)
    const made = value(
      await h.makeCoderCopies(opened.session.id, ['Karim'], { includeMine: true }),
    )!
    const mine = source.state.meta.articles.flatMap((a) =>
      source.state.articles.get(a.id)!.passages.filter((p) => p.author === ANNA),
    )
    expect(mine.length).toBeGreaterThan(0)
    expect(made.files[0]!.passages).toBe(mine.length)
    const { state, theirs, there } = await openedThere(made.files[0]!.filePath)
    const held = state.meta.articles.flatMap((a) => state.articles.get(a.id)!.passages)
    expect(held).toEqual(mine)
    expect(state.meta.articles.map((a) => a.passageCount)).toEqual(
      state.meta.articles.map((a) => state.articles.get(a.id)!.passages.length),
    )
    // Made from a coder copy: refused, with the reason.
    dialogs.answer(root)
    const again = await theirs.makeCoderCopies(there.session.id, ['Louise'], { includeMine: false })
    expect(errorOf(again)).toMatchObject({
      code: 'invalid-argument',
      key: 'main.coders.fromCopy',
      params: { name: 'Karim' },
    })
    expect(dialogs.answers).toHaveLength(1)
  })

  it('never writes over a file: a name taken gets " (2)", and the file there stays as it was', async () => {
    const { h, opened } = await analyst()
    const out = join(root, 'out')
    await mkdir(out)
    const taken = join(out, 'Grève des raffineries — Karim.gloss.zip')
    await writeFile(taken, 'not mine')
    dialogs.answer(out)
    const made = value(
      await h.makeCoderCopies(opened.session.id, ['Karim'], { includeMine: false }),
    )!
    expect(made.files.map((f) => f.filePath)).toEqual([
      join(out, 'Grève des raffineries — Karim (2).gloss.zip'),
    ])
    expect(await readFile(taken, 'utf8')).toBe('not mine')
  })

  it('names files that every system accepts, whatever the coder and the title', async () => {
    const { h, opened } = await analyst()
    dialogs.answer(root)
    const made = value(
      await h.makeCoderCopies(opened.session.id, ['A/B: "C"?', 'CON', '..'], {
        includeMine: false,
      }),
    )!
    expect(made.files.map((f) => f.filePath.slice(root.length + 1))).toEqual([
      'Grève des raffineries — A B C.gloss.zip',
      'Grève des raffineries — coder.gloss.zip',
      'Grève des raffineries — coder (2).gloss.zip',
    ])
  })

  it('refuses coders named twice or reserved, and says why a copy could not be written', async () => {
    const { h, opened } = await analyst()
    const ipc = checkedCalls(h)
    const id = opened.session.id
    expect(
      errorOf(await h.makeCoderCopies(id, ['Karim', 'karim'], { includeMine: false })),
    ).toMatchObject({
      code: 'invalid-argument',
      key: 'main.coders.twice',
      params: { name: 'karim' },
    })
    for (const bad of [[], ['consensus'], [' Karim'], ['Ka\nrim']])
      expect(errorOf(await ipc.makeCoderCopies(id, bad, { includeMine: false }))?.code).toBe(
        'invalid-argument',
      )
    expect(dialogs.asked).toHaveLength(1)
    // Cancelled: nothing made.
    dialogs.answer(null)
    expect(await h.makeCoderCopies(id, ['Karim'], { includeMine: false })).toEqual({
      ok: true,
      value: null,
    })
    // A folder gone meanwhile: the first copy stops the making, with the reason.
    const gone = join(root, 'gone')
    dialogs.answer(gone)
    const made = value(await h.makeCoderCopies(id, ['Karim', 'Amélie'], { includeMine: false }))!
    expect(made.files).toEqual([])
    expect(made.stoppedBy).toMatchObject({
      key: 'main.write.cannotWrite',
      params: { reason: { key: 'main.save.folderMissing' } },
    })
    expect(existsSync(gone)).toBe(false)
  })

  it('stops when cancelled, keeping only the copies written whole', async () => {
    const { h, opened } = await analyst()
    const out = join(root, 'out')
    await mkdir(out)
    dialogs.answer(out)
    // Cancelled as the second copy starts.
    onProgress = (p) => {
      if (p.copy === 2) void h.cancelCoderCopies(opened.session.id)
    }
    const made = value(
      await h.makeCoderCopies(opened.session.id, ['Amélie', 'Karim', 'Louise'], {
        includeMine: false,
      }),
    )!
    expect(made.cancelled).toBe(true)
    expect(made.files.map((f) => f.coder)).toEqual(['Amélie'])
    expect(await readdir(out)).toEqual(['Grève des raffineries — Amélie.gloss.zip'])
  })
})
