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

/** Names Windows keeps for devices, whatever the extension. */
const DEVICE_NAME = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i

/**
 * A readable part of a file name that every system accepts (unlike slug,
 * it keeps case, spaces and punctuation): no path separators, no
 * characters Windows refuses, no control characters, no leading or
 * trailing dots and spaces, at most `maxBytes` bytes of UTF-8 (a name has
 * at most 255); `fallback` when nothing is left.
 */
export function fileNamePart(text: string, fallback: string, maxBytes = 80): string {
  let kept = ''
  for (const char of text.normalize('NFC').replace(/[<>:"/\\|?*\p{Cc}\p{Cf}]+/gu, ' ')) {
    if (Buffer.byteLength(kept + char) > maxBytes) break
    kept += char
  }
  const cleaned = kept.replace(/\s+/g, ' ').replace(/^[\s.]+|[\s.]+$/g, '')
  return cleaned === '' || DEVICE_NAME.test(cleaned) ? fallback : cleaned
}
