// The analyst's settings (<data dir>/settings.json), written durably. A
// damaged settings file is moved aside and defaults apply: settings are
// never worth refusing to start over.
import { mkdir, rename } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { Low } from 'lowdb'
import { settingsSchema, DEFAULT_SETTINGS, type Settings } from '@shared/settings'
import { DurableJSONFile } from './durable-file'

export class SettingsStore {
  private db: Low<Settings> | null = null
  private readonly filePath: string

  constructor(dataDir: string) {
    this.filePath = join(dataDir, 'settings.json')
  }

  private async open(): Promise<Low<Settings>> {
    if (this.db) return this.db
    const db = new Low<Settings>(new DurableJSONFile<Settings>(this.filePath), DEFAULT_SETTINGS)
    try {
      await db.read()
      db.data = settingsSchema.parse(db.data)
    } catch {
      await rename(this.filePath, `${this.filePath}.corrupt-${Date.now()}.json`).catch(() => {})
      db.data = { ...DEFAULT_SETTINGS }
    }
    this.db = db
    return db
  }

  async get(): Promise<Settings> {
    return { ...(await this.open()).data }
  }

  async update(change: Partial<Settings>): Promise<Settings> {
    const db = await this.open()
    db.data = settingsSchema.parse({ ...db.data, ...change })
    // A first setting changed before any session was made: the data folder may not exist yet.
    await mkdir(dirname(this.filePath), { recursive: true })
    await db.write()
    return { ...db.data }
  }
}
