// EPUB (2 and 3) to text blocks: the chapters in spine order, each read
// from its XHTML body (paragraphs, headings, list items, table cells), then
// the footnotes and endnotes marked as such (`epub:type`, DPUB-ARIA roles)
// in the order they come, their reference and back-link marks dropped. A
// chapter without a heading of its own starts with its table-of-contents
// label, unless it already starts with it. Title, author(s), language,
// publisher (the outlet), publication date and source URL come from the
// package's metadata.
// Every name is resolved inside the archive, in memory: a reference that
// leaves the package is refused, a remote one is never fetched, and
// nothing runs. A book with DRM (an encryption.xml that encrypts more than
// fonts, or a rights.xml) is refused as encrypted.
// It must never: fetch, run a script, expand an entity declared in a DTD,
// or use a name from inside the book as a path on the disk.
import { Archive, looksLikeZip } from './archive'
import { parseHtmlDocument, type DomDocument, type DomElement, type DomNode } from './dom'
import { blocksOf } from './html-blocks'
import {
  asFormatError,
  attributeByLocalName,
  checkCancelled,
  checkMarkup,
  collapse,
  decodeXml,
  descendants,
  elementsNamed,
  firstText,
  folderOf,
  isoDate,
  notAPackage,
  requireText,
  resolveInPackage,
  xmlPart,
} from './package-parts'
import { FormatError, type ReadAttributes, type ReadDocument, type ReaderContext } from './types'

const EPUB_TYPE = 'application/epub+zip'
/** Font obfuscation (IDPF, Adobe): fonts mangled against copying, the text left readable. */
const FONT_OBFUSCATION = new Set([
  'http://www.idpf.org/2008/embedding',
  'http://ns.adobe.com/pdf/enc#RC',
])
const NOTE_TYPES = new Set([
  'footnote',
  'footnotes',
  'endnote',
  'endnotes',
  'rearnote',
  'rearnotes',
  'note',
  'doc-footnote',
  'doc-endnote',
  'doc-endnotes',
])
const NOTEREF_TYPES = new Set(['noteref', 'doc-noteref'])
const BACKLINK_TYPES = new Set(['backlink', 'doc-backlink'])
const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6']
const REMOTE = /^[A-Za-z][A-Za-z0-9+.-]*:|^\/\//

interface Item {
  id: string
  /** The file's name inside the archive. */
  name: string
  mediaType: string
  properties: string[]
}

interface Chapter {
  name: string
  document: DomDocument
  body: DomElement
}

/** Reads an EPUB: its chapters' text, notes at the end, and its metadata. */
export async function readEpub(bytes: Uint8Array, context: ReaderContext): Promise<ReadDocument> {
  try {
    checkCancelled(context)
    if (!looksLikeZip(bytes)) throw notAPackage(bytes)
    const archive = Archive.open(bytes)
    const mimetype = archive.text('mimetype')?.trim()
    if (mimetype !== undefined && mimetype !== EPUB_TYPE)
      throw new FormatError('unsupported', `a zip of type ${mimetype.slice(0, 80)}, not an EPUB`)
    if (archive.has('META-INF/rights.xml'))
      throw new FormatError('encrypted', 'the book is protected by DRM (rights.xml)')
    const opfName = packageName(archive, mimetype === EPUB_TYPE)
    const opf = xmlPart(archive, opfName)?.documentElement
    if (!opf) throw new FormatError('corrupt', `the package document ${opfName} is missing`)
    const items = manifest(opf, folderOf(opfName))
    const spine = spineItems(opf, items)
    checkDrm(archive, spine)
    const { title, ...attributes } = metadata(opf)
    const labels = tocLabels(archive, opf, items)
    const generated = isLibepubgen(opf)

    const chapters: Chapter[] = []
    for (const item of spine) {
      checkCancelled(context)
      const chapter = readChapter(archive, item)
      if (chapter) chapters.push(chapter)
      context.onProgress?.(chapters.length, spine.length)
      // Let a cancel from the interface (an IPC message) come in between chapters.
      await new Promise((resolve) => setImmediate(resolve))
    }
    const blocks: string[] = []
    const notes: string[] = []
    const refTargets = noterefTargets(chapters)
    for (const chapter of chapters) {
      notes.push(...takeNotes(chapter, refTargets))
      const chapterBlocks = blocksOf(chapter.body)
      const label = labels.get(chapter.name)
      const hasHeading = elementsNamed(chapter.body, ...HEADINGS).length > 0
      if (
        label &&
        !hasHeading &&
        collapse(chapterBlocks[0] ?? '') !== label &&
        !(generated && /^Section \d+$/.test(label))
      )
        chapterBlocks.unshift(label)
      blocks.push(...chapterBlocks)
    }
    return { ...(title ? { title } : {}), blocks: requireText([...blocks, ...notes]), attributes }
  } catch (e) {
    throw asFormatError(e)
  }
}

/** The package document's name, from META-INF/container.xml. */
function packageName(archive: Archive, saysEpub: boolean): string {
  const container = xmlPart(archive, 'META-INF/container.xml')?.documentElement
  if (!container)
    throw saysEpub
      ? new FormatError('corrupt', 'META-INF/container.xml is missing')
      : new FormatError('unsupported', 'a zip that is not an EPUB')
  const rootfiles = elementsNamed(container, 'rootfile')
  const rootfile =
    rootfiles.find((r) => r.getAttribute('media-type') === 'application/oebps-package+xml') ??
    rootfiles[0]
  const path = rootfile?.getAttribute('full-path') ?? ''
  const name = REMOTE.test(path) ? null : resolveInPackage('', path)
  if (!name)
    throw new FormatError('corrupt', 'container.xml names no package document inside the book')
  return name
}

/** The manifest's items by id, their names resolved inside the package. */
function manifest(opf: DomElement, base: string): Map<string, Item> {
  const items = new Map<string, Item>()
  for (const element of elementsNamed(opf, 'item')) {
    const id = element.getAttribute('id')
    const href = element.getAttribute('href') ?? ''
    // A remote resource (audio, a font) is never fetched.
    if (!id || REMOTE.test(href)) continue
    const name = resolveInPackage(base, href)
    if (!name)
      throw new FormatError(
        'corrupt',
        `the manifest names a file outside the book (${href.slice(0, 80)})`,
      )
    items.set(id, {
      id,
      name,
      mediaType: (element.getAttribute('media-type') ?? '').trim().toLowerCase(),
      properties: (element.getAttribute('properties') ?? '').split(/\s+/).filter(Boolean),
    })
  }
  return items
}

/** The spine's content documents, in reading order (the navigation document left out). */
function spineItems(opf: DomElement, items: Map<string, Item>): Item[] {
  const out: Item[] = []
  for (const ref of elementsNamed(opf, 'itemref')) {
    const item = items.get(ref.getAttribute('idref') ?? '')
    if (!item || item.properties.includes('nav')) continue
    if (item.mediaType === 'application/xhtml+xml' || item.mediaType === 'text/html') out.push(item)
  }
  return out
}

/** Refuses a book whose encryption.xml encrypts anything but fonts (obfuscated fonts are no DRM). */
function checkDrm(archive: Archive, spine: Item[]): void {
  const encryption = xmlPart(archive, 'META-INF/encryption.xml')?.documentElement
  if (!encryption) return
  const chapters = new Set(spine.map((item) => item.name))
  for (const data of elementsNamed(encryption, 'EncryptedData')) {
    const method = elementsNamed(data, 'EncryptionMethod')[0]
    const algorithm = method?.getAttribute('Algorithm') ?? ''
    const reference = elementsNamed(data, 'CipherReference')[0]?.getAttribute('URI') ?? ''
    const name = resolveInPackage('', reference)
    if (!FONT_OBFUSCATION.has(algorithm) || (name !== null && chapters.has(name)))
      throw new FormatError('encrypted', 'the book is protected by DRM (encryption.xml)')
  }
}

/** What EPUB writers put where the document had no title or author (LibreOffice: "Unknown Title"): nothing. */
const PLACEHOLDERS = new Set(['unknown title', 'unknown author', 'unknown', 'untitled'])
const placeholder = (value: string | undefined) =>
  value && !PLACEHOLDERS.has(value.trim().toLowerCase()) ? value : undefined

/** Title, author(s), language, publisher, publication date and source URL. */
function metadata(opf: DomElement): ReadAttributes & { title?: string } {
  const out: ReadAttributes & { title?: string } = {}
  const root = elementsNamed(opf, 'metadata')[0] ?? opf
  const title = placeholder(firstText(root, 'title'))
  const authors = [
    ...new Set(elementsNamed(root, 'creator').map((c) => collapse(c.textContent ?? ''))),
  ].filter((a) => Boolean(placeholder(a)))
  const language = firstText(root, 'language')
  const outlet = firstText(root, 'publisher')
  const published = elementsNamed(root, 'date')
    .filter((d) =>
      /^(|publication|original-publication)$/.test(attributeByLocalName(d, 'event') ?? ''),
    )
    .map((d) => isoDate(d.textContent ?? undefined))
    .find(Boolean)
  const source = firstText(root, 'source')
  if (title) out.title = title
  if (authors.length > 0) out.author = authors.join(', ')
  if (outlet) out.outlet = outlet
  if (published) out.published = published
  if (source && /^https?:\/\/\S+$/i.test(source)) out.url = source
  if (language) out.language = language
  return out
}

/** Whether LibreOffice's EPUB writer (libepubgen) wrote the book: it labels a section without heading "Section N". */
function isLibepubgen(opf: DomElement): boolean {
  return elementsNamed(opf, 'meta').some((meta) =>
    /libepubgen/i.test(meta.getAttribute('content') ?? ''),
  )
}

/** Table-of-contents labels by file (EPUB 3's navigation document, else EPUB 2's NCX). */
function tocLabels(
  archive: Archive,
  opf: DomElement,
  items: Map<string, Item>,
): Map<string, string> {
  const labels = new Map<string, string>()
  const add = (base: string, href: string, label: string) => {
    if (REMOTE.test(href) || href.includes('#')) return
    const name = resolveInPackage(base, href)
    const text = collapse(label)
    if (name && text && !labels.has(name)) labels.set(name, text)
  }
  const nav = [...items.values()].find((item) => item.properties.includes('nav'))
  const navDocument = nav ? xmlPart(archive, nav.name, decodeHtmlEntities) : null
  if (nav && navDocument) {
    const navs = elementsNamed(navDocument.documentElement, 'nav')
    const toc = navs.find((n) => epubTypes(n).includes('toc')) ?? navs[0]
    for (const link of toc ? elementsNamed(toc, 'a') : [])
      add(folderOf(nav.name), link.getAttribute('href') ?? '', link.textContent ?? '')
    if (labels.size > 0) return labels
  }
  const spine = elementsNamed(opf, 'spine')[0]
  const ncx =
    items.get(spine?.getAttribute('toc') ?? '') ??
    [...items.values()].find((item) => item.mediaType === 'application/x-dtbncx+xml')
  const ncxDocument = ncx ? xmlPart(archive, ncx.name) : null
  if (ncx && ncxDocument)
    for (const point of elementsNamed(ncxDocument.documentElement, 'navPoint')) {
      const label = elementsNamed(point, 'navLabel')[0]
      const content = elementsNamed(point, 'content')[0]
      if (label && content)
        add(folderOf(ncx.name), content.getAttribute('src') ?? '', firstText(label, 'text') ?? '')
    }
  return labels
}

/** One spine document's body, or null when it has none; a missing file is `corrupt`. */
function readChapter(archive: Archive, item: Item): Chapter | null {
  if (!archive.has(item.name))
    throw new FormatError('corrupt', `the chapter ${item.name.slice(0, 120)} is missing`)
  let document: DomDocument | null
  if (item.mediaType === 'text/html') {
    const html = decodeXml(archive.bytes(item.name)!)
    checkMarkup(html, item.name, true)
    document = parseHtmlDocument(html)
  } else document = xmlPart(archive, item.name, decodeHtmlEntities)
  const body = document ? elementsNamed(document.documentElement, 'body')[0] : undefined
  return document && body ? { name: item.name, document, body } : null
}

/** The `epub:type` and `role` tokens of an element. */
function epubTypes(element: DomElement): string[] {
  return `${element.getAttribute('epub:type') ?? ''} ${element.getAttribute('role') ?? ''}`
    .split(/\s+/)
    .filter(Boolean)
}

/** `file#id` of every note reference, and of the elements around it that have an id (a back link's target). */
function noterefTargets(chapters: Chapter[]): Set<string> {
  const out = new Set<string>()
  for (const chapter of chapters)
    for (const ref of descendants(chapter.body)) {
      if (!epubTypes(ref).some((t) => NOTEREF_TYPES.has(t))) continue
      for (let node: DomNode | null = ref; node && node !== chapter.body; node = node.parentNode) {
        const id = (node as DomElement).getAttribute?.('id')
        if (id) out.add(`${chapter.name}#${id}`)
      }
    }
  return out
}

/**
 * Takes the notes out of a chapter and gives their blocks: the reference
 * marks in the text and the back links in the notes are dropped.
 */
function takeNotes(chapter: Chapter, refTargets: Set<string>): string[] {
  const all = descendants(chapter.body)
  const isNote = (element: DomElement) => epubTypes(element).some((t) => NOTE_TYPES.has(t))
  const notes = all.filter((element) => {
    if (!isNote(element)) return false
    for (let up = element.parentNode; up && up !== chapter.body; up = up.parentNode)
      if (isNote(up as DomElement)) return false
    return true
  })
  const base = folderOf(chapter.name)
  for (const note of notes)
    for (const link of elementsNamed(note, 'a')) {
      const href = link.getAttribute('href') ?? ''
      const hash = href.indexOf('#')
      if (hash < 0) continue
      const file = hash === 0 ? chapter.name : resolveInPackage(base, href.slice(0, hash))
      if (
        epubTypes(link).some((t) => BACKLINK_TYPES.has(t)) ||
        refTargets.has(`${file}#${decodeFragment(href.slice(hash + 1))}`)
      )
        link.remove()
    }
  for (const element of all)
    if (epubTypes(element).some((t) => NOTEREF_TYPES.has(t))) element.remove()
  const blocks = notes.flatMap((note) => blocksOf(note))
  for (const note of notes) note.remove()
  return blocks
}

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment)
  } catch {
    return fragment
  }
}

/** XML's own entities, left to the XML parser. */
const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos'])
/** Most distinct entity names looked up in one file. */
const MAX_ENTITY_NAMES = 2000

/**
 * HTML's named entities (`&nbsp;`, `&eacute;`), which EPUB 2's XHTML may use
 * (its DTD declares them) but an XML parser does not know: replaced by their
 * characters before parsing. Unknown names are left as they are.
 */
function decodeHtmlEntities(xml: string): string {
  const known = new Map<string, string>()
  return xml.replace(/&([A-Za-z][A-Za-z0-9]{1,31});/g, (entity, name: string) => {
    if (XML_ENTITIES.has(name)) return entity
    let text = known.get(name)
    if (text === undefined) {
      if (known.size >= MAX_ENTITY_NAMES) return entity
      text =
        parseHtmlDocument(`<!doctype html><html><body>${entity}</body></html>`).body?.textContent ??
        entity
      text = text.replace(/&/g, '&amp;').replace(/</g, '&lt;')
      known.set(name, text)
    }
    return text
  })
}
