// ODT (OpenDocument text: LibreOffice, OpenOffice, Google Docs' export) to
// text blocks: headings, paragraphs, list items and table cells in reading
// order, text boxes' paragraphs where they stand, then the footnotes and
// endnotes (in the order they are referenced; the citation marks are
// dropped from the text). `text:s` is its count of spaces, `text:tab` a
// tab, `text:line-break` a line break. Images, comments (annotations),
// deleted text of tracked changes and generated indexes (a table of
// contents) are not text of the article. Title, author and language come
// from meta.xml (the language, else, from the default paragraph style).
// It must never: read a package whose parts are encrypted, expand an entity
// declared in a DTD, follow a link or an image's path, or let a parser's
// exception escape unwrapped.
import { Archive, looksLikeZip } from './archive'
import { ELEMENT_NODE, TEXT_NODE, type DomElement, type DomNode } from './dom'
import {
  asFormatError,
  attributeByLocalName,
  checkCancelled,
  elementsNamed,
  firstText,
  notAPackage,
  requireText,
  xmlPart,
} from './package-parts'
import { FormatError, type ReadAttributes, type ReadDocument, type ReaderContext } from './types'

/** The media types read: text, and its template and master document. */
const TEXT_TYPES = new Set([
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.text-template',
  'application/vnd.oasis.opendocument.text-master',
])

/** Namespaces by the prefix the readers below use (a file may declare other prefixes). */
const NAMESPACES: Record<string, string> = {
  'urn:oasis:names:tc:opendocument:xmlns:office:1.0': 'office',
  'urn:oasis:names:tc:opendocument:xmlns:text:1.0': 'text',
  'urn:oasis:names:tc:opendocument:xmlns:table:1.0': 'table',
  'urn:oasis:names:tc:opendocument:xmlns:drawing:1.0': 'draw',
  'urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0': 'svg',
  'urn:oasis:names:tc:opendocument:xmlns:style:1.0': 'style',
  'urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0': 'fo',
  'urn:oasis:names:tc:opendocument:xmlns:meta:1.0': 'meta',
  'http://purl.org/dc/elements/1.1/': 'dc',
}

/** Elements whose content is not text of the article. */
const SKIPPED = new Set([
  'office:annotation',
  'office:annotation-end',
  'office:binary-data',
  'office:event-listeners',
  'office:forms',
  'office:scripts',
  'text:tracked-changes',
  'text:note-citation',
  'text:number',
  'text:sequence-decls',
  'text:variable-decls',
  'text:user-field-decls',
  'text:dde-connection-decls',
  'text:table-of-content',
  'text:illustration-index',
  'text:table-index',
  'text:object-index',
  'text:user-index',
  'text:alphabetical-index',
  'text:bibliography',
  'draw:image',
  'draw:object',
  'draw:object-ole',
  'draw:applet',
  'draw:plugin',
  'svg:title',
  'svg:desc',
])

/** Elements that end the block before them and start one of their own. */
const BLOCKS = new Set([
  'office:text',
  'text:p',
  'text:h',
  'text:list',
  'text:list-item',
  'text:list-header',
  'text:section',
  'text:note-body',
  'table:table',
  'table:table-row',
  'table:table-cell',
  'table:covered-table-cell',
  'draw:text-box',
])

/** Most spaces one `text:s` gives (its count is the file's word). */
const MAX_SPACES = 1000

/** Reads an ODT (or OTT): its text, footnotes and endnotes, and its title, author and language. */
export function readOdt(bytes: Uint8Array, context: ReaderContext): Promise<ReadDocument> {
  try {
    checkCancelled(context)
    if (!looksLikeZip(bytes)) throw notAPackage(bytes)
    const archive = Archive.open(bytes)
    checkType(archive)
    const content = xmlPart(archive, 'content.xml')
    if (!content) throw new FormatError('corrupt', 'content.xml is missing')
    const names = new Names(content.documentElement)
    const text = elementsNamed(content.documentElement, 'text').find(
      (element) => names.of(element) === 'office:text',
    )
    if (!text) throw new FormatError('corrupt', 'content.xml has no text body')
    checkCancelled(context)
    const { body, notes } = textBlocks(text, names)
    const { title, ...attributes } = readMeta(archive)
    return Promise.resolve({
      ...(title ? { title } : {}),
      blocks: requireText([...body, ...notes]),
      attributes,
    })
  } catch (e) {
    return Promise.reject(asFormatError(e))
  }
}

/** Refuses a package that is another ODF document (or none), or whose parts are encrypted. */
function checkType(archive: Archive): void {
  const manifest = xmlPart(archive, 'META-INF/manifest.xml')?.documentElement
  let type = archive.text('mimetype')?.trim()
  if (manifest) {
    if (elementsNamed(manifest, 'encryption-data').length > 0)
      throw new FormatError('encrypted', 'the document is protected by a password')
    const root = elementsNamed(manifest, 'file-entry').find(
      (entry) => attributeByLocalName(entry, 'full-path') === '/',
    )
    type ??= root ? attributeByLocalName(root, 'media-type') : undefined
  }
  if (type === undefined) {
    if (!archive.has('content.xml'))
      throw new FormatError('unsupported', 'not an OpenDocument file')
  } else if (!TEXT_TYPES.has(type))
    throw new FormatError('unsupported', `an OpenDocument file that is not text (${type})`)
}

/** Element and attribute names by the usual prefixes, whatever prefixes the file declared. */
class Names {
  private readonly prefixes = new Map<string, string>()
  private readonly declared = new Map<string, string>()

  constructor(root: DomElement) {
    const attributes = root.attributes
    for (let i = 0; i < attributes.length; i++) {
      const { name, value } = attributes[i]!
      if (!name.startsWith('xmlns:')) continue
      const usual = NAMESPACES[value]
      if (!usual) continue
      this.prefixes.set(name.slice(6), usual)
      this.declared.set(usual, name.slice(6))
    }
  }

  /** `text:p` for a text paragraph, whichever prefix the file gave its namespace. */
  of(element: DomElement): string {
    const at = element.nodeName.indexOf(':')
    if (at < 0) return element.nodeName
    const prefix = element.nodeName.slice(0, at)
    return `${this.prefixes.get(prefix) ?? prefix}:${element.nodeName.slice(at + 1)}`
  }

  /** An attribute by its usual prefixed name (`text:c`). */
  attribute(element: DomElement, usual: string): string | null {
    const at = usual.indexOf(':')
    const prefix = this.declared.get(usual.slice(0, at)) ?? usual.slice(0, at)
    return element.getAttribute(`${prefix}:${usual.slice(at + 1)}`)
  }
}

interface Collector {
  blocks: string[]
  current: string
  /** Whether the text so far ends in a space that a following space collapses into. */
  collapsible: boolean
}

/** The blocks of the body, and of the notes in the order they are cited. */
function textBlocks(text: DomElement, names: Names): { body: string[]; notes: string[] } {
  const notes: string[] = []
  const fresh = (): Collector => ({ blocks: [], current: '', collapsible: false })
  const flush = (c: Collector) => {
    const block = c.current
      .split('\n')
      .map((line) => line.trim())
      .join('\n')
      .replace(/^\n+|\n+$/g, '')
    if (block) c.blocks.push(block)
    c.current = ''
    c.collapsible = false
  }
  const walk = (node: DomNode, c: Collector) => {
    if (node.nodeType === TEXT_NODE) {
      // ODF's white space: any run of spaces, tabs and newlines is one space;
      // none at a paragraph's start.
      let part = (node.textContent ?? '').replace(/[ \t\r\n]+/g, ' ')
      if (part.startsWith(' ') && (c.current === '' || c.collapsible)) part = part.slice(1)
      if (part) {
        c.current += part
        c.collapsible = part.endsWith(' ')
      }
      return
    }
    if (node.nodeType !== ELEMENT_NODE) return
    const element = node as DomElement
    const name = names.of(element)
    if (SKIPPED.has(name)) return
    if (name === 'text:s') {
      const count = Number.parseInt(names.attribute(element, 'text:c') ?? '1', 10)
      c.current += ' '.repeat(Math.min(MAX_SPACES, Math.max(1, count || 1)))
      c.collapsible = false
      return
    }
    if (name === 'text:tab' || name === 'text:line-break') {
      c.current += name === 'text:tab' ? '\t' : '\n'
      c.collapsible = name === 'text:line-break'
      return
    }
    if (name === 'text:note') {
      const note = fresh()
      for (const child of Array.from(element.children))
        if (names.of(child) === 'text:note-body') walk(child, note)
      flush(note)
      notes.push(...note.blocks)
      return
    }
    const block = BLOCKS.has(name)
    if (block) flush(c)
    const kids = element.childNodes
    for (let i = 0; i < kids.length; i++) walk(kids[i]!, c)
    if (block) flush(c)
  }
  const body = fresh()
  walk(text, body)
  flush(body)
  return { body: body.blocks, notes }
}

/** Title, author (the initial creator, else the last one) and language. */
function readMeta(archive: Archive): ReadAttributes & { title?: string } {
  const out: ReadAttributes & { title?: string } = {}
  const meta = xmlPart(archive, 'meta.xml')?.documentElement
  if (meta) {
    const title = firstText(meta, 'title')
    const author = firstText(meta, 'initial-creator') ?? firstText(meta, 'creator')
    const language = firstText(meta, 'language')
    if (title) out.title = title
    if (author) out.author = author
    if (language) out.language = language
  }
  if (!out.language) {
    const language = defaultLanguage(archive)
    if (language) out.language = language
  }
  return out
}

/** The default paragraph style's language (`fo:language` and `fo:country`), when it names one. */
function defaultLanguage(archive: Archive): string | undefined {
  const styles = xmlPart(archive, 'styles.xml')?.documentElement
  if (!styles) return undefined
  for (const style of elementsNamed(styles, 'default-style')) {
    if (attributeByLocalName(style, 'family') !== 'paragraph') continue
    for (const properties of elementsNamed(style, 'text-properties')) {
      const language = attributeByLocalName(properties, 'language')
      if (!language || !/^[A-Za-z]{2,8}$/.test(language) || /^(zxx|none)$/i.test(language)) continue
      const country = attributeByLocalName(properties, 'country')
      return country && /^[A-Za-z0-9]{2,3}$/.test(country) && !/^none$/i.test(country)
        ? `${language}-${country}`
        : language
    }
  }
  return undefined
}
