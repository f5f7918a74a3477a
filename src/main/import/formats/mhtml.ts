// The reader of web archives (.mhtml, .mht: Chrome's "Save as single
// file", and other MIME web archives): a small MIME parser finds the page's
// HTML part and hands it to the HTML reader (html.ts). The message is
// multipart/related (or a single text/html part); parts are split on the
// boundary in the bytes, their headers read (folded lines, quoted
// parameters), and only the chosen part's body is decoded
// (quoted-printable, base64, 7bit, 8bit, binary) with its charset.
// It must never: decode or look at the other parts (images, styles,
// frames), use a part's Content-Location as a path or fetch it, or read a
// message over MHTML_MAX_BYTES.
import { readHtmlWith } from './html'
import { FormatError, type FormatReader, type ReadDocument, type ReaderContext } from './types'

/** A web archive over this size is not read (`too-large`): its page itself is limited by the HTML reader. */
export const MHTML_MAX_BYTES = 200 * 1024 * 1024

/** A header block longer than this is not a header block. */
const MAX_HEADER_BYTES = 64 * 1024
/** The content types of a page. */
const PAGE_TYPES = new Set(['text/html', 'application/xhtml+xml'])
/** Nested multiparts deeper than this are not searched. */
const MAX_DEPTH = 4

interface Headers {
  get(name: string): string | undefined
}

interface ContentType {
  type: string
  params: Map<string, string>
}

interface Part {
  headers: Headers
  contentType: ContentType
  /** The body's bytes, still transfer-encoded. */
  body: Buffer
  /** False when the body runs to the end of the bytes without its closing boundary (a cut file). */
  complete: boolean
}

/** Whether the bytes start like a MIME web archive (a header block declaring a multipart/related or HTML message). */
export function looksLikeMhtml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 8192)).toString(
    'latin1',
  )
  const end = head.search(/\r?\n\r?\n/)
  if (end <= 0 || !/^[\x21-\x39\x3b-\x7e]+:/.test(head)) return false
  const headers = parseHeaders(head.slice(0, end))
  const type = headers.get('content-type')
  return type !== undefined && /^\s*(multipart\/related|text\/html)\b/i.test(type)
}

/** Reads a web archive: the article of its main HTML part (see html.ts). */
export const readMhtml: FormatReader = async (bytes, context) => {
  try {
    return await readArchive(bytes, context)
  } catch (e) {
    throw e instanceof FormatError
      ? e
      : new FormatError('corrupt', e instanceof Error ? e.message : String(e))
  }
}

async function readArchive(bytes: Uint8Array, context: ReaderContext): Promise<ReadDocument> {
  if (bytes.length > MHTML_MAX_BYTES)
    throw new FormatError('too-large', `${bytes.length} bytes of web archive`)
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)
  const message = readEntity(buffer, true)
  const snapshot = clean(message.headers.get('snapshot-content-location'))
  const parts: Part[] = []
  collectParts(message, 0, parts)
  const htmlParts = parts.filter((p) => PAGE_TYPES.has(p.contentType.type))
  const main =
    (snapshot && htmlParts.find((p) => clean(p.headers.get('content-location')) === snapshot)) ||
    htmlParts[0]
  if (!main) throw new FormatError('corrupt', 'no HTML part')
  if (!main.complete) throw new FormatError('corrupt', 'the HTML part is cut')
  const html = decodeBody(main)
  if (context.cancelled?.()) throw new FormatError('cancelled')
  const document: ReadDocument = await readHtmlWith(html, context, {
    charset: main.contentType.params.get('charset'),
    url: snapshot ?? clean(main.headers.get('content-location')),
  })
  if (document.title === undefined) {
    const subject = decodeWords(message.headers.get('subject'))
    if (subject) document.title = subject
  }
  return document
}

function clean(value: string | undefined): string | undefined {
  const text = value?.replace(/\s+/g, ' ').trim()
  return text ? text : undefined
}

// ---------------------------------------------------------------------------
// MIME structure

/** The first blank line's position and length in the first MAX_HEADER_BYTES, if any. */
function blankLine(entity: Buffer): { at: number; length: number } | undefined {
  const window = entity.subarray(0, MAX_HEADER_BYTES + 4)
  const crlf = window.indexOf('\r\n\r\n')
  const lf = window.indexOf('\n\n')
  if (crlf === -1 && lf === -1) return undefined
  if (lf === -1 || (crlf !== -1 && crlf < lf)) return { at: crlf, length: 4 }
  return { at: lf, length: 2 }
}

/** An entity's headers and (still encoded) body. */
function readEntity(entity: Buffer, top: boolean): Part {
  let headerEnd: number
  let bodyStart: number
  if (!top && entity[0] === 0x0a) [headerEnd, bodyStart] = [0, 1]
  else if (!top && entity[0] === 0x0d && entity[1] === 0x0a) [headerEnd, bodyStart] = [0, 2]
  else {
    const blank = blankLine(entity)
    if (blank) [headerEnd, bodyStart] = [blank.at, blank.at + blank.length]
    // A part with headers and no body.
    else if (!top && entity.length <= MAX_HEADER_BYTES)
      [headerEnd, bodyStart] = [entity.length, entity.length]
    else throw new FormatError('corrupt', 'no end to the MIME headers')
  }
  const headerText = entity.toString('latin1', 0, headerEnd)
  if (top && !/^[\x21-\x39\x3b-\x7e]+:/.test(headerText))
    throw new FormatError('corrupt', 'not a MIME message')
  const headers = parseHeaders(headerText)
  if (top && !headers.get('content-type'))
    throw new FormatError('corrupt', 'the message has no Content-Type')
  return {
    headers,
    contentType: parseContentType(headers.get('content-type')),
    body: entity.subarray(bodyStart),
    complete: true,
  }
}

/** Header fields, unfolded; names case-insensitive; the first of a repeated field is kept. */
function parseHeaders(text: string): Headers {
  const fields = new Map<string, string>()
  const unfolded = text.replace(/\r?\n(?=[ \t])/g, '')
  for (const line of unfolded.split(/\r?\n/)) {
    const colon = line.indexOf(':')
    if (colon <= 0) continue
    const name = line.slice(0, colon).trim().toLowerCase()
    if (!fields.has(name)) fields.set(name, line.slice(colon + 1).trim())
  }
  return { get: (name) => fields.get(name.toLowerCase()) }
}

/** `type/subtype; name=value; name="quoted; value"` (type lower-cased; text/plain when absent, as MIME says). */
function parseContentType(value: string | undefined): ContentType {
  const params = new Map<string, string>()
  if (!value) return { type: 'text/plain', params }
  const semicolon = value.indexOf(';')
  const type = (semicolon === -1 ? value : value.slice(0, semicolon)).trim().toLowerCase()
  const rest = semicolon === -1 ? '' : value.slice(semicolon + 1)
  for (const match of rest.matchAll(/([^\s=;]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]*))/g)) {
    const name = match[1]!.toLowerCase()
    const raw = match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : (match[3] ?? '')
    if (!params.has(name)) params.set(name, raw)
  }
  return { type, params }
}

/** The leaf parts of a (possibly nested) multipart entity, in order. */
function collectParts(entity: Part, depth: number, out: Part[]): void {
  if (!entity.contentType.type.startsWith('multipart/')) {
    out.push(entity)
    return
  }
  if (depth >= MAX_DEPTH) return
  const boundary = entity.contentType.params.get('boundary')
  if (!boundary || boundary.length > 200)
    throw new FormatError('corrupt', 'a multipart without a boundary')
  for (const part of splitMultipart(entity.body, boundary)) collectParts(part, depth + 1, out)
}

/**
 * The parts between the boundary lines of a multipart body. A delimiter is
 * `--boundary` at the start of a line; the line end before it belongs to it.
 * A last part that runs to the end without a delimiter is marked incomplete.
 */
function splitMultipart(body: Buffer, boundary: string): Part[] {
  const delimiter = Buffer.from(`--${boundary}`, 'latin1')
  const starts: number[] = []
  for (let at = body.indexOf(delimiter); at !== -1; at = body.indexOf(delimiter, at + 1))
    if (at === 0 || body[at - 1] === 0x0a) starts.push(at)
  if (starts.length === 0) throw new FormatError('corrupt', 'no part in the multipart')
  const parts: Part[] = []
  for (let i = 0; i < starts.length; i++) {
    const at = starts[i]!
    const after = at + delimiter.length
    if (body[after] === 0x2d && body[after + 1] === 0x2d) break // the closing delimiter
    const lineEnd = body.indexOf(0x0a, after)
    if (lineEnd === -1) break
    const next = starts[i + 1]
    let end = next ?? body.length
    if (next !== undefined) {
      // The CRLF (or LF) before the next delimiter is part of it.
      end = next - 1
      if (end > lineEnd && body[end - 1] === 0x0d) end--
    }
    const part = readEntity(body.subarray(lineEnd + 1, Math.max(lineEnd + 1, end)), false)
    part.complete = next !== undefined
    parts.push(part)
  }
  return parts
}

// ---------------------------------------------------------------------------
// Bodies

function decodeBody(part: Part): Uint8Array {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '7bit').trim().toLowerCase()
  switch (encoding) {
    case 'quoted-printable':
      return decodeQuotedPrintable(part.body)
    case 'base64': {
      const text = part.body.toString('latin1').replace(/[\s]+/g, '')
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 === 1)
        throw new FormatError('corrupt', 'invalid base64 in the HTML part')
      return Buffer.from(text, 'base64')
    }
    case '7bit':
    case '8bit':
    case 'binary':
      return part.body
    default:
      throw new FormatError('corrupt', `unknown transfer encoding ${encoding}`)
  }
}

function hexValue(byte: number | undefined): number {
  if (byte === undefined) return -1
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30
  if (byte >= 0x41 && byte <= 0x46) return byte - 0x37
  if (byte >= 0x61 && byte <= 0x66) return byte - 0x57
  return -1
}

/** Quoted-printable to bytes: `=XX` escapes, `=` at a line end joins lines; anything else is kept as it is. */
export function decodeQuotedPrintable(input: Uint8Array): Uint8Array {
  const out = new Uint8Array(input.length)
  let n = 0
  for (let i = 0; i < input.length; i++) {
    const byte = input[i]!
    if (byte !== 0x3d) {
      out[n++] = byte
      continue
    }
    const high = hexValue(input[i + 1])
    const low = hexValue(input[i + 2])
    if (high !== -1 && low !== -1) {
      out[n++] = (high << 4) | low
      i += 2
      continue
    }
    // A soft line break: `=`, optional white space, then CRLF or LF.
    let j = i + 1
    while (input[j] === 0x20 || input[j] === 0x09) j++
    if (input[j] === 0x0d && input[j + 1] === 0x0a) {
      i = j + 1
      continue
    }
    if (input[j] === 0x0a) {
      i = j
      continue
    }
    out[n++] = byte
  }
  return out.subarray(0, n)
}

/** A header's RFC 2047 encoded words (`=?utf-8?Q?…?=`, `=?…?B?…?=`) decoded. */
export function decodeWords(value: string | undefined): string | undefined {
  if (!value) return undefined
  const decoded = value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (whole, charset: string, kind: string, text) => {
      let bytes: Uint8Array
      if (kind.toUpperCase() === 'B') bytes = Buffer.from(text as string, 'base64')
      else bytes = decodeQuotedPrintable(Buffer.from((text as string).replace(/_/g, ' '), 'latin1'))
      try {
        return new TextDecoder(charset.replace(/\*.*$/, '')).decode(bytes)
      } catch {
        return whole
      }
    })
  return clean(decoded)
}
