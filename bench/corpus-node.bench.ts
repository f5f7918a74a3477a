// A session holding a corpus (2,000 articles, 200,000 passages), in main
// (Node): "Open session…" answered and every article read, the autosave of
// one passage edit and of one index edit (time and bytes written to the
// session folder), a codebook merge across the corpus and its undo, a
// switch of article, main's memory with the corpus open (a child process),
// and the corpus-wide features that exist in main (search, the Passages
// view's filter), through their handlers. Other corpus features add their
// scenarios here, next to these (the summary, the exports): see
// docs/performance.md.
import { execFile } from 'node:child_process'
import { lstat, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { deserialize, serialize } from 'node:v8'
import { test } from '@playwright/test'
import { createHandlers } from '../src/main/handlers'
import { SessionRegistry } from '../src/main/sessions/registry'
import { SettingsStore } from '../src/main/store/settings'
import { bundleEntry } from '../src/main/store/test-support/bundle-entry'
import { FakeDialogs } from '../src/main/test-support/fake-dialogs'
import { mergeThemes } from '../src/shared/model/codebook-ops'
import { invertCorpusEdit, type CorpusEdit } from '../src/shared/model/corpus-edits'
import { corpusPassages, NO_ARTICLE_FILTER } from '../src/shared/model/corpus-query'
import { makePassage } from '../src/shared/model/edits'
import { NO_FILTER } from '../src/shared/model/passage-filter'
import { snapToWords } from '../src/shared/model/text'
import {
  CORPUS_INDEX_RUNS,
  CORPUS_MERGE_RUNS,
  CORPUS_OPEN_RUNS,
  CORPUS_PASSAGES,
  CORPUS_SAVE_RUNS,
  CORPUS_SEARCH_RUNS,
  CORPUS_SWITCHES,
  corpusFolder,
  corpusIndex,
  runDir,
} from './config'
import { record, row, type Row } from './results'
import { Problems } from './util'

const N = CORPUS_PASSAGES

/** Each file of the folder: its identity and size, to tell what a save wrote. */
async function folderFiles(
  dir: string,
): Promise<Map<string, { ino: number; mtimeMs: number; size: number }>> {
  const out = new Map<string, { ino: number; mtimeMs: number; size: number }>()
  const walk = async (sub: string) => {
    for (const e of await readdir(join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${e.name}` : e.name
      if (e.isDirectory()) await walk(rel)
      else {
        const s = await lstat(join(dir, rel))
        out.set(rel, { ino: s.ino, mtimeMs: s.mtimeMs, size: s.size })
      }
    }
  }
  await walk('')
  return out
}

/**
 * The bytes a save wrote into the folder: the files that are new or were
 * replaced (another inode: written to a temp file and renamed). `.bak`
 * files are hard links of the version replaced: renamed, not written.
 */
function bytesWritten(
  before: Map<string, { ino: number; mtimeMs: number; size: number }>,
  after: Map<string, { ino: number; mtimeMs: number; size: number }>,
): number {
  let bytes = 0
  for (const [name, f] of after) {
    if (name.endsWith('.bak') || name.endsWith('.lock')) continue
    const old = before.get(name)
    if (!old || old.ino !== f.ino || old.mtimeMs !== f.mtimeMs) bytes += f.size
  }
  return bytes
}

const kb = (bytes: number) => bytes / 1024

test('Gloss main: a session holding a corpus', async () => {
  test.setTimeout(30 * 60_000)
  const rows: Row[] = []
  const problems = new Problems()
  const dir = corpusFolder()
  const work = await mkdtemp(join(tmpdir(), 'gloss-bench-corpus-'))
  const attempt = (key: string, body: () => Promise<void>) => problems.run(key, body)
  try {
    // Open: the answer (index + open article), then every article read.
    const replies: number[] = []
    const alls: number[] = []
    const clones: number[] = []
    let cloneBytes = 0
    for (let run = 0; run <= CORPUS_OPEN_RUNS; run++) {
      const dataDir = join(work, `open-${run}`)
      await mkdir(dataDir)
      const registry = new SessionRegistry({
        dataDir,
        author: 'bench',
        now: () => new Date().toISOString(),
        settings: new SettingsStore(dataDir),
      })
      const t0 = performance.now()
      const opened = await registry.openPath(corpusIndex())
      const t1 = performance.now()
      await registry.get(opened.session.id)!.loaded
      const t2 = performance.now()
      const c0 = performance.now()
      const bytes = serialize(opened)
      deserialize(bytes)
      const c1 = performance.now()
      await registry.shutdown()
      if (run === 0) continue // warm-up: the first read of the files from disk
      replies.push(t1 - t0)
      alls.push(t2 - t0)
      clones.push(c1 - c0)
      cloneBytes = bytes.length
    }
    rows.push(
      row(
        'corpusOpenReply',
        'gloss',
        N,
        replies,
        'index + the open article; a stat of every article file',
      ),
      row('corpusOpenAll', 'gloss', N, alls, 'from the click; the window is answered before'),
      row('corpusIpcClone', 'gloss', N, clones, `${(cloneBytes / 2 ** 20).toFixed(2)} MiB`),
    )

    // Edits, through the registry as the applyEdits handler runs them.
    const dataDir = join(work, 'edits')
    await mkdir(dataDir)
    const registry = new SessionRegistry({
      dataDir,
      author: 'bench',
      now: () => new Date().toISOString(),
      settings: new SettingsStore(dataDir),
    })
    const opened = await registry.openPath(corpusIndex())
    const entry = registry.get(opened.session.id)!
    await entry.loaded
    const articleId = opened.articleId
    let passages = 0
    for (const a of entry.state.articles.values()) passages += a.passages.length
    const sizeNote = `${entry.state.meta.articles.length} articles, ${passages} passages`

    /** Times one save of `edits` and the bytes it wrote to the folder. */
    const timed = async (id: string | null, edits: CorpusEdit[]) => {
      const before = await folderFiles(dir)
      const t0 = performance.now()
      await registry.applyEdits(entry, id, edits)
      const ms = performance.now() - t0
      return { ms, bytes: bytesWritten(before, await folderFiles(dir)) }
    }

    await attempt('corpusSave', async () => {
      const text = entry.state.articles.get(articleId)!.text
      const times: number[] = []
      const bytes: number[] = []
      for (let i = 0; i <= CORPUS_SAVE_RUNS; i++) {
        const from = Math.floor(((i + 0.5) * text.length) / (CORPUS_SAVE_RUNS + 2))
        const range = snapToWords(text, from, Math.min(text.length, from + 24))
        if (!range) throw new Error('no words to tag')
        const passage = makePassage(text, {
          id: `bench-save-${i}`,
          start: range.start,
          end: range.end,
          themeIds: [entry.state.meta.codebook[0]!.id],
          author: 'bench',
          now: new Date().toISOString(),
        })
        const r = await timed(articleId, [{ type: 'putPassage', passage }])
        if (i === 0) continue // warm-up
        times.push(r.ms)
        bytes.push(kb(r.bytes))
      }
      rows.push(
        row(
          'corpusSave',
          'gloss',
          N,
          times,
          `add a passage to a ${Math.round(text.length / 1000)} KB article; ${sizeNote}`,
        ),
        row('corpusSaveBytes', 'gloss', N, bytes, 'the article file (the recent list aside)'),
      )
    })

    await attempt('corpusIndexSave', async () => {
      const times: number[] = []
      const bytes: number[] = []
      for (let i = 0; i <= CORPUS_INDEX_RUNS; i++) {
        const a = entry.state.meta.articles[i]!
        const r = await timed(null, [
          {
            type: 'setArticleMeta',
            articles: [{ id: a.id, title: `${a.title} (${i})`, attributes: a.attributes }],
          },
        ])
        if (i === 0) continue
        times.push(r.ms)
        bytes.push(kb(r.bytes))
      }
      rows.push(
        row('corpusIndexSave', 'gloss', N, times, 'the whole index is written'),
        row('corpusIndexBytes', 'gloss', N, bytes, 'session.json (one line)'),
      )
    })

    await attempt('corpusMerge', async () => {
      const times: number[] = []
      let touched = 0
      let written = 0
      for (let i = 0; i < CORPUS_MERGE_RUNS; i++) {
        const before = entry.state
        const { codebook } = before.meta
        const merge = mergeThemes(
          { codebook, passages: corpusPassages(before) },
          codebook[1]!.id,
          codebook[2]!.id,
          new Date().toISOString(),
        )
        touched = new Set(merge.passages.map((c) => c.articleId)).size
        const done = await timed(null, [merge])
        const undo = await timed(null, [invertCorpusEdit(before, null, merge)])
        times.push(done.ms, undo.ms)
        written = done.bytes
      }
      rows.push(
        row(
          'corpusMerge',
          'gloss',
          N,
          times,
          `${touched} articles rewritten (new files, then the index: one commit), ${(written / 2 ** 20).toFixed(1)} MiB`,
        ),
      )
    })

    await attempt('corpusSwitchMain', async () => {
      const ids = entry.state.meta.articles.map((a) => a.id)
      const times: number[] = []
      for (let i = 0; i < CORPUS_SWITCHES; i++) {
        const id = ids[(i * 97 + 13) % ids.length]!
        const t0 = performance.now()
        const r = await registry.openArticle(opened.session.id, id)
        times.push(performance.now() - t0)
        if (!r.ok) throw new Error(`switch failed: ${r.error.message}`)
      }
      rows.push(row('corpusSwitchMain', 'gloss', N, times, 'the renderer then shows it'))
    })
    await registry.shutdown()

    // Main's memory with the corpus open, in a process of its own.
    await attempt('corpusMainRss', async () => {
      const bundle = await bundleEntry(
        new URL('./corpus-memory.ts', import.meta.url),
        join(runDir(), 'corpus-memory'),
        'corpus-memory.mjs',
      )
      const memDir = join(work, 'memory')
      await mkdir(memDir)
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['--expose-gc', bundle, memDir, corpusIndex()],
        {
          maxBuffer: 1 << 20,
        },
      )
      const { before, after } = JSON.parse(stdout) as Record<'before' | 'after', NodeJS.MemoryUsage>
      const mb = (x: number) => x / 2 ** 20
      rows.push(
        row(
          'corpusMainRss',
          'gloss',
          N,
          [mb(after.rss)],
          `Node ${process.version}: ${mb(before.rss).toFixed(0)} MB before opening; JS heap ${mb(after.heapUsed).toFixed(0)} MB; Electron's main adds its own runtime`,
        ),
      )
    })

    // The corpus-wide features main has, through their handlers.
    const hDir = join(work, 'handlers')
    await mkdir(hDir)
    const handlers = createHandlers({
      dataDir: hDir,
      dialogs: new FakeDialogs().answer(corpusIndex()),
      samplePath: '',
      author: 'bench',
    })
    try {
      const r = await handlers.openSession()
      if (!r.ok || !r.value) throw new Error('the corpus did not open')
      const id = r.value.session.id
      const codebook = r.value.meta.codebook
      await attempt('corpusPassageFilter', async () => {
        const times: number[] = []
        let found = 0
        for (let i = 0; i <= CORPUS_SEARCH_RUNS; i++) {
          const t0 = performance.now()
          const q = await handlers.queryPassages(
            id,
            {
              passages: { ...NO_FILTER, themeIds: [codebook[i % codebook.length]!.id] },
              articles: NO_ARTICLE_FILTER,
              sort: 'list',
            },
            100,
          )
          const ms = performance.now() - t0
          if (!q.ok) throw new Error(q.error.message)
          if (i === 0) continue // waits for every article, and warms up
          times.push(ms)
          found = q.value.total
        }
        rows.push(
          row(
            'corpusPassageFilter',
            'gloss',
            N,
            times,
            `one theme: ${found} passages; the first 100 rows answered`,
          ),
        )
      })
      await attempt('corpusSearch', async () => {
        const firsts: number[] = []
        const alls: number[] = []
        let matches = 0
        for (let i = 0; i <= CORPUS_SEARCH_RUNS; i++) {
          const t0 = performance.now()
          const s = await handlers.searchCorpus(
            id,
            'les',
            { matchCase: false, matchAccents: false },
            50,
          )
          const t1 = performance.now()
          if (!s.ok) throw new Error(s.error.message)
          let status = s.value.status
          while (!status.done) {
            const next = await handlers.continueCorpusSearch(id, s.value.searchId)
            if (!next.ok) throw new Error(next.error.message)
            status = next.value
          }
          const t2 = performance.now()
          if (i === 0) continue
          firsts.push(t1 - t0)
          alls.push(t2 - t0)
          matches = status.found
        }
        rows.push(
          row('corpusSearchFirst', 'gloss', N, firsts, '"les", accents and case folded; 50 rows'),
          row('corpusSearchAll', 'gloss', N, alls, `${matches} matches`),
        )
      })
    } finally {
      await handlers.shutdown()
    }
  } finally {
    await rm(work, { recursive: true, force: true })
  }
  record(rows)
  problems.throwIfAny()
})
