// What the readers of zipped documents (DOCX, ODT, EPUB) share: telling
// what bytes that are not a zip are (an encrypted Office file, a Word
// 97–2003 .doc, a PDF…), reading an XML part of the archive (decoded by
// its byte order mark, refused when it declares entities: no "billion
// laughs"), resolving a name inside the package, and turning any failure
// into a FormatError.
// It must never: use a name from inside a file as a path on the disk, expand
// an entity declared in a DTD, fetch anything, or let a library's exception
// reach the caller unwrapped.
import type { Archive } from './archive'
import { looksLikeCompoundFile, looksLikeZip } from './archive'
import { ELEMENT_NODE, parseXmlDocument, type DomDocument, type DomElement } from './dom'
import { FormatError, type ReaderContext } from './types'

/**
 * Why bytes handed to a zipped-document reader are not a zip: an OLE
 * compound file is an encrypted Office file (`encrypted`) or a Word/Excel
 * 97–2003 file (`old-format`); a PDF, RTF or markup is `unsupported`;
 * anything else is `corrupt`.
 */
export function notAPackage(bytes: Uint8Array): FormatError {
  if (looksLikeCompoundFile(bytes))
    return isEncryptedPackage(bytes)
      ? new FormatError('encrypted')
      : new FormatError('old-format', 'an OLE compound file (Word or Excel 97–2003)')
  if (looksLikeZip(bytes)) return new FormatError('corrupt', 'a damaged zip')
  const head = new TextDecoder('latin1')
    .decode(bytes.subarray(0, 64))
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
  if (head.startsWith('%PDF-')) return new FormatError('unsupported', 'a PDF')
  if (head.startsWith('{\\rtf')) return new FormatError('unsupported', 'an RTF document')
  if (/^\s*</.test(head)) return new FormatError('unsupported', 'markup, not a zipped document')
  if (looksLikeText(bytes))
    return new FormatError('unsupported', 'plain text, not a zipped document')
  return new FormatError('corrupt', 'not a zip')
}

/** Whether the first bytes are UTF-8 text without control characters (a text file, not a damaged zip). */
function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024)
  if (head.length === 0) return false
  let text: string
  try {
    // Streaming: a character cut at the end of the sample is not an error.
    text = new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true })
  } catch {
    return false
  }
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (
      (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) ||
      code === 0x7f
    )
      return false
  }
  return true
}

const MAX_SECTOR_SHIFT = 16

/**
 * Whether an OLE compound file holds an encrypted OOXML package (a password
 * protected DOCX/XLSX): a stream named `EncryptedPackage` or
 * `EncryptionInfo` in its directory. Directory entries are 128 bytes,
 * aligned on sectors, each starting with its UTF-16LE name, the name's
 * length in bytes (terminator included) at 64 and its type at 66.
 */
export function isEncryptedPackage(bytes: Uint8Array): boolean {
  if (!looksLikeCompoundFile(bytes) || bytes.length < 512) return false
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const shift = view.getUint16(30, true)
  if (shift < 9 || shift > MAX_SECTOR_SHIFT) return false
  const wanted = ['EncryptedPackage', 'EncryptionInfo']
  for (let at = 1 << shift; at + 128 <= bytes.length; at += 128) {
    const nameBytes = view.getUint16(at + 64, true)
    const type = bytes[at + 66]
    if (type !== 2 || nameBytes < 4 || nameBytes > 64 || nameBytes % 2) continue
    const name = new TextDecoder('utf-16le').decode(bytes.subarray(at, at + nameBytes - 2))
    if (wanted.includes(name)) return true
  }
  return false
}

/** XML text from its bytes: UTF-16 by its byte order mark, else UTF-8 (a BOM dropped). */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes)
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes)
  return new TextDecoder('utf-8').decode(bytes)
}

/**
 * Refuses XML that declares entities (the "billion laughs"): an `<!ENTITY`
 * anywhere, or a DOCTYPE with an internal subset. No office format needs
 * one; a public DOCTYPE (XHTML 1.1 in EPUB 2) is read, and never fetched.
 */
export function refuseDeclaredEntities(xml: string, name: string): void {
  const doctype = /<!DOCTYPE[^>]*/gi
  let m: RegExpExecArray | null
  let declares = /<!ENTITY/i.test(xml)
  while (!declares && (m = doctype.exec(xml)) !== null) declares = m[0].includes('[')
  if (declares) throw new FormatError('corrupt', `${name} declares entities in a DTD`)
}

/** Most characters of one XML part parsed (a hundred times a long article's; parsing takes time in proportion). */
export const MAX_MARKUP = 32 * 1024 * 1024

/**
 * What every part is checked for before a parser sees it: its size
 * (`too-large`), entities declared in a DTD (`corrupt`), and nesting
 * (`too-large`).
 */
export function checkMarkup(markup: string, name: string, html = false): void {
  if (markup.length > MAX_MARKUP)
    throw new FormatError(
      'too-large',
      `${name} holds more than ${MAX_MARKUP / 1024 / 1024} MiB of markup`,
    )
  refuseDeclaredEntities(markup, name)
  refuseDeepNesting(markup, name, html)
}

/** Deepest nesting of elements read (linkedom parses deep nesting in quadratic time; no document needs more). */
export const MAX_DEPTH = 1000

/** HTML elements that have no end tag, or whose end tag may be left out (they cannot nest in themselves). */
const HTML_UNCOUNTED = new Set(
  (
    'area base br col embed hr img input link meta param source track wbr ' +
    'p li dt dd tr td th thead tbody tfoot colgroup caption option optgroup rb rt rp html head body'
  ).split(' '),
)

/**
 * Refuses markup nested deeper than MAX_DEPTH (`too-large`), by counting
 * start and end tags (not inside comments, CDATA or processing
 * instructions) before anything is parsed. In `html` mode, elements
 * whose end tag HTML lets one leave out are not counted, start nor end.
 */
export function refuseDeepNesting(markup: string, name: string, html = false): void {
  let depth = 0
  for (let at = markup.indexOf('<'); at >= 0; at = markup.indexOf('<', at + 1)) {
    // Comments, CDATA sections and processing instructions are skipped whole.
    const skipTo = markup.startsWith('<!--', at)
      ? '-->'
      : markup.startsWith('<![CDATA[', at)
        ? ']]>'
        : markup.startsWith('<?', at)
          ? '?>'
          : null
    if (skipTo) {
      const end = markup.indexOf(skipTo, at)
      if (end < 0) return
      at = end
      continue
    }
    const closing = markup.charCodeAt(at + 1) === 0x2f
    const nameStart = at + (closing ? 2 : 1)
    const first = markup.charCodeAt(nameStart)
    // A declaration (`<!DOCTYPE`), or a `<` that starts no name, is no element.
    if (!(first >= 0x41 && first <= 0x5a) && !(first >= 0x61 && first <= 0x7a) && first !== 0x5f)
      continue
    const end = markup.indexOf('>', nameStart)
    if (end < 0) return
    if (html) {
      const tag = /^[^\s/>]+/.exec(markup.slice(nameStart, Math.min(end, nameStart + 40)))
      if (tag && HTML_UNCOUNTED.has(tag[0].toLowerCase())) {
        at = end
        continue
      }
    }
    if (closing) depth = Math.max(0, depth - 1)
    else if (markup.charCodeAt(end - 1) !== 0x2f && ++depth > MAX_DEPTH)
      throw new FormatError('too-large', `${name} nests elements more than ${MAX_DEPTH} deep`)
    at = end
  }
}

/**
 * An XML part of the archive, parsed (nothing expanded, nothing fetched);
 * null when absent. `prepare` may rewrite the checked text before parsing.
 */
export function xmlPart(
  archive: Archive,
  name: string,
  prepare?: (xml: string) => string,
): DomDocument | null {
  const bytes = archive.bytes(name)
  if (bytes === null) return null
  let xml = decodeXml(bytes)
  checkMarkup(xml, name)
  if (prepare) xml = prepare(xml)
  const document = parseXmlDocument(xml)
  // linkedom never throws: markup that is not XML has no root element.
  if (!document.documentElement || typeof document.documentElement.nodeName !== 'string')
    throw new FormatError('corrupt', `${name} is not XML`)
  return document
}

/** An element's name without its namespace prefix (`text:p` → `p`). */
export function localName(element: DomElement): string {
  return element.nodeName.replace(/^.*:/, '')
}

/** An attribute by its name without prefix (`w:val` → `val`), whatever prefix the file used. */
export function attributeByLocalName(element: DomElement, name: string): string | undefined {
  const attributes = element.attributes
  for (let i = 0; i < attributes.length; i++)
    if (attributes[i]!.name.replace(/^.*:/, '') === name) return attributes[i]!.value
  return undefined
}

/** The element children of an element. */
export function childElements(element: DomElement): DomElement[] {
  const out: DomElement[] = []
  const kids = element.childNodes
  for (let i = 0; i < kids.length; i++)
    if (kids[i]!.nodeType === ELEMENT_NODE) out.push(kids[i] as DomElement)
  return out
}

/** The elements under `root` (the root included), in document order. */
export function descendants(root: DomElement): DomElement[] {
  const out: DomElement[] = []
  const stack: DomElement[] = [root]
  while (stack.length > 0) {
    const element = stack.pop()!
    out.push(element)
    const kids = childElements(element)
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!)
  }
  return out
}

/**
 * Descendant elements (the root included) whose local name is one of
 * `names`, in document order; case-insensitive (HTML's parser names
 * elements in capitals).
 */
export function elementsNamed(root: DomElement, ...names: string[]): DomElement[] {
  const wanted = new Set(names.map((name) => name.toLowerCase()))
  return descendants(root).filter((element) => wanted.has(localName(element).toLowerCase()))
}

/** The text of the first element named `name` under `root`, white space collapsed; undefined when empty. */
export function firstText(root: DomElement, name: string): string | undefined {
  for (const element of elementsNamed(root, name)) {
    const text = collapse(element.textContent ?? '')
    if (text) return text
  }
  return undefined
}

/** White space runs as one space, trimmed. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/**
 * A name inside the package from a reference relative to `base` (the
 * folder of the part that holds it, `OEBPS/` or ``): percent-decoded, `.`
 * and `..` resolved, fragment and query dropped. Null when the reference
 * leaves the package (`../../evil`), is absolute on a disk, or names
 * another scheme (`http:`, `file:`): nothing outside the archive is ever
 * read.
 */
export function resolveInPackage(base: string, reference: string): string | null {
  const bare = reference.replace(/[#?].*$/s, '')
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(bare) || bare.startsWith('//') || bare.includes('\\'))
    return null
  let decoded: string
  try {
    decoded = decodeURIComponent(bare)
  } catch {
    return null
  }
  const parts = (decoded.startsWith('/') ? decoded : base + decoded).split('/')
  const out: string[] = []
  for (const part of parts) {
    if (part === '' || part === '.') continue
    if (part === '..') {
      if (out.length === 0) return null
      out.pop()
    } else out.push(part)
  }
  return out.length > 0 ? out.join('/') : null
}

/** The folder of a name inside the package, with its trailing `/` (`OEBPS/content.opf` → `OEBPS/`). */
export function folderOf(name: string): string {
  return name.slice(0, name.lastIndexOf('/') + 1)
}

/** `YYYY-MM-DD` when the text starts with a valid calendar date (a time may follow), else undefined. */
export function isoDate(text: string | undefined): string | undefined {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(text ?? '')
  if (!m) return undefined
  const [, y, mo, d] = m as unknown as [string, string, string, string]
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)))
  return date.getUTCMonth() === Number(mo) - 1 && date.getUTCDate() === Number(d)
    ? `${y}-${mo}-${d}`
    : undefined
}

/** Throws `cancelled` once the analyst has cancelled. */
export function checkCancelled(context: ReaderContext): void {
  if (context.cancelled?.()) throw new FormatError('cancelled')
}

/** Any failure as a FormatError: ours as is, a library's (or a stack overflow on absurd nesting) as `corrupt`. */
export function asFormatError(e: unknown): FormatError {
  if (e instanceof FormatError) return e
  return new FormatError('corrupt', e instanceof Error ? e.message : String(e))
}

/** Blocks, or `no-text` when a readable document holds none. */
export function requireText(blocks: string[]): string[] {
  if (!blocks.some((block) => block.trim() !== '')) throw new FormatError('no-text')
  return blocks
}
