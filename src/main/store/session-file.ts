// One session file on disk, read and validated with zod, written through
// lowdb by the main process only. A file that fails to read or validate is
// never written: the caller gets an error and the bytes stay as they were.
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { Low } from 'lowdb'
import { JSONFile } from 'lowdb/node'
import { findSessionProblems, sessionSchema, type Session } from '../../shared/model/schema'

export class StoreError extends Error {
  constructor(
    readonly code: 'unreadable' | 'invalid-session' | 'write-failed',
    message: string,
  ) {
    super(message)
  }
}

export const SESSION_EXTENSION = '.gloss.json'

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

/** Reads and fully validates a session file; throws StoreError. */
export async function readSessionFile(filePath: string): Promise<Session> {
  let raw: string
  try {
    raw = await readFile(filePath, 'utf8')
  } catch (e) {
    throw new StoreError('unreadable', `Cannot read ${filePath}: ${(e as Error).message}`)
  }
  let json: unknown
  try {
    json = JSON.parse(raw.replace(/^\uFEFF/, ''))
  } catch (e) {
    throw new StoreError(
      'invalid-session',
      `${filePath} is not valid JSON: ${(e as Error).message}`,
    )
  }
  const parsed = sessionSchema.safeParse(json)
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    const where = first?.path.length ? ` at ${first.path.join('.')}` : ''
    throw new StoreError(
      'invalid-session',
      `${filePath} is not a Gloss session${where}: ${first?.message ?? 'invalid'}`,
    )
  }
  const session = parsed.data
  if (sha256Hex(session.document.text) !== session.document.sha256)
    throw new StoreError(
      'invalid-session',
      `${filePath}: the article text does not match its sha256`,
    )
  const problems = findSessionProblems(session)
  if (problems.length)
    throw new StoreError('invalid-session', `${filePath}: ${problems.slice(0, 3).join('; ')}`)
  return session
}

/**
 * A session file open for writing. Saves are coalesced: while one write runs,
 * later saves wait and the newest state is written once after it.
 */
export class SessionFile {
  private readonly db: Low<Session>
  private latest: Session | null = null
  private waiters: { resolve: () => void; reject: (e: Error) => void }[] = []
  private running: Promise<void> | null = null

  constructor(
    readonly filePath: string,
    initial: Session,
  ) {
    this.db = new Low<Session>(new JSONFile<Session>(filePath), initial)
  }

  /** Resolves once `session` (or a newer state) is on disk. */
  save(session: Session): Promise<void> {
    this.latest = session
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }))
    this.running ??= this.drain()
    return done
  }

  /** Resolves when every save asked for so far has been attempted. */
  async flush(): Promise<void> {
    while (this.running) await this.running.catch(() => undefined)
  }

  private async drain(): Promise<void> {
    while (this.latest) {
      const session = this.latest
      const waiters = this.waiters
      this.latest = null
      this.waiters = []
      try {
        this.db.data = session
        await this.db.write()
        for (const w of waiters) w.resolve()
      } catch (e) {
        const err = new StoreError('write-failed', describeWriteError(e))
        for (const w of waiters) w.reject(err)
      }
    }
    this.running = null
  }
}

function describeWriteError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code
  switch (code) {
    case 'ENOSPC':
      return 'the disk is full'
    case 'EROFS':
      return 'the folder is read-only'
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    case 'ENOENT':
      return 'the folder no longer exists'
    default:
      return (e as Error).message ?? String(e)
  }
}
