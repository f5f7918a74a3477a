// The copies of original files a session keeps ("Keep a copy of the
// original file", off by default): `originals/<sha256>.<ext>` in the
// session folder, named by the sha256 of their bytes, so that the same file
// kept twice (or a table whose rows are many articles) is one file, and a
// kept file is never overwritten with other bytes.
//
// Crash safety: an original is written durably BEFORE the index commit that
// names it; a crash between the two leaves a file no index names, which the
// next open removes (with the other unnamed files, see corpus-folder.ts).
// Originals of removed articles stay while the session is open (undo may
// restore the article) and go at a later open, once no index names them.
//
// It must never: overwrite a kept original, use a name it did not make as a
// path, or import electron.
import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises'
import { extname, join } from 'node:path'
import { ORIGINAL_FILE } from '@shared/model/corpus'
import { writeFileDurably, type DurableFs } from './durable-file'

export const ORIGINALS_DIR = 'originals'

/** The name an original gets in the session folder: its bytes' sha256 and its extension. */
export function originalNameOf(bytes: Uint8Array, fileName: string): string {
  const hash = createHash('sha256').update(bytes).digest('hex')
  const ext = extname(fileName).slice(1).toLowerCase()
  const suffix = /^[a-z0-9]{1,10}$/.test(ext) ? `.${ext}` : ''
  return `${ORIGINALS_DIR}/${hash}${suffix}`
}

/**
 * Writes `bytes` as the original `name` (from originalNameOf) of the session
 * in `dir`, durably. A file already kept under that name is left as it is
 * (the name is its content).
 */
export async function keepOriginal(
  dir: string,
  name: string,
  bytes: Uint8Array,
  options: { fs?: Partial<DurableFs> } = {},
): Promise<void> {
  if (!ORIGINAL_FILE.test(name)) throw new Error(`not an original's name: ${name}`)
  const path = join(dir, name)
  const existing = await stat(path).catch(() => null)
  if (existing?.isFile() && existing.size === bytes.byteLength) return
  await mkdir(join(dir, ORIGINALS_DIR), { recursive: true })
  await writeFileDurably(path, bytes, options)
}

/** The bytes of a kept original; null when the name is not one Gloss makes or the file is gone. */
export async function readOriginal(dir: string, name: string): Promise<Buffer | null> {
  if (!ORIGINAL_FILE.test(name)) return null
  return readFile(join(dir, name)).catch(() => null)
}

/**
 * Removes the originals (and temp files of interrupted writes) that `named`
 * does not list. Call it on open, holding the folder's lock, with the
 * originals the index and its `.bak` name. Returns how many files went.
 */
export async function removeUnnamedOriginals(
  dir: string,
  named: ReadonlySet<string>,
): Promise<number> {
  let names: string[]
  try {
    names = await readdir(join(dir, ORIGINALS_DIR))
  } catch {
    return 0
  }
  let removed = 0
  for (const file of names) {
    const kept = ORIGINAL_FILE.test(`${ORIGINALS_DIR}/${file}`)
    // Besides originals, only writeFileDurably's temp files are Gloss's here.
    const temp = /^\..+\.\d+\.[0-9a-f]{12}\.tmp$/.test(file)
    if (kept ? named.has(`${ORIGINALS_DIR}/${file}`) : !temp) continue
    await unlink(join(dir, ORIGINALS_DIR, file)).then(
      () => removed++,
      () => {},
    )
  }
  return removed
}
