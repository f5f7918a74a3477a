import { mkdtemp, readFile, rm, writeFile, readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  readSessionFile,
  SESSION_EXTENSION,
  SessionFile,
  sha256Hex,
  StoreError,
} from './session-file'
import { TEXT, validSession } from './test-support/valid-session'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-session-file-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function writeRaw(name: string, content: string | Buffer): Promise<string> {
  const file = join(dir, name)
  await writeFile(file, content)
  return file
}

describe('sha256Hex', () => {
  it('hashes the UTF-8 bytes of the text', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
    expect(sha256Hex('é')).not.toBe(sha256Hex('e\u0301'))
  })
})

describe('readSessionFile', () => {
  it('loads a valid session file', async () => {
    const file = await writeRaw(`ok${SESSION_EXTENSION}`, JSON.stringify(validSession(), null, 2))
    expect(await readSessionFile(file)).toEqual(validSession())
  })

  it('accepts a file saved with a UTF-8 byte order mark', async () => {
    const file = await writeRaw('bom.json', '\uFEFF' + JSON.stringify(validSession()))
    expect(await readSessionFile(file)).toEqual(validSession())
  })

  const broken: [string, () => string][] = [
    ['an empty file', () => ''],
    ['truncated JSON', () => JSON.stringify(validSession()).slice(0, 120)],
    ['null', () => 'null'],
    ['an array', () => '[]'],
    ['a wrong shape', () => JSON.stringify({ ...validSession(), passages: 'none' })],
    ['a missing codebook', () => JSON.stringify({ ...validSession(), codebook: undefined })],
    [
      'a sha256 that does not match the text',
      () => {
        const s = validSession()
        s.document.sha256 = sha256Hex(TEXT + '!')
        return JSON.stringify(s)
      },
    ],
    [
      'a quote that does not match the text',
      () => {
        const s = validSession()
        s.passages[0]!.quote = 'grandit lentement'
        return JSON.stringify(s)
      },
    ],
    [
      'a passage with an unknown theme',
      () => {
        const s = validSession()
        s.passages[0]!.themeIds = ['nope']
        return JSON.stringify(s)
      },
    ],
  ]

  it.each(broken)(
    'refuses %s with a StoreError naming the file, and leaves its bytes alone',
    async (_what, content) => {
      const file = await writeRaw('broken.gloss.json', content())
      const before = await readFile(file)
      const error = await readSessionFile(file).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(StoreError)
      expect((error as StoreError).code).toBe('invalid-session')
      expect((error as StoreError).message).toContain(file)
      expect(Buffer.compare(await readFile(file), before)).toBe(0)
      expect(await readdir(dir)).toEqual(['broken.gloss.json'])
    },
  )

  it('says where a shape error is', async () => {
    const s = validSession()
    ;(s.passages[0] as { end: unknown }).end = 'ten'
    const file = await writeRaw('shape.json', JSON.stringify(s))
    await expect(readSessionFile(file)).rejects.toThrow(/at passages\.0\.end/)
  })

  it('reports a missing file as unreadable', async () => {
    const file = join(dir, 'missing.gloss.json')
    const error = await readSessionFile(file).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(StoreError)
    expect((error as StoreError).code).toBe('unreadable')
    expect((error as StoreError).message).toContain(file)
  })
})

describe('SessionFile', () => {
  it('saves a session that readSessionFile loads back equal', async () => {
    const file = join(dir, `saved${SESSION_EXTENSION}`)
    const s = validSession()
    const sf = new SessionFile(file, s)
    await sf.save(s)
    expect(await readSessionFile(file)).toEqual(s)
    expect(sf.filePath).toBe(file)
  })

  it('coalesces many concurrent saves and writes the last state', async () => {
    const file = join(dir, 'many.gloss.json')
    const s = validSession()
    const sf = new SessionFile(file, s)
    const states = Array.from({ length: 50 }, (_, i) => ({ ...s, ui: { scrollTop: i } }))
    const saves = states.map((state) => sf.save(state))
    // The first state is written alone; the 49 that arrive during that write are
    // coalesced into one write of the newest, so the second save resolves with it.
    await saves[1]
    expect((await readSessionFile(file)).ui.scrollTop).toBe(49)
    await Promise.all(saves)
    const onDisk = await readSessionFile(file)
    expect(onDisk.ui.scrollTop).toBe(49)
    expect(onDisk).toEqual(states[49])
    // No temporary files left behind.
    expect((await readdir(dir)).filter((n) => !n.endsWith('.bak'))).toEqual(['many.gloss.json'])
  })

  it('flush waits until the latest save is on disk', async () => {
    const file = join(dir, 'flush.gloss.json')
    const s = validSession()
    const sf = new SessionFile(file, s)
    for (let i = 0; i < 10; i++) void sf.save({ ...s, ui: { scrollTop: i * 100 } })
    await sf.flush()
    expect((await readSessionFile(file)).ui.scrollTop).toBe(900)
  })

  it('flush resolves at once when nothing is pending', async () => {
    const sf = new SessionFile(join(dir, 'idle.gloss.json'), validSession())
    await expect(sf.flush()).resolves.toBeUndefined()
    expect(await readdir(dir)).toEqual([])
  })

  it('says once that a session file deleted while open is gone, then writes it again', async () => {
    const file = join(dir, 'deleted.gloss.json')
    const s = validSession()
    const sf = new SessionFile(file, s)
    await sf.save(s)
    await rm(file)
    const first = sf.save({ ...s, ui: { scrollTop: 3 } })
    await expect(first).rejects.toMatchObject({
      code: 'write-failed',
      message: 'the session file was moved or deleted; Gloss will write it again where it was',
      ref: { key: 'main.save.fileMoved' },
    })
    await sf.save({ ...s, ui: { scrollTop: 4 } })
    expect((await readSessionFile(file)).ui.scrollTop).toBe(4)
  })

  it('saves again after a previous batch has finished', async () => {
    const file = join(dir, 'again.gloss.json')
    const s = validSession()
    const sf = new SessionFile(file, s)
    await sf.save({ ...s, ui: { scrollTop: 1 } })
    await sf.save({ ...s, ui: { scrollTop: 2 } })
    expect((await readSessionFile(file)).ui.scrollTop).toBe(2)
  })

  it('rejects every waiting save with a write-failed StoreError when the folder is gone', async () => {
    const file = join(dir, 'gone', 'x.gloss.json')
    const sf = new SessionFile(file, validSession())
    const results = await Promise.allSettled([sf.save(validSession()), sf.save(validSession())])
    for (const r of results) {
      expect(r.status).toBe('rejected')
      const reason = (r as PromiseRejectedResult).reason as StoreError
      expect(reason).toBeInstanceOf(StoreError)
      expect(reason.code).toBe('write-failed')
      expect(reason.message).toBe('the folder no longer exists')
      expect(reason.ref).toEqual({ key: 'main.save.folderMissing' })
    }
    await expect(sf.flush()).resolves.toBeUndefined()
  })
})
