// Reads a zip file Gloss did not write and must not trust (a session copy
// from a mail or a USB stick), with limits checked BEFORE anything is
// unpacked: the central directory only (the local headers must agree),
// no ZIP64, no encryption, only stored or deflated files, no links, a
// bounded number of files, bounded sizes (each, and in total), and a
// bounded compression ratio (a zip bomb claims far more than it holds, or
// holds far more than it claims: inflating stops at the size claimed, and
// the size and CRC-32 must then match).
// It decides nothing about names: the caller accepts or refuses each one.
// It must never: write a file, follow a path, or inflate past a limit.
import { crc32, inflateRawSync } from 'node:zlib'
import { mainMessage, type MessageRef } from '@shared/main-messages'
import { MessageError } from '../errors'

export interface ZipLimits {
  /** Most entries (files and folders). */
  entries: number
  /** Most bytes one file may unpack to. */
  entryBytes: number
  /** Most bytes all files together may unpack to. */
  totalBytes: number
  /** Most a file larger than 1 MiB may unpack to, in times its packed size. */
  ratio: number
}

export interface ZipEntry {
  /** The name: UTF-8 when the entry says so, else read as Latin-1 (callers accept ASCII names only). */
  name: string
  /** Folders are entries too, ending in `/`. */
  isFolder: boolean
  method: 0 | 8
  packedSize: number
  size: number
  crc: number
  /** Where the packed bytes start. */
  dataStart: number
}

/** A problem of the zip, as a message (the caller names the file). */
export class ZipProblem extends MessageError {
  constructor(readonly problem: MessageRef) {
    super(problem)
  }
}

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50
const ZIP64_LOCATOR = 0x07064b50
const MAX_COMMENT = 0xffff
const RATIO_FROM_BYTES = 1024 * 1024
const S_IFMT = 0o170000
const S_IFLNK = 0o120000
/** "Version made by" hosts whose external attributes carry Unix modes (Unix, macOS). */
const UNIX_HOSTS = new Set([3, 19])

const damaged = (name: string, detail: string) =>
  new ZipProblem(mainMessage('main.copy.damagedEntry', { name, detail }))

/** Binary sizes as the analyst reads them: "2 GB", "512 MB". */
export function formatBytes(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${bytes / 1024 ** 3} GB` : `${Math.round(bytes / 1024 ** 2)} MB`
}

/** The entries of a zip, checked against `limits`; throws ZipProblem. */
export function readZipDirectory(zip: Buffer, limits: ZipLimits): ZipEntry[] {
  const notZip = () => new ZipProblem(mainMessage('main.copy.notZip'))
  if (zip.length < 22) throw notZip()
  // The end record: the last signature within the comment's reach.
  let end = -1
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - MAX_COMMENT); i--)
    if (zip.readUInt32LE(i) === EOCD && i + 22 + zip.readUInt16LE(i + 20) === zip.length) {
      end = i
      break
    }
  if (end < 0) throw notZip()
  if (end >= 20 && zip.readUInt32LE(end - 20) === ZIP64_LOCATOR)
    throw new ZipProblem(mainMessage('main.copy.zip64'))
  const count = zip.readUInt16LE(end + 10)
  const dirSize = zip.readUInt32LE(end + 12)
  const dirStart = zip.readUInt32LE(end + 16)
  if (zip.readUInt16LE(end + 4) !== 0 || zip.readUInt16LE(end + 8) !== count) throw notZip()
  if (count === 0xffff || dirStart === 0xffffffff)
    throw new ZipProblem(mainMessage('main.copy.zip64'))
  if (count > limits.entries)
    throw new ZipProblem(mainMessage('main.copy.tooManyFiles', { limit: limits.entries }))
  if (dirStart + dirSize > end) throw notZip()

  const entries: ZipEntry[] = []
  const names = new Set<string>()
  let total = 0
  let at = dirStart
  for (let n = 0; n < count; n++) {
    if (at + 46 > end || zip.readUInt32LE(at) !== CENTRAL) throw notZip()
    const host = zip.readUInt8(at + 5)
    const flags = zip.readUInt16LE(at + 8)
    const method = zip.readUInt16LE(at + 10)
    const crc = zip.readUInt32LE(at + 16)
    const packedSize = zip.readUInt32LE(at + 20)
    const size = zip.readUInt32LE(at + 24)
    const nameLength = zip.readUInt16LE(at + 28)
    const extraLength = zip.readUInt16LE(at + 30)
    const commentLength = zip.readUInt16LE(at + 32)
    const external = zip.readUInt32LE(at + 38)
    const localAt = zip.readUInt32LE(at + 42)
    const nameBytes = zip.subarray(at + 46, at + 46 + nameLength)
    const name = nameBytes.toString(flags & 0x800 ? 'utf8' : 'latin1')
    at += 46 + nameLength + extraLength + commentLength
    if (at > end) throw notZip()

    if (names.has(name)) throw new ZipProblem(mainMessage('main.copy.twice', { name }))
    names.add(name)
    if (flags & 0x1) throw new ZipProblem(mainMessage('main.copy.encrypted', { name }))
    if (UNIX_HOSTS.has(host) && ((external >>> 16) & S_IFMT) === S_IFLNK)
      throw new ZipProblem(mainMessage('main.copy.link', { name }))
    if (method !== 0 && method !== 8)
      throw new ZipProblem(mainMessage('main.copy.method', { name }))
    if (packedSize === 0xffffffff || size === 0xffffffff)
      throw new ZipProblem(mainMessage('main.copy.zip64'))
    if (size > limits.entryBytes)
      throw new ZipProblem(
        mainMessage('main.copy.unpacksTooLarge', { limit: formatBytes(limits.entryBytes) }),
      )
    total += size
    if (total > limits.totalBytes)
      throw new ZipProblem(
        mainMessage('main.copy.unpacksTooLarge', { limit: formatBytes(limits.totalBytes) }),
      )
    if (size > RATIO_FROM_BYTES && size > packedSize * limits.ratio)
      throw new ZipProblem(
        mainMessage('main.copy.bomb', { name, ratio: Math.round(size / Math.max(1, packedSize)) }),
      )
    if (method === 0 && packedSize !== size) throw damaged(name, 'stored size mismatch')

    // The local header must name the same file; its data must lie before the directory.
    if (localAt + 30 > dirStart || zip.readUInt32LE(localAt) !== LOCAL)
      throw damaged(name, 'no local header')
    const localName = zip.readUInt16LE(localAt + 26)
    const localExtra = zip.readUInt16LE(localAt + 28)
    if (!zip.subarray(localAt + 30, localAt + 30 + localName).equals(nameBytes))
      throw damaged(name, 'local header names another file')
    const dataStart = localAt + 30 + localName + localExtra
    if (dataStart + packedSize > dirStart) throw damaged(name, 'data past the directory')
    entries.push({
      name,
      isFolder: name.endsWith('/'),
      method,
      packedSize,
      size,
      crc,
      dataStart,
    })
  }
  return entries
}

/** The bytes of one entry: inflated no further than its claimed size, then checked by size and CRC-32. */
export function unpackEntry(zip: Buffer, entry: ZipEntry): Buffer {
  const packed = zip.subarray(entry.dataStart, entry.dataStart + entry.packedSize)
  let bytes: Buffer
  if (entry.method === 0) bytes = packed
  else {
    try {
      // maxOutputLength: more than claimed is an error, not memory.
      bytes = inflateRawSync(packed, { maxOutputLength: Math.max(1, entry.size) })
    } catch (e) {
      throw damaged(
        entry.name,
        e instanceof RangeError ? 'unpacks to more than it claims' : (e as Error).message,
      )
    }
  }
  if (bytes.length !== entry.size) throw damaged(entry.name, 'size mismatch')
  if (crc32(bytes) >>> 0 !== entry.crc) throw damaged(entry.name, 'CRC-32 mismatch')
  return bytes
}
