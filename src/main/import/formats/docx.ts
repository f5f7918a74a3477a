// DOCX (Word 2007 and later) to text blocks: paragraphs, headings, list
// items and table cells in reading order, then the footnotes and endnotes
// (in the order they are referenced; the reference marks are dropped from
// the text). Title and author come from the core properties, the language
// from the core properties or the styles' defaults; `published` is never
// guessed from the file's dates. The text is converted by mammoth, which
// reads the package only through Gloss's hardened zip reader (never its
// own): a zip bomb, too many entries or an unsafe name stop there.
// It must never: read an image or an external file, let mammoth's own unzip
// see the bytes, apply a style map from inside the file, or let a library's
// exception escape unwrapped.
import mammoth from 'mammoth'
import { Archive, looksLikeZip } from './archive'
import { parseHtmlDocument, type DomElement } from './dom'
import { blocksOf } from './html-blocks'
import {
  asFormatError,
  attributeByLocalName,
  checkCancelled,
  checkMarkup,
  decodeXml,
  elementsNamed,
  firstText,
  folderOf,
  localName,
  notAPackage,
  requireText,
  resolveInPackage,
  xmlPart,
} from './package-parts'
import { FormatError, type ReadAttributes, type ReadDocument, type ReaderContext } from './types'

const RELATIONSHIPS = '/relationships/'
const WORD_CONTENT_TYPE = /wordprocessingml|ms-word/i

/** Reads a DOCX (or DOTX, DOCM: the text only, never a macro). */
export async function readDocx(bytes: Uint8Array, context: ReaderContext): Promise<ReadDocument> {
  try {
    checkCancelled(context)
    if (!looksLikeZip(bytes)) throw notAPackage(bytes)
    const archive = Archive.open(bytes)
    const main = mainDocument(archive)
    const attributes = readAttributes(archive, main)
    const title = attributes.title
    delete attributes.title
    checkCancelled(context)
    const html = await toHtml(archive)
    checkCancelled(context)
    return { ...(title ? { title } : {}), blocks: requireText(htmlBlocks(html)), attributes }
  } catch (e) {
    throw asFormatError(e)
  }
}

/** The main document's name, checked to be a Word document's; throws `unsupported`/`corrupt`. */
function mainDocument(archive: Archive): string {
  const types = contentTypes(archive)
  const main =
    relationshipTarget(archive, '_rels/.rels', '', 'officeDocument') ?? 'word/document.xml'
  if (!archive.has(main)) {
    if ([...types.values()].some((type) => WORD_CONTENT_TYPE.test(type)))
      throw new FormatError('corrupt', `the document part ${main} is missing`)
    throw new FormatError('unsupported', 'a zip that is not a Word document')
  }
  const type = types.get(main)
  if (type !== undefined && !WORD_CONTENT_TYPE.test(type))
    throw new FormatError('unsupported', `an Office file that is not a Word document (${type})`)
  return main
}

/** `[Content_Types].xml`: part name (without its leading `/`) → content type, for the parts it overrides. */
function contentTypes(archive: Archive): Map<string, string> {
  const out = new Map<string, string>()
  const document = xmlPart(archive, '[Content_Types].xml')
  if (!document) return out
  for (const override of elementsNamed(document.documentElement, 'Override')) {
    const name = resolveInPackage('', override.getAttribute('PartName') ?? '')
    const type = override.getAttribute('ContentType')
    if (name && type) out.set(name, type)
  }
  return out
}

/** The target of the first relationship of a type (`officeDocument`, `styles`) in a `.rels` part, inside the package. */
function relationshipTarget(
  archive: Archive,
  rels: string,
  base: string,
  type: string,
): string | null {
  const document = xmlPart(archive, rels)
  if (!document) return null
  for (const relationship of elementsNamed(document.documentElement, 'Relationship')) {
    if (!(relationship.getAttribute('Type') ?? '').endsWith(RELATIONSHIPS + type)) continue
    if ((relationship.getAttribute('TargetMode') ?? '').toLowerCase() === 'external') continue
    const target = resolveInPackage(base, relationship.getAttribute('Target') ?? '')
    if (target && archive.has(target)) return target
  }
  return null
}

/**
 * Title and author from the core properties; the language the text is
 * marked with (the default paragraph style's, else the document defaults'),
 * else the core properties' (where LibreOffice writes its own locale when
 * the document names none).
 */
function readAttributes(archive: Archive, main: string): ReadAttributes & { title?: string } {
  const out: ReadAttributes & { title?: string } = {}
  const coreName =
    relationshipTarget(archive, '_rels/.rels', '', 'metadata/core-properties') ??
    'docProps/core.xml'
  const core = xmlPart(archive, coreName)?.documentElement
  const title = core && firstText(core, 'title')
  const author = core && firstText(core, 'creator')
  const language = stylesLanguage(archive, main) ?? (core && firstText(core, 'language'))
  if (title) out.title = title
  if (author) out.author = author
  if (language) out.language = language
  return out
}

/** The `w:lang` of the default paragraph style, else of the document defaults. */
function stylesLanguage(archive: Archive, main: string): string | undefined {
  const folder = folderOf(main)
  const mainRels = `${folder}_rels/${main.slice(folder.length)}.rels`
  const stylesName = relationshipTarget(archive, mainRels, folder, 'styles') ?? 'word/styles.xml'
  const styles = xmlPart(archive, stylesName)?.documentElement
  if (!styles) return undefined
  const normal = elementsNamed(styles, 'style').find(
    (style) =>
      attributeByLocalName(style, 'type') === 'paragraph' &&
      /^(1|true|on)$/.test(attributeByLocalName(style, 'default') ?? ''),
  )
  for (const scope of [normal, elementsNamed(styles, 'docDefaults')[0]]) {
    const lang = scope ? elementsNamed(scope, 'lang')[0] : undefined
    const language = lang ? attributeByLocalName(lang, 'val')?.trim() : undefined
    if (language) return language
  }
  return undefined
}

/**
 * The zip mammoth reads (its `file` input): every part comes from the
 * hardened archive, XML parts are checked for declared entities, and a name
 * that leaves the package does not exist.
 */
function mammothZip(archive: Archive) {
  const part = (name: string): string | null => {
    const out: string[] = []
    for (const segment of name.split('/')) {
      if (segment === '' || segment === '.') continue
      if (segment === '..') {
        if (out.length === 0) return null
        out.pop()
      } else out.push(segment)
    }
    return out.join('/') || null
  }
  return {
    exists: (name: string) => {
      const inside = part(name)
      return inside !== null && archive.has(inside)
    },
    read: (name: string, encoding?: string): Promise<string | Uint8Array> => {
      try {
        const inside = part(name)
        const bytes = inside === null ? null : archive.bytes(inside)
        if (bytes === null) throw new FormatError('corrupt', `no part named ${name}`)
        if (encoding === 'base64') return Promise.resolve(bytes.toString('base64'))
        if (!encoding) return Promise.resolve(new Uint8Array(bytes))
        const text = decodeXml(bytes)
        checkMarkup(text, name)
        return Promise.resolve(text)
      } catch (e) {
        return Promise.reject(asFormatError(e))
      }
    },
    write: () => {
      throw new FormatError('corrupt', 'the document is read only')
    },
    toArrayBuffer: () => Promise.reject(new FormatError('corrupt', 'the document is read only')),
  }
}

/** mammoth's HTML of the document: no image (not even its alternative text), no embedded style map. */
async function toHtml(archive: Archive): Promise<string> {
  // mammoth's documented inputs are a path or a buffer (read by its own
  // unzip); its `file` input is the zip interface it reads through.
  const input = { file: mammothZip(archive) } as unknown as { buffer: Buffer }
  // An image converter giving no element: images are neither read nor kept.
  const noImage = (() => Promise.resolve([])) as unknown as ReturnType<
    typeof mammoth.images.imgElement
  >
  const result = await mammoth.convertToHtml(input, {
    convertImage: noImage,
    includeEmbeddedStyleMap: false,
    externalFileAccess: false,
  })
  return result.value
}

/** mammoth's note elements: `<a href="#footnote-1">` in the text, `<li id="footnote-1">` at the end. */
const NOTE = /^(footnote|endnote)-/

/** The body's blocks, then the notes' (reference marks and back links dropped). */
function htmlBlocks(html: string): string[] {
  const document = parseHtmlDocument(`<!doctype html><html><body>${html}</body></html>`)
  const body = document.body
  if (!body) return []
  const notes: DomElement[] = []
  for (const item of Array.from(body.querySelectorAll('li[id]')))
    if (NOTE.test(item.getAttribute('id') ?? '') && localName(item) === 'li') notes.push(item)
  for (const link of Array.from(body.querySelectorAll('a[href^="#"]'))) {
    const target = (link.getAttribute('href') ?? '').slice(1)
    // A reference mark ([1]) in the text, or a back link (↑) in a note.
    if (NOTE.test(target) || /^(footnote|endnote)-ref-/.test(target)) link.remove()
  }
  const noteBlocks = notes.flatMap((note) => blocksOf(note))
  for (const note of notes) note.remove()
  return [...blocksOf(body), ...noteBlocks]
}
