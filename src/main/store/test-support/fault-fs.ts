// Test support: errno fault injection for DurableJSONFile through its `fs`
// option. Every call goes to the real node:fs/promises except the ones a
// fault is armed for, which reject with an Error carrying that errno code,
// as Node's own errors do. No other mocking: the files are real.
import * as fs from 'node:fs/promises'
import type { DurableFileHandle, DurableFs } from '../durable-file'

/** The steps a fault can be put on. `sync`/`write`/`close` act on open handles. */
export type FaultStep =
  | 'open'
  | 'write'
  | 'sync'
  | 'close'
  | 'rename'
  | 'link'
  | 'copyFile'
  | 'unlink'
  | 'stat'
  | 'readFile'

export interface Fault {
  step: FaultStep
  code: string
  /** Only calls whose (first) path this accepts fail; all calls by default. */
  when?: (path: string) => boolean
  /** How many matching calls fail; every one until cleared by default. */
  times?: number
}

export function errnoError(code: string, syscall: string, path: string): NodeJS.ErrnoException {
  const e: NodeJS.ErrnoException = new Error(`${code}: injected fault, ${syscall} '${path}'`)
  e.code = code
  e.syscall = syscall
  e.path = path
  return e
}

export interface FaultyFs {
  fs: Partial<DurableFs>
  /** Arms a fault; the newest armed fault for a step wins. */
  inject(fault: Fault): void
  /** Disarms every fault: the file system works again. */
  clear(): void
  /** Every call made, as "step path", in order. */
  calls: string[]
}

export function faultyFs(): FaultyFs {
  let faults: (Fault & { left: number })[] = []
  const calls: string[] = []

  const check = (step: FaultStep, path: string) => {
    calls.push(`${step} ${path}`)
    const fault = faults.findLast((f) => f.step === step && f.left > 0 && (f.when?.(path) ?? true))
    if (!fault) return
    fault.left--
    throw errnoError(fault.code, step, path)
  }

  const wrapHandle = (handle: fs.FileHandle, path: string): DurableFileHandle => ({
    async writeFile(data, encoding) {
      check('write', path)
      await handle.writeFile(data, encoding)
    },
    async sync() {
      check('sync', path)
      await handle.sync()
    },
    async close() {
      // A failing close still closes the descriptor, as the OS does.
      try {
        check('close', path)
      } finally {
        await handle.close()
      }
    },
  })

  const faultyFsImpl: DurableFs = {
    async open(path, flags) {
      check('open', path)
      return wrapHandle(await fs.open(path, flags), path)
    },
    async readFile(path, encoding) {
      check('readFile', path)
      return fs.readFile(path, encoding)
    },
    async rename(from, to) {
      check('rename', from)
      await fs.rename(from, to)
    },
    async link(existing, newPath) {
      check('link', existing)
      await fs.link(existing, newPath)
    },
    async copyFile(src, dest, mode) {
      check('copyFile', src)
      await fs.copyFile(src, dest, mode)
    },
    async unlink(path) {
      check('unlink', path)
      await fs.unlink(path)
    },
    async stat(path) {
      check('stat', path)
      return fs.stat(path)
    },
  }

  return {
    fs: faultyFsImpl,
    calls,
    inject(fault) {
      faults.push({ ...fault, left: fault.times ?? Infinity })
    },
    clear() {
      faults = []
    },
  }
}
