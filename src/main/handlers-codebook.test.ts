// Handler tests for the codebook: codebook edits through applyEdits (checked,
// saved, undoable), renames that exports and reopened sessions follow, and
// exportCodebookCsv / importCodebookCsv with paths from the Dialogs port only.
import { parse } from 'csv-parse/sync'
import { existsSync } from 'node:fs'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { OpenedSession } from '@shared/api'
import { DEFAULT_CODEBOOK } from '@shared/model/codebook'
import { deleteTheme, mergeThemes, updateTheme } from '@shared/model/codebook-ops'
import { applyEdit, invertEdit, makePassage, type Edit } from '@shared/model/edits'
import type { Session } from '@shared/model/schema'
import { SAMPLE_TITLE, type Handlers } from './handlers'
import { checkedCalls } from './checked-calls'
import { slug } from './sessions/file-names'
import { folderSnapshot, readArticleView } from '../../test-support/session-folder'
import type { FakeDialogs } from './test-support/fake-dialogs'
import { codeOf as code, errorOf, value } from './test-support/results'
import {
  closeSampleSession,
  openSampleSession,
  sampleHandlers,
} from './test-support/sample-session'

const NOW = '2025-06-01T12:00:00.000Z'

let dir: string
let dialogs: FakeDialogs
let handlers: Handlers
let opened: OpenedSession
/** The session as the renderer would hold it: every edit applied here too. */
let local: Session

const makeHandlers = () => sampleHandlers(dir, dialogs)

beforeEach(async () => {
  ;({ dir, dialogs, handlers, opened } = await openSampleSession('gloss-codebook-handlers-'))
  local = opened.session
})
afterEach(() => closeSampleSession({ dir, handlers }))

/** Applies edits as the renderer does: locally, then through applyEdits. Returns the undo. */
async function edit(...edits: Edit[]): Promise<Edit[]> {
  const undo: Edit[] = []
  for (const e of edits) {
    undo.unshift(invertEdit(local, e))
    local = applyEdit(local, e, NOW)
  }
  value(await handlers.applyEdits(opened.session.id, opened.articleId, edits))
  return undo
}

async function tag(word: string, id: string, themeIds: string[]) {
  const { text } = local.document
  const start = text.indexOf(word)
  if (start < 0) throw new Error(`no ${word}`)
  const passage = makePassage(text, {
    id,
    start,
    end: start + word.length,
    themeIds,
    author: 'tester',
    now: NOW,
  })
  await edit({ type: 'putPassage', passage })
}

const onDisk = () => readArticleView(opened.filePath)

describe('codebook edits through applyEdits', () => {
  it('saves a rename; exports and the reopened session use the new name, ids unchanged', async () => {
    await tag('Calvin French-Owen', 'p1', ['culture', 'secrecy'])
    await tag('Codex', 'p2', ['secrecy'])
    await edit(
      updateTheme(local, 'secrecy', {
        name: 'Confidentiality',
        colour: '#CC79A7',
        description: 'Leaks.',
      }),
    )

    const saved = await onDisk()
    expect(saved.codebook.map((t) => t.id)).toEqual(['growth', 'culture', 'secrecy', 'safety'])
    expect(saved.codebook[2]).toMatchObject({ name: 'Confidentiality', description: 'Leaks.' })
    expect(saved.passages.map((p) => p.themeIds)).toEqual([['culture', 'secrecy'], ['secrecy']])

    const target = join(dir, 'export.csv')
    dialogs.answers.push(target)
    value(await handlers.exportCsv(opened.session.id))
    const rows = parse<Record<string, string>>(await readFile(target, 'utf8'), {
      bom: true,
      columns: true,
    })
    expect(Object.keys(rows[0]!)).toContain('Confidentiality')
    expect(Object.keys(rows[0]!)).not.toContain('Secrecy')
    const p1 = rows.find((r) => r.passage_id === 'p1')!
    expect(p1.themes).toBe('Culture; Confidentiality')
    expect(p1.Confidentiality).toBe('1')

    // Restart: the renamed codebook comes back from the file.
    await handlers.shutdown()
    handlers = makeHandlers()
    const again = value(await handlers.openRecent(opened.session.id))
    expect(again.session.codebook).toEqual(saved.codebook)
  })

  it('merges and deletes themes, keeping untagged passages, and undoes both exactly', async () => {
    await tag('Calvin French-Owen', 'p1', ['growth', 'culture'])
    await tag('Codex', 'p2', ['culture'])
    await tag('Twilio', 'p3', ['safety'])
    const before = await onDisk()
    const undoMerge = await edit(mergeThemes(local, 'culture', 'growth', NOW))
    let saved = await onDisk()
    expect(saved.codebook.map((t) => `${t.key}:${t.id}`)).toEqual([
      '1:growth',
      '2:secrecy',
      '3:safety',
    ])
    expect(saved.passages.map((p) => [p.id, p.themeIds])).toEqual([
      ['p1', ['growth']],
      ['p2', ['growth']],
      ['p3', ['safety']],
    ])
    const undoDelete = await edit(deleteTheme(local, 'safety', NOW))
    saved = await onDisk()
    expect(saved.passages.map((p) => [p.id, p.themeIds])).toEqual([
      ['p1', ['growth']],
      ['p2', ['growth']],
      ['p3', []],
    ])
    await edit(...undoDelete)
    await edit(...undoMerge)
    const undone = await onDisk()
    expect({ ...undone, updatedAt: '' }).toEqual({ ...before, updatedAt: '' })
  })

  it('refuses codebook edits that do not fit, all or nothing, and leaves the file alone', async () => {
    await tag('Codex', 'p1', ['safety'])
    const bytes = await folderSnapshot(opened.filePath)
    const cb = DEFAULT_CODEBOOK.map((t) => ({ ...t }))
    const bad: Edit[] = [
      { type: 'setCodebook', codebook: cb.slice(0, 3), passages: [] }, // p1 still uses safety
      { type: 'setCodebook', codebook: cb.map((t) => ({ ...t, key: '1' })), passages: [] },
      {
        type: 'setCodebook',
        codebook: cb.map((t, i) => (i ? t : { ...t, name: 'Safety' })),
        passages: [],
      },
      {
        type: 'setCodebook',
        codebook: cb,
        passages: [{ id: 'ghost', themeIds: [], updatedAt: NOW }],
      },
    ]
    for (const e of bad)
      expect(code(await handlers.applyEdits(opened.session.id, opened.articleId, [e]))).toBe(
        'invalid-edit',
      )
    const malformed = [
      { type: 'setCodebook', codebook: [], passages: [] },
      { type: 'setCodebook', codebook: cb.map((t) => ({ ...t, colour: 'blue' })), passages: [] },
      { type: 'setCodebook', codebook: [{ ...cb[0], name: '' }], passages: [] },
      { type: 'setCodebook', codebook: [{ ...cb[0], name: 'x'.repeat(201) }], passages: [] },
      { type: 'setCodebook', codebook: cb },
    ]
    for (const e of malformed)
      expect(
        code(await checkedCalls(handlers).applyEdits(opened.session.id, opened.articleId, [e])),
      ).toBe('invalid-argument')
    expect(await folderSnapshot(opened.filePath)).toEqual(bytes)
  })
})

describe('exportCodebookCsv', () => {
  it('writes the codebook at the path the dialog answers', async () => {
    await edit(updateTheme(local, 'growth', { name: '=Croissance', colour: '#000000' }))
    const target = join(dir, 'codebook.csv')
    dialogs.answers.push(target)
    expect(value(await handlers.exportCodebookCsv(opened.session.id))).toEqual({
      filePath: target,
      rows: 4,
    })
    expect(dialogs.asked[0]).toMatchObject({
      kind: 'save',
      defaultFileName: `${slug(SAMPLE_TITLE)}-codebook.csv`,
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    })
    const csv = await readFile(target, 'utf8')
    expect(csv.startsWith('\uFEFFname,description,colour,key\r\n')).toBe(true)
    expect(csv).toContain("\r\n'=Croissance,")
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([])
  })

  it('returns ok(null) and writes nothing when the dialog is cancelled', async () => {
    dialogs.answers.push(null)
    expect(await handlers.exportCodebookCsv(opened.session.id)).toEqual({ ok: true, value: null })
    expect(await readdir(dir)).toEqual(['data'])
  })
})

describe('importCodebookCsv', () => {
  it('returns the merge as an edit without applying it; applied, it saves and undoes', async () => {
    await tag('Codex', 'p1', ['safety', 'growth'].sort())
    const file = join(dir, 'cb.csv')
    await writeFile(
      file,
      'name,description,colour,key\nSafety,Risk.,#111111,1\nLeadership,Who leads.,#222222,2\n',
    )
    const before = await folderSnapshot(opened.filePath)
    dialogs.answers.push(file)
    const r = value(await handlers.importCodebookCsv(opened.session.id))!
    expect(dialogs.asked[0]).toMatchObject({ kind: 'open', title: 'Import codebook' })
    expect(r).toMatchObject({ filePath: file, added: 1, updated: 1, problems: [] })
    // Nothing changed yet: the renderer applies the edit as one undo step.
    expect(await folderSnapshot(opened.filePath)).toEqual(before)

    const undo = await edit(r.edit!)
    const saved = await onDisk()
    expect(saved.codebook.map((t) => `${t.key}:${t.name}`)).toEqual([
      '1:Safety',
      '2:Leadership',
      '3:Growth',
      '4:Culture',
      '5:Secrecy',
    ])
    expect(saved.codebook[0]).toMatchObject({
      id: 'safety',
      colour: '#111111',
      description: 'Risk.',
    })
    // A passage's themes keep their order: a reordered codebook changes no passage.
    expect(saved.passages[0]!.themeIds).toEqual(['growth', 'safety'])

    await edit(...undo)
    expect((await onDisk()).codebook).toEqual(opened.session.codebook)
  })

  it('reports the file’s problems with their rows and changes nothing', async () => {
    const file = join(dir, 'bad.csv')
    await writeFile(file, 'name,colour,key\nGood,#000000,1\nBad,orange,2\n')
    dialogs.answers.push(file)
    const r = value(await handlers.importCodebookCsv(opened.session.id))!
    expect(r.edit).toBeNull()
    expect(r.problems).toEqual([
      {
        row: 3,
        code: 'colour',
        value: 'orange',
        message: 'Row 3: the colour "orange" is not of the form #rrggbb.',
      },
    ])
  })

  it('returns ok(null) when the dialog is cancelled, unreadable for a missing file', async () => {
    dialogs.answers.push(null)
    expect(await handlers.importCodebookCsv(opened.session.id)).toEqual({ ok: true, value: null })
    dialogs.answers.push(join(dir, 'missing.csv'))
    expect(errorOf(await handlers.importCodebookCsv(opened.session.id))).toEqual({
      code: 'unreadable',
      key: 'main.import.cannotRead',
      params: { file: 'missing.csv', reason: { key: 'main.io.fileMissing' } },
    })
  })

  it('rejects bad arguments as values before any dialog, and unknown sessions', async () => {
    for (const method of ['exportCodebookCsv', 'importCodebookCsv'] as const) {
      for (const args of [
        [],
        [42],
        ['../x'],
        [{ id: opened.session.id }],
        [opened.session.id, 'path'],
      ])
        expect(
          code(await checkedCalls(handlers)[method](...args)),
          `${method} ${JSON.stringify(args)}`,
        ).toBe('invalid-argument')
      expect(code(await handlers[method]('not-open'))).toBe('not-found')
    }
    expect(dialogs.asked).toEqual([])
    expect(existsSync(join(dir, 'x'))).toBe(false)
  })
})

describe('older files', () => {
  it('opens a session whose themes have no description (the field is optional)', async () => {
    const json = await readArticleView(opened.filePath)
    json.id = 'older-session'
    for (const t of json.codebook) delete t.description
    const file = join(dir, 'older.gloss.json')
    await writeFile(file, JSON.stringify(json))
    dialogs.answers.push(file)
    const r = value(await handlers.openSession())!
    expect(r.session.codebook.map((t) => t.description)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ])
    expect(r.noticeRef).toMatchObject({ key: 'main.notice.upgraded', params: { version: 1 } })
  })
})
