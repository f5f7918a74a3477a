// The PDF reader: the text layer of a PDF, page by page through pdfjs (its
// legacy build, whose worker runs in-process on Node and in Electron's
// main), laid out into paragraphs by pdf-layout.ts; title, author and
// language from the document's information dictionary (else XMP; else a
// title from the type sizes of the first page).
// It must never: touch the disk or the network (bytes in, text out; the
// CMap, standard font and WebAssembly loaders pdfjs would use are replaced by
// ones that refuse, so a PDF that needs them loses that text instead), run
// a script (no eval, no XFA, no font loading), keep the event loop long (it
// yields after every page read and every page laid out, and stops between
// pages once cancelled), or let a pdfjs error escape: every failure is a
// FormatError. `unsupported`: no %PDF- header; `corrupt`: cut short (no
// %%EOF at the end) or damaged; `encrypted`: a password is needed to open
// it; `scanned`: no text on any page but page furniture (Gloss has no OCR);
// `too-large`: over PDF_LIMITS; `cancelled`.
// Not read: images, annotations, form fields, attachments, the publication
// date (a PDF's CreationDate is the file's, not the article's). Right-to-left
// scripts come out line by line in drawing order, untested. CJK text that
// needs one of pdfjs's predefined CMaps is lost (they are files Gloss does
// not load).
import type * as PdfjsModule from 'pdfjs-dist/legacy/build/pdf.mjs'
import {
  dropPageFurniture,
  layoutColumns,
  pageLines,
  readingOrder,
  type Column,
  type Layout,
  type PageLines,
  type TextPiece,
} from './pdf-layout'
import {
  FormatError,
  type FormatReader,
  type ReadAttributes,
  type ReadDocument,
  type ReaderContext,
} from './types'

/** Limits on what Gloss reads from one PDF. */
export interface PdfLimits {
  /** Pages (a longer PDF is `too-large` before any page is read). */
  pages: number
  /** Characters of text, all pages together. */
  chars: number
}

/** Gloss's limits: 2,000 pages, 20 million characters. */
export const PDF_LIMITS: PdfLimits = { pages: 2000, chars: 20_000_000 }

type Pdfjs = typeof PdfjsModule
let loaded: Promise<Pdfjs> | null = null

/**
 * pdfjs, loaded on first use (it is large). Its worker is the module itself,
 * handed over as `globalThis.pdfjsWorker` so that pdfjs never imports a
 * worker script by path.
 */
function pdfjs(): Promise<Pdfjs> {
  loaded ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs')
    ;(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker
    return import('pdfjs-dist/legacy/build/pdf.mjs')
  })()
  return loaded
}

/** Stands in for pdfjs's CMap, standard font and WebAssembly loaders: Gloss loads no file for a PDF. */
class NoFiles {
  constructor(_options: unknown) {}
  fetch(): Promise<never> {
    return Promise.reject(new Error('Gloss loads no file to read a PDF'))
  }
}

const HEADER = '%PDF-'
const END_MARKER = '%%EOF'

function latin1(bytes: Uint8Array): string {
  return new TextDecoder('latin1').decode(bytes)
}

/** Whether the bytes start like a PDF (`%PDF-` within the first KiB, as readers accept it). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  return latin1(bytes.subarray(0, 1024)).includes(HEADER)
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

/** A reader of PDFs within the given limits (tests lower them). */
export function pdfReader(limits: PdfLimits = PDF_LIMITS): FormatReader {
  return (bytes, context) => read(bytes, context, limits)
}

/** A PDF's text as paragraphs, with its title, author and language when it tells them. */
export const readPdf: FormatReader = pdfReader()

async function read(
  bytes: Uint8Array,
  context: ReaderContext,
  limits: PdfLimits,
): Promise<ReadDocument> {
  if (!looksLikePdf(bytes)) throw new FormatError('unsupported', 'not a PDF (no %PDF- header)')
  if (!latin1(bytes.subarray(Math.max(0, bytes.length - 1024))).includes(END_MARKER))
    throw new FormatError('corrupt', 'the file is cut short (no %%EOF at its end)')
  let task: ReturnType<Pdfjs['getDocument']> | undefined
  try {
    const lib = await pdfjs()
    task = lib.getDocument({
      // A plain copy (a Buffer is refused): pdfjs hands its buffer over to the worker.
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      useWorkerFetch: false,
      useWasm: false,
      enableXfa: false,
      isOffscreenCanvasSupported: false,
      isImageDecoderSupported: false,
      disableAutoFetch: true,
      disableStream: true,
      disableRange: true,
      CMapReaderFactory: NoFiles,
      StandardFontDataFactory: NoFiles,
      WasmFactory: NoFiles,
      verbosity: lib.VerbosityLevel.ERRORS,
    })
    const doc = await task.promise
    const count = doc.numPages
    if (count > limits.pages)
      throw new FormatError('too-large', `${count} pages (Gloss reads up to ${limits.pages})`)
    const info = await readInfo(doc)
    const pages = await readPages(doc, count, context, limits)
    const layout = await layOut(pages)
    if (layout.blocks.length === 0)
      throw new FormatError('scanned', 'no text found; Gloss does not read scanned pages (OCR)')
    return { title: info.title ?? layout.title, blocks: layout.blocks, attributes: info.attributes }
  } catch (e) {
    throw asFormatError(e)
  } finally {
    await task?.destroy().catch(() => undefined)
  }
}

/** pdf-layout's layoutDocument, yielding to the event loop between pages. */
async function layOut(pages: PageLines[]): Promise<Layout> {
  const kept = dropPageFurniture(
    pages.map((p) => p.lines),
    pages,
  )
  const columns: Column[][] = []
  for (const lines of kept) {
    columns.push(readingOrder(lines))
    await yieldToEventLoop()
  }
  return layoutColumns(columns)
}

type PdfDocument = Awaited<ReturnType<Pdfjs['getDocument']>['promise']>

async function readPages(
  doc: PdfDocument,
  count: number,
  context: ReaderContext,
  limits: PdfLimits,
): Promise<PageLines[]> {
  // Each page's pieces become lines at once (the pieces are many, the lines few).
  const pages: PageLines[] = []
  let chars = 0
  for (let n = 1; n <= count; n++) {
    if (context.cancelled?.()) throw new FormatError('cancelled')
    const page = await doc.getPage(n)
    const content = await page.getTextContent({ disableNormalization: true })
    const pieces: TextPiece[] = []
    for (const item of content.items) {
      if (!('str' in item)) continue
      chars += item.str.length
      pieces.push({
        text: item.str,
        transform: item.transform as number[],
        width: item.width,
        eol: item.hasEOL,
      })
    }
    if (chars > limits.chars)
      throw new FormatError('too-large', `more than ${limits.chars} characters of text`)
    const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view
    pages.push(pageLines({ view: [x0, y0, x1, y1], pieces }, n - 1))
    page.cleanup()
    context.onProgress?.(n, count)
    await yieldToEventLoop()
  }
  return pages
}

/** A title that is only a file's name or a placeholder is no title. */
function usableTitle(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined
  const title = raw
    .replace(/^Microsoft (?:Word|PowerPoint|Excel) - /, '')
    .replace(/\s+/g, ' ')
    .trim()
  if (!title) return undefined
  if (/\.(?:docx?|odt|rtf|txt|pdf|indd|pages|html?|xlsx?|pptx?)$/i.test(title)) return undefined
  if (/^(?:untitled|sans titre|document\d*|titre|title)$/i.test(title)) return undefined
  return title
}

function text(raw: unknown): string | undefined {
  if (Array.isArray(raw)) raw = raw.filter((r) => typeof r === 'string').join(', ')
  if (typeof raw !== 'string') return undefined
  const value = raw.replace(/\s+/g, ' ').trim()
  return value || undefined
}

/** Title, author and language from the information dictionary, else from the XMP metadata. */
async function readInfo(doc: PdfDocument): Promise<{ title?: string; attributes: ReadAttributes }> {
  // Unreadable metadata costs the attributes, not the text.
  const { info, metadata } = await doc
    .getMetadata()
    .catch(() => ({ info: {}, metadata: null }) as const)
  const fields = info as Record<string, unknown>
  const xmp = (name: string): unknown => (metadata ? metadata.get(name) : undefined)
  const title = usableTitle(fields.Title) ?? usableTitle(xmp('dc:title'))
  const author = text(fields.Author) ?? text(xmp('dc:creator'))
  const lang = text(fields.Language)
  const attributes: ReadAttributes = {}
  if (author) attributes.author = author
  if (lang && /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i.test(lang)) attributes.language = lang
  return { title, attributes }
}

/** pdfjs's errors as Gloss's problems; a FormatError passes through. */
function asFormatError(e: unknown): FormatError {
  if (e instanceof FormatError) return e
  const name = (e as { name?: unknown } | null)?.name
  const message = e instanceof Error ? e.message : String(e)
  if (name === 'PasswordException') return new FormatError('encrypted', message)
  return new FormatError('corrupt', message)
}
