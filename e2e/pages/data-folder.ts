// The analyst's data folder as the specs read it back: the session files
// Gloss wrote under sessions/.
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Session } from '@shared/model/schema'

/** Paths of the session files in the data folder. */
export async function sessionFiles(dataDir: string): Promise<string[]> {
  const dir = join(dataDir, 'sessions')
  return (await readdir(dir)).filter((n) => n.endsWith('.gloss.json')).map((n) => join(dir, n))
}

/** The path of the session file (the first, in a folder the spec filled with one). */
export async function sessionFile(dataDir: string): Promise<string> {
  const [file] = await sessionFiles(dataDir)
  if (!file) throw new Error(`no session file in ${join(dataDir, 'sessions')}`)
  return file
}

/** The session, as saved on disk. */
export async function savedSession(dataDir: string): Promise<Session> {
  return JSON.parse(await readFile(await sessionFile(dataDir), 'utf8')) as Session
}

/** The lock another Gloss writes next to a session it has open: here, on another machine. */
export async function lockFromAnotherMachine(file: string): Promise<void> {
  await writeFile(
    `${file}.lock`,
    JSON.stringify({
      app: 'gloss',
      host: 'laptop-of-alex',
      pid: 4242,
      instance: 'x',
      since: '2026-11-27T09:30:00.000Z',
    }),
  )
}
