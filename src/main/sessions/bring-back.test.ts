// "Bring coders' work back…" through the real handlers on real files: coder
// copies written as one-file copies (test-support/write-coder-copy.ts, the
// way "Save a copy as one file…" zips a session) are chosen in the fake
// multi-select dialog and brought back. A copy that cannot be (not a copy,
// cut short, hand-edited, newer, of another session, not a coder copy, a
// blank, padded or reserved coder name, two copies of one coder, the
// analyst's own name) is refused with its file and its problem, the others
// are said to be fine, and the session folder does not change by a byte.
// Good copies come back as one step: the folder reloaded from disk holds
// exactly what main holds; the inverse edits put it back exactly, the
// forward ones again.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { strToU8, zipSync } from 'fflate'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { OpenedSession } from '@shared/api'
import type { BringBackResult } from '@shared/ipc/bring-back'
import type { CorpusState } from '@shared/model/corpus-edits'
import { coderCopyOf, tagged } from '../../../test-support/coder-copy'
import { ARTICLE_TEXTS, coderSession, codedSession } from '../../../test-support/coder-session'
import { writeCorpus } from '../../../test-support/write-corpus'
import { coderCopyZip, writeCoderCopy } from '../../../test-support/write-coder-copy'
import { createHandlers, type Handlers } from '../handlers'
import { loadCorpusFolder } from '../store/corpus-folder'
import { sha256Hex } from '../store/hash'
import { folderSnapshot, snapshotView } from '../store/test-support/folder-snapshot'
import { FakeDialogs } from '../test-support/fake-dialogs'
import { value } from '../test-support/results'

const SAMPLE = new URL('../../../resources/sample-article-fr.txt', import.meta.url).pathname
const ANALYST = 'analyst'

let tmp: string
let dialogs: FakeDialogs
let handlers: Handlers
let opened: OpenedSession
let folder: string
let session: CorpusState

beforeEach(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'gloss-bring-back-'))
  folder = join(tmp, 'strikes.gloss')
  session = codedSession()
  const index = await writeCorpus(folder, session)
  dialogs = new FakeDialogs()
  await mkdir(join(tmp, 'data'))
  handlers = createHandlers({
    dataDir: join(tmp, 'data'),
    dialogs,
    samplePath: SAMPLE,
    author: ANALYST,
  })
  dialogs.answer(index)
  opened = value(await handlers.openSession())!
})
afterEach(async () => {
  await handlers.shutdown()
  await rm(tmp, { recursive: true, force: true })
})

/** Chooses `paths` in the dialog and brings them back. */
async function bringBack(...paths: string[]): Promise<BringBackResult> {
  const id = opened.session.id
  dialogs.answer(paths)
  const chosen = value(await handlers.chooseCoderCopies(id))!
  return value(await handlers.bringBackCoders(id, chosen.token))
}

/** Karim's copy of the session with two passages of his in the refinery article. */
function karimsCopy(): CorpusState {
  return tagged(coderCopyOf(session, { coder: 'Karim', keepPassages: true }), 'refinery', 'Karim', [
    { quote: 'hausse des salaires', themes: ['wages'] },
    { quote: 'manquent de carburant', themes: ['risk'] },
  ])
}

/** Amélie's copy with one passage in the rail article. */
function ameliesCopy(): CorpusState {
  return tagged(coderCopyOf(session, { coder: 'Amélie' }), 'rail', 'Amélie', [
    { quote: 'reconduction du mouvement', themes: ['strike'] },
  ])
}

/** Every article's passages on disk as [author, quote], by article id (the folder reloaded). */
async function onDisk() {
  const { state, problems } = await loadCorpusFolder(folder)
  expect(problems).toEqual([])
  return state
}

const copyPath = (name: string) => join(tmp, `${name}.gloss.zip`)

describe('bringing coders’ work back, refused', () => {
  const editIndex = (change: (index: Record<string, unknown>) => void) => ({
    editIndex: (index: Record<string, unknown>) => {
      change(index)
      return index
    },
  })
  const coderCopy = (index: Record<string, unknown>) =>
    index.coderCopy as { coder: string; sessionId: string }

  it.each<[string, (path: string) => Promise<unknown>, object]>([
    [
      'a file that is not a zip',
      (p) => writeFile(p, '{"schemaVersion": 2}'),
      { key: 'main.copy.notZip' },
    ],
    [
      'a zip that is not a session',
      (p) => writeFile(p, zipSync({ 'notes.txt': strToU8('Réunion lundi.') })),
      { key: 'main.copy.strangeFile', params: { name: 'notes.txt' } },
    ],
    [
      'a zip cut short',
      (p) => writeFile(p, coderCopyZip(karimsCopy()).subarray(0, 900)),
      { key: 'main.bringback.truncated' },
    ],
    [
      'an index edited by hand out of shape',
      (p) =>
        writeCoderCopy(
          p,
          karimsCopy(),
          editIndex((i) => {
            ;(i.codebook as { colour: string }[])[0]!.colour = 'red'
          }),
        ),
      {
        key: 'main.load.shapeAt',
        params: { path: 'codebook.0.colour', detail: 'colours are #rrggbb' },
      },
    ],
    [
      'an article whose passage no longer fits its text',
      (p) =>
        writeCoderCopy(p, karimsCopy(), {
          editArticle: (_name, a) => {
            const passages = a.passages as { quote: string }[]
            if (passages[0]) passages[0].quote = 'pas dans le texte'
            return a
          },
        }),
      {
        key: 'main.copy.articleBroken',
        params: {
          title: 'Article refinery',
          file: 'articles/refinery.1.json',
          problem: { key: 'main.load.inconsistent' },
        },
      },
    ],
    [
      'a copy of a newer format',
      (p) =>
        writeCoderCopy(
          p,
          karimsCopy(),
          editIndex((i) => (i.schemaVersion = 3)),
        ),
      { key: 'main.bringback.newer', params: { version: 3, supported: 2 } },
    ],
    [
      'a copy of the session that is not a coder copy',
      (p) =>
        writeCoderCopy(
          p,
          karimsCopy(),
          editIndex((i) => delete i.coderCopy),
        ),
      { key: 'main.bringback.notCoderCopy' },
    ],
    [
      'a coder copy of another session',
      (p) =>
        writeCoderCopy(
          p,
          karimsCopy(),
          editIndex((i) => (coderCopy(i).sessionId = 'session-elsewhere')),
        ),
      { key: 'main.bringback.otherSession', params: { id: 'session-elsewhere' } },
    ],
    [
      'a coder name of spaces only',
      (p) =>
        writeCoderCopy(
          p,
          karimsCopy(),
          editIndex((i) => (coderCopy(i).coder = '   ')),
        ),
      { key: 'main.bringback.coderBlank' },
    ],
    [
      'a coder name with spaces around it',
      (p) =>
        writeCoderCopy(
          p,
          karimsCopy(),
          editIndex((i) => (coderCopy(i).coder = ' Karim')),
        ),
      { key: 'main.bringback.coderSpaces', params: { name: ' Karim' } },
    ],
    [
      'the coder named “consensus”',
      (p) =>
        writeCoderCopy(
          p,
          tagged(coderCopyOf(session, { coder: 'consensus' }), 'rail', 'consensus', [
            { quote: 'prime', themes: ['wages'] },
          ]),
        ),
      { key: 'main.bringback.consensus', params: { name: 'consensus' } },
    ],
  ])(
    'refuses %s, says why, and brings back none of the files chosen',
    async (_what, write, problem) => {
      const bad = copyPath('bad')
      await write(bad)
      const good = await writeCoderCopy(copyPath('amelie'), ameliesCopy())
      const before = snapshotView(await folderSnapshot(folder))
      const copyBytes = await readFile(bad)
      const r = await bringBack(good, bad)
      expect(r.problems).toMatchObject([{ file: 'bad.gloss.zip', problem }])
      expect(r.problems).toHaveLength(1)
      expect(r.fine).toEqual(['amelie.gloss.zip'])
      expect(r).toMatchObject({ coders: [], forward: [], backward: [] })
      await handlers.flushAll()
      expect(snapshotView(await folderSnapshot(folder))).toEqual(before)
      expect(await readFile(bad)).toEqual(copyBytes)
    },
  )

  it('names the other session when it is known here', async () => {
    // A session opened here before (in the recent list), whose coder copy is chosen by mistake.
    const other = coderSession(['hospital'], 'session-hospital')
    const otherIndex = await writeCorpus(join(tmp, 'hospital.gloss'), other)
    value(await handlers.closeSession(opened.session.id))
    dialogs.answer(otherIndex)
    value(await handlers.closeSession(value(await handlers.openSession())!.session.id))
    opened = value(await handlers.openRecent(opened.session.id))
    const path = await writeCoderCopy(
      copyPath('hospital-karim'),
      coderCopyOf(other, { coder: 'Karim' }),
    )
    const r = await bringBack(path)
    expect(r.problems).toEqual([
      {
        file: 'hospital-karim.gloss.zip',
        problem: {
          key: 'main.bringback.otherSessionTitled',
          params: { title: 'Article hospital', id: 'session-hospital' },
        },
      },
    ])
    expect(r.fine).toEqual([])
  })

  it('refuses two copies of one coder, and a coder named as the analyst', async () => {
    const one = await writeCoderCopy(copyPath('karim-1'), karimsCopy())
    const two = await writeCoderCopy(copyPath('karim-2'), karimsCopy())
    const me = await writeCoderCopy(copyPath('me'), coderCopyOf(session, { coder: ANALYST }))
    const before = snapshotView(await folderSnapshot(folder))
    const r = await bringBack(one, two, me)
    expect(r.problems).toEqual([
      {
        file: 'karim-2.gloss.zip',
        problem: {
          key: 'main.bringback.sameCoder',
          params: { name: 'Karim', file: 'karim-1.gloss.zip' },
        },
      },
      {
        file: 'me.gloss.zip',
        problem: { key: 'main.bringback.coderIsYou', params: { name: ANALYST } },
      },
    ])
    expect(r.fine).toEqual(['karim-1.gloss.zip'])
    expect(snapshotView(await folderSnapshot(folder))).toEqual(before)
  })
})

describe('bringing coders’ work back', () => {
  it('brings two coders back as one step, written whole, undone and redone exactly', async () => {
    const karim = await writeCoderCopy(copyPath('karim'), karimsCopy())
    const amelie = await writeCoderCopy(copyPath('amelie'), ameliesCopy())
    const original = await onDisk()
    const r = await bringBack(amelie, karim)
    expect(r.problems).toEqual([])
    expect(
      r.coders.map((c) => [c.coder, c.file, c.passages, c.matched, c.notInSession, c.replaced]),
    ).toEqual([
      [
        'Amélie',
        'amelie.gloss.zip',
        { added: 1, removed: 0, changed: 0, unchanged: 0 },
        2,
        [],
        false,
      ],
      [
        'Karim',
        'karim.gloss.zip',
        { added: 2, removed: 0, changed: 0, unchanged: 0 },
        2,
        [],
        false,
      ],
    ])
    expect(r.forward).toHaveLength(2)
    expect(r.backward).toHaveLength(2)

    // On disk, as main holds it: the analyst's two passages, Karim's two, Amélie's one.
    const after = await onDisk()
    const authors = (s: CorpusState, id: string) =>
      s.articles.get(id)!.passages.map((p) => [p.author, p.quote])
    expect(authors(after, 'refinery')).toEqual([
      [ANALYST, 'grève des raffineries'],
      ['Karim', 'hausse des salaires'],
      [ANALYST, 'réquisitions'],
      ['Karim', 'manquent de carburant'],
    ])
    expect(authors(after, 'rail')).toEqual([['Amélie', 'reconduction du mouvement']])
    expect(after.meta.coders).toEqual([
      { name: 'Amélie', opened: ['rail'], broughtBackAt: expect.any(String) as string },
      { name: 'Karim', opened: ['refinery'], broughtBackAt: expect.any(String) as string },
    ])
    expect(after.meta.articles.map((a) => a.passageCount)).toEqual([4, 1])

    // Undo (what the renderer sends), then redo: the folder as before, then as after.
    const id = opened.session.id
    value(await handlers.applyEdits(id, opened.articleId, r.backward))
    const undone = await onDisk()
    expect({ ...undone, updatedAt: '' }).toEqual({ ...original, updatedAt: '' })
    value(await handlers.applyEdits(id, opened.articleId, r.forward))
    const redone = await onDisk()
    expect({ ...redone, updatedAt: '' }).toEqual({ ...after, updatedAt: '' })
  })

  it('replaces a coder’s passages with a newer copy of theirs', async () => {
    const first = tagged(coderCopyOf(session, { coder: 'Karim' }), 'refinery', 'Karim', [
      { quote: 'hausse des salaires', themes: ['wages'], id: 'k1' },
      { quote: 'deuxième semaine', themes: ['strike'], id: 'k2' },
      { quote: 'stations-service', themes: ['risk'], id: 'k3' },
    ])
    await bringBack(await writeCoderCopy(copyPath('karim'), first))
    const newer = tagged(coderCopyOf(session, { coder: 'Karim' }), 'refinery', 'Karim', [
      { quote: 'hausse des salaires', themes: ['wages'], id: 'k1' },
      { quote: 'deuxième semaine', themes: ['strike', 'risk'], id: 'k2' },
      { quote: 'Nord', themes: ['state'], id: 'k4' },
    ])
    const r = await bringBack(await writeCoderCopy(copyPath('karim-newer'), newer))
    expect(r.coders[0]).toMatchObject({
      replaced: true,
      passages: { added: 1, removed: 1, changed: 1, unchanged: 1 },
    })
    const karims = (await onDisk()).articles
      .get('refinery')!
      .passages.filter((p) => p.author === 'Karim')
      .map((p) => [p.id, p.quote, p.themeIds])
    expect(karims).toEqual([
      ['k2', 'deuxième semaine', ['strike', 'risk']],
      ['k1', 'hausse des salaires', ['wages']],
      ['k4', 'Nord', ['state']],
    ])
  })

  it('finds the coder’s passages again in an article whose text differs, and lists those it cannot place', async () => {
    // The coder's copy of the refinery article was re-imported with a dateline.
    const base = coderCopyOf(session, { coder: 'Karim' })
    const text = `Dépêche AFP. ${ARTICLE_TEXTS.refinery}`
    const edited: CorpusState = {
      ...base,
      meta: {
        ...base.meta,
        articles: base.meta.articles.map((a) =>
          a.id === 'refinery' ? { ...a, sha256: sha256Hex(text), chars: text.length } : a,
        ),
      },
      articles: new Map(base.articles).set('refinery', {
        ...base.articles.get('refinery')!,
        text,
      }),
    }
    const copy = tagged(edited, 'refinery', 'Karim', [
      { quote: 'Dépêche AFP', themes: ['state'] },
      { quote: 'hausse des salaires', themes: ['wages'] },
    ])
    const r = await bringBack(await writeCoderCopy(copyPath('karim'), copy))
    expect(r.coders[0]).toMatchObject({
      matched: 2,
      reanchored: { articles: 1, passages: 1 },
      unplaced: [{ article: 'Article refinery', quote: 'Dépêche AFP', themes: ['State'] }],
      passages: { added: 1, removed: 0, changed: 0, unchanged: 0 },
    })
    const placed = (await onDisk()).articles
      .get('refinery')!
      .passages.filter((p) => p.author === 'Karim')
    expect(placed.map((p) => [p.quote, p.start])).toEqual([
      ['hausse des salaires', ARTICLE_TEXTS.refinery.indexOf('hausse des salaires')],
    ])
  })

  it('forgets a choice once used, and refuses an unknown token', async () => {
    const id = opened.session.id
    dialogs.answer([await writeCoderCopy(copyPath('karim'), karimsCopy())])
    const chosen = value(await handlers.chooseCoderCopies(id))!
    expect(chosen.files).toEqual(['karim.gloss.zip'])
    value(await handlers.bringBackCoders(id, chosen.token))
    const again = await handlers.bringBackCoders(id, chosen.token)
    expect(again.ok ? null : again.error.key).toBe('main.bringback.gone')
    dialogs.answer(null)
    expect(value(await handlers.chooseCoderCopies(id))).toBeNull()
  })
})
