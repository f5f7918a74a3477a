// The reader of saved web pages (.html, .htm): the article's text only,
// without the page around it (navigation, share bars, paywall boxes,
// related links, comments, consent banners, ads). The bytes are decoded
// (BOM, else the container's or the page's <meta> charset, else UTF-8, else
// windows-1252); markup-scan.ts refuses markup nested too deep and cuts
// scripts, styles and SVG; linkedom parses the rest; the page's metadata is
// read (meta tags, JSON-LD, byline, <time>); page chrome is removed; and
// Mozilla's Readability finds the article, whose content becomes blocks
// (html-blocks.ts). When Readability finds nothing, fails, or the page is
// too big or too deep for it to finish quickly, the body's text is read
// without its chrome, comment threads and sidebars.
// It must never: run a script, fetch anything (images, frames, styles: a
// saved page's `_files/` folder is never read), use a URL from the page as
// a path, let a library's exception out unwrapped, or read markup over
// HTML_MAX_BYTES.
import { Readability } from '@mozilla/readability'
import { blocksOf } from './html-blocks'
import { scanMarkup } from './markup-scan'
import {
  ELEMENT_NODE,
  parseHtmlDocument,
  TEXT_NODE,
  type DomDocument,
  type DomElement,
} from './dom'
import {
  FormatError,
  type FormatReader,
  type ReadAttributes,
  type ReadDocument,
  type ReaderContext,
} from './types'

/** Markup over this size is not read (`too-large`). */
export const HTML_MAX_BYTES = 50 * 1024 * 1024

/**
 * Past these, Readability is not run (its scoring grows with the number of
 * elements times their depth: 500 nested elements take it seconds) and the
 * body is read without its page chrome instead. Real article pages have a
 * few thousand elements, nested a few dozen deep.
 */
const READABILITY_MAX_ELEMENTS = 15_000
const READABILITY_MAX_DEPTH = 120

/** JSON-LD scripts larger than this are not parsed (a page's state dump, not its metadata). */
const JSON_LD_MAX_CHARS = 1_000_000

/** What a page read through another container (MHTML) already knows. */
export interface HtmlReadOptions {
  /** The charset its container declares for the markup (MIME part's `charset`). */
  charset?: string
  /** The page's address per its container, used when the page tells none. */
  url?: string
}

/** Reads a saved web page: the article's blocks and attributes. */
export const readHtml: FormatReader = (bytes, context) => readHtmlWith(bytes, context, {})

/** `readHtml` for markup found inside another container (MHTML). */
export async function readHtmlWith(
  bytes: Uint8Array,
  context: ReaderContext,
  options: HtmlReadOptions,
): Promise<ReadDocument> {
  try {
    return await readPage(bytes, context, options)
  } catch (e) {
    // Whatever a library throws on markup it cannot take is a damaged file, said as such.
    throw e instanceof FormatError ? e : new FormatError('corrupt', messageOf(e))
  }
}

async function readPage(
  bytes: Uint8Array,
  context: ReaderContext,
  options: HtmlReadOptions,
): Promise<ReadDocument> {
  if (bytes.length > HTML_MAX_BYTES)
    throw new FormatError('too-large', `${bytes.length} bytes of markup`)
  checkCancelled(context)
  const { text, encoding } = decodeHtml(bytes, options.charset)
  const markup = scanMarkup(text)
  await nextTurn(context)
  const document = parsePage(markup)
  const walked = walkPage(document)
  const page = pageMetadata(document, walked)
  checkCancelled(context)
  removeChrome(walked)
  await nextTurn(context)

  let article: Article | null = null
  if (withinReadabilityLimits(document)) {
    try {
      article = runReadability(document)
    } catch {
      // Readability gave up on this markup: the body is read as it is below.
      article = null
    }
  }
  checkCancelled(context)

  const siteName = page.siteName ?? clean(article?.siteName) ?? page.jsonLd.publisher
  const author =
    page.jsonLd.author ??
    authorOf(page.metaAuthor) ??
    page.bylineAuthor ??
    authorOf(article?.byline)
  let blocks = article ? dropBylineBlock(blocksOf(article.content), author) : []
  if (blocks.length === 0) {
    const again = parsePage(markup)
    removeChrome(walkPage(again), true)
    blocks = again.body ? blocksOf(again.body) : []
  }
  if (blocks.length === 0) throw new FormatError('no-text')

  const title = stripSiteSuffix(
    clean(article?.title) ?? page.ogTitle ?? page.jsonLd.headline ?? page.title,
    siteName,
    page.headings,
  )
  // The heading that repeats the title is not text of the article (Readability drops it too).
  if (title && blocks.length > 1 && blocks[0]!.toLowerCase() === title.toLowerCase()) blocks.shift()
  const attributes: ReadAttributes = {}
  if (author) attributes.author = author
  if (siteName) attributes.outlet = siteName
  const published =
    dateOf(page.publishedMeta) ??
    dateOf(page.jsonLd.datePublished) ??
    dateOf(page.timeInArticle) ??
    dateOf(article?.publishedTime)
  if (published) attributes.published = published
  const pageUrl = httpUrl(page.ogUrl) ?? httpUrl(options.url)
  const url = httpUrl(page.canonical, pageUrl) ?? pageUrl
  if (url) attributes.url = url
  if (page.language) attributes.language = page.language

  const result: ReadDocument = { blocks, attributes, encoding }
  if (title) result.title = title
  return result
}

/**
 * The page as a document with its <html> and <body> (linkedom leaves a
 * fragment, or a page without <html>, without them): a fragment is read
 * as the body of a page.
 */
function parsePage(markup: string): DomDocument {
  try {
    const source = /<html[\s>]/i.test(markup)
      ? markup
      : /<body[\s>]/i.test(markup)
        ? `<html>${markup}</html>`
        : `<html><body>${markup}</body></html>`
    let document = parseHtmlDocument(source)
    if ((document.documentElement as DomElement | null)?.nodeName !== 'HTML' || !document.body)
      document = parseHtmlDocument(`<html><body>${markup}</body></html>`)
    return document
  } catch (e) {
    throw new FormatError('corrupt', messageOf(e))
  }
}

function checkCancelled(context: ReaderContext): void {
  if (context.cancelled?.()) throw new FormatError('cancelled')
}

/** Lets the process answer between the long steps (an analyst's cancel among them), then checks it. */
async function nextTurn(context: ReaderContext): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve))
  checkCancelled(context)
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}

// ---------------------------------------------------------------------------
// Decoding

/** The encodings' names as Gloss reports them (WHATWG names, UTF-* upper-cased). */
function encodingName(whatwg: string): string {
  return /^utf-/i.test(whatwg) ? whatwg.toUpperCase() : whatwg
}

function decoderFor(
  label: string | undefined,
  fatal = false,
): InstanceType<typeof TextDecoder> | null {
  if (!label) return null
  try {
    return new TextDecoder(label.trim(), { fatal })
  } catch {
    return null
  }
}

/**
 * Decodes a page's bytes the way a browser does for a file: a BOM wins,
 * then the charset its container declares, then a `<meta charset>` or
 * `http-equiv` content type in the first 1024 bytes, else UTF-8 if the
 * bytes are valid UTF-8, else windows-1252. A declared UTF-16 without a
 * BOM is read as UTF-8 (as browsers do: the declaration was written in ASCII).
 */
export function decodeHtml(
  bytes: Uint8Array,
  declared?: string,
): { text: string; encoding: string } {
  const bom =
    bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
      ? 'utf-8'
      : bytes[0] === 0xff && bytes[1] === 0xfe
        ? 'utf-16le'
        : bytes[0] === 0xfe && bytes[1] === 0xff
          ? 'utf-16be'
          : undefined
  let decoder = decoderFor(bom) ?? decoderFor(declared) ?? decoderFor(metaCharset(bytes))
  if (decoder && !bom && decoder.encoding.startsWith('utf-16')) decoder = decoderFor('utf-8')
  if (decoder) return { text: decoded(decoder, bytes), encoding: encodingName(decoder.encoding) }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' }
  } catch {
    return {
      text: decoded(new TextDecoder('windows-1252'), bytes),
      encoding: 'windows-1252',
    }
  }
}

/** windows-1252's characters for 0x80–0x9F (where 0x81, 0x8D, 0x8F, 0x90, 0x9D stay C1 controls, as WHATWG says). */
const WINDOWS_1252_C1 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178'

/**
 * The decoder's text. Node's windows-1252 decoder (up to Node 22) decodes
 * as ISO-8859-1, giving C1 controls for € ’ “ ” – — œ…: those are mapped
 * to windows-1252's characters here (a real windows-1252 text has none).
 */
function decoded(decoder: InstanceType<typeof TextDecoder>, bytes: Uint8Array): string {
  const text = decoder.decode(bytes)
  return decoder.encoding === 'windows-1252'
    ? text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80]!)
    : text
}

/** The charset a `<meta>` tag declares in the first 1024 bytes, if any. */
function metaCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024))
    .toString('latin1')
    .replace(/<!--[\s\S]*?-->/g, '')
  for (const tag of head.matchAll(/<meta\s[^>]*>/gi)) {
    const charset = /charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(tag[0])
    if (charset) return charset[1]
  }
  return undefined
}

// ---------------------------------------------------------------------------
// Metadata

interface JsonLdArticle {
  headline?: string
  author?: string
  publisher?: string
  datePublished?: string
}

interface PageMetadata {
  title?: string
  ogTitle?: string
  siteName?: string
  metaAuthor?: string
  publishedMeta?: string
  canonical?: string
  ogUrl?: string
  language?: string
  timeInArticle?: string
  /** The author as the page's byline element shows it. */
  bylineAuthor?: string
  /** The text of the page's first-level headings (to recognize a title's site suffix). */
  headings: string[]
  jsonLd: JsonLdArticle
}

/** Trimmed, white space collapsed; undefined when nothing is left. */
function clean(value: string | null | undefined): string | undefined {
  const text = value?.replace(/\s+/g, ' ').trim()
  return text ? text : undefined
}

/** What the page says about itself, read before Readability changes the document. */
function pageMetadata(document: DomDocument, page: Seen[]): PageMetadata {
  const metas = new Map<string, string>()
  let title: string | undefined
  let canonical: string | undefined
  let timeInArticle: string | undefined
  let timeInMain: string | undefined
  const headings: string[] = []
  const jsonLd: string[] = []
  for (const seen of page) {
    const { element } = seen
    switch (seen.name) {
      case 'meta': {
        const content = clean(element.getAttribute('content'))
        if (!content) break
        const keys = `${element.getAttribute('property') ?? ''} ${element.getAttribute('name') ?? ''} ${element.getAttribute('itemprop') ?? ''}`
        for (const key of keys.toLowerCase().split(/\s+/))
          if (key && !metas.has(key)) metas.set(key, content)
        break
      }
      case 'title':
        title ??= clean(element.textContent)
        break
      case 'link':
        if (!canonical && /(^|\s)canonical(\s|$)/i.test(element.getAttribute('rel') ?? ''))
          canonical = clean(element.getAttribute('href'))
        break
      case 'time':
        if (seen.inArticle) timeInArticle ??= clean(element.getAttribute('datetime'))
        if (seen.inMain) timeInMain ??= clean(element.getAttribute('datetime'))
        break
      case 'h1':
        headings.push(clean(element.textContent) ?? '')
        break
      case 'script':
        if (/^\s*application\/ld\+json\s*$/i.test(element.getAttribute('type') ?? ''))
          jsonLd.push(element.textContent ?? '')
        break
    }
  }
  const lang = clean(document.documentElement.getAttribute('lang'))
  const ogLocale = metas.get('og:locale')?.replace(/_/g, '-')
  const language = [lang, ogLocale].find(
    (tag) => tag !== undefined && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(tag),
  )
  return {
    title,
    ogTitle: metas.get('og:title') ?? metas.get('twitter:title'),
    siteName: metas.get('og:site_name'),
    metaAuthor: metas.get('author') ?? metas.get('dc:creator'),
    publishedMeta:
      metas.get('article:published_time') ??
      metas.get('datepublished') ??
      metas.get('og:article:published_time'),
    canonical,
    ogUrl: metas.get('og:url'),
    language,
    timeInArticle: timeInArticle ?? timeInMain,
    bylineAuthor: bylineAuthor(page),
    headings,
    jsonLd: jsonLdArticle(jsonLd),
  }
}

const ARTICLE_TYPE = /Article$|BlogPosting$|^Report$|LiveBlogPosting$/

/** The first schema.org article described by the page's JSON-LD scripts. */
function jsonLdArticle(scripts: string[]): JsonLdArticle {
  for (const script of scripts) {
    const source = script.replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '')
    if (source.length > JSON_LD_MAX_CHARS) continue
    let data: unknown
    try {
      data = JSON.parse(source)
    } catch {
      continue
    }
    const article = findArticle(data, 0)
    if (article) return describe(article)
  }
  return {}
}

type JsonObject = Record<string, unknown>

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function findArticle(data: unknown, depth: number): JsonObject | undefined {
  if (depth > 4) return undefined
  if (Array.isArray(data)) {
    for (const item of data) {
      const found = findArticle(item, depth + 1)
      if (found) return found
    }
    return undefined
  }
  if (!isObject(data)) return undefined
  const types = ([] as unknown[]).concat(data['@type'])
  if (types.some((t) => typeof t === 'string' && ARTICLE_TYPE.test(t))) return data
  return findArticle(data['@graph'], depth + 1)
}

function nameOf(value: unknown): string | undefined {
  if (typeof value === 'string') return clean(value)
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((n): n is string => n !== undefined)
    return names.length ? names.join(', ') : undefined
  }
  return isObject(value) && typeof value.name === 'string' ? clean(value.name) : undefined
}

function describe(article: JsonObject): JsonLdArticle {
  const text = (value: unknown) => (typeof value === 'string' ? clean(value) : undefined)
  return {
    headline: text(article.headline) ?? text(article.name),
    author: authorOf(nameOf(article.author)),
    publisher: nameOf(article.publisher),
    datePublished: text(article.datePublished) ?? text(article.dateCreated),
  }
}

/** Class or id words of a byline element (Readability's, without `dateline`). */
const BYLINE_WORDS = /byline|author/i

/**
 * The author named by the article's byline element (Readability's way:
 * class or id `byline`/`author`, `rel=author`, `itemprop=author`), in the
 * first article (else anywhere in the body) and outside comment threads;
 * its `itemprop=name` when it has one, else its first line.
 */
function bylineAuthor(page: Seen[]): string | undefined {
  const inScope = page.some((s) => s.inFirstArticle)
    ? (s: Seen) => s.inFirstArticle
    : (s: Seen) => s.inBody
  for (const seen of page) {
    if (!inScope(seen) || seen.inComments) continue
    const { element } = seen
    if (
      !BYLINE_WORDS.test(seen.words) &&
      !/(^|\s)author(\s|$)/i.test(element.getAttribute('rel') ?? '') &&
      !/(^|\s)author(\s|$)/i.test(element.getAttribute('itemprop') ?? '')
    )
      continue
    const named = element.querySelector('[itemprop~="name"]') ?? element
    const line = blocksOf(named)[0]
    if (!line || line.length > 100) continue
    const author = authorOf(line)
    if (author && !BYLINE_PREFIX_ONLY.test(author)) return author
  }
  return undefined
}

/**
 * An author as a byline shows it, without the "By"/"Par" before the name;
 * a byline spanning lines (name, then role) keeps its first line.
 */
function authorOf(byline: string | null | undefined): string | undefined {
  if (!byline) return undefined
  const lines = byline
    .split(/\n/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
  let first = lines[0]
  if (first && BYLINE_PREFIX_ONLY.test(first) && lines[1]) first = `${first} ${lines[1]}`
  return clean(first?.replace(BYLINE_PREFIX, ''))
}

const BYLINE_PREFIX = /^(by|par|von|por|door)\s*:?\s+/i
const BYLINE_PREFIX_ONLY = /^(by|par|von|por|door)\s*:?$/i

/** Without a leading block that only repeats the byline (Readability keeps it when the author came from metadata). */
function dropBylineBlock(blocks: string[], author: string | undefined): string[] {
  if (!author) return blocks
  const same = (block: string) =>
    authorOf(block)?.toLowerCase() === author.toLowerCase() ||
    block.replace(/\s+/g, ' ').trim().toLowerCase() === author.toLowerCase()
  const index = blocks.slice(0, 3).findIndex(same)
  return index === -1 ? blocks : blocks.filter((_, i) => i !== index)
}

const TITLE_SEPARATORS = [' | ', ' - ', ' – ', ' — ', ' · ', ' :: ', ' » ']

/**
 * The title without a " | Site" suffix: one that names the site, or that
 * follows exactly the page's own heading (`Post title – Blog name`).
 */
function stripSiteSuffix(
  title: string | undefined,
  site: string | undefined,
  headings: string[],
): string | undefined {
  if (!title) return title
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase()
  for (const separator of TITLE_SEPARATORS) {
    const at = title.lastIndexOf(separator)
    if (at <= 0) continue
    const head = clean(title.slice(0, at))!
    const suffix = title.slice(at + separator.length).trim()
    if ((site && same(suffix, site)) || headings.some((h) => same(h, head))) return head
  }
  return title
}

/** A date as `YYYY-MM-DD`: the date written in an ISO date-time (the outlet's own day), else any date `Date` reads. */
export function dateOf(value: string | null | undefined): string | undefined {
  const text = value?.trim()
  if (!text) return undefined
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(text)
  if (iso) {
    const [, y, m, d] = iso
    const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)))
    return date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d)
      ? `${y}-${m}-${d}`
      : undefined
  }
  if (!/[A-Za-z]{3}/.test(text) || text.length > 64) return undefined
  const time = Date.parse(text)
  if (Number.isNaN(time)) return undefined
  const date = new Date(time).toISOString().slice(0, 10)
  return /^\d{4}-/.test(date) ? date : undefined
}

/** An absolute http(s) URL (a relative one resolved against `base`), else undefined. */
function httpUrl(value: string | undefined, base?: string): string | undefined {
  if (!value) return undefined
  try {
    const url = base ? new URL(value, base) : new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined
  } catch {
    return undefined
  }
}

// ---------------------------------------------------------------------------
// The article

interface Article {
  title?: string | null
  byline?: string | null
  siteName?: string | null
  publishedTime?: string | null
  content: DomElement
}

/** Whether the document is small and shallow enough for Readability to finish quickly. */
function withinReadabilityLimits(document: DomDocument): boolean {
  const stack: Array<[DomElement, number]> = [[document.documentElement, 1]]
  let count = 0
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [element, depth] = entry
    if (++count > READABILITY_MAX_ELEMENTS || depth > READABILITY_MAX_DEPTH) return false
    const kids = element.children
    for (let i = 0; i < kids.length; i++) stack.push([kids[i]!, depth + 1])
  }
  return true
}

type ReadabilityDocument = ConstructorParameters<typeof Readability>[0]

/** Readability's article, its content as an element (not serialized and parsed again). */
function runReadability(document: DomDocument): Article | null {
  // Readability is typed with the DOM's Document and Node; linkedom's document is one at run time.
  const reader = new Readability<DomElement>(document as unknown as ReadabilityDocument, {
    serializer: (node: unknown) => node as DomElement,
  })
  const parsed = reader.parse()
  if (!parsed?.content) return null
  return {
    title: parsed.title,
    byline: parsed.byline,
    siteName: parsed.siteName,
    publishedTime: parsed.publishedTime,
    content: parsed.content,
  }
}

// ---------------------------------------------------------------------------
// The page, walked once

/** An element of the page as the walk saw it, in document order. */
interface Seen {
  element: DomElement
  /** Its parent's index in the walk (-1: the root). */
  parent: number
  /** The local name, lower case. */
  name: string
  /** Its class and id. */
  words: string
  inBody: boolean
  /** Inside an <article>. */
  inArticle: boolean
  inFirstArticle: boolean
  /** Inside a <main>. */
  inMain: boolean
  /** Inside an element whose class or id says comment. */
  inComments: boolean
  /** Non-space characters of text in it (counted after the walk). */
  size: number
  /** Whether it holds an <h1> (found after the walk). */
  hasH1: boolean
}

/**
 * Every element of the document in one walk (its own stack: no depth
 * limit), with what the metadata and the chrome removal need to know.
 */
function walkPage(document: DomDocument): Seen[] {
  const page: Seen[] = []
  let firstArticle = -1
  const stack: Array<{ element: DomElement; parent: number }> = [
    { element: document.documentElement, parent: -1 },
  ]
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const { element, parent } = entry
    const up = parent === -1 ? undefined : page[parent]
    const name = element.localName.toLowerCase()
    const words = `${element.getAttributeNode('class')?.value ?? ''} ${element.getAttributeNode('id')?.value ?? ''}`
    if (name === 'article' && firstArticle === -1) firstArticle = page.length
    const seen: Seen = {
      element,
      parent,
      name,
      words,
      inBody: name === 'body' || (up?.inBody ?? false),
      inArticle: name === 'article' || (up?.inArticle ?? false),
      inFirstArticle: firstArticle === page.length || (up?.inFirstArticle ?? false),
      inMain: name === 'main' || (up?.inMain ?? false),
      inComments: /comment/i.test(words) || (up?.inComments ?? false),
      size: 0,
      hasH1: name === 'h1',
    }
    const index = page.push(seen) - 1
    const kids = element.childNodes
    for (let i = kids.length - 1; i >= 0; i--) {
      const kid = kids[i]!
      if (kid.nodeType === ELEMENT_NODE) stack.push({ element: kid as DomElement, parent: index })
      else if (kid.nodeType === TEXT_NODE)
        seen.size += (kid.textContent ?? '').replace(/\s+/g, '').length
    }
  }
  // Children come after their parent: sizes and headings flow up in reverse order.
  for (let i = page.length - 1; i > 0; i--) {
    const seen = page[i]!
    const parent = page[seen.parent]!
    parent.size += seen.size
    parent.hasH1 ||= seen.hasH1
  }
  return page
}

/** Page chrome that is never article text, whatever its size. */
const CHROME_NAMES = new Set(['nav', 'dialog', 'template'])
const CHROME_ROLES = new Set(['navigation', 'search', 'dialog', 'alertdialog'])

/** Page chrome that is not article text unless it holds the article's heading or is inside <article>/<main>. */
const OUTSIDE_NAMES = new Set(['header', 'footer', 'aside'])
const OUTSIDE_ROLES = new Set(['banner', 'contentinfo', 'complementary'])

/**
 * Class and id words of small page furniture inside or around an article:
 * share bars, paywall boxes, consent banners, bylines and date lines,
 * kickers, photo credits, tags, screen-reader-only text, ads. Such an
 * element is removed only when it holds little text (BOILERPLATE_MAX_CHARS):
 * a container that happens to carry one of these words keeps its article.
 */
const BOILERPLATE =
  /(?:^|[\s_-])(?:share|sharing|social|paywall|subscri\w*|abonn\w*|newsletter|promo|visually-?hidden|sr-only|screen-reader-text|skip-link|breadcrumbs?|byline|author|dateline|timestamp|posted-on|posted-by|meta|kicker|eyebrow|overline|credits?|copyright|tags?|tag-list|taxonomies|cat-links|tags-links|post-navigation|nav-links|related|read-more|most-read|ads?|advert\w*|sponsor\w*|outbrain|taboola)(?=$|[\s_-])/i
const BOILERPLATE_MAX_CHARS = 200

/** Consent banners (cookie notices, consent platforms): never article text, whatever their size. */
const CONSENT = /(?:^|[\s_-])(?:cookies?|consent|didomi|gdpr|onetrust|cmp|truste)(?=$|[\s_-])/i

/** Removed as well when the body is read without Readability: comment threads, sidebars, widgets. */
const FALLBACK_CHROME =
  /(?:^|[\s_-])(?:comments?|comment-list|disqus\w*|sidebar|widgets?)(?=$|[\s_-])/i

function isChrome(seen: Seen, fallback: boolean): boolean {
  const { element, name } = seen
  const role = (element.getAttribute('role') ?? '').trim().toLowerCase()
  if (
    CHROME_NAMES.has(name) ||
    CHROME_ROLES.has(role) ||
    element.getAttribute('hidden') !== null ||
    element.getAttribute('aria-hidden') === 'true' ||
    element.getAttribute('aria-modal') === 'true'
  )
    return true
  if ((OUTSIDE_NAMES.has(name) || OUTSIDE_ROLES.has(role)) && !seen.hasH1 && !isInsideArticle(seen))
    return true
  if (!seen.inBody || seen.name === 'body') return false
  return (
    CONSENT.test(seen.words) ||
    (BOILERPLATE.test(seen.words) && seen.size <= BOILERPLATE_MAX_CHARS) ||
    (fallback && FALLBACK_CHROME.test(seen.words))
  )
}

/** Inside (not being) an <article> or <main>. */
function isInsideArticle(seen: Seen): boolean {
  return (seen.inArticle && seen.name !== 'article') || (seen.inMain && seen.name !== 'main')
}

/**
 * Removes the page around the article in place: navigation, the site's
 * header and footer, asides, what is hidden, and small page furniture named
 * by its class (BOILERPLATE). With `fallback`, also comment threads and
 * sidebars of any size (Readability is not there to leave them out).
 */
function removeChrome(page: Seen[], fallback = false): void {
  const removed = new Uint8Array(page.length)
  for (let i = 0; i < page.length; i++) {
    const seen = page[i]!
    if (seen.parent !== -1 && removed[seen.parent]) removed[i] = 1
    else if (seen.parent !== -1 && isChrome(seen, fallback)) {
      removed[i] = 1
      seen.element.remove()
    }
  }
}
