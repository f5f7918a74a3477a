// Crash-atomicity of a session folder: a child process edits a corpus
// session through the real SessionRegistry (passage edits in one article,
// codebook merges, deletions and re-tagging across many articles, renames,
// removing, restoring and adding articles, coders' work brought back) and
// is killed with SIGKILL at random moments, aimed in turn at each kind of
// edit while it is being written. After every kill the folder must load with no problem and hold
// exactly the state before the edit in flight or the state after it: never
// a mixture (some articles of a codebook merge changed and others not, an
// index naming a file that is not there).
// To see a failure's states: CRASH_DUMP_DIR=<folder> makes the child write
// every state it reports, and this test the state it loaded, as JSON.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CorpusState } from '@shared/model/corpus-edits'
import { SessionRegistry } from '../sessions/registry'
import { ARTICLES_DIR, INDEX_FILE, loadCorpusFolder, readCorpusIndex } from './corpus-folder'
import { sha256Hex } from './hash'
import { SettingsStore } from './settings'
import { bundleEntry } from './test-support/bundle-entry'
import {
  articleText,
  describeState,
  EDIT_KINDS,
  newArticle,
  prng,
  stateDigest,
  type EditKind,
} from './test-support/crash-corpus'

/** Two sessions killed side by side, 30 times each (three per kind of edit). */
const LANES = 2
const KILLS_PER_LANE = 30
const START_ARTICLES = 30

let work: string
let bundle: string

function registryOn(dataDir: string): SessionRegistry {
  return new SessionRegistry({
    dataDir,
    author: 'crash-test',
    now: () => new Date().toISOString(),
    settings: new SettingsStore(dataDir),
  })
}

/** A corpus session of 30 articles made through the registry, as Gloss makes one; its folder. */
async function corpusSession(dataDir: string, seed: number): Promise<string> {
  await mkdir(dataDir, { recursive: true })
  const rng = prng(seed)
  const registry = registryOn(dataDir)
  const text = articleText(rng)
  const opened = await registry.create({
    title: 'Crash corpus',
    sourceFileName: 'first.txt',
    text,
    sha256: sha256Hex(text),
  })
  const entry = registry.get(opened.session.id)!
  const now = new Date().toISOString()
  await registry.addArticles(
    entry,
    Array.from({ length: START_ARTICLES - 1 }, (_, i) =>
      newArticle(rng, `seed-${i}`, entry.state.meta.codebook, now),
    ),
  )
  await registry.shutdown()
  return entry.folder.dir
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'gloss-corpus-crash-'))
  bundle = await bundleEntry(
    new URL('./test-support/crash-edit-loop.ts', import.meta.url),
    join(work, 'build'),
    'crash-edit-loop.mjs',
  )
}, 60_000)

afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

interface Line {
  event: 'about' | 'written'
  kind: string
  digest: string
}

/** How long each kind of edit took to write (about → written), newest last. */
const durations = new Map<string, number[]>()
function typicalDuration(kind: string): number {
  const seen = [...(durations.get(kind) ?? [])].sort((a, b) => a - b)
  return seen.length ? seen[Math.floor(seen.length / 2)]! : 20
}

/**
 * Runs the edit loop on `folder`, asking it for a `target` edit among its
 * first few, and kills it at a random moment within the typical time that
 * kind takes to write (or after 5 s if no such edit comes).
 */
function runAndKill(
  dataDir: string,
  folder: string,
  target: EditKind,
  seed: number,
): Promise<Line[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, dataDir, folder, String(seed), target], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const lines: Line[] = []
    let partial = ''
    let err = ''
    let killing = false
    let aboutAt = 0
    const guard = setTimeout(() => {
      killing = true
      child.kill('SIGKILL')
    }, 5_000)
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const at = performance.now()
      const parts = (partial + chunk).split('\n')
      partial = parts.pop()!
      for (const raw of parts) {
        const [event, kind, digest] = raw.split(' ') as [Line['event'], string, string]
        lines.push({ event, kind, digest })
        if (event === 'about') aboutAt = at
        else if (kind !== 'open')
          durations.set(kind, [...(durations.get(kind) ?? []), at - aboutAt].slice(-20))
        if (!killing && event === 'about' && kind === target) {
          killing = true
          setTimeout(() => child.kill('SIGKILL'), Math.random() * 1.5 * typicalDuration(kind))
        }
      }
    })
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk))
    child.on('error', reject)
    // 'close' comes after the pipes are drained: every line is read.
    child.on('close', (code, signal) => {
      clearTimeout(guard)
      if (signal !== 'SIGKILL' || !killing)
        return reject(new Error(`edit loop ended by ${signal ?? code}: ${err}`))
      resolve(lines)
    })
  })
}

/** Writes a loaded state where CRASH_DUMP_DIR asks, to compare with the child's. */
async function dumpLoaded(state: CorpusState): Promise<void> {
  const dir = process.env.CRASH_DUMP_DIR
  if (!dir) return
  const json = JSON.stringify({ meta: state.meta, articles: [...state.articles] }, null, 1)
  await writeFile(join(dir, `loaded-${stateDigest(state)}.json`), json)
}

/** Every file name in the folder, relative to it. */
async function filesOf(dir: string): Promise<string[]> {
  const root = (await readdir(dir)).filter((n) => n !== ARTICLES_DIR)
  const articles = (await readdir(join(dir, ARTICLES_DIR))).map((n) => `${ARTICLES_DIR}/${n}`)
  return [...root, ...articles].sort()
}

interface LaneResult {
  /** Kills that came while an edit was being written, by kind. */
  inFlight: string[]
  /** Of those, how many reopened after the edit (the rest, before it). */
  after: number
}

/** Kills and restarts the edit loop on one session, checking the folder after each kill. */
async function lane(n: number): Promise<LaneResult> {
  const dataDir = join(work, `lane-${n}`)
  const folder = await corpusSession(dataDir, 20261201 + n)
  const result: LaneResult = { inFlight: [], after: 0 }
  for (let i = 0; i < KILLS_PER_LANE; i++) {
    const target = EDIT_KINDS[(i + n * 4) % EDIT_KINDS.length]!
    const lines = await runAndKill(dataDir, folder, target, n * 1000 + i)
    const written = lines.filter((l) => l.event === 'written')
    expect(written.length, 'the child opened the session').toBeGreaterThan(0)
    const last = lines.at(-1)!
    const before = written.at(-1)!.digest
    const after = last.event === 'about' ? last.digest : null
    if (after) result.inFlight.push(last.kind)

    // The folder loads with every article readable…
    const loaded = await loadCorpusFolder(folder)
    const context = `lane ${n}, kill ${i}, aimed at ${target}, last "${last.event} ${last.kind}"`
    expect(loaded.problems, context).toEqual([])
    // …and holds the state before the edit in flight or after it, nothing else.
    const onDisk = stateDigest(loaded.state)
    if (onDisk !== before && onDisk !== after) await dumpLoaded(loaded.state)
    expect([before, after], `${context}: ${describeState(loaded.state)}`).toContain(onDisk)
    if (onDisk === after) result.after++

    // The previous index is whole, and every article file it names is there.
    const bakPath = join(folder, `${INDEX_FILE}.bak`)
    if (existsSync(bakPath))
      for (const a of (await readCorpusIndex(folder, bakPath)).articles)
        expect(existsSync(join(folder, a.file)), `${context}: ${a.file}, named by the .bak`).toBe(
          true,
        )
  }

  // Opening the folder once more removes what the kills left behind: temp
  // files, and article files that neither the index nor its .bak names.
  const registry = registryOn(dataDir)
  expect((await registry.openPath(folder)).readOnlyReason).toBeNull()
  await registry.shutdown()
  const index = await readCorpusIndex(folder)
  const bak = await readCorpusIndex(folder, join(folder, `${INDEX_FILE}.bak`))
  const named = new Set([...index.articles, ...bak.articles].map((a) => a.file))
  const files = await filesOf(folder)
  expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([])
  expect(
    files.filter((f) => f.startsWith(`${ARTICLES_DIR}/`) && !named.has(f.replace(/\.bak$/, ''))),
  ).toEqual([])
  expect(files.filter((f) => !f.startsWith(`${ARTICLES_DIR}/`))).toEqual([
    INDEX_FILE,
    `${INDEX_FILE}.bak`,
  ])
  return result
}

describe('crash safety of a session folder (SIGKILL during corpus edits)', () => {
  it(`reopens after each of ${LANES * KILLS_PER_LANE} kills as before or after the edit in flight`, async () => {
    const lanes = await Promise.all(Array.from({ length: LANES }, (_, n) => lane(n)))
    const inFlight = lanes.flatMap((l) => l.inFlight)
    const after = lanes.reduce((sum, l) => sum + l.after, 0)
    // The kills did land inside writes, of every kind that touches many
    // articles, and both outcomes (before, after) happened.
    expect(inFlight.length).toBeGreaterThanOrEqual((LANES * KILLS_PER_LANE) / 3)
    expect(after).toBeGreaterThan(0)
    expect(after).toBeLessThan(inFlight.length)
    for (const kind of [
      'passage',
      'merge',
      'delete-theme',
      'tag-many',
      'remove',
      'restore',
      'add',
      'coder-layer',
    ])
      expect(inFlight, `a kill during a ${kind} edit`).toContain(kind)
  }, 180_000)
})
