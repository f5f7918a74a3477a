// The reads of a batch of files, a few ahead of the file being added: while
// main adds file i (duplicates, the chunk, its commit), files i+1… are
// read and parsed (in the import worker), so that parsing and committing
// overlap. Reads are started in the batch's order and taken in it; a read
// never rejects (its outcome is a value), and the progress it reports
// (pages of a PDF) waits until its file is the one being added.
// It must never: start a file twice, or leave a read running once the
// batch is over (those left are cancelled).
import type { ReadFile } from './parse-article'

/** Progress inside one file (pages of a PDF), and its cancel. */
export interface ReadProgress {
  onProgress: (done: number, total: number) => void
  cancelled: () => boolean
}

export type ReadOutcome = { ok: true; read: ReadFile } | { ok: false; error: unknown }

export interface FileRead {
  outcome: Promise<ReadOutcome>
  /** The latest progress inside the file. */
  part: { done: number; total: number } | null
  /** Told of progress from now on (the file's turn has come). */
  listen(listener: (part: { done: number; total: number }) => void): void
}

export class ReadAhead {
  private readonly reads = new Map<number, FileRead>()
  private over = false

  constructor(
    private readonly paths: readonly string[],
    private readonly read: (path: string, within: ReadProgress) => Promise<ReadFile>,
    private readonly cancelled: () => boolean,
    /** Files read ahead of the one taken. */
    private readonly depth: number,
  ) {}

  /** File i's read (started now if it was not), after starting up to `room` of the next ones. */
  take(i: number, room: number): FileRead {
    const taken = this.reads.get(i) ?? this.start(i)
    this.reads.delete(i)
    for (let j = i + 1; j <= i + Math.min(this.depth, room) && j < this.paths.length; j++)
      if (!this.reads.has(j)) this.reads.set(j, this.start(j))
    return taken
  }

  /** Forgets file i's read if it was started (the batch will not add it). */
  skip(i: number): void {
    this.reads.delete(i)
  }

  /** The batch is over: reads still running are cancelled. */
  stop(): void {
    this.over = true
    this.reads.clear()
  }

  private start(i: number): FileRead {
    let listener: ((part: { done: number; total: number }) => void) | null = null
    const file: FileRead = {
      part: null,
      listen: (l) => (listener = l),
      outcome: this.read(this.paths[i]!, {
        cancelled: () => this.over || this.cancelled(),
        onProgress: (done, total) => {
          file.part = { done, total }
          listener?.(file.part)
        },
      }).then(
        (read): ReadOutcome => ({ ok: true, read }),
        (error: unknown): ReadOutcome => ({ ok: false, error }),
      ),
    }
    return file
  }
}
