import { spawn } from 'node:child_process'
import { link, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { Low } from 'lowdb'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { DurableJSONFile, isTempFileOf, writeFileDurably } from './durable-file'
import { RecentIndex } from './recent-index'
import { describeWriteError, readSessionFile, SessionFile, StoreError } from './session-file'
import { bundleEntry } from './test-support/bundle-entry'
import { counterOf, counterSession } from './test-support/counter-session'
import { faultyFs, type Fault } from './test-support/fault-fs'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-durable-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

interface State {
  writer: string
  n: number
  pad: string
}
const state = (writer: string, n: number): State => ({
  writer,
  n,
  // Sizes differ from state to state, so a mix of two would show.
  pad: writer.repeat(1 + ((n * 37) % 2000)),
})
const serialized = (data: unknown) => `${JSON.stringify(data, null, 2)}\n`
const temps = async (folder = dir) => (await readdir(folder)).filter((n) => n.endsWith('.tmp'))

describe('DurableJSONFile.read', () => {
  it('returns null for a missing file, and creates nothing', async () => {
    const adapter = new DurableJSONFile<State>(join(dir, 'missing.json'))
    expect(await adapter.read()).toBeNull()
    expect(await readdir(dir)).toEqual([])
  })

  it('returns the parsed content of a JSON file (a UTF-8 BOM is allowed)', async () => {
    const file = join(dir, 'ok.json')
    await writeFile(file, '\uFEFF' + JSON.stringify(state('a', 1)))
    expect(await new DurableJSONFile<State>(file).read()).toEqual(state('a', 1))
  })

  it.each([
    ['an empty file', Buffer.alloc(0), /is empty/],
    ['a file of blanks', Buffer.from(' \n\t\n'), /is empty/],
    ['truncated JSON', Buffer.from(serialized(state('a', 3)).slice(0, 50)), /not valid JSON/],
    ['NUL-filled bytes', Buffer.alloc(4096), /not valid JSON/],
    ['JSON null', Buffer.from('null\n'), /holds JSON null/],
  ])('throws for %s, naming the file, and never modifies it', async (_what, bytes, message) => {
    const file = join(dir, 'bad.json')
    await writeFile(file, bytes)
    const adapter = new DurableJSONFile<State>(file)
    await expect(adapter.read()).rejects.toThrow(message)
    await expect(adapter.read()).rejects.toThrow(file)
    // Through lowdb too: read() rejects, so Low never swaps in its defaults.
    const db = new Low<State>(adapter, state('default', 0))
    await expect(db.read()).rejects.toThrow(message)
    expect(Buffer.compare(await readFile(file), bytes)).toBe(0)
    expect(await readdir(dir)).toEqual(['bad.json'])
  })

  it('passes on read errors other than a missing file, with their code', async () => {
    const faults = faultyFs()
    faults.inject({ step: 'readFile', code: 'EACCES' })
    const file = join(dir, 'locked.json')
    await writeFile(file, '{}')
    const error = await new DurableJSONFile(file, { fs: faults.fs }).read().catch((e: unknown) => e)
    expect((error as NodeJS.ErrnoException).code).toBe('EACCES')
  })
})

describe('DurableJSONFile.write', () => {
  it('keeps the older .bak when someone else changed the file since our last write', async () => {
    const file = join(dir, 'state.json')
    const adapter = new DurableJSONFile<State>(file)
    await adapter.write(state('a', 1))
    await adapter.write(state('a', 2))
    const goodBackup = await readFile(`${file}.bak`)
    // Another program damages the file while it is open in Gloss.
    await writeFile(file, '{"trunc')
    await adapter.write(state('a', 3))
    expect(await adapter.read()).toEqual(state('a', 3))
    // The damaged bytes did not become the backup.
    expect(Buffer.compare(await readFile(`${file}.bak`), goodBackup)).toBe(0)
    // Our own writes refresh it again afterwards.
    await adapter.write(state('a', 4))
    expect(JSON.parse(await readFile(`${file}.bak`, 'utf8'))).toEqual(state('a', 3))
  })

  it('writes indented JSON with a trailing newline and leaves no temp file', async () => {
    const file = join(dir, 'state.json')
    const adapter = new DurableJSONFile<State>(file)
    await adapter.write(state('a', 1))
    expect(await readFile(file, 'utf8')).toBe(serialized(state('a', 1)))
    expect(await adapter.read()).toEqual(state('a', 1))
    expect(await readdir(dir)).toEqual(['state.json'])
  })

  it('keeps the previous good version as <name>.bak; the first write creates none', async () => {
    const file = join(dir, 'state.json')
    const adapter = new DurableJSONFile<State>(file)
    await adapter.write(state('a', 1))
    expect(await readdir(dir)).toEqual(['state.json'])
    const first = await readFile(file)

    await adapter.write(state('a', 2))
    expect((await readdir(dir)).sort()).toEqual(['state.json', 'state.json.bak'])
    expect(Buffer.compare(await readFile(`${file}.bak`), first)).toBe(0)
    expect(adapter.backupPath).toBe(`${file}.bak`)

    const second = await readFile(file)
    await adapter.write(state('a', 3))
    expect(Buffer.compare(await readFile(`${file}.bak`), second)).toBe(0)
    expect(await readFile(file, 'utf8')).toBe(serialized(state('a', 3)))
    expect(await temps()).toEqual([])
  })

  it.each(['EXDEV', 'EPERM', 'ENOTSUP', 'EMLINK'])(
    'falls back to copy + fsync + rename for the .bak when link fails with %s',
    async (code) => {
      const faults = faultyFs()
      faults.inject({ step: 'link', code })
      const file = join(dir, 'state.json')
      const adapter = new DurableJSONFile<State>(file, { fs: faults.fs })
      await adapter.write(state('a', 1))
      const first = await readFile(file)
      await adapter.write(state('a', 2))
      expect(Buffer.compare(await readFile(`${file}.bak`), first)).toBe(0)
      expect(await readFile(file, 'utf8')).toBe(serialized(state('a', 2)))
      expect(faults.calls.some((c) => c.startsWith('copyFile '))).toBe(true)
      expect(await temps()).toEqual([])
    },
  )

  it('replaces a .bak that is a hard link of the target without touching the target', async () => {
    const file = join(dir, 'state.json')
    const adapter = new DurableJSONFile<State>(file)
    await adapter.write(state('a', 1))
    await link(file, `${file}.bak`)
    await adapter.write(state('a', 2))
    await adapter.write(state('a', 3))
    expect(await readFile(`${file}.bak`, 'utf8')).toBe(serialized(state('a', 2)))
    expect(await readFile(file, 'utf8')).toBe(serialized(state('a', 3)))
    // rename() between two links of one file is a no-op: the temp link must
    // still be removed.
    expect(await temps()).toEqual([])
  })

  it.each(['EISDIR', 'EINVAL', 'EPERM'])(
    'treats %s from fsync on the folder as "not supported here" (Windows) and succeeds',
    async (code) => {
      const faults = faultyFs()
      faults.inject({ step: 'sync', code, when: (p) => p === dir })
      const file = join(dir, 'state.json')
      await new DurableJSONFile<State>(file, { fs: faults.fs }).write(state('a', 1))
      expect(await readFile(file, 'utf8')).toBe(serialized(state('a', 1)))
      expect(faults.calls).toContain(`sync ${dir}`)
    },
  )

  it('refuses to write null, undefined or unserializable data, and creates nothing', async () => {
    const file = join(dir, 'state.json')
    const adapter = new DurableJSONFile<State | null>(file)
    await expect(adapter.write(null)).rejects.toThrow(/Refusing/)
    await expect(new DurableJSONFile<undefined>(file).write(undefined)).rejects.toThrow(/Refusing/)
    const circular: Record<string, unknown> = {}
    circular.self = circular
    await expect(new DurableJSONFile<unknown>(file).write(circular)).rejects.toThrow(/circular/i)
    expect(await readdir(dir)).toEqual([])
  })

  it('applies concurrent writes of one instance in call order: the last call wins', async () => {
    const file = join(dir, 'order.json')
    const adapter = new DurableJSONFile<State>(file)
    const data = state('a', 1)
    const writes = [adapter.write(data), adapter.write(state('a', 2)), adapter.write(state('a', 3))]
    data.n = 99 // a change after the call does not leak into the queued write
    await Promise.all(writes)
    expect(await adapter.read()).toEqual(state('a', 3))
    expect(await readFile(`${file}.bak`, 'utf8')).toBe(serialized(state('a', 2)))
    expect(await temps()).toEqual([])
  })

  it('keeps writing after a failed write in the queue', async () => {
    const faults = faultyFs()
    const file = join(dir, 'queue.json')
    const adapter = new DurableJSONFile<State>(file, { fs: faults.fs })
    faults.inject({ step: 'write', code: 'ENOSPC', times: 1 })
    const [first, second] = await Promise.allSettled([
      adapter.write(state('a', 1)),
      adapter.write(state('a', 2)),
    ])
    expect(first).toMatchObject({ status: 'rejected', reason: { code: 'ENOSPC' } })
    expect(second).toMatchObject({ status: 'fulfilled' })
    expect(await adapter.read()).toEqual(state('a', 2))
  })

  it('lets two writers write the same file concurrently: it always parses and is a written state', async () => {
    const file = join(dir, 'shared.json')
    const a = new DurableJSONFile<State>(file)
    const b = new DurableJSONFile<State>(file)
    const ROUNDS = 60
    const all = new Set<string>()
    for (const w of ['a', 'b'])
      for (let n = 0; n <= ROUNDS * 3; n++) all.add(serialized(state(w, n)))
    await a.write(state('a', 0))

    let writing = true
    let reads = 0
    const reader = (async () => {
      while (writing) {
        const text = await readFile(file, 'utf8')
        expect(all.has(text)).toBe(true)
        reads++
        await new Promise((r) => setImmediate(r))
      }
    })()
    // Each writer has three writes in flight at a time (queued in order
    // within an instance), so writes of the two instances interleave.
    const run = async (adapter: DurableJSONFile<State>, w: string) => {
      for (let i = 0; i < ROUNDS; i++)
        await Promise.all([1, 2, 3].map((k) => adapter.write(state(w, i * 3 + k))))
    }
    await Promise.all([run(a, 'a'), run(b, 'b')])
    writing = false
    await reader

    expect(reads).toBeGreaterThan(0)
    const final = JSON.parse(await readFile(file, 'utf8')) as State
    expect(final.n).toBeGreaterThan(ROUNDS * 3 - 3)
    expect(all.has(await readFile(`${file}.bak`, 'utf8'))).toBe(true)
    expect(await temps()).toEqual([])
  })
})

describe('DurableJSONFile write faults', () => {
  const isDataTemp = (p: string) => isTempFileOf('state.json', basename(p)) && !p.includes('.bak.')
  const cases: [string, Fault][] = [
    ['ENOSPC on write', { step: 'write', code: 'ENOSPC' }],
    ['EDQUOT on write', { step: 'write', code: 'EDQUOT' }],
    ['EROFS on open', { step: 'open', code: 'EROFS' }],
    ['EACCES on open', { step: 'open', code: 'EACCES' }],
    ['EIO on fsync of the temp file', { step: 'sync', code: 'EIO', when: isDataTemp }],
    ['EIO on close of the temp file', { step: 'close', code: 'EIO', when: isDataTemp }],
    ['EACCES on link (keeping the .bak)', { step: 'link', code: 'EACCES' }],
    ['ENOSPC on the .bak copy fallback', { step: 'copyFile', code: 'ENOSPC' }],
    ['EACCES on rename of the temp file', { step: 'rename', code: 'EACCES', when: isDataTemp }],
    [
      'EACCES on rename of the .bak',
      { step: 'rename', code: 'EACCES', when: (p) => !isDataTemp(p) },
    ],
  ]

  it.each(cases)(
    '%s: rejects with the code, keeps the old bytes, leaves no temp file, and a retry succeeds',
    async (_what, fault) => {
      const faults = faultyFs()
      const file = join(dir, 'state.json')
      const adapter = new DurableJSONFile<State>(file, { fs: faults.fs })
      await adapter.write(state('a', 1))
      await adapter.write(state('a', 2))
      const before = await readFile(file)

      if (fault.step === 'copyFile') faults.inject({ step: 'link', code: 'EXDEV' })
      faults.inject(fault)
      const error = await adapter.write(state('a', 3)).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(Error)
      expect((error as NodeJS.ErrnoException).code).toBe(fault.code)
      expect(Buffer.compare(await readFile(file), before)).toBe(0)
      expect(await temps()).toEqual([])
      expect(await adapter.read()).toEqual(state('a', 2))

      faults.clear()
      await adapter.write(state('a', 3))
      expect(await adapter.read()).toEqual(state('a', 3))
      expect(Buffer.compare(await readFile(`${file}.bak`), before)).toBe(0)
      expect(await temps()).toEqual([])
    },
  )

  it('reports an fsync failure of the folder after the rename (the new bytes are in place)', async () => {
    const faults = faultyFs()
    const file = join(dir, 'state.json')
    const adapter = new DurableJSONFile<State>(file, { fs: faults.fs })
    await adapter.write(state('a', 1))
    faults.inject({ step: 'sync', code: 'EIO', when: (p) => p === dir })
    await expect(adapter.write(state('a', 2))).rejects.toMatchObject({ code: 'EIO' })
    expect(await temps()).toEqual([])
    faults.clear()
    await adapter.write(state('a', 2))
    expect(await adapter.read()).toEqual(state('a', 2))
  })
})

describe('writeFileDurably (exports)', () => {
  it('writes text, bytes or chunks through an fsynced temp file and a folder fsync, keeping no .bak', async () => {
    const faults = faultyFs()
    const file = join(dir, 'export.csv')
    await writeFileDurably(file, 'old\n', { fs: faults.fs })
    await writeFileDurably(
      file,
      (function* () {
        yield 'a,b\r\n'
        yield 'é,👩‍💻\r\n'
      })(),
      { fs: faults.fs },
    )
    expect(await readFile(file, 'utf8')).toBe('a,b\r\né,👩‍💻\r\n')
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 255])
    await writeFileDurably(join(dir, 'chart.png'), png, { fs: faults.fs })
    expect(Buffer.compare(await readFile(join(dir, 'chart.png')), png)).toBe(0)
    expect((await readdir(dir)).sort()).toEqual(['chart.png', 'export.csv'])
    const steps = faults.calls.map((c) => c.split(' ')[0])
    const temp = faults.calls.find((c) => c.startsWith('open ') && c.endsWith('.tmp'))!.slice(5)
    expect(isTempFileOf(file, basename(temp))).toBe(true)
    expect(faults.calls).toContain(`sync ${temp}`)
    expect(faults.calls).toContain(`sync ${dir}`)
    expect(steps.filter((s) => s === 'rename')).toHaveLength(3)
    expect(steps).not.toContain('link')
  })

  it('keeps the old bytes and leaves no temp file when a step fails, with the errno code', async () => {
    const file = join(dir, 'export.csv')
    await writeFile(file, 'old\n')
    for (const fault of [
      { step: 'write', code: 'ENOSPC' },
      { step: 'sync', code: 'EIO', when: (p: string) => p.endsWith('.tmp') },
      { step: 'rename', code: 'EACCES' },
    ] satisfies Fault[]) {
      const faults = faultyFs()
      faults.inject(fault)
      await expect(writeFileDurably(file, 'new\n', { fs: faults.fs })).rejects.toMatchObject({
        code: fault.code,
      })
      expect(await readFile(file, 'utf8')).toBe('old\n')
      expect(await temps()).toEqual([])
    }
  })
})

describe('SessionFile save failures', () => {
  const reasons: [string, string, string][] = [
    ['ENOSPC', 'the disk is full', 'main.save.diskFull'],
    ['EDQUOT', 'the disk quota is exceeded', 'main.save.quota'],
    ['EROFS', 'the folder is read-only', 'main.save.readOnlyFolder'],
    ['EACCES', 'permission denied', 'main.io.permission'],
    ['EPERM', 'permission denied', 'main.io.permission'],
    ['ENOENT', 'the folder no longer exists', 'main.save.folderMissing'],
    ['EIO', 'the disk reported an input/output error', 'main.save.io'],
  ]

  it.each(reasons)(
    '%s: save rejects with a write-failed StoreError saying "%s" (%s); the file keeps its bytes; a retry saves',
    async (code, reason, key) => {
      const faults = faultyFs()
      const file = join(dir, 'fault.gloss.json')
      const sf = new SessionFile(file, counterSession(1), { fs: faults.fs })
      await sf.save(counterSession(1))
      const before = await readFile(file)

      faults.inject({ step: code === 'ENOENT' || code === 'EROFS' ? 'open' : 'write', code })
      const error = await sf.save(counterSession(2)).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(StoreError)
      expect((error as StoreError).code).toBe('write-failed')
      expect((error as StoreError).message).toBe(reason)
      expect((error as StoreError).ref).toEqual({ key })
      expect(Buffer.compare(await readFile(file), before)).toBe(0)
      expect(await temps()).toEqual([])

      faults.clear()
      await sf.save(counterSession(3))
      expect(counterOf(await readSessionFile(file))).toBe(3)
      expect(counterOf(await readSessionFile(`${file}.bak`))).toBe(1)
      expect(await temps()).toEqual([])
    },
  )

  it('describes an unknown failure by its message, which has no key', async () => {
    const faults = faultyFs()
    const sf = new SessionFile(join(dir, 'odd.gloss.json'), counterSession(1), { fs: faults.fs })
    faults.inject({ step: 'write', code: 'EMFILE' })
    const error = await sf.save(counterSession(1)).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'write-failed', ref: null })
    expect((error as StoreError).message).toMatch(/EMFILE/)
    expect(describeWriteError(new Error('something odd'))).toBe('something odd')
    expect(describeWriteError('text')).toBe('text')
    expect(describeWriteError(null)).toBe('null')
  })
})

describe('RecentIndex over DurableJSONFile', () => {
  it.each([
    ['null', 'null'],
    ['null with blanks', '  null \n'],
    ['blanks only', ' \n'],
  ])('moves a recent.json holding %s aside instead of overwriting it', async (_what, content) => {
    const recentFile = join(dir, 'recent.json')
    await writeFile(recentFile, content)
    const index = new RecentIndex(dir)
    expect(await index.list()).toEqual([])
    const aside = (await readdir(dir)).filter((n) => /^recent\.json\.corrupt-\d+\.json$/.test(n))
    expect(aside).toHaveLength(1)
    expect(await readFile(join(dir, aside[0]!), 'utf8')).toBe(content)

    const entry = {
      id: 'a',
      title: 'A',
      filePath: join(dir, 'a.gloss.json'),
      updatedAt: '2025-01-01T00:00:00.000Z',
      passageCount: 0,
    }
    await index.touch(entry)
    expect(await new RecentIndex(dir).list()).toEqual([entry])
    expect(await readFile(join(dir, aside[0]!), 'utf8')).toBe(content)
    expect(await temps()).toEqual([])
  })
})

describe('crash safety (SIGKILL during saves)', () => {
  const KILLS = 60
  const LANES = 2
  let buildDir: string
  let bundle: string

  beforeAll(async () => {
    buildDir = await mkdtemp(join(tmpdir(), 'gloss-save-loop-'))
    bundle = await bundleEntry(
      new URL('./test-support/save-loop.ts', import.meta.url),
      buildDir,
      'save-loop.mjs',
    )
  }, 60_000)
  afterAll(async () => {
    await rm(buildDir, { recursive: true, force: true })
  })

  interface Run {
    pid: number
    lastStarted: number
    lastDone: number
  }

  /** Starts the save loop, kills it 0–30 ms after its first completed save. */
  function runAndKill(file: string): Promise<Run> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [bundle, file], { stdio: ['ignore', 'pipe', 'pipe'] })
      let out = ''
      let err = ''
      let killing = false
      const guard = setTimeout(() => child.kill('SIGKILL'), 5_000)
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        out += chunk
        if (!killing && out.includes('done ')) {
          killing = true
          setTimeout(() => child.kill('SIGKILL'), Math.random() * 30)
        }
      })
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk))
      child.on('error', reject)
      // 'close' comes after the pipes are drained: every line the child wrote
      // before it died has been read.
      child.on('close', (code, signal) => {
        clearTimeout(guard)
        if (signal !== 'SIGKILL' || !killing)
          return reject(new Error(`save loop ended by ${signal ?? code}: ${err}`))
        const last = (word: string) =>
          Math.max(
            -1,
            ...[...out.matchAll(new RegExp(`^${word} (\\d+)$`, 'gm'))].map((m) => +m[1]!),
          )
        resolve({ pid: child.pid!, lastStarted: last('start'), lastDone: last('done') })
      })
    })
  }

  interface LaneResult {
    kills: number
    landedOnStarted: number
    saves: number
    leftovers: number
  }

  /** Kills and restarts the save loop on one file `kills` times, checking after each. */
  async function lane(folder: string, kills: number): Promise<LaneResult> {
    await mkdir(folder)
    const file = join(folder, 'crash.gloss.json')
    let previous = 0
    let done = 0
    let landedOnStarted = 0
    const leftovers = new Set<string>()

    while (done < kills) {
      const run = await runAndKill(file)
      done++
      // The file exists, parses and validates as a Gloss session…
      const onDisk = counterOf(await readSessionFile(file))
      // …holding the last completed save or the one that was running, and
      // never going back.
      expect(run.lastDone).toBeGreaterThan(0)
      expect([run.lastDone, run.lastStarted]).toContain(onDisk)
      expect(onDisk).toBeGreaterThanOrEqual(previous)
      if (onDisk === run.lastStarted && run.lastStarted > run.lastDone) landedOnStarted++
      previous = onDisk
      // The previous version is whole too; it exists once a second save has
      // been renamed into place (the first save has nothing to keep).
      if (onDisk >= 2)
        expect(counterOf(await readSessionFile(`${file}.bak`))).toBeLessThanOrEqual(onDisk)
      // Temp files left behind all come from the killed write: at most its
      // own temp file and its .bak link.
      const fresh = (await temps(folder)).filter((n) => !leftovers.has(n))
      for (const name of fresh) {
        expect(isTempFileOf(file, name)).toBe(true)
        expect(name).toContain(`.${run.pid}.`)
        leftovers.add(name)
      }
      expect(fresh.filter((n) => !n.includes('.bak.')).length).toBeLessThanOrEqual(1)
      expect(fresh.filter((n) => n.includes('.bak.')).length).toBeLessThanOrEqual(1)
    }

    // A new writer saves over the leftovers, and adds none of its own.
    const sf = new SessionFile(file, counterSession(previous))
    await sf.save(counterSession(previous + 1))
    expect(counterOf(await readSessionFile(file))).toBe(previous + 1)
    expect((await temps(folder)).sort()).toEqual([...leftovers].sort())
    return { kills: done, landedOnStarted, saves: previous, leftovers: leftovers.size }
  }

  it(`keeps a whole, valid session through ${KILLS} SIGKILLs at random moments`, async () => {
    const began = performance.now()
    // Two files, each with its own loop of kills and restarts, side by side:
    // starting node dominates the time, and the two lanes overlap it.
    const lanes = await Promise.all(
      Array.from({ length: LANES }, (_, i) => lane(join(dir, `lane${i}`), KILLS / LANES)),
    )
    const total = (key: keyof LaneResult) => lanes.reduce((sum, l) => sum + l[key], 0)
    expect(total('kills')).toBeGreaterThanOrEqual(50)

    const seconds = (performance.now() - began) / 1000
    console.info(
      `crash test: ${total('kills')} SIGKILLs survived, ${total('landedOnStarted')} landed ` +
        `after the running write's rename, ${total('saves')} saves in all, ` +
        `${total('leftovers')} temp files left by killed writes, ${seconds.toFixed(1)} s`,
    )
  }, 60_000)
})
