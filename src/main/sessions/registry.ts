// The sessions main holds open: one entry per session id, each with its
// durable file and its lock (or the reason it is read-only), plus the recent
// list and the "reopen on next start" setting they feed. Opening covers the
// cases a file on disk can be in: already open, damaged with a good `.bak`
// (recovery), an older format (migration, with a copy of the original kept),
// locked by another Gloss (read-only).
// It must never: write a session it holds read-only, write over a damaged
// file or a migrated original (both are kept under a name of their own), or
// import electron.
import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { fail, ok, type OpenedSession, type RecentSession, type Result } from '@shared/api'
import { DEFAULT_CODEBOOK } from '@shared/model/codebook'
import { SCHEMA_VERSION, type ArticleDocument, type Session } from '@shared/model/schema'
import { englishText, mainMessage, type MessageRef } from '@shared/main-messages'
import { MessageError } from '../errors'
import { RecentIndex } from '../store/recent-index'
import {
  loadSessionFile,
  SESSION_EXTENSION,
  SessionFile,
  StoreError,
  type LoadedSession,
} from '../store/session-file'
import { lockPathOf, lockReason, SessionLocks } from '../store/session-lock'
import type { SettingsStore } from '../store/settings'
import { keepCopy, slug, stamp } from './file-names'

export interface OpenEntry {
  session: Session
  file: SessionFile
  readOnlyReason: MessageRef | null
  notice: MessageRef | null
  release: () => Promise<void>
}

/** A session that failed to load but has a previous good version. */
export class RecoverableError extends MessageError {
  constructor(
    message: MessageRef,
    readonly backupToken: string,
  ) {
    super(message)
  }
}

export interface SessionRegistryDeps {
  /** Where new sessions and the recent list live. */
  dataDir: string
  /** Who new passages are attributed to. */
  author: string
  /** The current time, as an ISO string. */
  now: () => string
  settings: SettingsStore
}

export class SessionRegistry {
  private readonly open = new Map<string, OpenEntry>()
  private readonly locks = new SessionLocks()
  /** Recovery tokens handed to the renderer → the damaged session's path. */
  private readonly backups = new Map<string, string>()
  readonly recent: RecentIndex

  constructor(private readonly deps: SessionRegistryDeps) {
    this.recent = new RecentIndex(deps.dataDir)
  }

  /** The open session with this id, if any. */
  get(sessionId: string): OpenEntry | undefined {
    return this.open.get(sessionId)
  }

  /** Runs `f` on the open session, or fails with not-found. */
  async withOpen<T>(sessionId: string, f: (entry: OpenEntry) => Promise<Result<T>>) {
    const entry = this.open.get(sessionId)
    if (!entry) return fail('not-found', mainMessage('main.session.notOpen'))
    return f(entry)
  }

  /** Runs `f` on the open session if this Gloss may write it; else not-found or read-only. */
  withWritable<T>(sessionId: string, f: (entry: OpenEntry) => Promise<Result<T>>) {
    return this.withOpen(sessionId, (entry) =>
      entry.readOnlyReason ? Promise.resolve(fail('read-only', entry.readOnlyReason)) : f(entry),
    )
  }

  /** The reply of every "open": the session and how it was opened. */
  opened(entry: OpenEntry): OpenedSession {
    return {
      session: entry.session,
      filePath: entry.file.filePath,
      author: this.deps.author,
      readOnlyReason: entry.readOnlyReason && englishText(entry.readOnlyReason),
      readOnlyReasonRef: entry.readOnlyReason,
      notice: entry.notice && englishText(entry.notice),
      noticeRef: entry.notice,
    }
  }

  /** Puts the session first in the recent list. */
  touchRecent(entry: OpenEntry): Promise<void> {
    const recent: RecentSession = {
      id: entry.session.id,
      title: entry.session.document.title,
      filePath: entry.file.filePath,
      updatedAt: entry.session.updatedAt,
      passageCount: entry.session.passages.length,
    }
    return this.recent.touch(recent)
  }

  /** Creates a session on an article, in the sessions folder, and opens it. */
  async create(document: ArticleDocument): Promise<OpenedSession> {
    const time = this.deps.now()
    const id = randomUUID()
    const session: Session = {
      schemaVersion: SCHEMA_VERSION,
      id,
      createdAt: time,
      updatedAt: time,
      document,
      codebook: DEFAULT_CODEBOOK.map((t) => ({ ...t })),
      passages: [],
      ui: { scrollTop: 0 },
    }
    const sessionsDir = join(this.deps.dataDir, 'sessions')
    await mkdir(sessionsDir, { recursive: true })
    const filePath = join(
      sessionsDir,
      `${slug(document.title)}-${id.slice(0, 8)}${SESSION_EXTENSION}`,
    )
    const entry = await this.register(filePath, session, null)
    await entry.file.save(session)
    await this.touchRecent(entry)
    return this.opened(entry)
  }

  /**
   * Opens a session file. A damaged file with a `.bak` throws
   * RecoverableError (its token opens the backup); an older format is
   * migrated, after keeping a copy of the original.
   */
  async openFile(filePath: string): Promise<OpenedSession> {
    for (const entry of this.open.values())
      if (entry.file.filePath === filePath) {
        await this.touchRecent(entry)
        return this.opened(entry)
      }
    let loaded: LoadedSession
    try {
      loaded = await loadSessionFile(filePath)
    } catch (e) {
      if (
        e instanceof StoreError &&
        e.code === 'invalid-session' &&
        existsSync(`${filePath}.bak`)
      ) {
        const token = randomUUID()
        this.backups.set(token, filePath)
        throw new RecoverableError(
          mainMessage('main.load.recoverable', {
            reason: e.ref ?? e.message,
            backup: `${basename(filePath)}.bak`,
          }),
          token,
        )
      }
      throw e
    }
    const existing = this.open.get(loaded.session.id)
    // The same session under two paths (a copy): keep the one already open.
    if (existing) return this.opened(existing)
    const entry = await this.register(filePath, loaded.session, null, { onDisk: true })
    if (loaded.migratedFrom !== null) {
      const version = loaded.migratedFrom
      if (entry.readOnlyReason) {
        entry.notice = mainMessage('main.notice.migratedReadOnly', { version })
      } else {
        const kept = await keepCopy(filePath, `v${version}-backup`)
        await entry.file.save(entry.session)
        entry.notice = mainMessage('main.notice.migrated', { version, file: basename(kept) })
      }
    }
    await this.touchRecent(entry)
    return this.opened(entry)
  }

  /**
   * Recovers a damaged session from its `.bak`: the damaged file is moved
   * aside as `<name>.corrupt-<time>.json`, then the good version is written.
   */
  async openBackup(token: string): Promise<Result<OpenedSession>> {
    const filePath = this.backups.get(token)
    if (!filePath) return fail('not-found', mainMessage('main.recovery.gone'))
    const { session } = await loadSessionFile(`${filePath}.bak`)
    if (this.open.has(session.id))
      return fail('invalid-argument', mainMessage('main.session.alreadyOpen'))
    const entry = await this.register(filePath, session, null)
    if (entry.readOnlyReason) {
      this.open.delete(session.id)
      return fail('read-only', entry.readOnlyReason)
    }
    // Keep the damaged file as it is, under another name, then put the good version in place.
    const damaged = existsSync(filePath)
      ? await keepCopy(filePath, `corrupt-${stamp(this.deps.now())}`, { move: true })
      : null
    await entry.file.save(session)
    this.backups.delete(token)
    entry.notice = damaged
      ? mainMessage('main.notice.recoveredKept', { file: basename(damaged) })
      : mainMessage('main.notice.recovered')
    await this.touchRecent(entry)
    return ok(this.opened(entry))
  }

  /** Writes pending edits, releases the lock and forgets the session. */
  async close(sessionId: string): Promise<Result<null>> {
    return this.withOpen(sessionId, async (entry) => {
      await entry.file.flush()
      this.open.delete(sessionId)
      await entry.release()
      // Back on the start screen: nothing to reopen next time.
      const { settings } = this.deps
      if ((await settings.get()).openSessionId === sessionId)
        await settings.update({ openSessionId: null })
      return ok(null)
    })
  }

  /** Writes everything pending. */
  async flushAll(): Promise<void> {
    await Promise.all([...this.open.values()].map((e) => e.file.flush()))
  }

  /** Writes everything pending and releases every lock; called on quit. */
  async shutdown(): Promise<void> {
    await this.flushAll()
    await Promise.all([...this.open.values()].map((e) => e.release()))
    this.open.clear()
  }

  /** Registers a loaded session: takes its lock, or opens it read-only. */
  private async register(
    filePath: string,
    session: Session,
    notice: MessageRef | null,
    { onDisk = false } = {},
  ): Promise<OpenEntry> {
    const lock = await this.locks.acquire(filePath)
    const entry: OpenEntry = {
      session,
      file: new SessionFile(filePath, session, { onDisk }),
      readOnlyReason: lock.acquired ? null : lockReason(lock.owner, lockPathOf(filePath)),
      notice,
      release: lock.acquired ? () => lock.release() : async () => {},
    }
    this.open.set(session.id, entry)
    // Remembered so that Gloss can reopen it on the next start.
    await this.deps.settings.update({ openSessionId: session.id }).catch(() => undefined)
    return entry
  }
}
