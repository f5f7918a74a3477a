// The one way Gloss writes a file: durably and atomically. writeFileDurably
// puts the whole new content in a temp file of its own beside the target,
// fsyncs it and renames it over the target, then fsyncs the folder so the
// rename itself survives a power cut. Sessions (through DurableJSONFile, a
// lowdb adapter that also keeps the version it replaces as `<name>.bak`) and
// exports both write through it.
// DurableJSONFile replaces lowdb's JSONFile (steno), which never fsyncs,
// shares one temp name between writers, and lets lowdb treat a file holding
// `null` as missing.
//
// It must never: leave the target half-written or missing once it existed,
// leave its own temp file behind after a failed write, reuse another writer's
// temp file, swallow an error (the errno `code` is passed on as it is), or
// report an existing file as missing (read() returns null ONLY for ENOENT).
import { randomBytes } from 'node:crypto'
import { constants } from 'node:fs'
import * as nodeFs from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { Adapter } from 'lowdb'

/** The part of a FileHandle the adapter uses. */
export interface DurableFileHandle {
  writeFile(data: FileContent, encoding: 'utf8'): Promise<void>
  sync(): Promise<void>
  close(): Promise<void>
}

/**
 * The file system calls the adapter makes, shaped like node:fs/promises (the
 * default). Tests replace some of them to inject errno faults at one step.
 */
export interface DurableFs {
  open(path: string, flags: string): Promise<DurableFileHandle>
  readFile(path: string, encoding: 'utf8'): Promise<string>
  rename(oldPath: string, newPath: string): Promise<void>
  link(existingPath: string, newPath: string): Promise<void>
  copyFile(src: string, dest: string, mode: number): Promise<void>
  unlink(path: string): Promise<void>
  stat(path: string): Promise<{ ino: number; size: number; mtimeMs: number }>
}

/**
 * What a durable write puts in the file: text, bytes, or text in chunks
 * (written as the iterable yields them, so a large export never exists as
 * one string).
 */
export type FileContent = string | Uint8Array | Iterable<string>

export interface DurableJSONFileOptions {
  fs?: Partial<DurableFs>
  /** JSON on one line (large files Gloss reads back, not people): indented by 2 otherwise. */
  compact?: boolean
}

/** Errno codes of link() that mean "no hard links here": copy instead. */
const LINK_UNSUPPORTED = new Set(['EPERM', 'ENOTSUP', 'EXDEV', 'EMLINK', 'EOPNOTSUPP'])
/** Errno codes of fsync on a folder from platforms that cannot do it (Windows). */
const DIR_SYNC_UNSUPPORTED = new Set(['EISDIR', 'EINVAL', 'EPERM'])

const errnoCode = (e: unknown): string | undefined => (e as NodeJS.ErrnoException | null)?.code

/** Path of a fresh temp file beside `filePath`: `.<name>.<pid>.<random>.tmp`. */
export function tempPathFor(filePath: string, tag = ''): string {
  // Long names are cut so the temp name stays within the 255-byte name limit.
  const name = basename(filePath).slice(0, 160)
  const random = randomBytes(6).toString('hex')
  return join(dirname(filePath), `.${name}${tag}.${process.pid}.${random}.tmp`)
}

/** True for the temp files DurableJSONFile makes for `filePath`. */
export function isTempFileOf(filePath: string, fileName: string): boolean {
  const prefix = `.${basename(filePath).slice(0, 160)}.`
  return fileName.startsWith(prefix) && /\.\d+\.[0-9a-f]{12}\.tmp$/.test(fileName)
}

export class DurableJSONFile<T> implements Adapter<T> {
  private readonly fs: DurableFs
  private readonly indent: number | undefined
  /** The last write asked for; each write starts after the one before it. */
  private queue: Promise<void> = Promise.resolve()
  /** The file as this instance last left it, to notice changes made by others. */
  private lastWritten: { ino: number; size: number; mtimeMs: number } | null = null
  /** Whether the last write kept the version it replaced as `.bak` (false: `.bak` is older, or absent). */
  backupKept = false

  constructor(
    readonly filePath: string,
    options: DurableJSONFileOptions = {},
  ) {
    this.fs = { ...(nodeFs as unknown as DurableFs), ...options.fs }
    this.indent = options.compact ? undefined : 2
  }

  /** Where the previous version is kept after each write. */
  get backupPath(): string {
    return `${this.filePath}.bak`
  }

  /**
   * The parsed content, or null when the file does not exist. A file that
   * exists but is empty, not JSON or JSON `null` throws: lowdb would otherwise
   * replace it with its defaults on the next write.
   */
  async read(): Promise<T | null> {
    let text: string
    try {
      text = await this.fs.readFile(this.filePath, 'utf8')
    } catch (e) {
      if (errnoCode(e) === 'ENOENT') return null
      throw e
    }
    text = text.replace(/^\uFEFF/, '')
    if (text.trim() === '') throw new Error(`${this.filePath} is empty (${text.length} bytes)`)
    let data: unknown
    try {
      data = JSON.parse(text)
    } catch (e) {
      throw new Error(`${this.filePath} is not valid JSON: ${(e as Error).message}`, { cause: e })
    }
    if (data === null) throw new Error(`${this.filePath} holds JSON null, not data`)
    return data as T
  }

  /**
   * Replaces the file with `data` as indented JSON. Resolves once the new
   * content and its name are on disk; on failure the target keeps its old
   * bytes, the temp file is removed and the error is rethrown unchanged.
   * Writes through one instance happen one at a time, in call order, so the
   * last call's data is what stays on disk (as with lowdb's own adapter).
   */
  write(data: T): Promise<void> {
    // Serialized now: later changes to `data` do not leak into this write.
    let json: string | undefined
    try {
      json = JSON.stringify(data, null, this.indent)
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)))
    }
    if (json === undefined || data === null)
      return Promise.reject(new Error(`Refusing to write ${String(data)} to ${this.filePath}`))
    const run = () => this.replace(`${json}\n`)
    const done = this.queue.then(run, run)
    this.queue = done.catch(() => {})
    return done
  }

  private async replace(text: string): Promise<void> {
    await replaceFile(this.fs, this.filePath, text, () => this.keepBackup())
    this.lastWritten = await this.identity()
  }

  private async identity() {
    try {
      const { ino, size, mtimeMs } = await this.fs.stat(this.filePath)
      return { ino, size, mtimeMs }
    } catch {
      return null
    }
  }

  /**
   * Keeps the current target as `<name>.bak`: a hard link (no copy, the old
   * bytes are never rewritten) made under a temp name and renamed into place,
   * so `.bak` is always a whole file. Does nothing before the first write,
   * nor when the file was changed by someone else since our last write.
   */
  private async keepBackup(): Promise<void> {
    this.backupKept = false
    // Something else changed the file since this instance wrote it (another
    // program, a sync tool): it may be damaged, so keep the older `.bak`.
    if (this.lastWritten) {
      const now = await this.identity()
      const w = this.lastWritten
      if (now && (now.ino !== w.ino || now.size !== w.size || now.mtimeMs !== w.mtimeMs)) return
    }
    const temp = tempPathFor(this.filePath, '.bak')
    try {
      try {
        await this.fs.link(this.filePath, temp)
      } catch (e) {
        const code = errnoCode(e)
        if (code === 'ENOENT') return
        if (!code || !LINK_UNSUPPORTED.has(code)) throw e
        try {
          await this.fs.copyFile(this.filePath, temp, constants.COPYFILE_EXCL)
        } catch (copyError) {
          if (errnoCode(copyError) === 'ENOENT') return
          throw copyError
        }
        const handle = await this.fs.open(temp, 'r+')
        try {
          await handle.sync()
        } finally {
          await handle.close()
        }
      }
      await this.fs.rename(temp, this.backupPath)
      this.backupKept = true
      // When `.bak` already is a link to the same file (a write that failed
      // after this step, or another writer), POSIX rename does nothing and
      // leaves the temp name in place: remove it. Normally it is gone already.
      await this.fs.unlink(temp).catch((e: unknown) => {
        if (errnoCode(e) !== 'ENOENT') throw e
      })
    } catch (e) {
      await this.fs.unlink(temp).catch(() => {})
      throw e
    }
  }
}

/**
 * Replaces `filePath` with `content`, durably: temp file (fsynced), rename,
 * folder fsync. Resolves once the new content and its name are on disk; on
 * failure the target keeps its old bytes (or stays absent), the temp file is
 * removed and the error is rethrown unchanged. Keeps no `.bak`: that is
 * DurableJSONFile's business for session files. `syncFolder: false` leaves
 * the folder fsync to the caller (syncFolder below), which writing many
 * files into one folder then does once.
 */
export function writeFileDurably(
  filePath: string,
  content: FileContent,
  options: { fs?: Partial<DurableFs>; syncFolder?: boolean } = {},
): Promise<void> {
  const fs = { ...(nodeFs as unknown as DurableFs), ...options.fs }
  return replaceFile(fs, filePath, content, async () => {}, options.syncFolder ?? true)
}

/** Makes the renames in `folder` durable (after writeFileDurably with `syncFolder: false`). */
export function syncFolder(folder: string, options: { fs?: Partial<DurableFs> } = {}) {
  return syncDir({ ...(nodeFs as unknown as DurableFs), ...options.fs }, folder)
}

/** The durable replace; `beforeRename` runs once the temp file is complete. */
async function replaceFile(
  fs: DurableFs,
  filePath: string,
  content: FileContent,
  beforeRename: () => Promise<void>,
  syncFolderAfter = true,
): Promise<void> {
  const temp = await writeTemp(fs, filePath, content)
  try {
    await beforeRename()
    await fs.rename(temp, filePath)
  } catch (e) {
    await fs.unlink(temp).catch(() => {})
    throw e
  }
  if (syncFolderAfter) await syncDir(fs, dirname(filePath))
}

/** Creates a fresh temp file beside `filePath` holding `content`, fsynced and closed. */
async function writeTemp(fs: DurableFs, filePath: string, content: FileContent): Promise<string> {
  let temp = tempPathFor(filePath)
  let handle: DurableFileHandle
  for (let attempt = 1; ; attempt++) {
    try {
      handle = await fs.open(temp, 'wx')
      break
    } catch (e) {
      // 'wx' never opens an existing file; a name clash just draws again.
      if (errnoCode(e) !== 'EEXIST' || attempt >= 3) throw e
      temp = tempPathFor(filePath)
    }
  }
  try {
    await handle.writeFile(content, 'utf8')
    await handle.sync()
  } catch (e) {
    await handle.close().catch(() => {})
    await fs.unlink(temp).catch(() => {})
    throw e
  }
  try {
    await handle.close()
  } catch (e) {
    await fs.unlink(temp).catch(() => {})
    throw e
  }
  return temp
}

/** Makes the renames in `folder` durable; a no-op where folders cannot be fsynced. */
async function syncDir(fs: DurableFs, folder: string): Promise<void> {
  let handle: DurableFileHandle
  try {
    handle = await fs.open(folder, 'r')
  } catch (e) {
    if (DIR_SYNC_UNSUPPORTED.has(errnoCode(e) ?? '')) return
    throw e
  }
  try {
    await handle.sync()
  } catch (e) {
    if (!DIR_SYNC_UNSUPPORTED.has(errnoCode(e) ?? '')) throw e
  } finally {
    await handle.close().catch(() => {})
  }
}

/**
 * Writes `filePath` durably as a NEW file, never over one that exists: it
 * then fails with EEXIST, having written nothing under that name. The
 * complete temp file is hard-linked to its name (link refuses an existing
 * name, even one made a moment ago by another program); on a disk without
 * hard links (FAT, exFAT, some shares) it is renamed after a check.
 */
export async function writeNewFileDurably(
  filePath: string,
  content: FileContent,
  options: { fs?: Partial<DurableFs> } = {},
): Promise<void> {
  const fs = { ...(nodeFs as unknown as DurableFs), ...options.fs }
  const temp = await writeTemp(fs, filePath, content)
  try {
    try {
      await fs.link(temp, filePath)
    } catch (e) {
      const code = errnoCode(e)
      if (!code || !LINK_UNSUPPORTED.has(code)) throw e
      if (
        await fs.stat(filePath).then(
          () => true,
          (statError: unknown) => errnoCode(statError) !== 'ENOENT',
        )
      )
        throw Object.assign(new Error(`EEXIST: file already exists, '${filePath}'`), {
          code: 'EEXIST',
        })
      await fs.rename(temp, filePath)
    }
  } finally {
    // After a link the temp name goes; after a rename it is gone already.
    await fs.unlink(temp).catch(() => {})
  }
  await syncDir(fs, dirname(filePath))
}
