// Test support: every file of a folder (recursively) with its bytes, to
// check that opening a damaged or locked session wrote nothing.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'

/** Relative path → bytes, for every file under `dir`. */
export async function folderSnapshot(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>()
  const walk = async (sub: string) => {
    for (const e of await readdir(join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${e.name}` : e.name
      if (e.isDirectory()) await walk(rel)
      else out.set(rel, await readFile(join(dir, rel)))
    }
  }
  await walk('')
  return out
}

/** The snapshot as plain data, so that a difference shows by name in a failed expect. */
export function snapshotView(snapshot: Map<string, Buffer>): Record<string, string> {
  return Object.fromEntries(
    [...snapshot].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, v.toString('base64')]),
  )
}
