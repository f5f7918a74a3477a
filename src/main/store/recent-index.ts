// The list of recently used sessions (<data dir>/recent.json), through lowdb.
// Holds paths to session files, never session content. A corrupt index is
// moved aside, not overwritten, and the app starts with an empty list.
import { rename } from 'node:fs/promises'
import { join } from 'node:path'
import { Low } from 'lowdb'
import { z } from 'zod'
import type { RecentSession } from '@shared/api'
import { idSchema, isoTimeSchema } from '@shared/model/schema'
import { DurableJSONFile } from './durable-file'

const MAX_RECENT = 50

const recentSchema = z.object({
  version: z.literal(1),
  sessions: z.array(
    z.object({
      id: idSchema,
      title: z.string(),
      filePath: z.string().min(1),
      updatedAt: isoTimeSchema,
      passageCount: z.number().int().nonnegative(),
      articleCount: z.number().int().nonnegative().optional(),
    }),
  ),
})
type RecentFile = z.infer<typeof recentSchema>

export class RecentIndex {
  // One shared opening: concurrent first calls must not each read the file and
  // write it through their own lowdb instance (lost entries, clashing writes).
  private opening: Promise<Low<RecentFile>> | null = null
  private readonly filePath: string

  constructor(dataDir: string) {
    this.filePath = join(dataDir, 'recent.json')
  }

  private open(): Promise<Low<RecentFile>> {
    this.opening ??= this.load()
    return this.opening
  }

  private async load(): Promise<Low<RecentFile>> {
    const db = new Low<RecentFile>(new DurableJSONFile<RecentFile>(this.filePath), {
      version: 1,
      sessions: [],
    })
    // read() throws for a file that exists but is empty, not JSON or `null`, so
    // those are moved aside too; only a missing file starts empty in place.
    try {
      await db.read()
      db.data = recentSchema.parse(db.data)
    } catch {
      await rename(this.filePath, `${this.filePath}.corrupt-${Date.now()}.json`).catch(() => {})
      db.data = { version: 1, sessions: [] }
    }
    return db
  }

  async list(): Promise<RecentSession[]> {
    const db = await this.open()
    // By instant, not by string: times may carry different UTC offsets.
    return [...db.data.sessions].sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt))
  }

  async get(id: string): Promise<RecentSession | undefined> {
    return (await this.list()).find((s) => s.id === id)
  }

  /** Adds or refreshes an entry (matched by id and by path). */
  async touch(entry: RecentSession): Promise<void> {
    const db = await this.open()
    const rest = db.data.sessions.filter((s) => s.id !== entry.id && s.filePath !== entry.filePath)
    db.data = { version: 1, sessions: [entry, ...rest].slice(0, MAX_RECENT) }
    await db.write()
  }

  async remove(id: string): Promise<void> {
    const db = await this.open()
    db.data = { version: 1, sessions: db.data.sessions.filter((s) => s.id !== id) }
    await db.write()
  }
}
