import { parse } from 'csv-parse/sync'
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { OpenedSession, Result } from '@shared/api'
import { DEFAULT_CODEBOOK } from '@shared/model/codebook'
import { makePassage, type Edit } from '@shared/model/edits'
import type { Passage } from '@shared/model/schema'
import { normalizeText } from '@shared/model/text'
import { checkedCalls } from './checked-calls'
import { createHandlers, SAMPLE_TITLE, type Handlers } from './handlers'
import { ARTICLE_EXTENSIONS } from './import/article'
import { slug } from './sessions/file-names'
import { folderSnapshot, readArticleView } from '../../test-support/session-folder'
import { FakeDialogs } from './test-support/fake-dialogs'
import { errorOf, value } from './test-support/results'

const SAMPLE_PATH = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../resources/sample-article-fr.txt',
)

let dir: string
let dataDir: string
let dialogs: FakeDialogs
let handlers: Handlers
let tick: number

/** The session folders in the sessions folder. */
async function sessionFiles(): Promise<string[]> {
  return (await readdir(join(dataDir, 'sessions'))).filter((n) => n.endsWith('.gloss'))
}

function makeHandlers(): Handlers {
  return createHandlers({
    dataDir,
    dialogs,
    samplePath: SAMPLE_PATH,
    author: 'tester',
    now: () => new Date(Date.UTC(2025, 5, 1, 12, 0, tick++)),
  })
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-handlers-'))
  dataDir = join(dir, 'data')
  dialogs = new FakeDialogs()
  tick = 0
  handlers = makeHandlers()
})

afterEach(async () => {
  await handlers.flushAll()
  await rm(dir, { recursive: true, force: true })
})

function errorCode(result: Result<unknown>): string | undefined {
  return result.ok ? undefined : result.error.code
}

/** A passage on the first occurrence of `word` in the opened session's text. */
function passageOn(
  opened: OpenedSession,
  word: string,
  id: string,
  themeIds = ['growth'],
): Passage {
  const { text } = opened.session.document
  const start = text.indexOf(word)
  if (start < 0) throw new Error(`no ${word} in the text`)
  return makePassage(text, {
    id,
    start,
    end: start + word.length,
    themeIds,
    author: opened.author,
    now: '2025-06-01T12:00:00.000Z',
  })
}

async function openSample(): Promise<OpenedSession> {
  return value(await handlers.openSample())
}

async function writeTemp(name: string, content: string | Buffer): Promise<string> {
  const file = join(dir, name)
  await writeFile(file, content)
  return file
}

describe('openSample', () => {
  it('creates a session folder under dataDir/sessions and a recent entry', async () => {
    const opened = await openSample()
    expect(dirname(opened.filePath)).toBe(join(dataDir, 'sessions'))
    expect(opened.filePath.endsWith('.gloss')).toBe(true)
    expect(await sessionFiles()).toHaveLength(1)
    // The session is locked while open.
    expect(existsSync(join(opened.filePath, 'session.json.lock'))).toBe(true)
    expect(await readArticleView(opened.filePath)).toEqual(opened.session)
    expect(opened.author).toBe('tester')

    const recent = value(await handlers.listRecent())
    expect(recent).toEqual([
      {
        id: opened.session.id,
        title: SAMPLE_TITLE,
        filePath: opened.filePath,
        updatedAt: opened.session.updatedAt,
        passageCount: 0,
        articleCount: 1,
      },
    ])
    expect(existsSync(join(dataDir, 'recent.json'))).toBe(true)
  })

  it('holds the normalized sample text, the default codebook and no passages', async () => {
    const opened = await openSample()
    const raw = await readFile(SAMPLE_PATH, 'utf8')
    expect(opened.session.document.text).toBe(normalizeText(raw))
    expect(opened.session.document.title).toBe(SAMPLE_TITLE)
    expect(opened.session.document.sourceFileName).toBe('sample-article-fr.txt')
    expect(opened.session.codebook).toEqual(DEFAULT_CODEBOOK)
    expect(opened.session.passages).toEqual([])
    expect(opened.filePath).toContain(slug(SAMPLE_TITLE))
  })

  it('creates a new, separate session each time', async () => {
    const a = await openSample()
    const b = await openSample()
    expect(a.session.id).not.toBe(b.session.id)
    expect(a.filePath).not.toBe(b.filePath)
    expect(value(await handlers.listRecent())).toHaveLength(2)
  })
})

describe('applyEdits', () => {
  it('saves a new passage to the session file before answering', async () => {
    const opened = await openSample()
    const p = passageOn(opened, 'Calvin French-Owen', 'p1', ['culture'])
    const result = await handlers.applyEdits(opened.session.id, opened.articleId, [
      { type: 'putPassage', passage: p },
    ])
    expect(value(result).savedAt).toMatch(/^2025-06-01T12:00:\d\d\.000Z$/)
    const onDisk = await readArticleView(opened.filePath)
    expect(onDisk.passages).toEqual([p])
    expect(onDisk.updatedAt).not.toBe(opened.session.updatedAt)
    const [entry] = value(await handlers.listRecent())
    expect(entry).toMatchObject({ passageCount: 1, updatedAt: onDisk.updatedAt })
  })

  it('applies a batch in order: put, replace, delete, ui', async () => {
    const opened = await openSample()
    const p1 = passageOn(opened, 'Codex', 'p1')
    const p2 = passageOn(opened, 'Twilio', 'p2')
    const edits: Edit[] = [
      { type: 'putPassage', passage: p1 },
      { type: 'putPassage', passage: p2 },
      { type: 'putPassage', passage: { ...p1, note: 'agent de codage', themeIds: ['secrecy'] } },
      { type: 'deletePassage', id: 'p2' },
      { type: 'setUi', ui: { scrollTop: 321 } },
    ]
    value(await handlers.applyEdits(opened.session.id, opened.articleId, edits))
    const onDisk = await readArticleView(opened.filePath)
    expect(onDisk.passages).toEqual([{ ...p1, note: 'agent de codage', themeIds: ['secrecy'] }])
    expect(onDisk.ui).toEqual({ scrollTop: 321 })
  })

  it('saves a ui-only change without bumping the session in the recent list', async () => {
    const opened = await openSample()
    const before = value(await handlers.listRecent())
    value(
      await handlers.applyEdits(opened.session.id, opened.articleId, [
        { type: 'setUi', ui: { scrollTop: 50 } },
      ]),
    )
    expect((await readArticleView(opened.filePath)).ui.scrollTop).toBe(50)
    expect(value(await handlers.listRecent())).toEqual(before)
  })

  it('refuses a passage that cuts an emoji in half, so the CSV export keeps working', async () => {
    const article = await writeTemp('emoji.txt', 'Le code 👩‍💻 avance.\n')
    dialogs.answer(article)
    const opened = value(await handlers.openArticle())!
    const { text } = opened.session.document
    const inside = text.indexOf('👩') + 1
    const bad = makePassage(text, {
      id: 'half',
      start: inside,
      end: inside + 4,
      themeIds: [],
      author: 'tester',
      now: '2025-06-01T12:00:00.000Z',
    })
    const result = await handlers.applyEdits(opened.session.id, opened.articleId, [
      { type: 'putPassage', passage: bad },
    ])
    expect(errorCode(result)).toBe('invalid-edit')

    const good = passageOn(opened, '👩‍💻 avance', 'whole')
    value(
      await handlers.applyEdits(opened.session.id, opened.articleId, [
        { type: 'putPassage', passage: good },
      ]),
    )
    dialogs.answer(join(dir, 'emoji.csv'))
    expect(value(await handlers.exportCsv(opened.session.id))).toMatchObject({ rows: 1 })
  })
})

describe('invalid calls', () => {
  it('return invalid-argument values, never throw, and leave the session file alone', async () => {
    const opened = await openSample()
    const id = opened.session.id
    const article = opened.articleId
    const p = passageOn(opened, 'Codex', 'p1')
    value(await handlers.applyEdits(id, article, [{ type: 'putPassage', passage: p }]))
    const bytes = await folderSnapshot(opened.filePath)

    // As the renderer's calls arrive: checked against the contract before any handler runs.
    const ipc = checkedCalls(handlers)
    const calls: [string, () => Promise<Result<unknown>>][] = [
      ['no arguments', () => ipc.applyEdits()],
      ['a number as session id', () => ipc.applyEdits(42, article, [])],
      ['an id with a path in it', () => ipc.applyEdits('../../etc/passwd', article, [])],
      ['an article id with a path in it', () => ipc.applyEdits(id, '../x', [])],
      ['no article argument', () => ipc.applyEdits(id, [{ type: 'setUi', ui: { scrollTop: 1 } }])],
      ['edits that are not an array', () => ipc.applyEdits(id, article, 'put everything')],
      ['an empty list of edits', () => ipc.applyEdits(id, article, [])],
      ['an unknown kind of edit', () => ipc.applyEdits(id, article, [{ type: 'dropTable' }])],
      [
        'a passage missing fields',
        () => ipc.applyEdits(id, article, [{ type: 'putPassage', passage: { id: 'x' } }]),
      ],
      [
        'a negative scroll position',
        () => ipc.applyEdits(id, article, [{ type: 'setUi', ui: { scrollTop: -5 } }]),
      ],
      [
        'an extra argument',
        () => ipc.applyEdits(id, article, [{ type: 'setUi', ui: { scrollTop: 1 } }], 'more'),
      ],
      ['arguments to a method that takes none', () => ipc.openSample('/etc/passwd')],
      ['an object as session id', () => ipc.exportCsv({ id })],
      ['null as session id', () => ipc.closeSession(null)],
      ['a number to openRecent', () => ipc.openRecent(7)],
    ]
    for (const [what, call] of calls) {
      const result = await call()
      expect(errorCode(result), what).toBe('invalid-argument')
    }
    expect(await folderSnapshot(opened.filePath)).toEqual(bytes)
    expect(await sessionFiles()).toHaveLength(1)
  })

  it('return invalid-edit for edits that do not fit the session, all or nothing', async () => {
    const opened = await openSample()
    const id = opened.session.id
    const article = opened.articleId
    const bytes = await folderSnapshot(opened.filePath)
    const good = passageOn(opened, 'Codex', 'p1')
    const mismatch = { ...passageOn(opened, 'Twilio', 'p2'), quote: 'Twitter' }
    const unknownTheme = passageOn(opened, 'Twilio', 'p3', ['ghost'])

    const batches: Edit[][] = [
      [{ type: 'putPassage', passage: mismatch }],
      [{ type: 'putPassage', passage: unknownTheme }],
      [{ type: 'deletePassage', id: 'never-made' }],
      [
        { type: 'putPassage', passage: good },
        { type: 'putPassage', passage: mismatch },
      ],
    ]
    for (const edits of batches) {
      const result = await handlers.applyEdits(id, article, edits)
      expect(errorCode(result)).toBe('invalid-edit')
      expect(result.ok ? '' : result.error.message).not.toBe('')
    }
    expect(await folderSnapshot(opened.filePath)).toEqual(bytes)

    // The good half of the refused batch was not kept in memory either.
    value(await handlers.applyEdits(id, article, [{ type: 'setUi', ui: { scrollTop: 1 } }]))
    expect((await readArticleView(opened.filePath)).passages).toEqual([])
  })

  it('return not-found for a session that is not open, with a message key', async () => {
    const edit: Edit = { type: 'setUi', ui: { scrollTop: 1 } }
    const notOpen = { code: 'not-found', key: 'main.session.notOpen', params: undefined }
    const calls: [string, () => Promise<Result<unknown>>][] = [
      ['applyEdits', () => handlers.applyEdits('nope', 'a', [edit])],
      ['exportCsv', () => handlers.exportCsv('nope')],
      ['exportTidyCsv', () => handlers.exportTidyCsv('nope')],
      ['exportSummaryCsv', () => handlers.exportSummaryCsv('nope')],
      ['exportCodebookCsv', () => handlers.exportCodebookCsv('nope')],
      ['importCodebookCsv', () => handlers.importCodebookCsv('nope')],
      ['closeSession', () => handlers.closeSession('nope')],
    ]
    for (const [method, call] of calls) {
      const result = await call()
      expect(errorOf(result), method).toEqual(notOpen)
      expect(result.ok ? '' : result.error.message).toBe('This session is not open.')
    }
    expect(errorOf(await handlers.openRecent('nope'))).toEqual({
      code: 'not-found',
      key: 'main.session.notInRecent',
      params: undefined,
    })
    expect(dialogs.asked).toEqual([])
  })
})

describe('openArticle', () => {
  it('creates a session on the .txt file the dialog answers, with normalized text', async () => {
    const file = await writeTemp(
      'Mon article.txt',
      '\uFEFFPremière ligne  \r\n\r\n\r\nDeuxie\u0300me ligne\r\n',
    )
    dialogs.answer(file)
    const opened = value(await handlers.openArticle())
    expect(opened).not.toBeNull()
    expect(opened!.session.document).toMatchObject({
      title: 'Mon article',
      sourceFileName: 'Mon article.txt',
      text: 'Première ligne\n\nDeuxième ligne',
    })
    expect(await readArticleView(opened!.filePath)).toEqual(opened!.session)
    expect(dialogs.asked[0]).toMatchObject({ kind: 'open', title: 'Open article' })
    expect(dialogs.asked[0]!.filters[0]!.extensions).toEqual([...ARTICLE_EXTENSIONS])
    expect(ARTICLE_EXTENSIONS).toEqual(
      expect.arrayContaining(['txt', 'md', 'html', 'mhtml', 'docx', 'odt', 'pdf', 'epub', 'xlsx']),
    )
  })

  it('titles a Markdown article by its first heading', async () => {
    dialogs.answer(await writeTemp('notes.md', 'Intro\n\n## La culture du secret\n\nCorps.'))
    const opened = value(await handlers.openArticle())
    expect(opened!.session.document.title).toBe('La culture du secret')
  })

  it('returns ok(null) and creates nothing when the dialog is cancelled', async () => {
    dialogs.answer(null)
    expect(await handlers.openArticle()).toEqual({ ok: true, value: null })
    expect(existsSync(join(dataDir, 'sessions'))).toBe(false)
    expect(value(await handlers.listRecent())).toEqual([])
  })

  it('opens a Windows-1252 text file, and says which encoding it was read in', async () => {
    dialogs.answer(await writeTemp('latin1.txt', Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a])))
    const opened = value(await handlers.openArticle())
    expect(opened!.session.document.text).toBe('Café')
  })

  it.each<[string, string, string | Buffer, string]>([
    ['an empty file', 'empty.txt', '', 'main.import.empty'],
    ['a file of white space only', 'blank.txt', ' \r\n\t\n', 'main.import.empty'],
    ['a binary file', 'binary.txt', Buffer.from([0x41, 0x00, 0x42]), 'main.import.notText'],
    ['a file Gloss does not read', 'article.rtf', '{\\rtf1 Bonjour}', 'main.import.notArticle'],
  ])('returns an unreadable error value for %s, keyed %s', async (_what, name, content, key) => {
    dialogs.answer(await writeTemp(name, content))
    const result = await handlers.openArticle()
    expect(errorOf(result)).toEqual({ code: 'unreadable', key, params: { file: name } })
    expect(result.ok ? '' : result.error.message).toContain(name)
    expect(existsSync(join(dataDir, 'sessions'))).toBe(false)
  })

  it('says a table of articles is added to a session, where its columns are chosen', async () => {
    dialogs.answer(await writeTemp('revue.csv', 'titre,texte\nGrève,Le trafic reprend.\n'))
    const result = await handlers.openArticle()
    expect(errorOf(result)).toEqual({
      code: 'unreadable',
      key: 'main.import.cannotRead',
      params: { file: 'revue.csv', reason: { key: 'main.format.tableOpen' } },
    })
    expect(existsSync(join(dataDir, 'sessions'))).toBe(false)
  })

  it('returns an unreadable error value for a file that does not exist', async () => {
    dialogs.answer(join(dir, 'vanished.txt'))
    const result = await handlers.openArticle()
    expect(errorOf(result)).toEqual({
      code: 'unreadable',
      key: 'main.import.cannotRead',
      params: { file: 'vanished.txt', reason: { key: 'main.io.fileMissing' } },
    })
    expect(result.ok ? '' : result.error.message).toBe(
      'Cannot read vanished.txt: the file no longer exists',
    )
  })
})

describe('reopening', () => {
  it('openRecent after a restart returns the same passages', async () => {
    const opened = await openSample()
    const p1 = passageOn(opened, 'Codex', 'p1', ['growth', 'safety'])
    const p2 = { ...passageOn(opened, 'Cursor', 'p2'), note: 'note\r\nsur deux lignes' }
    value(
      await handlers.applyEdits(opened.session.id, opened.articleId, [
        { type: 'putPassage', passage: p2 },
        { type: 'putPassage', passage: p1 },
      ]),
    )
    await handlers.flushAll()

    await handlers.shutdown()
    const restarted = makeHandlers()
    const recent = value(await restarted.listRecent())
    expect(recent.map((r) => r.id)).toEqual([opened.session.id])
    expect(recent[0]!.passageCount).toBe(2)
    const reopened = value(await restarted.openRecent(opened.session.id))
    expect(reopened.session.passages).toEqual([p1, p2])
    expect(reopened.filePath).toBe(opened.filePath)
    expect(reopened.session.document).toEqual(opened.session.document)

    // The reopened session can be edited further.
    value(
      await restarted.applyEdits(opened.session.id, opened.articleId, [
        { type: 'deletePassage', id: 'p1' },
      ]),
    )
    expect((await readArticleView(opened.filePath)).passages).toEqual([p2])
  })

  it('openRecent reports a session index that became corrupt and does not touch it', async () => {
    const opened = await openSample()
    await handlers.flushAll()
    const index = join(opened.filePath, 'session.json')
    await writeFile(index, '{"schemaVersion": 2, "id": ')
    const bytes = await folderSnapshot(opened.filePath)
    await handlers.shutdown()
    const restarted = makeHandlers()
    const result = await restarted.openRecent(opened.session.id)
    expect(errorCode(result)).toBe('invalid-session')
    expect(result.ok ? '' : result.error.message).toContain(index)
    expect(errorOf(result)).toEqual({
      code: 'invalid-session',
      key: 'main.load.cannotOpen',
      params: {
        file: index,
        problem: { key: 'main.load.notJson', params: { detail: expect.any(String) } },
      },
    })
    expect(await folderSnapshot(opened.filePath)).toEqual(bytes)
  })

  it('openSession opens the file the dialog answers, and ok(null) on cancel', async () => {
    const opened = await openSample()
    const p = passageOn(opened, 'Twilio', 'p1')
    value(
      await handlers.applyEdits(opened.session.id, opened.articleId, [
        { type: 'putPassage', passage: p },
      ]),
    )

    await handlers.shutdown()
    const restarted = makeHandlers()
    dialogs.answer(opened.filePath, null)
    const reopened = value(await restarted.openSession())
    expect(reopened!.session.passages).toEqual([p])
    expect(await restarted.openSession()).toEqual({ ok: true, value: null })
    expect(dialogs.asked.map((a) => a.title)).toEqual(['Open session', 'Open session'])
  })

  it('openSession refuses a file that is not a session', async () => {
    const notSession = await writeTemp('other.gloss.json', '[]')
    dialogs.answer(notSession)
    const result = await handlers.openSession()
    expect(errorCode(result)).toBe('invalid-session')
    expect(await readFile(notSession, 'utf8')).toBe('[]')
  })

  it('opening a session that is already open gives the live copy, not the file', async () => {
    const opened = await openSample()
    const p = passageOn(opened, 'Codex', 'p1')
    value(
      await handlers.applyEdits(opened.session.id, opened.articleId, [
        { type: 'putPassage', passage: p },
      ]),
    )
    const again = value(await handlers.openRecent(opened.session.id))
    expect(again.session.passages).toEqual([p])
  })
})

describe('exportCsv', () => {
  it('writes the CSV at the path the dialog answers', async () => {
    const opened = await openSample()
    const p1 = { ...passageOn(opened, 'Codex', 'p1', ['growth', 'culture']), note: '=1+1' }
    const p2 = passageOn(opened, 'Calvin French-Owen', 'p2', ['secrecy'])
    value(
      await handlers.applyEdits(opened.session.id, opened.articleId, [
        { type: 'putPassage', passage: p1 },
        { type: 'putPassage', passage: p2 },
      ]),
    )
    const target = join(dir, 'export.csv')
    dialogs.answer(target)
    const receipt = value(await handlers.exportCsv(opened.session.id))
    expect(receipt).toEqual({ filePath: target, rows: 2 })
    expect(dialogs.asked[0]).toMatchObject({
      kind: 'save',
      title: 'Export CSV',
      defaultFileName: `${slug(SAMPLE_TITLE)}.csv`,
    })

    const bytes = await readFile(target)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const rows = parse(bytes.toString('utf8'), {
      bom: true,
      relax_column_count: false,
    })
    expect(rows).toHaveLength(3)
    expect(rows.slice(1).map((r) => r[0])).toEqual(['p2', 'p1'])
    // After passage_id, the article's seven columns (article_id … language).
    expect(rows[2]![12]).toBe('Codex')
    expect(rows[2]![20]).toBe("'=1+1")
    expect(await readdir(dir)).toEqual(expect.arrayContaining(['export.csv']))
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([])
  })

  it('replaces an existing file at the chosen path', async () => {
    const opened = await openSample()
    const target = await writeTemp('old.csv', 'old content')
    dialogs.answer(target)
    expect(value(await handlers.exportCsv(opened.session.id))).toEqual({
      filePath: target,
      rows: 0,
    })
    expect(await readFile(target, 'utf8')).toMatch(/^\uFEFFpassage_id,/)
  })

  it('returns ok(null) and writes nothing when the dialog is cancelled', async () => {
    const opened = await openSample()
    const before = await readdir(dir)
    dialogs.answer(null)
    expect(await handlers.exportCsv(opened.session.id)).toEqual({ ok: true, value: null })
    expect(await readdir(dir)).toEqual(before)
  })

  it('returns write-failed when the folder does not exist, leaving no temp file', async () => {
    const opened = await openSample()
    const target = join(dir, 'missing-folder', 'x.csv')
    dialogs.answer(target)
    const result = await handlers.exportCsv(opened.session.id)
    expect(errorOf(result)).toEqual({
      code: 'write-failed',
      key: 'main.write.cannotWrite',
      params: { path: target, reason: { key: 'main.save.folderMissing' } },
    })
    expect(result.ok ? '' : result.error.message).toBe(
      `Cannot write ${target}: the folder no longer exists`,
    )
    expect(existsSync(join(dir, 'missing-folder'))).toBe(false)
  })
})

describe('closeSession and flushAll', () => {
  it('closeSession waits for pending saves, then forgets the session', async () => {
    const opened = await openSample()
    const p = passageOn(opened, 'Codex', 'p1')
    const pending = handlers.applyEdits(opened.session.id, opened.articleId, [
      { type: 'putPassage', passage: p },
    ])
    const closed = await handlers.closeSession(opened.session.id)
    expect(closed).toEqual({ ok: true, value: null })
    expect((await readArticleView(opened.filePath)).passages).toEqual([p])
    value(await pending)
    const after = await handlers.applyEdits(opened.session.id, opened.articleId, [
      { type: 'setUi', ui: { scrollTop: 1 } },
    ])
    expect(errorCode(after)).toBe('not-found')
  })

  it('closeSession of an unknown session says so and changes nothing', async () => {
    expect(errorCode(await handlers.closeSession('not-open'))).toBe('not-found')
  })

  it('a closed session can be opened again from the recent list', async () => {
    const opened = await openSample()
    const p = passageOn(opened, 'Twilio', 'p1')
    value(
      await handlers.applyEdits(opened.session.id, opened.articleId, [
        { type: 'putPassage', passage: p },
      ]),
    )
    value(await handlers.closeSession(opened.session.id))
    const reopened = value(await handlers.openRecent(opened.session.id))
    expect(reopened.session.passages).toEqual([p])
  })

  it('flushAll writes every open session', async () => {
    const a = await openSample()
    const b = await openSample()
    void handlers.applyEdits(a.session.id, a.articleId, [{ type: 'setUi', ui: { scrollTop: 11 } }])
    void handlers.applyEdits(b.session.id, b.articleId, [{ type: 'setUi', ui: { scrollTop: 22 } }])
    await handlers.flushAll()
    expect((await readArticleView(a.filePath)).ui.scrollTop).toBe(11)
    expect((await readArticleView(b.filePath)).ui.scrollTop).toBe(22)
  })
})

describe('slug', () => {
  it('makes a file-name-safe form that keeps accented letters', () => {
    expect(slug(SAMPLE_TITLE)).toBe('openai-vue-de-l-intérieur-exemple')
    expect(slug('../../etc/passwd')).toBe('etc-passwd')
    expect(slug('  ?? ')).toBe('session')
    expect(slug('x'.repeat(100))).toHaveLength(60)
  })
})
