// One session file on disk, read and validated with zod, written through
// lowdb by the main process only. A file that fails to read or validate is
// never written: the caller gets an error and the bytes stay as they were.
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { Low } from 'lowdb'
import { DurableJSONFile, type DurableFs } from './durable-file'
import {
  findSessionProblems,
  SCHEMA_VERSION,
  sessionSchema,
  type Session,
} from '../../shared/model/schema'
import { comparePassages } from '../../shared/model/edits'
import { sha256Hex } from './hash'
import { migrate, versionOf } from './migrations'

export class StoreError extends Error {
  constructor(
    readonly code: 'unreadable' | 'invalid-session' | 'newer-version' | 'write-failed',
    message: string,
  ) {
    super(message)
  }
}

export const SESSION_EXTENSION = '.gloss.json'

export { sha256Hex }

/** Reads and fully validates a session file; throws StoreError. */
export async function readSessionFile(filePath: string): Promise<Session> {
  return (await loadSessionFile(filePath)).session
}

export interface LoadedSession {
  session: Session
  /** The schema version the file had, when it was migrated on load. */
  migratedFrom: number | null
}

/**
 * Reads a session file, migrating an older schema in memory. Never writes:
 * keeping a backup and saving the migrated session is the caller's job.
 */
export async function loadSessionFile(filePath: string): Promise<LoadedSession> {
  // The full path: the analyst may have several sessions of the same name.
  const name = filePath
  let bytes: Buffer
  try {
    bytes = await readFile(filePath)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    const why = code === 'ENOENT' ? 'the file no longer exists' : (e as Error).message
    throw new StoreError('unreadable', `Cannot open ${name}: ${why}.`)
  }
  const invalid = (problem: string) =>
    new StoreError('invalid-session', `Cannot open ${name}: ${problem}.`)
  if (bytes.length === 0) throw invalid('the file is empty')
  if (bytes.every((b) => b === 0)) throw invalid('the file contains only zero bytes (NUL)')
  if (bytes.includes(0)) throw invalid('the file contains binary data, not JSON text')
  let json: unknown
  try {
    json = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''))
  } catch (e) {
    throw invalid(`it is not valid JSON, perhaps truncated (${(e as Error).message})`)
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw invalid(
      `it holds ${json === null ? 'null' : Array.isArray(json) ? 'a list' : typeof json}, not a Gloss session`,
    )
  const version = versionOf(json)
  if (version === null) throw invalid('it has no schema version, so it is not a Gloss session')
  if (version > SCHEMA_VERSION)
    throw new StoreError(
      'newer-version',
      `Cannot open ${name}: it was saved by a newer version of Gloss (session format ${version}; this version reads up to ${SCHEMA_VERSION}). Update Gloss to open it; the file was not changed.`,
    )
  let migratedFrom: number | null = null
  if (version < SCHEMA_VERSION) {
    try {
      json = migrate(json, version)
    } catch (e) {
      throw invalid(`it could not be upgraded from format ${version}: ${(e as Error).message}`)
    }
    migratedFrom = version
  }
  const parsed = sessionSchema.safeParse(json)
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    const where = first?.path.length ? ` at ${first.path.join('.')}` : ''
    throw invalid(
      `it does not have the shape of a Gloss session${where} (${first?.message ?? 'invalid'})`,
    )
  }
  const session = parsed.data
  if (sha256Hex(session.document.text) !== session.document.sha256)
    throw invalid('the article text does not match its checksum (sha256)')
  const problems = findSessionProblems(session)
  if (problems.length) throw invalid(problems.slice(0, 3).join('; '))
  // Edits keep passages in document order; a hand-edited file may not be.
  session.passages.sort(comparePassages)
  return { session, migratedFrom }
}

/**
 * A session file open for writing. Saves are coalesced: while one write runs,
 * later saves wait and the newest state is written once after it.
 */
export class SessionFile {
  private readonly db: Low<Session>
  private latest: Session | null = null
  private waiters: { resolve: () => void; reject: (e: Error) => void }[] = []
  /** True while drain() loops; drain picks up every save made meanwhile. */
  private draining = false
  private running: Promise<void> = Promise.resolve()
  /** Whether the file is known to exist: loaded from disk, or written once. */
  private onDisk: boolean
  private missingReported = false

  constructor(
    readonly filePath: string,
    initial: Session,
    /**
     * `fs`: tests inject file system faults here (default node:fs/promises).
     * `onDisk`: the session was loaded from this file, so it should exist.
     */
    options: { fs?: Partial<DurableFs>; onDisk?: boolean } = {},
  ) {
    this.db = new Low<Session>(new DurableJSONFile<Session>(filePath, options), initial)
    this.onDisk = options.onDisk ?? false
  }

  /** Resolves once `session` (or a newer state) is on disk. */
  save(session: Session): Promise<void> {
    this.latest = session
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }))
    if (!this.draining) {
      this.draining = true
      this.running = this.drain()
    }
    return done
  }

  /** Resolves when every save asked for so far has been attempted. */
  async flush(): Promise<void> {
    while (this.draining) await this.running
  }

  private async drain(): Promise<void> {
    while (this.latest) {
      const session = this.latest
      const waiters = this.waiters
      this.latest = null
      this.waiters = []
      try {
        // The file vanished under us (moved or deleted in a file manager):
        // say so once, then write it again where it was on the next try.
        if (this.onDisk && !this.missingReported && !existsSync(this.filePath)) {
          this.missingReported = true
          throw new StoreError(
            'write-failed',
            'the session file was moved or deleted; Gloss will write it again where it was',
          )
        }
        this.db.data = session
        await this.db.write()
        this.onDisk = true
        this.missingReported = false
        for (const w of waiters) w.resolve()
      } catch (e) {
        const err =
          e instanceof StoreError ? e : new StoreError('write-failed', describeWriteError(e))
        for (const w of waiters) w.reject(err)
      }
    }
    // In the same step as the loop's last check: a later save starts a new drain.
    this.draining = false
  }
}

/** Why a write failed, in words an analyst can act on (shown as "Not saved: <reason>"). */
export function describeWriteError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | null)?.code
  switch (code) {
    case 'ENOSPC':
      return 'the disk is full'
    case 'EDQUOT':
      return 'the disk quota is exceeded'
    case 'EIO':
      return 'the disk reported an input/output error'
    case 'EROFS':
      return 'the folder is read-only'
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    case 'ENOENT':
      return 'the folder no longer exists'
    default:
      return e instanceof Error ? e.message : String(e)
  }
}
