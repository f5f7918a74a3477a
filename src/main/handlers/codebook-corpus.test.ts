// The codebook over a session of several articles, through the handlers:
// theme usage, merges and deletions planned over every article (applied,
// saved to every article file, undone), a plan made stale by an edit that
// reached main first (refused as a whole), and the codebook CSV with groups.
import { parse } from 'csv-parse/sync'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { OpenedSession } from '@shared/api'
import { DEFAULT_CODEBOOK } from '@shared/model/codebook'
import { applyCorpusEdit, invertCorpusEdit, type CorpusEdit } from '@shared/model/corpus-edits'
import type { CorpusState } from '@shared/model/corpus-edits'
import { readArticles, readIndex } from '../../../test-support/session-folder'
import { writeSessionFolder } from '../../../test-support/write-session-folder'
import { createHandlers, type Handlers } from '../handlers'
import { FakeDialogs } from '../test-support/fake-dialogs'
import { codeOf, value } from '../test-support/results'

const SAMPLE = new URL('../../../resources/sample-article-fr.txt', import.meta.url).pathname
const TEXT = 'Croissance rapide. Une culture du secret. La sécurité pratique. Le chaos.'

let tmp: string
let dialogs: FakeDialogs
let handlers: Handlers
let opened: OpenedSession
let folder: string
/** What the renderer holds: the index and the open article. */
let local: CorpusState

beforeEach(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'gloss-codebook-corpus-'))
  folder = join(tmp, 'study.gloss')
  const written = await writeSessionFolder(folder, {
    codebook: DEFAULT_CODEBOOK.map((t) => ({ ...t })),
    articles: [
      { id: 'a1', title: 'One', text: TEXT, tags: [['Croissance', ['growth', 'culture']]] },
      {
        id: 'a2',
        title: 'Two',
        text: TEXT,
        tags: [
          ['Une culture', ['culture']],
          ['secret', ['secrecy']],
        ],
      },
      { id: 'a3', title: 'Three', text: TEXT, tags: [['Le chaos', ['culture', 'safety']]] },
      { id: 'a4', title: 'Four', text: TEXT, tags: [['pratique', ['safety']]] },
    ],
  })
  dialogs = new FakeDialogs()
  await mkdir(join(tmp, 'data'))
  handlers = createHandlers({
    dataDir: join(tmp, 'data'),
    dialogs,
    samplePath: SAMPLE,
    author: 'x',
  })
  dialogs.answer(written.indexPath)
  opened = value(await handlers.openSession())!
  local = {
    id: opened.session.id,
    createdAt: opened.session.createdAt,
    updatedAt: opened.session.updatedAt,
    meta: opened.meta,
    articles: new Map([
      [
        opened.articleId,
        {
          id: opened.articleId,
          text: opened.session.document.text,
          passages: opened.session.passages,
          ui: opened.session.ui,
          updatedAt: opened.session.updatedAt,
        },
      ],
    ]),
  }
})

afterEach(async () => {
  await handlers.shutdown()
  await rm(tmp, { recursive: true, force: true })
})

/** Applies an edit as the renderer's store does (locally, then in main); returns its undo. */
async function edit(e: CorpusEdit): Promise<CorpusEdit> {
  const undo = invertCorpusEdit(local, opened.articleId, e)
  local = applyCorpusEdit(local, opened.articleId, e, '2026-01-01T00:00:00.000Z')
  value(await handlers.applyEdits(opened.session.id, opened.articleId, [e]))
  return undo
}

const themesOnDisk = async () =>
  Object.fromEntries(
    (await readArticles(folder)).map((a) => [a.id, a.passages.map((p) => p.themeIds)]),
  )

describe('theme usage', () => {
  it('counts passages and articles over the whole session, and follows edits', async () => {
    const usage = value(await handlers.themeUsage(opened.session.id))
    expect(usage.culture).toEqual({ passages: 3, articles: 3, alone: 1 })
    expect(usage.safety).toEqual({ passages: 2, articles: 2, alone: 1 })
    expect(usage).not.toHaveProperty('nothing')
    const plan = value(
      await handlers.planCodebookChange(opened.session.id, { kind: 'delete', id: 'culture' }),
    )
    await edit(plan)
    expect(value(await handlers.themeUsage(opened.session.id))).not.toHaveProperty('culture')
    expect(codeOf(await handlers.themeUsage('nope'))).toBe('not-found')
  })
})

describe('merge and delete over every article', () => {
  it('merges Culture into Growth in every article file; undo restores all of them exactly', async () => {
    const before = await themesOnDisk()
    const plan = value(
      await handlers.planCodebookChange(opened.session.id, {
        kind: 'merge',
        fromId: 'culture',
        intoId: 'growth',
      }),
    )
    // Planning changes nothing.
    expect(await themesOnDisk()).toEqual(before)
    expect(new Set(plan.passages.map((p) => p.articleId))).toEqual(new Set(['a1', 'a2', 'a3']))
    const undo = await edit(plan)
    expect(await themesOnDisk()).toEqual({
      a1: [['growth']],
      a2: [['growth'], ['secrecy']],
      a3: [['growth', 'safety']],
      a4: [['safety']],
    })
    expect((await readIndex(folder)).codebook.map((t) => t.id)).toEqual([
      'growth',
      'secrecy',
      'safety',
    ])
    await edit(undo)
    expect(await themesOnDisk()).toEqual(before)
    expect((await readIndex(folder)).codebook).toEqual(DEFAULT_CODEBOOK)
  })

  it('refuses, changing nothing, a deletion planned before a tag with the theme reached main', async () => {
    const plan = value(
      await handlers.planCodebookChange(opened.session.id, { kind: 'delete', id: 'culture' }),
    )
    // Meanwhile an edit of the open article tags another passage with Culture.
    const passage = { ...local.articles.get(opened.articleId)!.passages[0]! }
    await edit({
      type: 'putPassage',
      passage: { ...passage, themeIds: ['growth', 'culture', 'safety'] },
    })
    const before = await themesOnDisk()
    const r = await handlers.applyEdits(opened.session.id, opened.articleId, [plan])
    expect(codeOf(r)).toBe('invalid-edit')
    expect(await themesOnDisk()).toEqual(before)
    expect((await readIndex(folder)).codebook.map((t) => t.id)).toContain('culture')
    // A fresh plan goes through.
    const again = value(
      await handlers.planCodebookChange(opened.session.id, { kind: 'delete', id: 'culture' }),
    )
    value(await handlers.applyEdits(opened.session.id, opened.articleId, [again]))
    expect((await themesOnDisk()).a1).toEqual([['growth', 'safety']])
  })
})

describe('the codebook CSV with groups', () => {
  it('exports a group column, and an import creates the groups it names', async () => {
    const file = join(tmp, 'grouped.csv')
    await writeFile(
      file,
      [
        'name,colour,key,group',
        'Growth,#009E73,1,Business',
        'Wages,#111111,,Business',
        'Culture,#E69F00,2,',
        'Leaks,#222222,,Secrecy and power',
      ].join('\r\n'),
    )
    dialogs.answer(file)
    const plan = value(await handlers.importCodebookCsv(opened.session.id))!
    expect(plan.problems).toEqual([])
    expect(plan).toMatchObject({ added: 2, updated: 1 })
    await edit(plan.edit!)
    const index = await readIndex(folder)
    expect(index.themeGroups.map((g) => g.name)).toEqual(['Business', 'Secrecy and power'])
    const group = (id: string) => index.themeGroups.find((g) => g.id === id)?.name ?? ''
    expect(index.codebook.map((t) => [t.name, t.key ?? '', group(t.groupId ?? '')])).toEqual([
      ['Culture', '2', ''],
      ['Secrecy', '3', ''],
      ['Safety', '4', ''],
      ['Growth', '1', 'Business'],
      ['Wages', '', 'Business'],
      ['Leaks', '', 'Secrecy and power'],
    ])

    const out = join(tmp, 'out.csv')
    dialogs.answer(out)
    value(await handlers.exportCodebookCsv(opened.session.id))
    const rows = parse<Record<string, string>>(await readFile(out, 'utf8'), {
      bom: true,
      columns: true,
    })
    expect(Object.keys(rows[0]!)).toEqual(['name', 'description', 'colour', 'key', 'group'])
    expect(rows.map((r) => [r.name, r.group])).toEqual([
      ['Culture', ''],
      ['Secrecy', ''],
      ['Safety', ''],
      ['Growth', 'Business'],
      ['Wages', 'Business'],
      ['Leaks', 'Secrecy and power'],
    ])
  })

  it('reports a bad file row by row and changes nothing', async () => {
    const file = join(tmp, 'bad.csv')
    await writeFile(file, `name,colour,group\nA,#000000,${'g'.repeat(201)}\nB,red,x\n`)
    dialogs.answer(file)
    const plan = value(await handlers.importCodebookCsv(opened.session.id))!
    expect(plan.edit).toBeNull()
    expect(plan.problems.map((p) => [p.row, p.code])).toEqual([
      [2, 'group-too-long'],
      [3, 'colour'],
    ])
    expect((await readIndex(folder)).themeGroups).toEqual([])
  })
})

describe('a removed article and the codebook', () => {
  it('does not bring back an article whose passages use a theme deleted while it was removed', async () => {
    const removed = await edit({ type: 'removeArticles', ids: ['a3'] })
    // The deletion is planned over the articles of the session: a3 is not one now.
    const plan = value(
      await handlers.planCodebookChange(opened.session.id, { kind: 'delete', id: 'culture' }),
    )
    expect(plan.passages.map((p) => p.articleId)).not.toContain('a3')
    await edit(plan)
    const r = await handlers.applyEdits(opened.session.id, null, [removed])
    expect(codeOf(r)).toBe('invalid-edit')
    expect((await readIndex(folder)).articles.map((a) => a.id)).toEqual(['a1', 'a2', 'a4'])
  })
})
