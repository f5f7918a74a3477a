// File names main gives session files and the copies it keeps beside them
// (migration backups, damaged files set aside during recovery). Must never
// overwrite an existing file: a kept copy always gets a name of its own.
import { constants, existsSync } from 'node:fs'
import { copyFile, rename } from 'node:fs/promises'

/** A file-name-safe form of a title (keeps accented letters). */
export function slug(title: string): string {
  const s = title
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .toLowerCase()
  return s || 'session'
}

/** A file-name-safe form of an ISO time. */
export const stamp = (iso: string) => iso.replace(/[:.]/g, '-')

/**
 * Keeps a copy of a session file beside it as `<name>.<label>.json` (moved
 * rather than copied with `move`), never overwriting an existing file.
 */
export async function keepCopy(
  filePath: string,
  label: string,
  { move = false } = {},
): Promise<string> {
  const base = filePath.replace(/\.gloss\.json$|\.json$/i, '')
  for (let n = 0; ; n++) {
    const target = `${base}.${label}${n ? `-${n}` : ''}.json`
    if (existsSync(target)) continue
    if (move) await rename(filePath, target)
    else await copyFile(filePath, target, constants.COPYFILE_EXCL)
    return target
  }
}
