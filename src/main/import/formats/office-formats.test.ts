// The DOCX, ODT and EPUB readers together: one source converted by
// LibreOffice to the three formats reads as the same text, each reader
// refuses the others' files, and the same hostile inputs (a zip bomb, too
// many entries, names leaving the folder, a cut or random file, entities
// declared in a DTD) give each the problem they should, without hanging.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { constants, crc32, createDeflateRaw, deflateRawSync } from 'node:zlib'
import { normalizeText } from '@shared/model/text'
import { beforeAll, describe, expect, it } from 'vitest'
import { officeFixture } from '../../../../test-support/office-fixtures'
import { entriesOf, entryText, tamper, utf8, writeZip } from '../../../../test-support/zip-tamper'
import { readDocx } from './docx'
import { readEpub } from './epub'
import { CULTURE } from './fixtures/office/culture-blocks'
import { readOdt } from './odt'
import { FormatError, type FormatReader } from './types'

const FIXTURES = join(__dirname, 'fixtures', 'office')

interface Format {
  name: 'docx' | 'odt' | 'epub'
  read: FormatReader
  /** The part that holds the text (or some of it). */
  main: string
  bytes: Buffer
}

const formats: Format[] = [
  { name: 'docx', read: readDocx, main: 'word/document.xml', bytes: Buffer.alloc(0) },
  { name: 'odt', read: readOdt, main: 'content.xml', bytes: Buffer.alloc(0) },
  {
    name: 'epub',
    read: readEpub,
    main: 'OEBPS/sections/section0002.xhtml',
    bytes: Buffer.alloc(0),
  },
]

async function problemOf(format: Format, bytes: Uint8Array): Promise<string> {
  try {
    await format.read(bytes, { fileName: `test.${format.name}` })
    return 'read'
  } catch (e) {
    if (e instanceof FormatError) return e.problem
    throw e
  }
}

/** A gibibyte of zeros, deflated (about a megabyte): a zip bomb's data. */
async function deflatedGibibyte(): Promise<Uint8Array> {
  const deflate = createDeflateRaw({ level: 9, strategy: constants.Z_RLE })
  const chunks: Buffer[] = []
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk))
  const ended = new Promise((resolve) => deflate.on('end', resolve))
  const zeros = Buffer.alloc(1 << 20)
  for (let i = 0; i < 1024; i++)
    if (!deflate.write(zeros)) await new Promise((resolve) => deflate.once('drain', resolve))
  deflate.end()
  await ended
  return Buffer.concat(chunks)
}

/** The same pseudo-random bytes on every run. */
function randomBytes(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length)
  let state = seed >>> 0
  for (let i = 0; i < length; i++) {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    out[i] = (t ^ (t >>> 14)) & 0xff
  }
  return out
}

/** The file with its main part replaced by these packed bytes, claiming `size` (and `crc`: never reached by a bomb). */
function withPackedMain(format: Format, packed: Uint8Array, size: number, crc = 0): Buffer {
  const entries = [...entriesOf(format.bytes)].map(([name, data]) =>
    name === format.main ? { name, deflated: { bytes: packed, size, crc } } : { name, data },
  )
  return writeZip(entries)
}

const LAUGHS =
  '<!DOCTYPE lolz [<!ENTITY lol "lol">' +
  Array.from(
    { length: 9 },
    (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`,
  ).join('') +
  ']>'

beforeAll(async () => {
  const source = await readFile(join(FIXTURES, 'culture.fodt'), 'utf8')
  for (const format of formats)
    format.bytes = await readFile(
      await officeFixture({ name: 'culture.fodt', source, to: format.name }),
    )
}, 120_000)

describe.each(formats)('$name', (format) => {
  it('refuses a zip bomb claiming a gibibyte as too large, before inflating it', async () => {
    expect(await problemOf(format, withPackedMain(format, await bomb(), 1024 ** 3))).toBe(
      'too-large',
    )
  })

  it('refuses a part inflating past the size it claims as corrupt (inflating stops there)', async () => {
    expect(await problemOf(format, withPackedMain(format, await bomb(), 10_000))).toBe('corrupt')
  })

  it('refuses 10,000 entries as too large', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({
      name: `extra/${i}.xml`,
      data: utf8('<x/>'),
    }))
    expect(
      await problemOf(
        format,
        tamper(format.bytes, () => {}, many),
      ),
    ).toBe('too-large')
  })

  it('never serves an entry named ../../evil: read as if absent', async () => {
    const evil = tamper(format.bytes, () => {}, [
      { name: '../../evil', data: utf8('<p>EVIL PAYLOAD</p>') },
    ])
    const read = await format.read(evil, { fileName: `evil.${format.name}` })
    expect(read.blocks).toEqual(CULTURE)
    const moved = tamper(format.bytes, (entries) => entries.delete(format.main), [
      { name: `../${format.main}`, data: entriesOf(format.bytes).get(format.main)! },
    ])
    expect(await problemOf(format, moved)).toBe('corrupt')
  })

  it('refuses a truncated file and random bytes as corrupt', async () => {
    expect(await problemOf(format, format.bytes.subarray(0, format.bytes.length >> 1))).toBe(
      'corrupt',
    )
    expect(await problemOf(format, randomBytes(64 * 1024, 7))).toBe('corrupt')
  })

  it('refuses entities declared in a DTD (billion laughs) as corrupt, without expanding them', async () => {
    const xml = entryText(format.bytes, format.main)
    const laughing = xml.replace(/^(<\?xml[^>]*\?>)/, `$1${LAUGHS}`).replace('2024', '&lol9;')
    expect(laughing).toContain('&lol9;')
    const bytes = tamper(format.bytes, (entries) => entries.set(format.main, utf8(laughing)))
    expect(await problemOf(format, bytes)).toBe('corrupt')
  })

  it('refuses elements nested 100,000 deep as too large, before parsing them', async () => {
    const deep =
      Array.from({ length: 100_000 }, (_, i) => `<x n="${(i * 7919).toString(36)}">`).join('') +
      '</x>'.repeat(100_000)
    const xml = entryText(format.bytes, format.main).replace('2024', deep)
    const bytes = tamper(format.bytes, (entries) => entries.set(format.main, utf8(xml)))
    expect(await problemOf(format, bytes)).toBe('too-large')
  })

  it('refuses a part of more than 32 MiB of markup as too large, before parsing it', async () => {
    const xml = utf8(entryText(format.bytes, format.main).replace('2024', filler()))
    // Deflated without packing (stored blocks): fast, and no zip bomb.
    const packed = deflateRawSync(xml, { level: 0 })
    expect(await problemOf(format, withPackedMain(format, packed, xml.length, crc32(xml)))).toBe(
      'too-large',
    )
  })

  it('refuses the other formats’ files as unsupported', async () => {
    for (const other of formats)
      if (other !== format) expect(await problemOf(format, other.bytes)).toBe('unsupported')
  })
})

/** 33 MiB of words: more markup than a reader parses. */
const filler = () => 'culture '.repeat((33 * 1024 * 1024) / 8)

let packedBomb: Promise<Uint8Array> | undefined
/** Deflated once for every test. */
function bomb(): Promise<Uint8Array> {
  packedBomb ??= deflatedGibibyte()
  return packedBomb
}

describe('one source in three formats', () => {
  it('reads as the same text from DOCX, ODT and EPUB', async () => {
    const texts = await Promise.all(
      formats.map(async (format) => {
        const read = await format.read(format.bytes, { fileName: `culture.${format.name}` })
        return normalizeText(read.blocks.join('\n\n'))
      }),
    )
    expect(texts[0]).toBe(normalizeText(CULTURE.join('\n\n')))
    expect(texts[1]).toBe(texts[0])
    expect(texts[2]).toBe(texts[0])
  })
})
