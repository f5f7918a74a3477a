// writeNewFileDurably: a durable write that never replaces a file, on a
// disk with hard links and on one without (FAT, exFAT: link fails), and
// that leaves nothing behind when it fails, with real files and injected
// errno faults.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { writeNewFileDurably } from './durable-file'
import { faultyFs } from './test-support/fault-fs'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-new-file-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('writeNewFileDurably', () => {
  it('writes a new file whole, leaving no temp file', async () => {
    const file = join(dir, 'copy.gloss.zip')
    await writeNewFileDurably(file, new Uint8Array([1, 2, 3]))
    expect([...(await readFile(file))]).toEqual([1, 2, 3])
    expect(await readdir(dir)).toEqual(['copy.gloss.zip'])
  })

  it.each([
    ['with hard links', null],
    ['on a disk without hard links', 'EPERM'],
  ])('refuses a name that exists (EEXIST), %s, leaving that file as it was', async (_how, code) => {
    const file = join(dir, 'taken.gloss.zip')
    await writeFile(file, 'theirs')
    const faults = faultyFs()
    if (code) faults.inject({ step: 'link', code })
    await expect(writeNewFileDurably(file, 'mine', { fs: faults.fs })).rejects.toMatchObject({
      code: 'EEXIST',
    })
    expect(await readFile(file, 'utf8')).toBe('theirs')
    expect(await readdir(dir)).toEqual(['taken.gloss.zip'])
  })

  it('on a disk without hard links, renames the complete temp file into place', async () => {
    const file = join(dir, 'new.gloss.zip')
    const faults = faultyFs()
    faults.inject({ step: 'link', code: 'ENOTSUP' })
    await writeNewFileDurably(file, 'mine', { fs: faults.fs })
    expect(await readFile(file, 'utf8')).toBe('mine')
    expect(await readdir(dir)).toEqual(['new.gloss.zip'])
    expect(faults.calls.some((c) => c.startsWith('rename '))).toBe(true)
  })

  it.each(['write', 'sync', 'link'] as const)(
    'passes on a failure at %s unchanged, and leaves nothing under the name nor beside it',
    async (step) => {
      const file = join(dir, 'full.gloss.zip')
      const faults = faultyFs()
      faults.inject({ step, code: step === 'link' ? 'EIO' : 'ENOSPC' })
      await expect(
        writeNewFileDurably(file, 'x'.repeat(1000), { fs: faults.fs }),
      ).rejects.toMatchObject({ code: step === 'link' ? 'EIO' : 'ENOSPC' })
      expect(await readdir(dir)).toEqual([])
    },
  )
})
