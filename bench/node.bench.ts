// Main-process work, in Node: saving a 10,000-passage session with the real
// SessionFile (lowdb + the durable adapter: temp file, fsync, rename, .bak),
// loading it back with the real loader, and the CSV export of 100,000 passages.
import { test } from '@playwright/test'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sessionToCsv } from '../src/main/export/csv'
import { loadSessionFile, SessionFile } from '../src/main/store/session-file'
import { CSV_RUNS, CSV_SIZE, LOAD_RUNS, SAVE_RUNS, SAVE_SIZE } from './config'
import { generateArticle, generatePassages, makeSession } from './generate'
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

    const big = makeSession(text, generatePassages(text, CSV_SIZE), 'bench-csv')
    let bytes = 0
    sessionToCsv(big) // warm-up
    const csv: number[] = []
    for (let i = 0; i < CSV_RUNS; i++) {
      const t0 = performance.now()
      bytes = sessionToCsv(big).length
      csv.push(performance.now() - t0)
    }
    record([
      row('save', 'gloss', SAVE_SIZE, saves, 'fsync + rename + .bak, to the temp folder'),
      row('load', 'gloss', SAVE_SIZE, loads),
      row('csv', 'gloss', CSV_SIZE, csv, `${(bytes / 2 ** 20).toFixed(1)} M characters`),
    ])
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
})
