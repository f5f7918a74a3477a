import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { RecentSession } from '@shared/api'
import { RecentIndex } from './recent-index'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-recent-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

function entry(id: string, updatedAt: string, extra: Partial<RecentSession> = {}): RecentSession {
  return {
    id,
    title: `Article ${id}`,
    filePath: join(dir, 'sessions', `${id}.gloss.json`),
    updatedAt,
    passageCount: 0,
    ...extra,
  }
}

const recentFile = () => join(dir, 'recent.json')

describe('RecentIndex', () => {
  it('starts empty when there is no recent.json, without creating one', async () => {
    const index = new RecentIndex(dir)
    expect(await index.list()).toEqual([])
    expect(await readdir(dir)).toEqual([])
  })

  it('lists touched sessions with the most recently updated first', async () => {
    const index = new RecentIndex(dir)
    await index.touch(entry('b', '2025-01-02T00:00:00.000Z'))
    await index.touch(entry('c', '2025-01-03T00:00:00.000Z'))
    await index.touch(entry('a', '2025-01-01T00:00:00.000Z'))
    expect((await index.list()).map((s) => s.id)).toEqual(['c', 'b', 'a'])
  })

  it('persists entries in recent.json for the next start', async () => {
    await new RecentIndex(dir).touch(entry('a', '2025-01-01T00:00:00.000Z', { passageCount: 3 }))
    const reopened = new RecentIndex(dir)
    expect(await reopened.list()).toEqual([
      entry('a', '2025-01-01T00:00:00.000Z', { passageCount: 3 }),
    ])
    const onDisk = JSON.parse(await readFile(recentFile(), 'utf8')) as { version: number }
    expect(onDisk.version).toBe(1)
  })

  it('refreshes an entry touched again instead of duplicating it', async () => {
    const index = new RecentIndex(dir)
    await index.touch(entry('a', '2025-01-01T00:00:00.000Z'))
    await index.touch(entry('b', '2025-01-02T00:00:00.000Z'))
    await index.touch(entry('a', '2025-01-03T00:00:00.000Z', { passageCount: 7, title: 'Neuf' }))
    const list = await index.list()
    expect(list.map((s) => s.id)).toEqual(['a', 'b'])
    expect(list[0]).toMatchObject({ passageCount: 7, title: 'Neuf' })
  })

  it('replaces an entry for the same file path even under another id', async () => {
    const index = new RecentIndex(dir)
    const filePath = join(dir, 'same.gloss.json')
    await index.touch(entry('old', '2025-01-01T00:00:00.000Z', { filePath }))
    await index.touch(entry('new', '2025-01-02T00:00:00.000Z', { filePath }))
    expect((await index.list()).map((s) => s.id)).toEqual(['new'])
  })

  it('gets an entry by id, and undefined for an unknown id', async () => {
    const index = new RecentIndex(dir)
    await index.touch(entry('a', '2025-01-01T00:00:00.000Z'))
    expect(await index.get('a')).toEqual(entry('a', '2025-01-01T00:00:00.000Z'))
    expect(await index.get('zzz')).toBeUndefined()
  })

  it('removes an entry, also from disk', async () => {
    const index = new RecentIndex(dir)
    await index.touch(entry('a', '2025-01-01T00:00:00.000Z'))
    await index.touch(entry('b', '2025-01-02T00:00:00.000Z'))
    await index.remove('a')
    expect((await index.list()).map((s) => s.id)).toEqual(['b'])
    expect((await new RecentIndex(dir).list()).map((s) => s.id)).toEqual(['b'])
    await index.remove('not-there')
    expect((await index.list()).map((s) => s.id)).toEqual(['b'])
  })

  it('keeps at most 50 entries, dropping the least recently touched', async () => {
    const index = new RecentIndex(dir)
    for (let i = 0; i < 55; i++)
      await index.touch(entry(`s${i}`, new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString()))
    const list = await index.list()
    expect(list).toHaveLength(50)
    expect(list[0]!.id).toBe('s54')
    expect(list.map((s) => s.id)).not.toContain('s4')
    expect(list.map((s) => s.id)).toContain('s5')
  })

  it('orders times with different UTC offsets by the instant they denote', async () => {
    const index = new RecentIndex(dir)
    // 10:00+02:00 is 08:00Z, earlier than 09:00Z.
    await index.touch(entry('paris', '2025-01-01T10:00:00+02:00'))
    await index.touch(entry('utc', '2025-01-01T09:00:00Z'))
    expect((await index.list()).map((s) => s.id)).toEqual(['utc', 'paris'])
  })

  it('keeps every entry when sessions are touched concurrently on a fresh index', async () => {
    const index = new RecentIndex(dir)
    await Promise.all([
      index.touch(entry('a', '2025-01-01T00:00:00.000Z')),
      index.touch(entry('b', '2025-01-02T00:00:00.000Z')),
      index.touch(entry('c', '2025-01-03T00:00:00.000Z')),
    ])
    expect((await index.list()).map((s) => s.id)).toEqual(['c', 'b', 'a'])
    expect((await new RecentIndex(dir).list()).map((s) => s.id)).toEqual(['c', 'b', 'a'])
  })

  it.each([
    ['truncated JSON', '{"version":1,"sessions":['],
    ['an empty file', ''],
    ['a wrong shape', JSON.stringify({ version: 2, sessions: [] })],
    [
      'an entry with a bad time',
      JSON.stringify({
        version: 1,
        sessions: [{ id: 'a', title: '', filePath: '/x', updatedAt: 'hier', passageCount: 0 }],
      }),
    ],
  ])('moves a corrupt recent.json (%s) aside and starts empty', async (_what, content) => {
    await writeFile(recentFile(), content)
    const original = await readFile(recentFile())
    const index = new RecentIndex(dir)
    expect(await index.list()).toEqual([])
    const names = await readdir(dir)
    const aside = names.filter((n) => /^recent\.json\.corrupt-\d+\.json$/.test(n))
    expect(aside).toHaveLength(1)
    expect(Buffer.compare(await readFile(join(dir, aside[0]!)), original)).toBe(0)
    expect(names).not.toContain('recent.json')

    // The next touch writes a fresh index and leaves the moved file alone.
    await index.touch(entry('a', '2025-01-01T00:00:00.000Z'))
    expect((await new RecentIndex(dir).list()).map((s) => s.id)).toEqual(['a'])
    expect(Buffer.compare(await readFile(join(dir, aside[0]!)), original)).toBe(0)
  })
})
