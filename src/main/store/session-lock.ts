// One writer per session file, across processes and machines: a lock file
// `<session>.lock` beside the session, created exclusively. A session whose
// lock is held by someone else opens read-only. A lock left by a crashed
// Gloss on this machine (its process is gone) is taken over.
import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import { open, readFile, rm } from 'node:fs/promises'
import { unlinkSync } from 'node:fs'
import { englishText, mainMessage, type MessageRef } from '@shared/main-messages'

export interface LockOwner {
  app: 'gloss'
  host: string
  pid: number
  /** Distinguishes two Gloss instances in one process (tests). */
  instance: string
  since: string
}

export type LockResult =
  { acquired: true; release(): Promise<void> } | { acquired: false; owner: LockOwner | null }

export const lockPathOf = (sessionPath: string) => `${sessionPath}.lock`

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function parseOwner(raw: string): LockOwner | null {
  try {
    const o = JSON.parse(raw) as Partial<LockOwner>
    if (o.app === 'gloss' && typeof o.host === 'string' && typeof o.pid === 'number')
      return {
        app: 'gloss',
        host: o.host,
        pid: o.pid,
        instance: String(o.instance ?? ''),
        since: String(o.since ?? ''),
      }
  } catch {
    // An unreadable lock is still a lock: someone created it.
  }
  return null
}

// Locks held by this process, removed on a normal exit. A crash leaves them,
// and the next Gloss on this machine recognises them as stale.
const heldByProcess = new Set<string>()
let exitHook = false
function ensureExitHook() {
  if (exitHook) return
  exitHook = true
  process.once('exit', () => {
    for (const path of heldByProcess) {
      try {
        unlinkSync(path)
      } catch {
        // already gone
      }
    }
  })
}

export class SessionLocks {
  readonly instance = randomUUID()
  private held = new Set<string>()

  constructor(private readonly host = hostname()) {
    ensureExitHook()
  }

  async acquire(sessionPath: string): Promise<LockResult> {
    const path = lockPathOf(sessionPath)
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const handle = await open(path, 'wx')
        const owner: LockOwner = {
          app: 'gloss',
          host: this.host,
          pid: process.pid,
          instance: this.instance,
          since: new Date().toISOString(),
        }
        await handle.writeFile(JSON.stringify(owner))
        await handle.sync()
        await handle.close()
        this.held.add(path)
        heldByProcess.add(path)
        return { acquired: true, release: () => this.release(path) }
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code
        // A folder where no lock can be created (read-only media): open read-only too.
        if (code !== 'EEXIST') return { acquired: false, owner: null }
      }
      const owner = parseOwner(await readFile(path, 'utf8').catch(() => ''))
      const stale = owner && owner.host === this.host && !isAlive(owner.pid)
      if (!stale) return { acquired: false, owner }
      await rm(path, { force: true })
    }
    return { acquired: false, owner: null }
  }

  private async release(path: string): Promise<void> {
    if (!this.held.delete(path)) return
    heldByProcess.delete(path)
    await rm(path, { force: true })
  }
}

/** Why a locked session opens read-only, as a message for the renderer. */
export function lockReason(owner: LockOwner | null, lockPath: string): MessageRef {
  const lock = lockPath
  if (!owner) return mainMessage('main.lock.unlockable', { lock })
  const { host } = owner
  // A time the renderer formats for its locale; a lock without one says nothing of it.
  const since = owner.since && !Number.isNaN(Date.parse(owner.since)) ? { date: owner.since } : null
  if (host && since) return mainMessage('main.lock.heldOnSince', { host, since, lock })
  if (host) return mainMessage('main.lock.heldOn', { host, lock })
  if (since) return mainMessage('main.lock.heldSince', { since, lock })
  return mainMessage('main.lock.held', { lock })
}

/** Why a locked session opens read-only, in English. */
export function describeLock(owner: LockOwner | null, lockPath: string): string {
  return englishText(lockReason(owner, lockPath))
}
