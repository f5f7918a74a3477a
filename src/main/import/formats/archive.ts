// The zip container of DOCX, ODT, EPUB and XLSX, read through Gloss's
// hardened zip reader (store/zip-reader.ts: limits checked before anything
// is inflated, CRC and sizes verified). Entries are looked up by name in
// memory only: a name is never used as a path, and names with `..`, a
// leading `/`, a drive letter or a backslash are not served at all.
import { MessageError } from '../../errors'
import { readZipDirectory, unpackEntry, ZipProblem, type ZipEntry } from '../../store/zip-reader'
import { FormatError } from './types'

/** Limits for an imported document's archive (a zip bomb stops here, not in memory). */
export const DOCUMENT_ZIP_LIMITS = {
  entries: 5000,
  entryBytes: 200 * 1024 * 1024,
  totalBytes: 200 * 1024 * 1024,
  ratio: 200,
}

/** Whether the bytes start like a zip (local file header). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4
  )
}

/** Whether the bytes are an OLE compound file: an encrypted Office file, or Word/Excel 97–2003. */
export function looksLikeCompoundFile(bytes: Uint8Array): boolean {
  const magic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
  return bytes.length >= 8 && magic.every((b, i) => bytes[i] === b)
}

const UNSAFE_NAME = /(^|\/)\.\.(\/|$)|^\/|^[A-Za-z]:|\\/

export class Archive {
  private readonly byName = new Map<string, ZipEntry>()

  private constructor(
    private readonly zip: Buffer,
    entries: ZipEntry[],
  ) {
    for (const e of entries)
      if (!e.isFolder && !UNSAFE_NAME.test(e.name)) this.byName.set(e.name, e)
  }

  /** Opens a zip; throws FormatError (`corrupt`, `encrypted`, `too-large`). */
  static open(bytes: Uint8Array, limits = DOCUMENT_ZIP_LIMITS): Archive {
    const zip = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    try {
      return new Archive(zip, readZipDirectory(zip, limits))
    } catch (e) {
      throw asFormatError(e)
    }
  }

  /** Names of the files inside (safe names only). */
  get names(): string[] {
    return [...this.byName.keys()]
  }

  has(name: string): boolean {
    return this.byName.has(name)
  }

  /** The bytes of one file, or null if the archive has no such (safe) name. */
  bytes(name: string): Buffer | null {
    const entry = this.byName.get(name)
    if (!entry) return null
    try {
      return unpackEntry(this.zip, entry)
    } catch (e) {
      throw asFormatError(e)
    }
  }

  /** One file as UTF-8 text (a BOM dropped), or null. */
  text(name: string): string | null {
    const bytes = this.bytes(name)
    return bytes === null ? null : new TextDecoder('utf-8').decode(bytes)
  }
}

function asFormatError(e: unknown): FormatError {
  if (e instanceof FormatError) return e
  if (e instanceof ZipProblem) {
    const key = e.problem.key
    if (key === 'main.copy.encrypted') return new FormatError('encrypted')
    if (
      key === 'main.copy.unpacksTooLarge' ||
      key === 'main.copy.bomb' ||
      key === 'main.copy.tooManyFiles'
    )
      return new FormatError('too-large')
    // The zip reader's words are about session copies: the analyst is told the file is damaged.
    return new FormatError('corrupt')
  }
  if (e instanceof MessageError) return new FormatError('corrupt')
  return new FormatError('corrupt', e instanceof Error ? e.message : String(e))
}
