// Zips for the hostile-input tests of the document readers: a real file's
// entries read back (fflate), changed, and written again by a plain zip
// writer that, unlike a library, writes whatever it is told: names that
// leave the folder, sizes that lie, data packed elsewhere (a zip bomb).
import { crc32, deflateRawSync } from 'node:zlib'
import { unzipSync } from 'fflate'

export interface RawEntry {
  name: string
  /** The bytes to store, deflated here (or stored, for `mimetype`). */
  data?: Uint8Array
  /** Or data already deflated, with the size and CRC-32 the headers claim. */
  deflated?: { bytes: Uint8Array; size: number; crc: number }
}

/** A zip of exactly these entries, in this order. */
export function writeZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8')
    let method = 8
    let packed: Uint8Array
    let size: number
    let crc: number
    if (entry.deflated) {
      ;({ bytes: packed, size, crc } = entry.deflated)
    } else {
      const data = entry.data ?? new Uint8Array()
      size = data.length
      crc = crc32(data) >>> 0
      if (entry.name === 'mimetype') {
        method = 0
        packed = data
      } else packed = deflateRawSync(data)
    }
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x800, 6)
    local.writeUInt16LE(method, 8)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(packed.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x800, 8)
    central.writeUInt16LE(method, 10)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(packed.length, 20)
    central.writeUInt32LE(size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, Buffer.from(packed))
    centrals.push(central, name)
    offset += 30 + name.length + packed.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

/** A real file's entries by name, in their order. */
export function entriesOf(zip: Uint8Array): Map<string, Uint8Array> {
  return new Map(Object.entries(unzipSync(zip)))
}

/** The file rewritten after `edit` changed its entries (the map keeps their order; new ones go last). */
export function tamper(
  zip: Uint8Array,
  edit: (entries: Map<string, Uint8Array>) => void,
  extra: RawEntry[] = [],
): Buffer {
  const entries = entriesOf(zip)
  edit(entries)
  return writeZip([...[...entries].map(([name, data]) => ({ name, data })), ...extra])
}

/** One entry's text. */
export function entryText(zip: Uint8Array, name: string): string {
  const bytes = entriesOf(zip).get(name)
  if (!bytes) throw new Error(`no entry ${name}`)
  return new TextDecoder().decode(bytes)
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)
