// Main-process work, in Node: saving a 10,000-passage session with the real
// SessionFile (lowdb + the durable adapter: temp file, fsync, rename, .bak),
// loading it back with the real loader, "Export CSV…" of 100,000 passages
// through the real handler (rows built, encoded and written to disk),
// and what Electron's IPC does with the reply of opening a 10,000-passage
// session (the structured clone: V8 serialize in main, deserialize in the
// renderer), which the Chromium harness replaces with the DevTools protocol.
import { test } from '@playwright/test'
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { deserialize, serialize } from 'node:v8'
import { join } from 'node:path'
import { createHandlers } from '../src/main/handlers'
import { FakeDialogs } from '../src/main/test-support/fake-dialogs'
import { loadSessionFile, SessionFile } from '../src/main/store/session-file'
import { CSV_RUNS, CSV_SIZE, LOAD_RUNS, SAVE_RUNS, SAVE_SIZE } from './config'
import { generateArticle, generatePassages, makeSession } from '../test-support/generate'
import { record, row } from './results'

test('main process: save, load, CSV export', async () => {
  test.setTimeout(10 * 60_000)
  const text = generateArticle()
  const dir = await mkdtemp(join(tmpdir(), 'gloss-bench-save-'))
  try {
    const session = makeSession(text, generatePassages(text, SAVE_SIZE), 'bench-save')
    const file = new SessionFile(join(dir, 'bench.gloss.json'), session)
    await file.save(session) // creates the file; later saves also keep a .bak
    const saves: number[] = []
    for (let i = 0; i < SAVE_RUNS; i++) {
      const next = {
        ...session,
        updatedAt: new Date(Date.UTC(2026, 10, 27, 12, 0, i)).toISOString(),
      }
      const t0 = performance.now()
      await file.save(next)
      saves.push(performance.now() - t0)
    }
    const loads: number[] = []
    for (let i = 0; i < LOAD_RUNS; i++) {
      const t0 = performance.now()
      await loadSessionFile(file.filePath)
      loads.push(performance.now() - t0)
    }

    // The reply of "Open session…", as the renderer receives it.
    await mkdir(join(dir, 'data'))
    const handlers = createHandlers({
      dataDir: join(dir, 'data'),
      dialogs: new FakeDialogs().answer(file.filePath),
      samplePath: '',
      author: 'bench',
    })
    const reply = await handlers.openSession()
    if (!reply.ok || !reply.value)
      throw new Error(`the bench session did not open: ${JSON.stringify(reply).slice(0, 300)}`)
    const clones: number[] = []
    for (let i = 0; i < LOAD_RUNS; i++) {
      const t0 = performance.now()
      deserialize(serialize(reply))
      clones.push(performance.now() - t0)
    }
    await handlers.shutdown()

    // "Export CSV…" of a 100,000-passage session, through the real handler:
    // building the rows, encoding them and writing the file (temp, fsync, rename).
    const big = makeSession(text, generatePassages(text, CSV_SIZE), 'bench-csv')
    const bigFile = new SessionFile(join(dir, 'big.gloss.json'), big)
    await bigFile.save(big)
    const target = join(dir, 'export.csv')
    const exporter = createHandlers({
      dataDir: join(dir, 'data'),
      // Opens the session, then one save answer per export (the warm-up and each run).
      dialogs: new FakeDialogs().answer(
        bigFile.filePath,
        ...Array<string>(CSV_RUNS + 1).fill(target),
      ),
      samplePath: '',
      author: 'bench',
    })
    const opened = await exporter.openSession()
    if (!opened.ok || !opened.value) throw new Error('the 100,000-passage session did not open')
    const id = opened.value.session.id
    await exporter.exportCsv(id) // warm-up
    const csv: number[] = []
    for (let i = 0; i < CSV_RUNS; i++) {
      const t0 = performance.now()
      const r = await exporter.exportCsv(id)
      csv.push(performance.now() - t0)
      if (!r.ok || r.value?.rows !== CSV_SIZE) throw new Error('the CSV export failed')
    }
    const bytes = (await stat(target)).size
    await exporter.shutdown()

    record([
      row('save', 'gloss', SAVE_SIZE, saves, 'fsync + rename + .bak, to the temp folder'),
      row('load', 'gloss', SAVE_SIZE, loads),
      row(
        'ipcClone',
        'gloss',
        SAVE_SIZE,
        clones,
        `${(serialize(reply).length / 2 ** 20).toFixed(1)} MiB`,
      ),
      row('csv', 'gloss', CSV_SIZE, csv, `${(bytes / 2 ** 20).toFixed(1)} MiB written`),
    ])
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
})
