// The hardened zip reader on zips made by another implementation (fflate),
// then tampered with byte by byte the way a hostile or damaged copy is:
// every problem is found from the central directory before anything is
// inflated, or while inflating stops at the size claimed.
import { randomBytes } from 'node:crypto'
import { deflateRawSync } from 'node:zlib'
import { strToU8, zipSync, type Zippable } from 'fflate'
import { describe, expect, it } from 'vitest'
import { readZipDirectory, unpackEntry, ZipProblem, type ZipLimits } from './zip-reader'

const LIMITS: ZipLimits = {
  entries: 10,
  entryBytes: 4 * 1024 ** 2,
  totalBytes: 5 * 1024 ** 2,
  ratio: 200,
}

const zip = (files: Zippable) => Buffer.from(zipSync(files))

/** Offsets of the central directory records. */
function centralRecords(bytes: Buffer): number[] {
  const out: number[] = []
  for (let i = 0; i + 4 <= bytes.length; i++) if (bytes.readUInt32LE(i) === 0x02014b50) out.push(i)
  return out
}

/** The problem's key, or 'ok'. */
function problemOf(f: () => unknown): string {
  try {
    f()
    return 'ok'
  } catch (e) {
    if (e instanceof ZipProblem) return e.problem.key
    throw e
  }
}

describe('readZipDirectory and unpackEntry', () => {
  it('read back what another zip writer wrote: names, sizes, folders, bytes', () => {
    const text = 'Le cœur du réseau. '.repeat(5000)
    const bytes = zip({
      'session.json': strToU8('{"a":1}'),
      articles: { 'x.1.json': strToU8(text) },
      stored: [strToU8('as is'), { level: 0 }],
    })
    const entries = readZipDirectory(bytes, LIMITS)
    expect(entries.map((e) => [e.name, e.isFolder])).toEqual([
      ['session.json', false],
      ['articles/', true],
      ['articles/x.1.json', false],
      ['stored', false],
    ])
    expect(entries.map((e) => unpackEntry(bytes, e).toString('utf8'))).toEqual([
      '{"a":1}',
      '',
      text,
      'as is',
    ])
    expect(entries[3]!.method).toBe(0)
  })

  it.each([
    ['an empty file', Buffer.alloc(0)],
    ['text', Buffer.from('{"schemaVersion": 2}')],
    [
      'a zip cut short',
      ((z) => z.subarray(0, z.length - 10))(zip({ a: strToU8('x'.repeat(1000)) })),
    ],
  ])('refuse %s as not a zip', (_what, bytes) => {
    expect(problemOf(() => readZipDirectory(bytes, LIMITS))).toBe('main.copy.notZip')
  })

  it('refuse more entries than the limit before reading any', () => {
    const files: Zippable = {}
    for (let i = 0; i < 11; i++) files[`f${i}`] = strToU8('x')
    expect(problemOf(() => readZipDirectory(zip(files), LIMITS))).toBe('main.copy.tooManyFiles')
  })

  it('refuse an entry, or all of them, unpacking past the size limits', () => {
    // Random bytes do not pack: only the size limits can refuse them.
    const mb = (n: number) => new Uint8Array(randomBytes(n * 1024 ** 2))
    expect(problemOf(() => readZipDirectory(zip({ a: mb(5) }), LIMITS))).toBe(
      'main.copy.unpacksTooLarge',
    )
    expect(problemOf(() => readZipDirectory(zip({ a: mb(3), b: mb(3) }), LIMITS))).toBe(
      'main.copy.unpacksTooLarge',
    )
  })

  it('refuse a zip bomb by its ratio, before inflating it', () => {
    const bomb = zip({ 'session.json': new Uint8Array(3 * 1024 ** 2) })
    expect(bomb.length).toBeLessThan(20_000)
    const e = (() => {
      try {
        readZipDirectory(bomb, LIMITS)
      } catch (error) {
        return error as ZipProblem
      }
    })()
    expect(e?.problem).toMatchObject({ key: 'main.copy.bomb', params: { name: 'session.json' } })
  })

  it('stop inflating at the size an entry claims, and refuse it', () => {
    // Claims 100 bytes, holds 1 MB of zeros (a small ratio would pass the directory check).
    const bytes = zip({ big: new Uint8Array(1024 ** 2) })
    for (const at of centralRecords(bytes)) bytes.writeUInt32LE(100, at + 24)
    bytes.writeUInt32LE(100, 22) // the local header's copy
    const [entry] = readZipDirectory(bytes, LIMITS)
    expect(entry!.size).toBe(100)
    expect(() => unpackEntry(bytes, entry!)).toThrow(/unpacks to more than it claims/)
  })

  it('refuse a changed byte by its CRC-32, and a short entry by its size', () => {
    const bytes = zip({ a: [strToU8('hello world'), { level: 0 }] })
    const [entry] = readZipDirectory(bytes, LIMITS)
    bytes[entry!.dataStart] = 'H'.charCodeAt(0)
    expect(() => unpackEntry(bytes, entry!)).toThrow(/CRC-32 mismatch/)
    const short = zip({ a: strToU8('hello world, hello world') })
    const [e2] = readZipDirectory(short, LIMITS)
    expect(() => unpackEntry(short, { ...e2!, size: e2!.size + 5 })).toThrow(/size mismatch/)
  })

  it('refuse links, encryption, unknown compression and ZIP64', () => {
    const link = zip({ 'session.json': [strToU8('/etc/passwd'), { os: 3, attrs: 0o120777 << 16 }] })
    expect(problemOf(() => readZipDirectory(link, LIMITS))).toBe('main.copy.link')
    // A Unix file with ordinary permissions is fine.
    const plain = zip({ 'session.json': [strToU8('{}'), { os: 3, attrs: 0o100644 << 16 }] })
    expect(problemOf(() => readZipDirectory(plain, LIMITS))).toBe('ok')

    const encrypted = zip({ a: strToU8('x') })
    for (const at of centralRecords(encrypted)) encrypted.writeUInt16LE(1, at + 8)
    expect(problemOf(() => readZipDirectory(encrypted, LIMITS))).toBe('main.copy.encrypted')

    const bzip2 = zip({ a: strToU8('x') })
    for (const at of centralRecords(bzip2)) bzip2.writeUInt16LE(12, at + 10)
    expect(problemOf(() => readZipDirectory(bzip2, LIMITS))).toBe('main.copy.method')

    const zip64 = zip({ a: strToU8('x') })
    zip64.writeUInt16LE(0xffff, zip64.length - 22 + 8)
    zip64.writeUInt16LE(0xffff, zip64.length - 22 + 10)
    expect(problemOf(() => readZipDirectory(zip64, LIMITS))).toBe('main.copy.zip64')
  })

  it('refuse two entries of one name, and a local header naming another file', () => {
    const twice = zip({ aa: strToU8('1'), ab: strToU8('2') })
    const [, second] = centralRecords(twice)
    twice.write('aa', second! + 46, 'latin1')
    expect(problemOf(() => readZipDirectory(twice, LIMITS))).toBe('main.copy.twice')

    const swapped = zip({ aa: strToU8('1') })
    swapped.write('zz', 30, 'latin1') // the local header's name
    expect(problemOf(() => readZipDirectory(swapped, LIMITS))).toBe('main.copy.damagedEntry')
  })

  it('read a raw deflate stream exactly as claimed', () => {
    // The reader's inflate agrees with Node's deflate too, not only fflate's.
    const data = Buffer.from('Passage, thème, note. '.repeat(300))
    const bytes = zip({ a: data })
    const [entry] = readZipDirectory(bytes, LIMITS)
    expect(unpackEntry(bytes, entry!).equals(data)).toBe(true)
    expect(deflateRawSync(data).length).toBeGreaterThan(0)
  })
})
