// The names inside an OLE compound file (Word/Excel 97–2003, and the
// container of a password-protected DOCX/XLSX), read from its directory
// only: enough to tell an encrypted Office file from an old one. No stream
// is read.
// It must never: read past the bytes, follow a sector chain forever (each
// chain stops at a sector seen before), or list more than a bounded
// number of names.
import { looksLikeCompoundFile } from './archive'

const END = 0xfffffffa // sector numbers from here up are markers (end of chain, free, FAT…)
const MAX_NAMES = 10_000

/** The names of the storages and streams of a compound file; null when the bytes are not one. */
export function compoundEntryNames(bytes: Uint8Array): string[] | null {
  if (!looksLikeCompoundFile(bytes) || bytes.length < 512) return null
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const u32 = (at: number) => view.getUint32(at, true)
  const shift = view.getUint16(0x1e, true)
  if (shift !== 9 && shift !== 12) return null
  const size = 1 << shift
  /** Where sector n starts, or -1 when it lies outside the bytes. */
  const sectorAt = (n: number) => {
    const at = (n + 1) * size
    return n < END && at + size <= bytes.length ? at : -1
  }

  // The FAT's own sectors: 109 in the header, then the DIFAT chain.
  const fatCount = u32(0x2c)
  const fatSectors: number[] = []
  for (let i = 0; i < 109 && fatSectors.length < fatCount; i++) fatSectors.push(u32(0x4c + 4 * i))
  const perSector = size / 4
  const seenDifat = new Set<number>()
  for (let d = u32(0x44); fatSectors.length < fatCount && !seenDifat.has(d);) {
    seenDifat.add(d)
    const at = sectorAt(d)
    if (at < 0) break
    for (let i = 0; i < perSector - 1 && fatSectors.length < fatCount; i++)
      fatSectors.push(u32(at + 4 * i))
    d = u32(at + 4 * (perSector - 1))
  }
  const next = (n: number) => {
    const fat = fatSectors[Math.floor(n / perSector)]
    const at = fat === undefined ? -1 : sectorAt(fat)
    return at < 0 ? END : u32(at + 4 * (n % perSector))
  }

  // The directory: 128-byte entries, the name in UTF-16LE.
  const names: string[] = []
  const seen = new Set<number>()
  const utf16 = new TextDecoder('utf-16le')
  for (let s = u32(0x30); s < END && !seen.has(s) && names.length < MAX_NAMES; s = next(s)) {
    seen.add(s)
    const at = sectorAt(s)
    if (at < 0) break
    for (let e = at; e < at + size; e += 128) {
      const length = view.getUint16(e + 0x40, true)
      const type = bytes[e + 0x42]
      if ((type !== 1 && type !== 2 && type !== 5) || length < 2 || length > 64) continue
      names.push(utf16.decode(bytes.subarray(e, e + length - 2)))
    }
  }
  return names
}

/** Whether the bytes are a password-protected Office file (OOXML inside a compound file). */
export function isEncryptedOfficeFile(bytes: Uint8Array): boolean {
  const names = compoundEntryNames(bytes)
  return names !== null && names.includes('EncryptionInfo') && names.includes('EncryptedPackage')
}
