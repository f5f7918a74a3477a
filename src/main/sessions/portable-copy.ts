// A session as ONE file, to mail or carry: "Save a copy as one file…" zips
// the session folder's files (session.json and articles/<id>.1.json, from
// the state main holds, so the copy is one consistent state), and opening
// such a copy unpacks it into a new folder under `<data folder>/sessions/`
// and opens that. The copy is `<title>.gloss.zip`: a plain zip (any system
// can list or unpack it), named so that it reads as Gloss's.
//
// Unpacking trusts nothing (store/zip-reader.ts checks the zip itself):
// only `session.json`, `articles/<id>.<generation>.json` and the kept
// originals the index names (`originals/<sha256>.<ext>`, each checked
// against its name) are written (in
// an optional `<name>.gloss/` top folder, as a zipped folder has; the index's
// `.bak`, a lock and system clutter are skipped), into a hidden staging
// folder that is validated exactly as an opened folder is (every article
// readable) before it is renamed into place, never over an existing folder.
// A copy of a session that is already here (open, in the recent list, or in
// the sessions folder) becomes a separate session with a new id, and the
// analyst is told: opening the older one instead would hide what the copy
// holds, and two folders with one id would be confused for each other.
// It must never: write outside the sessions folder, write a name it did not
// build itself, or leave a half-unpacked folder where a session could be.
import { randomBytes, randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { mainMessage, type MessageRef } from '@shared/main-messages'
import {
  ARTICLES_DIR,
  FOLDER_EXTENSION,
  INDEX_FILE,
  loadCorpusFolder,
  readCorpusIndex,
} from '../store/corpus-folder'
import { syncFolder, writeFileDurably } from '../store/durable-file'
import { keepOriginal, originalNameOf, readOriginal } from '../store/originals'
import { eachAtMost } from '../store/each-at-most'
import { StoreError } from '../store/session-file'
import {
  CopyProblem,
  indexJsonOf,
  innerProblem,
  readSessionZip,
  unpackSessionFile,
  type SessionZip,
} from '../store/session-zip'
import { packSessionFiles } from './copy-writer'
import { slug } from './file-names'
import type { OpenedSession } from '@shared/api'
import type { CorpusIndex } from '@shared/model/corpus'
import type { OpenEntry, SessionRegistry } from './registry'

export const COPY_EXTENSION = '.gloss.zip'

export { COPY_LIMITS, MAX_COPY_BYTES } from '../store/session-zip'

/** True when the file starts as a zip does (a copy, whatever its name). */
export async function looksLikeZip(path: string): Promise<boolean> {
  let handle
  try {
    handle = await open(path, 'r')
    const head = Buffer.alloc(4)
    await handle.read(head, 0, 4, 0)
    return head.readUInt32LE(0) === 0x04034b50 || head.readUInt32LE(0) === 0x06054b50
  } catch {
    return false
  } finally {
    await handle?.close()
  }
}

/** The bytes of a one-file copy of an open session (the copy writer packs them). */
export async function packSessionCopy(entry: OpenEntry): Promise<Buffer> {
  const broken = entry.problems[0]
  if (broken)
    throw new StoreError(
      'unreadable',
      mainMessage('main.copy.cannotSave', {
        problem: mainMessage('main.copy.brokenArticle', { title: broken.title }),
      }),
    )
  return packSessionFiles(withOriginals(entry))
}

/**
 * The session folder's files for a copy: the index and article files, then
 * the copies of original files the index names (one that is gone is left
 * out: the copy then opens without it, as the folder would).
 */
async function* withOriginals(entry: OpenEntry): AsyncGenerator<[string, string | Uint8Array]> {
  yield* entry.folder.copyFiles(entry.state)
  const names = new Set(entry.state.meta.articles.flatMap((a) => a.source?.original ?? []))
  for (const name of names) {
    const bytes = await readOriginal(entry.folder.dir, name)
    if (bytes) yield [name, bytes]
  }
}

/**
 * Opens what the analyst chose in "Open session…": a one-file copy (a zip,
 * whatever its name), unpacked first; else a folder, its session.json, or
 * an older one-file session.
 */
export async function openChosenSession(
  registry: SessionRegistry,
  path: string,
): Promise<OpenedSession> {
  if (!(await looksLikeZip(path))) return registry.openPath(path)
  const sessionsDir = registry.sessionsDir
  const { dir, notice } = await unpackSessionCopy(path, {
    sessionsDir,
    existing: (id) => existingSessionFolder(registry, sessionsDir, id),
  })
  return registry.openPath(dir, notice)
}

/** The folder of a session with this id that is open, in the recent list, or in the sessions folder. */
async function existingSessionFolder(
  registry: SessionRegistry,
  sessionsDir: string,
  id: string,
): Promise<string | null> {
  const open = registry.get(id)
  if (open) return open.folder.dir
  const recent = await registry.recent.get(id)
  if (recent && existsSync(recent.filePath)) return recent.filePath
  for (const name of await readdir(sessionsDir).catch(() => [])) {
    if (!name.endsWith(FOLDER_EXTENSION)) continue
    const dir = join(sessionsDir, name)
    const index = await readFile(join(dir, INDEX_FILE), 'utf8').then(parseOrNull, () => null)
    if (index?.id === id) return dir
  }
  return null
}

/** What opening a copy needs to know about the sessions already here. */
export interface CopyTarget {
  /** `<data folder>/sessions`. */
  sessionsDir: string
  /** The folder of a session with this id that is already here, or null. */
  existing: (sessionId: string) => Promise<string | null>
}

const cannotOpen = (file: string, problem: MessageRef | string) =>
  new StoreError(
    'invalid-session',
    mainMessage('main.copy.cannotOpen', { file: basename(file), problem }),
  )

/**
 * Unpacks a one-file copy into a new session folder; returns the folder
 * and what to tell the analyst. Throws StoreError naming the copy.
 */
export async function unpackSessionCopy(
  copyPath: string,
  target: CopyTarget,
): Promise<{ dir: string; notice: MessageRef }> {
  let zip: SessionZip
  try {
    zip = await readSessionZip(copyPath)
  } catch (e) {
    if (e instanceof CopyProblem) throw cannotOpen(copyPath, e.problem)
    throw e
  }

  await mkdir(target.sessionsDir, { recursive: true })
  await removeStaleStaging(target.sessionsDir)
  const staging = join(
    target.sessionsDir,
    `.unpacking-${process.pid}-${randomBytes(6).toString('hex')}`,
  )
  try {
    const unpacked = await unpackInto(zip, staging, copyPath, target)
    const dir = await moveIntoPlace(staging, target.sessionsDir, copyName(copyPath))
    const folder = basename(dir)
    const file = basename(copyPath)
    return {
      dir,
      notice: unpacked.existing
        ? mainMessage('main.notice.copyOfExisting', { file, existing: unpacked.existing, folder })
        : mainMessage('main.notice.copyOpened', { file, folder }),
    }
  } finally {
    await rm(staging, { recursive: true, force: true })
  }
}

/**
 * Writes the index and the article files it names into `staging`, with a
 * new session id when the session is already here, and validates the
 * folder as opening it would. Throws StoreError naming the copy.
 */
async function unpackInto(
  zip: SessionZip,
  staging: string,
  copyPath: string,
  target: CopyTarget,
): Promise<{ existing: string | null }> {
  const unpack = (name: string) => {
    try {
      return unpackSessionFile(zip, name)
    } catch (e) {
      if (e instanceof CopyProblem) throw cannotOpen(copyPath, e.problem)
      throw e
    }
  }
  await mkdir(join(staging, ARTICLES_DIR), { recursive: true })
  const indexBytes = unpack(INDEX_FILE)
  let indexJson: Record<string, unknown>
  try {
    indexJson = indexJsonOf(zip)
  } catch (e) {
    if (e instanceof CopyProblem) throw cannotOpen(copyPath, e.problem)
    throw e
  }
  const oldId = typeof indexJson.id === 'string' ? indexJson.id : ''
  const existing = oldId ? await target.existing(oldId) : null
  const newId = existing ? randomUUID() : null
  await writeFileDurably(
    join(staging, INDEX_FILE),
    newId ? JSON.stringify({ ...indexJson, id: newId }) : indexBytes,
  )
  // Validated as on open; the problem is reported against the copy.
  let index
  try {
    index = await readCorpusIndex(staging)
  } catch (e) {
    throw cannotOpen(copyPath, innerProblem(e))
  }
  const named = index.articles.filter((a) => zip.files.has(a.file))
  await eachAtMost(8, named, async (a) => {
    const bytes = unpack(a.file)
    let content: Buffer | string = bytes
    if (newId) {
      // The article files say which session they belong to.
      const json = parseOrNull(bytes)
      if (json?.sessionId === oldId) content = JSON.stringify({ ...json, sessionId: newId })
    }
    await writeFileDurably(join(staging, a.file), content, { syncFolder: false })
    await nextTurn()
  })
  await syncFolder(join(staging, ARTICLES_DIR))
  await unpackOriginals(zip, index, staging, unpack)
  const loaded = await loadCorpusFolder(staging)
  const broken = loaded.problems[0]
  if (broken)
    throw cannotOpen(
      copyPath,
      mainMessage('main.copy.articleBroken', {
        title: broken.title,
        file: broken.file.slice(staging.length + 1),
        problem: broken.problem,
      }),
    )
  return { existing }
}

/**
 * Writes the copies of original files that the index names and the copy
 * holds, each checked against its name (the sha256 of its bytes): one that
 * does not match was changed since, and is left out rather than trusted.
 */
async function unpackOriginals(
  zip: SessionZip,
  index: CorpusIndex,
  staging: string,
  unpack: (name: string) => Buffer,
): Promise<void> {
  const names = new Set(index.articles.flatMap((a) => a.source?.original ?? []))
  for (const name of names) {
    if (!zip.files.has(name)) continue
    const bytes = unpack(name)
    if (originalNameOf(bytes, name) !== name) continue
    await keepOriginal(staging, name, bytes)
    await nextTurn()
  }
}

/** An article file's JSON object, or null (validation then says what is wrong). */
function parseOrNull(bytes: Buffer | string): Record<string, unknown> | null {
  try {
    const json: unknown = JSON.parse(typeof bytes === 'string' ? bytes : bytes.toString('utf8'))
    return typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : null
  } catch {
    return null
  }
}

/** The folder name a copy unpacks to: its file name, without `.gloss.zip`. */
function copyName(copyPath: string): string {
  return slug(basename(copyPath).replace(/(\.gloss)?\.zip$/i, ''))
}

/** Renames the staged folder to `<name>.gloss` (or `<name>-2.gloss`…), never over a folder. */
async function moveIntoPlace(staging: string, sessionsDir: string, name: string): Promise<string> {
  for (let n = 1; ; n++) {
    const dir = join(sessionsDir, `${name}${n > 1 ? `-${n}` : ''}${FOLDER_EXTENSION}`)
    if (existsSync(dir)) continue
    try {
      await rename(staging, dir)
      await syncFolder(sessionsDir)
      return dir
    } catch (e) {
      // Made meanwhile by someone else: the next name.
      const code = (e as NodeJS.ErrnoException).code
      if (code !== 'EEXIST' && code !== 'ENOTEMPTY') throw e
    }
  }
}

/** Staging folders a crash left behind (older than an hour) go. */
async function removeStaleStaging(sessionsDir: string): Promise<void> {
  const hourAgo = Date.now() - 3_600_000
  for (const name of await readdir(sessionsDir).catch(() => [])) {
    if (!name.startsWith('.unpacking-')) continue
    const path = join(sessionsDir, name)
    const info = await stat(path).catch(() => null)
    if (info && info.mtimeMs < hourAgo) await rm(path, { recursive: true, force: true })
  }
}
