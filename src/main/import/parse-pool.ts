// The pool of import workers (parse-worker.ts): parses article files off
// main's thread, as the ArticleParser of "Add articles…" and "Open
// article…". Up to `size` worker threads, started on the first parse and
// stopped once idle for a while; jobs wait in order and each goes to the
// first free worker, the file's bytes transferred (never copied). A cancel
// (polled while a job waits or runs) ends the job at once: a running one
// by terminating its worker, the next job getting a fresh one. A worker
// that crashes (out of its memory limit on a hostile file, a bug) fails its
// file as damaged and is replaced; its memory limit keeps a hostile file
// from taking main down with it.
// It must never: resolve a job twice or not at all, keep Node alive while
// idle, or let a worker's failure escape as anything but an ImportError.
import { availableParallelism } from 'node:os'
import { Worker, type ResourceLimits } from 'node:worker_threads'
import type { ArticleParser } from './article-parser'
import { cancelledRead, damaged, type ImportError } from './import-error'
import type { ParseProgress, ParseRequest, ReadFile } from './parse-article'
import { errorFromWire, type ParseJob, type WorkerReply } from './parse-wire'

/** Workers for this machine: one core stays main's (its commits, IPC, the window), at most 2. */
export function poolSize(cores = availableParallelism()): number {
  return Math.max(1, Math.min(2, cores - 1))
}

/**
 * A worker's heap: room for the largest page "Add articles…" takes (20 MB of
 * dense markup builds over a gibibyte of document); a file needing more
 * fails as damaged instead of exhausting the machine's memory.
 */
export const WORKER_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 2048 }

/** Workers idle this long are stopped (ms). */
export const IDLE_MS = 5_000
/** How often a waiting or running job looks at the analyst's cancel (ms). */
export const CANCEL_CHECK_MS = 50

export interface ParsePoolOptions {
  /** The worker's built script (parse-worker.ts bundled). */
  workerPath: string | URL
  size?: number
  idleMs?: number
  resourceLimits?: ResourceLimits
  cancelCheckMs?: number
}

interface Job {
  id: number
  bytes: Uint8Array
  request: ParseRequest
  progress: ParseProgress
  resolve: (read: ReadFile) => void
  reject: (e: ImportError) => void
}

interface Slot {
  worker: Worker
  job: Job | null
}

const NO_BYTES = new Uint8Array(0)

/** Bytes whose whole buffer can be transferred: a view of a larger (or pooled) buffer is copied first. */
function ownBuffer(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer &&
    bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength
    ? (bytes as Uint8Array<ArrayBuffer>)
    : new Uint8Array(bytes)
}

export function createParsePool(options: ParsePoolOptions): ArticleParser & {
  /** Workers running now (tests). */
  readonly workers: number
} {
  const size = options.size ?? poolSize()
  const idleMs = options.idleMs ?? IDLE_MS
  const cancelCheckMs = options.cancelCheckMs ?? CANCEL_CHECK_MS
  const slots: Slot[] = []
  const queue: Job[] = []
  let nextId = 1
  let closed = false
  let idleTimer: ReturnType<typeof setTimeout> | undefined
  let cancelTimer: ReturnType<typeof setInterval> | undefined

  const busy = () => slots.some((s) => s.job)

  /** Forgets a worker and stops it; its job, if any, is the caller's to settle. */
  const drop = (slot: Slot) => {
    const at = slots.indexOf(slot)
    if (at >= 0) slots.splice(at, 1)
    slot.job = null
    void slot.worker.terminate().catch(() => undefined)
  }

  const spawn = (): Slot => {
    const worker = new Worker(options.workerPath, {
      name: 'gloss-import',
      resourceLimits: options.resourceLimits ?? WORKER_LIMITS,
    })
    const slot: Slot = { worker, job: null }
    worker.on('message', (reply: WorkerReply) => onReply(slot, reply))
    // Out of memory, an uncaught error, an exit: the file it held is damaged.
    const crashed = () => {
      if (!slots.includes(slot)) return
      const job = slot.job
      drop(slot)
      job?.reject(damaged(job.request.file))
      pump()
    }
    worker.on('error', crashed)
    worker.on('exit', crashed)
    worker.unref()
    slots.push(slot)
    return slot
  }

  const start = (slot: Slot, job: Job) => {
    slot.job = job
    slot.worker.ref()
    const bytes = ownBuffer(job.bytes)
    job.bytes = NO_BYTES
    const message: ParseJob = { type: 'parse', id: job.id, bytes, request: job.request }
    try {
      slot.worker.postMessage(message, [bytes.buffer])
    } catch {
      slot.job = null
      slot.worker.unref()
      job.reject(damaged(job.request.file))
    }
  }

  const onReply = (slot: Slot, reply: WorkerReply) => {
    const job = slot.job
    if (!job || reply.id !== job.id) return
    if (reply.type === 'progress') {
      try {
        job.progress.onProgress?.(reply.done, reply.total)
      } catch {
        // Progress is only shown: a listener's failure must not take main down.
      }
      return
    }
    slot.job = null
    slot.worker.unref()
    // The next file goes to the worker before main takes up this one's result.
    pump()
    if (reply.type === 'done') job.resolve(reply.read)
    else job.reject(errorFromWire(reply.error, job.request.file))
  }

  /** Hands waiting jobs to free workers (starting one if the pool may), then watches. */
  const pump = () => {
    if (closed) return
    while (queue.length) {
      let slot = slots.find((s) => !s.job)
      if (!slot && slots.length < size) {
        try {
          slot = spawn()
        } catch {
          // No worker can be made (its script is missing): the file cannot be read.
          const job = queue.shift()!
          job.reject(damaged(job.request.file))
          continue
        }
      }
      if (!slot) break
      start(slot, queue.shift()!)
    }
    watch()
  }

  /** The cancel check while jobs wait or run; the idle stop once none do. */
  const watch = () => {
    const working = busy() || queue.length > 0
    if (working && !cancelTimer) {
      cancelTimer = setInterval(checkCancels, cancelCheckMs)
      cancelTimer.unref()
    } else if (!working && cancelTimer) {
      clearInterval(cancelTimer)
      cancelTimer = undefined
    }
    clearTimeout(idleTimer)
    idleTimer = undefined
    if (!working && slots.length) {
      idleTimer = setTimeout(() => {
        for (const slot of [...slots]) if (!slot.job) drop(slot)
      }, idleMs)
      idleTimer.unref()
    }
  }

  const checkCancels = () => {
    for (const job of [...queue])
      if (job.progress.cancelled?.()) {
        queue.splice(queue.indexOf(job), 1)
        job.reject(cancelledRead(job.request.file))
      }
    for (const slot of [...slots]) {
      const job = slot.job
      if (job?.progress.cancelled?.()) {
        drop(slot)
        job.reject(cancelledRead(job.request.file))
      }
    }
    pump()
  }

  return {
    readAhead: size,
    get workers() {
      return slots.length
    },
    parse(bytes, request, progress = {}) {
      if (closed || progress.cancelled?.()) return Promise.reject(cancelledRead(request.file))
      return new Promise<ReadFile>((resolve, reject) => {
        queue.push({ id: nextId++, bytes, request, progress, resolve, reject })
        pump()
      })
    },
    async close() {
      closed = true
      clearInterval(cancelTimer)
      clearTimeout(idleTimer)
      const jobs = [...queue.splice(0), ...slots.flatMap((s) => (s.job ? [s.job] : []))]
      const stopping = slots.splice(0).map((s) => s.worker.terminate().catch(() => undefined))
      for (const job of jobs) job.reject(cancelledRead(job.request.file))
      await Promise.all(stopping)
    },
  }
}
