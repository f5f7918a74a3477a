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
} from '@shared/model/schema'
import { comparePassages } from '@shared/model/edits'
import { sha256Hex } from './hash'
import { migrate, MigrationError, versionOf } from './migrations'
import { mainMessage, type MessageRef } from '@shared/main-messages'
import { MessageError, readFailureReason, reasonText, writeFailureReason } from '../errors'

export class StoreError extends MessageError {
  constructor(
    readonly code: 'unreadable' | 'invalid-session' | 'newer-version' | 'write-failed',
    message: string | MessageRef,
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
  const file = filePath
  let bytes: Buffer
  try {
    bytes = await readFile(filePath)
  } catch (e) {
    throw new StoreError(
      'unreadable',
      mainMessage('main.load.cannotOpen', { file, problem: readFailureReason(e) }),
    )
  }
  let json: unknown = parseJsonBytes(bytes, file)
  const invalid = (problem: MessageRef) =>
    new StoreError('invalid-session', mainMessage('main.load.cannotOpen', { file, problem }))
  const version = versionOf(json)
  if (version === null) throw invalid(mainMessage('main.load.noVersion'))
  if (version > SCHEMA_VERSION)
    throw new StoreError(
      'newer-version',
      mainMessage('main.load.newer', { file, version, supported: SCHEMA_VERSION }),
    )
  let migratedFrom: number | null = null
  if (version < SCHEMA_VERSION) {
    try {
      json = migrate(json, version)
    } catch (e) {
      const detail = e instanceof MigrationError ? (e.ref ?? e.message) : (e as Error).message
      throw invalid(mainMessage('main.load.notUpgraded', { version, detail }))
    }
    migratedFrom = version
  }
  const parsed = sessionSchema.safeParse(json)
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    const detail = first?.message ?? 'invalid'
    throw invalid(
      first?.path.length
        ? mainMessage('main.load.shapeAt', { path: first.path.join('.'), detail })
        : mainMessage('main.load.shape', { detail }),
    )
  }
  const session = parsed.data
  if (sha256Hex(session.document.text) !== session.document.sha256)
    throw invalid(mainMessage('main.load.checksum'))
  const problems = findSessionProblems(session)
  // The problems themselves are technical details, left in English.
  if (problems.length)
    throw invalid(
      mainMessage('main.load.inconsistent', { detail: problems.slice(0, 3).join('; ') }),
    )
  // Edits keep passages in document order; a hand-edited file may not be.
  session.passages.sort(comparePassages)
  return { session, migratedFrom }
}

/**
 * The JSON object in a session or article file's bytes; throws StoreError
 * ('invalid-session') naming the file and what is wrong (empty, zeros,
 * binary, not JSON, not an object).
 */
export function parseJsonBytes(bytes: Buffer, file: string): object {
  const invalid = (problem: MessageRef) =>
    new StoreError('invalid-session', mainMessage('main.load.cannotOpen', { file, problem }))
  if (bytes.length === 0) throw invalid(mainMessage('main.load.empty'))
  if (bytes.every((b) => b === 0)) throw invalid(mainMessage('main.load.zeros'))
  if (bytes.includes(0)) throw invalid(mainMessage('main.load.binary'))
  let json: unknown
  try {
    json = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''))
  } catch (e) {
    throw invalid(mainMessage('main.load.notJson', { detail: (e as Error).message }))
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw invalid(
      mainMessage(
        json === null
          ? 'main.load.holdsNull'
          : Array.isArray(json)
            ? 'main.load.holdsList'
            : typeof json === 'string'
              ? 'main.load.holdsString'
              : typeof json === 'number'
                ? 'main.load.holdsNumber'
                : 'main.load.holdsBoolean',
      ),
    )
  return json
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
          throw new StoreError('write-failed', mainMessage('main.save.fileMoved'))
        }
        this.db.data = session
        await this.db.write()
        this.onDisk = true
        this.missingReported = false
        for (const w of waiters) w.resolve()
      } catch (e) {
        const err =
          e instanceof StoreError ? e : new StoreError('write-failed', writeFailureReason(e))
        for (const w of waiters) w.reject(err)
      }
    }
    // In the same step as the loop's last check: a later save starts a new drain.
    this.draining = false
  }
}

/** Why a write failed, in English words an analyst can act on (shown as "Not saved: <reason>"). */
export function describeWriteError(e: unknown): string {
  return reasonText(writeFailureReason(e))
}
