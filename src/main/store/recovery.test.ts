// Opening damaged, newer, older and locked sessions (one-file sessions of
// formats 0 and 1, session folders) through the real handlers, on real
// files: a failed read never leads to a write.
import { spawn, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { copyFile, cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createHandlers, type Handlers } from '../handlers'
import { makePassage } from '@shared/model/edits'
import type { OpenedSession, Result } from '@shared/api'
import { bundleEntry } from './test-support/bundle-entry'
import { errorOf } from '../test-support/results'
import { folderSnapshot, readIndex } from '../../../test-support/session-folder'
import { FakeDialogs } from '../test-support/fake-dialogs'

const SAMPLE = new URL('../../../resources/sample-article-fr.txt', import.meta.url).pathname
const V0_FIXTURE = new URL('./fixtures/session-v0.gloss.json', import.meta.url).pathname

let dir: string
let dialogs: FakeDialogs
const handlersFor = (d = dir) =>
  createHandlers({ dataDir: d, dialogs, samplePath: SAMPLE, author: 'tester' })

function value<T>(r: Result<T>): NonNullable<T> {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`)
  if (r.value === null || r.value === undefined) throw new Error('expected a value')
  return r.value
}

/** A session folder with one tagged passage, saved through the handlers. */
async function savedSession(h: Handlers): Promise<OpenedSession> {
  const opened = value(await h.openSample())
  const { text } = opened.session.document
  const start = text.indexOf('Croissance rapide')
  const passage = makePassage(text, {
    id: 'p1',
    start,
    end: start + 'Croissance rapide'.length,
    themeIds: ['growth'],
    author: 'tester',
    now: new Date().toISOString(),
  })
  value(await h.applyEdits(opened.session.id, opened.articleId, [{ type: 'putPassage', passage }]))
  return opened
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-recovery-'))
  dialogs = new FakeDialogs({ unanswered: 'cancel' })
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const DAMAGED: [string, Buffer][] = [
  ['empty', Buffer.alloc(0)],
  ['truncated', Buffer.from('{"schemaVersion": 1, "id": "abc", "document": {"ti')],
  ['NUL-filled', Buffer.alloc(4096)],
  ['null', Buffer.from('null')],
  ['a list', Buffer.from('[]')],
  ['the wrong shape', Buffer.from('{"schemaVersion": 1, "id": "x", "passages": "none"}')],
  ['a newer schema', Buffer.from('{"schemaVersion": 99, "id": "x"}')],
  ['no schema version', Buffer.from('{"id": "x", "text": "hello"}')],
]

describe('opening a damaged session', () => {
  it.each(DAMAGED)(
    'reports %s clearly, names the file and never writes it',
    async (_label, bytes) => {
      const file = join(dir, 'damaged.gloss.json')
      await writeFile(file, bytes)
      const h = handlersFor()
      dialogs.answer(file)
      const r = await h.openSession()
      expect(r.ok).toBe(false)
      if (r.ok) return
      expect(r.error.message).toContain('damaged.gloss.json')
      expect(r.error.code).toMatch(/invalid-session|newer-version/)
      expect(r.error.backupToken).toBeUndefined()
      await h.shutdown()
      expect(await readFile(file)).toEqual(bytes)
      expect(await readdir(dir)).toEqual(['damaged.gloss.json'])
    },
  )

  it('says why: empty, NUL bytes, truncated, null, newer version', async () => {
    const h = handlersFor()
    const messages: string[] = []
    for (const [, bytes] of DAMAGED.slice(0, 7)) {
      const file = join(dir, 'f.gloss.json')
      await writeFile(file, bytes)
      dialogs.answer(file)
      const r = await h.openSession()
      messages.push(r.ok ? '' : r.error.message)
    }
    expect(messages[0]).toMatch(/empty/)
    expect(messages[1]).toMatch(/not valid JSON, perhaps truncated/)
    expect(messages[2]).toMatch(/zero bytes/)
    expect(messages[3]).toMatch(/holds null/)
    expect(messages[4]).toMatch(/holds a list/)
    expect(messages[5]).toMatch(/does not have the shape of a Gloss session at createdAt/)
    expect(messages[6]).toMatch(/newer version of Gloss \(session format 99/)
  })

  it('gives each a message key, with the file and the problem as parameters', async () => {
    const h = handlersFor()
    const file = join(dir, 'f.gloss.json')
    const problems = [
      { key: 'main.load.empty' },
      { key: 'main.load.notJson', params: { detail: expect.stringMatching(/JSON/) } },
      { key: 'main.load.zeros' },
      { key: 'main.load.holdsNull' },
      { key: 'main.load.holdsList' },
      {
        key: 'main.load.shapeAt',
        params: { path: 'createdAt', detail: expect.any(String) },
      },
    ]
    const keyed = []
    for (const [, bytes] of DAMAGED) {
      await writeFile(file, bytes)
      dialogs.answer(file)
      keyed.push(errorOf(await h.openSession()))
    }
    expect(keyed).toEqual([
      ...problems.map((problem) => ({
        code: 'invalid-session',
        key: 'main.load.cannotOpen',
        params: { file, problem },
      })),
      {
        code: 'newer-version',
        key: 'main.load.newer',
        params: { file, version: 99, supported: 2 },
      },
      {
        code: 'invalid-session',
        key: 'main.load.cannotOpen',
        params: { file, problem: { key: 'main.load.noVersion' } },
      },
    ])
    for (const [bytes, key] of [
      ['"text"', 'main.load.holdsString'],
      ['42', 'main.load.holdsNumber'],
      ['true', 'main.load.holdsBoolean'],
      ['{"x":', 'main.load.notJson'],
      ['a\u0000b', 'main.load.binary'],
    ]) {
      await writeFile(file, bytes!)
      dialogs.answer(file)
      const r = await h.openSession()
      expect(r.ok ? null : r.error.params?.problem, bytes).toMatchObject({ key })
    }
  })

  it.each(DAMAGED.filter(([l]) => l !== 'a newer schema'))(
    'offers the previous index when %s has a .bak, and recovers it without overwriting the damage',
    async (_label, bytes) => {
      const h = handlersFor()
      const opened = await savedSession(h)
      // A second write of the index (a renamed article) makes a .bak of the first.
      const meta = { id: opened.articleId, title: 'Renamed', attributes: {} }
      value(
        await h.applyEdits(opened.session.id, null, [{ type: 'setArticleMeta', articles: [meta] }]),
      )
      await h.shutdown()
      const file = join(opened.filePath, 'session.json')
      expect(existsSync(`${file}.bak`)).toBe(true)
      await writeFile(file, bytes)

      const h2 = handlersFor()
      const r = await h2.openRecent(opened.session.id)
      expect(r.ok).toBe(false)
      if (r.ok) return
      expect(r.error.backupToken).toMatch(/^[0-9a-f-]{36}$/)
      expect(r.error.message).toContain('.bak')
      expect(r.error).toMatchObject({
        key: 'main.load.recoverable',
        params: {
          reason: { key: 'main.load.cannotOpen', params: { file } },
          backup: 'session.json.bak',
        },
      })
      expect(await readFile(file)).toEqual(bytes)

      const recovered = value(await h2.openBackup(r.error.backupToken!))
      expect(recovered.session.passages.map((p) => p.quote)).toEqual(['Croissance rapide'])
      // The previous index: the title before the rename.
      expect(recovered.session.document.title).not.toBe('Renamed')
      expect(recovered.notice).toMatch(/damaged file is kept as .*\.corrupt-.*\.json/)
      const kept = (await readdir(opened.filePath)).filter((f) => f.includes('.corrupt-'))
      expect(kept).toHaveLength(1)
      expect(recovered.noticeRef).toEqual({
        key: 'main.notice.recoveredKept',
        params: { file: kept[0] },
      })
      expect(await readFile(join(opened.filePath, kept[0]!))).toEqual(bytes)
      // The good version is back in place and loads.
      await h2.shutdown()
      const again = value(await handlersFor().openRecent(opened.session.id))
      expect(again.session.passages).toHaveLength(1)
    },
  )

  it('refuses an unknown recovery token', async () => {
    const r = await handlersFor().openBackup('not-a-token')
    expect(r).toMatchObject({ ok: false, error: { code: 'not-found', key: 'main.recovery.gone' } })
  })

  it('refuses to recover a session that is open meanwhile', async () => {
    const h = handlersFor()
    const opened = await savedSession(h)
    const meta = { id: opened.articleId, title: 'Renamed', attributes: {} }
    value(
      await h.applyEdits(opened.session.id, null, [{ type: 'setArticleMeta', articles: [meta] }]),
    )
    await h.shutdown()
    const index = join(opened.filePath, 'session.json')
    // The folder, copied elsewhere with the previous index, is opened first.
    const copy = join(dir, 'copy.gloss')
    await cp(opened.filePath, copy, { recursive: true })
    await copyFile(`${index}.bak`, join(copy, 'session.json'))
    await writeFile(index, '')
    const h2 = handlersFor()
    const r = await h2.openRecent(opened.session.id)
    const token = r.ok ? '' : r.error.backupToken!
    dialogs.answer(join(copy, 'session.json'))
    value(await h2.openSession())
    expect(errorOf(await h2.openBackup(token))).toEqual({
      code: 'invalid-argument',
      key: 'main.session.alreadyOpen',
      params: undefined,
    })
    await h2.shutdown()
  })
})

describe('schema migrations', () => {
  it('upgrades a version 0 session into a session folder beside it and leaves the original as it was', async () => {
    const file = join(dir, 'apercu.gloss.json')
    await copyFile(V0_FIXTURE, file)
    const original = await readFile(file)
    const h = handlersFor()
    dialogs.answer(file)
    const opened = value(await h.openSession())
    expect(opened.filePath).toBe(join(dir, 'apercu.gloss'))
    expect(opened.notice).toMatch(/upgraded from format 0 into the session folder apercu\.gloss/)
    expect(opened.noticeRef).toEqual({
      key: 'main.notice.upgraded',
      params: { version: 0, file: 'apercu.gloss.json', folder: 'apercu.gloss' },
    })
    const { session } = opened
    expect(session.codebook.map((t) => [t.id, t.key])).toEqual([
      ['growth', '1'],
      ['culture', '2'],
    ])
    // A colour name that is not #rrggbb gets a palette colour.
    expect(session.codebook[1]!.colour).toMatch(/^#[0-9a-fA-F]{6}$/)
    const [p1, p2] = session.passages
    expect(p1!.quote).toBe('un ingénieur du nom de Calvin French-Owen')
    expect(p1!.themeIds).toEqual(['culture'])
    expect(p1!.note).toBe('Note en format 0\n=deuxième ligne')
    expect(p1!.suffix.startsWith(' 👩‍💻')).toBe(true)
    expect(p2!.quote).toBe('Croissance rapide')
    expect(p2!.note).toBe('')
    await h.shutdown()
    // The original file is untouched; the session lives in the folder now.
    expect(await readFile(file)).toEqual(original)
    expect((await readIndex(opened.filePath)).schemaVersion).toBe(2)
    // Opening the original again opens the folder it was upgraded into, not a second copy.
    const h2 = handlersFor()
    dialogs.answer(file)
    const again = value(await h2.openSession())
    expect(again.filePath).toBe(opened.filePath)
    expect(again.noticeRef).toMatchObject({ key: 'main.notice.upgradedBefore' })
    expect((await readdir(dir)).filter((n) => n.startsWith('apercu')).sort()).toEqual([
      'apercu.gloss',
      'apercu.gloss.json',
    ])
    await h2.shutdown()
  })

  it('upgrades a version 1 session with its passages, notes and view exactly', async () => {
    const h = handlersFor()
    const v1 = {
      schemaVersion: 1,
      id: 'one-file-session',
      createdAt: '2026-11-27T22:14:30.000Z',
      updatedAt: '2026-11-27T22:20:02.511Z',
      document: {
        title: 'Un article',
        sourceFileName: 'a.txt',
        text: 'Bonjour le monde.\n\nDeuxième paragraphe 👩‍💻 ici.',
        sha256: '',
      },
      codebook: [{ id: 'growth', name: 'Growth', colour: '#009E73', key: '1' }],
      passages: [] as unknown[],
      ui: { scrollTop: 12, topParagraph: { offset: 19, px: 3 } },
    }
    v1.document.sha256 = createHash('sha256').update(v1.document.text).digest('hex')
    v1.passages.push({
      ...makePassage(v1.document.text, {
        id: 'p1',
        start: 8,
        end: 16,
        themeIds: ['growth'],
        author: 'analyst',
        now: '2026-11-27T22:15:01.120Z',
      }),
      note: 'Source unique.\nÀ recouper.',
    })
    const file = join(dir, 'un-article.gloss.json')
    await writeFile(file, JSON.stringify(v1))
    const original = await readFile(file)
    dialogs.answer(file)
    const opened = value(await h.openSession())
    expect(opened.session).toEqual({ ...v1, passages: v1.passages })
    await h.shutdown()
    expect(await readFile(file)).toEqual(original)
    const reopened = value(await handlersFor().openRecent('one-file-session'))
    expect(reopened.session).toEqual(opened.session)
  })

  it('refuses a newer schema version with a clear message and leaves the file alone', async () => {
    const file = join(dir, 'future.gloss.json')
    const bytes = Buffer.from(JSON.stringify({ schemaVersion: 3, id: 'future', anything: true }))
    await writeFile(file, bytes)
    dialogs.answer(file)
    const r = await handlersFor().openSession()
    expect(r).toMatchObject({ ok: false, error: { code: 'newer-version' } })
    if (!r.ok) expect(r.error.message).toMatch(/Update Gloss to open it/)
    expect(await readFile(file)).toEqual(bytes)
  })

  it('refuses a version 0 file whose passages lie outside the text, without writing', async () => {
    const v0 = JSON.parse(await readFile(V0_FIXTURE, 'utf8'))
    v0.passages[0].end = 10_000
    const file = join(dir, 'bad-v0.gloss.json')
    await writeFile(file, JSON.stringify(v0))
    const bytes = await readFile(file)
    dialogs.answer(file)
    const r = await handlersFor().openSession()
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.message).toMatch(/could not be upgraded from format 0/)
    expect(errorOf(r)?.params?.problem).toEqual({
      key: 'main.load.notUpgraded',
      params: {
        version: 0,
        detail: {
          key: 'main.migration.outside',
          params: { id: v0.passages[0].id, start: v0.passages[0].start, end: 10_000 },
        },
      },
    })
    expect(await readFile(file)).toEqual(bytes)
    expect(await readdir(dir)).toEqual(['bad-v0.gloss.json'])
  })
})

describe('one writer per session folder', () => {
  it('opening the same session twice in one Gloss gives the one already open', async () => {
    const h = handlersFor()
    const opened = await savedSession(h)
    dialogs.answer(opened.filePath)
    const again = value(await h.openSession())
    expect(again.session.id).toBe(opened.session.id)
    expect(again.readOnlyReason).toBeNull()
    const recent = value(await h.openRecent(opened.session.id))
    expect(recent.readOnlyReason).toBeNull()
  })

  it('a second Gloss on the same data opens a locked session read-only and cannot write it', async () => {
    const first = handlersFor()
    const opened = await savedSession(first)
    const before = await folderSnapshot(opened.filePath)
    const second = handlersFor()
    const other = value(await second.openRecent(opened.session.id))
    expect(other.readOnlyReason).toMatch(/read-only: this session is open in another Gloss/)
    const reason = {
      key: 'main.lock.heldOnSince',
      params: {
        host: hostname(),
        since: { date: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) },
        lock: join(opened.filePath, 'session.json.lock'),
      },
    }
    expect(other.readOnlyReasonRef).toEqual(reason)
    const r = await second.applyEdits(opened.session.id, opened.articleId, [
      { type: 'setUi', ui: { scrollTop: 5 } },
    ])
    expect(r).toMatchObject({ ok: false, error: { code: 'read-only', ...reason } })
    expect(r.ok ? '' : r.error.message).toBe(other.readOnlyReason)
    await second.shutdown()
    expect(await folderSnapshot(opened.filePath)).toEqual(before)
    // Once the first one closes it, the session is editable again.
    await first.shutdown()
    const third = handlersFor()
    expect(value(await third.openRecent(opened.session.id)).readOnlyReason).toBeNull()
    await third.shutdown()
  })

  it('takes over a lock left by a Gloss that crashed on this machine', async () => {
    const h = handlersFor()
    const opened = await savedSession(h)
    await h.shutdown()
    // A lock whose process no longer exists.
    const dead = spawn(process.execPath, ['-e', ''])
    await new Promise((ok) => dead.on('exit', ok))
    await writeFile(
      join(opened.filePath, 'session.json.lock'),
      JSON.stringify({
        app: 'gloss',
        host: (await import('node:os')).hostname(),
        pid: dead.pid,
        instance: 'x',
        since: '',
      }),
    )
    const again = value(await handlersFor().openRecent(opened.session.id))
    expect(again.readOnlyReason).toBeNull()
  })

  describe('with another process holding the lock', () => {
    let bundle: string
    let child: ChildProcess | undefined
    let out: string
    beforeAll(async () => {
      out = await mkdtemp(join(tmpdir(), 'gloss-lock-bundle-'))
      bundle = await bundleEntry(
        new URL('./test-support/hold-lock.ts', import.meta.url),
        out,
        'hold-lock.mjs',
      )
    }, 60_000)
    afterAll(async () => {
      child?.kill('SIGKILL')
      await rm(out, { recursive: true, force: true })
    })

    it('opens read-only with the reason, writes nothing, and becomes editable after', async () => {
      const h = handlersFor()
      const opened = await savedSession(h)
      await h.shutdown()
      const before = await folderSnapshot(opened.filePath)
      const index = join(opened.filePath, 'session.json')

      child = spawn(process.execPath, [bundle, index], {
        stdio: ['pipe', 'pipe', 'inherit'],
      })
      const line = await new Promise<string>((ok) =>
        child!.stdout!.once('data', (d) => ok(String(d))),
      )
      expect(line.trim()).toBe('locked')

      const h2 = handlersFor()
      const ro = value(await h2.openRecent(opened.session.id))
      expect(ro.readOnlyReason).toMatch(/open in another Gloss on .* since/)
      const r = await h2.applyEdits(opened.session.id, opened.articleId, [
        { type: 'setUi', ui: { scrollTop: 1 } },
      ])
      expect(r).toMatchObject({ ok: false, error: { code: 'read-only' } })
      await h2.shutdown()
      expect(await folderSnapshot(opened.filePath)).toEqual(before)
      // The other process still holds its lock: we never removed it.
      expect(existsSync(`${index}.lock`)).toBe(true)

      // The other process quits normally: its lock goes, and the session opens for editing.
      child.stdin!.end()
      await new Promise((ok) => child!.on('exit', ok))
      expect(existsSync(`${index}.lock`)).toBe(false)
      const h3 = handlersFor()
      expect(value(await h3.openRecent(opened.session.id)).readOnlyReason).toBeNull()
      await h3.shutdown()
    }, 30_000)
  })
})
