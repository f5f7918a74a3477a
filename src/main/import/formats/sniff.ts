// Which reader a file needs, told by its content first and its name last:
// a PDF named .docx is a PDF, an HTML page saved as .doc is HTML. The
// content decides for PDF, zip containers (DOCX, XLSX, ODT, EPUB), OLE
// compound files (Office 97–2003, or a password-protected DOCX/XLSX),
// MHTML and HTML; the extension only for plain text (txt, md, csv, tsv)
// and for HTML fragments without an <html> tag.
// It must never: inflate anything but a zip's `mimetype` entry, read more
// than the first kilobytes of a text file, or trust a name over the bytes.
import { Archive, looksLikeCompoundFile, looksLikeZip } from './archive'
import { isEncryptedOfficeFile } from './compound'
import { utf16ByNuls } from './text'
import type { ArticleFormat } from './types'

/** What a file is: a format Gloss reads, an old or encrypted Office file, or null (unknown). */
export type SniffedFormat = ArticleFormat | 'old-office' | 'encrypted-office'

const HEAD_BYTES = 8 * 1024
const ZIP_FORMATS: readonly string[] = ['docx', 'xlsx', 'odt', 'epub']

const extensionOf = (fileName: string) => {
  const m = /\.([^./\\]+)$/.exec(fileName)
  return m ? m[1]!.toLowerCase() : ''
}

/** Formats told by the extension alone, for text content. */
const BY_EXTENSION: Record<string, ArticleFormat> = {
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  csv: 'csv',
  tsv: 'csv',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
}

const ODF_TEXT = 'application/vnd.oasis.opendocument.text'
const EPUB = 'application/epub+zip'

/** The `mimetype` entry of an ODF or EPUB zip: stored first by the standards, read in place. */
function zipMimetype(bytes: Uint8Array, archive: Archive): string | null {
  if (!archive.has('mimetype')) return null
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (bytes.length >= 30) {
    const method = view.getUint16(8, true)
    const size = view.getUint32(18, true)
    const nameLength = view.getUint16(26, true)
    const extraLength = view.getUint16(28, true)
    const name = String.fromCharCode(...bytes.subarray(30, 30 + nameLength))
    const start = 30 + nameLength + extraLength
    if (name === 'mimetype' && method === 0 && size <= 200 && start + size <= bytes.length)
      return String.fromCharCode(...bytes.subarray(start, start + size)).trim()
  }
  // Not first or not stored: through the zip reader (its limits hold).
  return archive.text('mimetype')?.trim().slice(0, 200) ?? null
}

function sniffZip(bytes: Uint8Array, ext: string): SniffedFormat | null {
  let archive: Archive
  try {
    archive = Archive.open(bytes)
  } catch {
    // A damaged zip: the reader its name asks for says what is wrong with it.
    return ZIP_FORMATS.includes(ext) ? (ext as ArticleFormat) : null
  }
  const names = archive.names
  if (archive.has('[Content_Types].xml')) {
    if (names.some((n) => n.startsWith('word/'))) return 'docx'
    if (names.some((n) => n.startsWith('xl/'))) return 'xlsx'
    return null
  }
  let mimetype: string | null
  try {
    mimetype = zipMimetype(bytes, archive)
  } catch {
    return ZIP_FORMATS.includes(ext) ? (ext as ArticleFormat) : null
  }
  if (mimetype === ODF_TEXT) return 'odt'
  if (mimetype === EPUB) return 'epub'
  if (mimetype === null && archive.has('META-INF/container.xml')) return 'epub'
  return null
}

/** The first kilobytes as text: by a UTF-16 BOM or NULs, else byte for byte (ASCII is what matters here). */
function headText(bytes: Uint8Array): string | null {
  const head = bytes.subarray(0, HEAD_BYTES)
  const bom16 =
    head[0] === 0xff && head[1] === 0xfe
      ? 'utf-16le'
      : head[0] === 0xfe && head[1] === 0xff
        ? 'utf-16be'
        : null
  const utf16 = bom16 ?? (head.includes(0) ? utf16ByNuls(head) : null)
  if (utf16) return new TextDecoder(utf16).decode(head)
  if (head.includes(0)) return null
  return new TextDecoder('latin1').decode(head).replace(/^\u00EF\u00BB\u00BF/, '')
}

/** A web page archive: MIME headers with a multipart/related body. */
function isMhtml(head: string): boolean {
  const end = head.search(/\r?\n\r?\n/)
  const headers = end === -1 ? head : head.slice(0, end)
  return (
    /^mime-version\s*:/im.test(headers) && /^content-type\s*:\s*multipart\/related/im.test(headers)
  )
}

/** An HTML page: after a BOM, white space, an XML declaration and comments, a doctype, <html> or <head> within the first KB. */
function isHtml(head: string): boolean {
  const start = head
    .slice(0, 1024)
    .replace(/^\uFEFF/, '')
    .replace(/^(?:\s|<\?xml[^>]*\?>|<!--[\s\S]*?-->)+/, '')
  return /^<(?:!doctype\s+html|html|head)[\s>/]/i.test(start)
}

/**
 * What the bytes of `fileName` are: by content first (PDF, DOCX, XLSX,
 * ODT, EPUB, old or encrypted Office, MHTML, HTML), then by extension for
 * text (txt, md, markdown, csv, tsv as csv, html fragments). Null for
 * anything else, binary above all.
 */
export function sniffFormat(bytes: Uint8Array, fileName: string): SniffedFormat | null {
  const ext = extensionOf(fileName)
  const first = new TextDecoder('latin1').decode(bytes.subarray(0, 1024))
  if (first.includes('%PDF-')) return 'pdf'
  if (looksLikeZip(bytes)) return sniffZip(bytes, ext)
  if (looksLikeCompoundFile(bytes)) {
    let encrypted = false
    try {
      encrypted = isEncryptedOfficeFile(bytes)
    } catch {
      // A directory too damaged to read: an old Office file all the same.
    }
    return encrypted ? 'encrypted-office' : 'old-office'
  }
  const head = headText(bytes)
  if (head === null) return null
  if (isMhtml(head)) return 'mhtml'
  if (isHtml(head)) return 'html'
  return BY_EXTENSION[ext] ?? null
}
