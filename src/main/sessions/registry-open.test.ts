// Opening a large session: main answers with the index and the open
// article, and reads the other articles in the background. Corpus-wide work
// waits for them; an article switched to before they arrive is read at
// once; a file that is missing or a folder makes the session read-only at
// once (one listing of the articles folder); a damaged article found while
// reading turns it read-only then, says so to the renderer, and nothing
// more is written.
import { mkdir, readFile, rm, truncate, unlink, writeFile } from 'node:fs/promises'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ok } from '@shared/api'
import type { SessionProblems } from '@shared/ipc/types'
import { mergeThemes } from '@shared/model/codebook-ops'
import type { CorpusIndex } from '@shared/model/corpus'
import { corpusPassages } from '@shared/model/corpus-query'
import { generateCorpus, type CorpusSpec } from '../../../test-support/generate-corpus'
import { corpusDir, writeCorpus } from '../../../test-support/write-corpus'
import { loadCorpusFolder } from '../store/corpus-folder'
import { SettingsStore } from '../store/settings'
import { folderSnapshot, snapshotView } from '../store/test-support/folder-snapshot'
import { SessionRegistry } from './registry'

const SPEC: CorpusSpec = {
  seed: 7,
  articles: 120,
  chars: [2000, 6000],
  passages: [10, 40],
  themes: 12,
  groups: 3,
  customAttributes: 2,
}

let root: string
let events: SessionProblems[]

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'gloss-open-'))
  events = []
})
afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

function registry(): SessionRegistry {
  return new SessionRegistry({
    dataDir: root,
    author: 'tester',
    now: () => new Date().toISOString(),
    settings: new SettingsStore(root),
    onProblems: (e) => events.push(e),
  })
}

/** A 120-article session folder; its index path and index. */
async function corpus(): Promise<{ path: string; dir: string; index: CorpusIndex }> {
  const dir = corpusDir(root)
  const path = await writeCorpus(dir, generateCorpus(SPEC))
  const index = JSON.parse(await readFile(path, 'utf8')) as CorpusIndex
  return { path, dir, index }
}

describe('opening a session of many articles', () => {
  it('answers with the open article, then holds every article; corpus-wide plans see them all', async () => {
    const { path, dir } = await corpus()
    const reg = registry()
    const opened = await reg.openPath(path)
    expect(opened.readOnlyReason).toBeNull()
    expect(opened.meta.articles).toHaveLength(120)
    const entry = reg.get(opened.session.id)!
    // A merge planned at once waits for every article, and changes passages in all of them.
    const plan = await reg.withOpen(opened.session.id, (e) =>
      Promise.resolve(
        ok(
          mergeThemes(
            { codebook: e.state.meta.codebook, passages: corpusPassages(e.state) },
            'theme-01',
            'theme-02',
            '2026-12-02T10:00:00.000Z',
          ),
        ),
      ),
    )
    expect(entry.complete).toBe(true)
    const all = await loadCorpusFolder(dir)
    const expected = [...corpusPassages(all.state)].filter((p) => p.themeIds.includes('theme-01'))
    expect(plan.ok && plan.value.passages.map((c) => c.id).sort()).toEqual(
      expected.map((p) => p.id).sort(),
    )
    expect(entry.state.articles.size).toBe(120)
    await reg.shutdown()
  })

  it('switches at once to an article the background reading has not reached', async () => {
    const { path, index } = await corpus()
    const reg = registry()
    const opened = await reg.openPath(path)
    const last = index.articles.at(-1)!
    const r = await reg.openArticle(opened.session.id, last.id)
    expect(r.ok && r.value.session.document.sha256).toBe(last.sha256)
    const all = await loadCorpusFolder(corpusDir(root))
    expect(r.ok && r.value.session.passages).toEqual(all.state.articles.get(last.id)!.passages)
    await reg.get(opened.session.id)!.loaded
    await reg.shutdown()
  })

  it('is read-only at once when an article file is missing or a folder', async () => {
    const { path, dir, index } = await corpus()
    await unlink(join(dir, index.articles[40]!.file))
    await unlink(join(dir, index.articles[60]!.file))
    await mkdir(join(dir, index.articles[60]!.file))
    await truncate(join(dir, index.articles[80]!.file), 0)
    const before = snapshotView(await folderSnapshot(dir))
    const reg = registry()
    const opened = await reg.openPath(path)
    // (The empty one may already be found when the answer is made.)
    expect(opened.problems.slice(0, 2).map((p) => [p.articleId, p.problem])).toEqual([
      [index.articles[40]!.id, { key: 'main.io.fileMissing' }],
      [index.articles[60]!.id, { key: 'main.io.isFolder' }],
    ])
    expect(opened.readOnlyReasonRef).toMatchObject({
      key: 'main.load.articleBroken',
      params: { title: index.articles[40]!.title, count: opened.problems.length },
    })
    // The empty one is found once read, and added to the report.
    const entry = reg.get(opened.session.id)!
    await entry.loaded
    expect(entry.problems.map((p) => [p.articleId, p.problem])).toEqual([
      [index.articles[40]!.id, { key: 'main.io.fileMissing' }],
      [index.articles[60]!.id, { key: 'main.io.isFolder' }],
      [index.articles[80]!.id, { key: 'main.load.empty' }],
    ])
    expect(entry.readOnlyReason).toMatchObject({ params: { count: 3 } })
    await reg.shutdown()
    expect(snapshotView(await folderSnapshot(dir))).toEqual(before)
  })

  it('turns read-only when a damaged article is found while reading, and says so', async () => {
    const { path, dir, index } = await corpus()
    const broken = index.articles[100]!
    const bytes = await readFile(join(dir, broken.file))
    await writeFile(join(dir, broken.file), bytes.subarray(0, bytes.length - 40))
    const indexBytes = await readFile(path)
    const reg = registry()
    const opened = await reg.openPath(path)
    const entry = reg.get(opened.session.id)!
    // An edit of the index waits for the reading, which finds the damage: refused.
    const rename = await reg.withEditable(
      opened.session.id,
      null,
      [{ type: 'setArticleMeta', articles: [{ id: broken.id, title: 'x', attributes: {} }] }],
      () => Promise.resolve(ok(null)),
    )
    expect(rename).toMatchObject({
      ok: false,
      error: { code: 'read-only', key: 'main.load.articleBroken' },
    })
    expect(entry.readOnlyReason).toMatchObject({
      params: { title: broken.title, file: join(dir, broken.file), count: 1 },
    })
    expect(events).toEqual([
      {
        sessionId: opened.session.id,
        problems: [expect.objectContaining({ articleId: broken.id, file: join(dir, broken.file) })],
        readOnlyReason: expect.stringContaining(broken.title),
        readOnlyReasonRef: entry.readOnlyReason,
      },
    ])
    await reg.close(opened.session.id)
    expect(await readFile(path)).toEqual(indexBytes)
    expect((await readFile(join(dir, broken.file))).length).toBe(bytes.length - 40)
  })

  it('closes at once while articles are still being read, writing nothing more', async () => {
    const { path, dir } = await corpus()
    const reg = registry()
    // Opened once before, all read: what its coder opened first is recorded
    // (on close), so that the close below has nothing of its own to write.
    const first = await reg.openPath(path)
    await reg.get(first.session.id)!.loaded
    await reg.close(first.session.id)
    const before = snapshotView(await folderSnapshot(dir))
    const opened = await reg.openPath(path)
    const entry = reg.get(opened.session.id)!
    expect(await reg.close(opened.session.id)).toEqual({ ok: true, value: null })
    await entry.loaded
    expect(snapshotView(await folderSnapshot(dir))).toEqual(before)
    // …and opens again at once, writable.
    expect((await reg.openPath(path)).readOnlyReason).toBeNull()
    await reg.shutdown()
  })
})
