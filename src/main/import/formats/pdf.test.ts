import { readFile } from 'node:fs/promises'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { normalizeText } from '@shared/model/text'
import { officeFixture } from '../../../../test-support/office-fixtures'
import {
  articleBlocks,
  articleFodt,
  CULTURE_ARTICLE,
  scannedFodt,
} from '../../../../test-support/pdf-fixtures'
import { looksLikePdf, pdfReader, readPdf } from './pdf'
import { FormatError, type FormatProblem, type ReaderContext } from './types'

const ENCRYPTED =
  'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"secret"}}'
/** Encrypted too, but opened without a password: only printing and copying need one. */
const RESTRICTED =
  'pdf:writer_pdf_Export:{"RestrictPermissions":{"type":"boolean","value":"true"},"PermissionPassword":{"type":"string","value":"owner"},"Printing":{"type":"long","value":"0"},"EnableCopyingOfContent":{"type":"boolean","value":"false"}}'

let article: Uint8Array
let encrypted: Uint8Array
let restricted: Uint8Array
let scanned: Uint8Array

beforeAll(async () => {
  // One LibreOffice at a time: the machine is small and shared (cached after the first run).
  const source = articleFodt(CULTURE_ARTICLE)
  article = await readFile(await officeFixture({ name: 'culture.fodt', source, to: 'pdf' }))
  encrypted = await readFile(await officeFixture({ name: 'culture.fodt', source, to: ENCRYPTED }))
  restricted = await readFile(await officeFixture({ name: 'culture.fodt', source, to: RESTRICTED }))
  scanned = await readFile(
    await officeFixture({ name: 'scan.fodt', source: scannedFodt(), to: 'pdf' }),
  )
}, 300_000)

afterEach(() => {
  vi.restoreAllMocks()
})

const context: ReaderContext = { fileName: 'culture.pdf' }

/** The problem a failed read gives (fails the test if it does not fail with a FormatError). */
async function problemOf(
  bytes: Uint8Array,
  ctx = context,
  reader = readPdf,
): Promise<FormatProblem> {
  const error: unknown = await reader(bytes, ctx).then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(FormatError)
  return (error as FormatError).problem
}

interface RawLine {
  text: string
  x: number
  y: number
}

/** The PDF's text layer as pdfjs gives it, line by line (as the PDF marks line ends), page by page. */
async function textLayer(bytes: Uint8Array): Promise<{ width: number; lines: RawLine[] }[]> {
  ;(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??=
    await import('pdfjs-dist/legacy/build/pdf.worker.mjs')
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    verbosity: 0,
  }).promise
  const pages = []
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n)
    const content = await page.getTextContent({ disableNormalization: true })
    const lines: RawLine[] = []
    let current: RawLine | null = null
    for (const item of content.items) {
      if (!('str' in item)) continue
      if (item.str !== '') {
        current ??= { text: '', x: item.transform[4] as number, y: item.transform[5] as number }
        current.text += item.str
      }
      if (item.hasEOL && current) {
        lines.push(current)
        current = null
      }
    }
    if (current) lines.push(current)
    pages.push({ width: page.view[2]!, lines })
  }
  await doc.destroy()
  return pages
}

describe('readPdf on an article written by LibreOffice', () => {
  it('reads title and author from its properties, and its paragraphs in reading order', async () => {
    const doc = await readPdf(article, context)
    expect(doc.title).toBe('Chez Verdane, la culture d’entreprise à l’épreuve du terrain')
    expect(doc.attributes).toEqual({ author: 'Claire Dubois', language: 'fr-FR' })
    expect(doc.blocks).toHaveLength(19)
    expect(doc.blocks[0]).toBe('Chez Verdane, la culture d’entreprise à l’épreuve du terrain')
    expect(doc.blocks.at(-1)).toBe(
      'À Vénissieux, Karim résume à sa manière le chemin parcouru et celui qui reste à faire. « On nous écoute plus qu’avant, c’est vrai. Maintenant, il faut que ça se voie sur la fiche de paie et sur le planning. » Une phrase que la direction, dit-on, a fait afficher dans la salle du conseil.',
    )
    // Every paragraph as written in the source, soft hyphens aside.
    expect(doc.blocks).toEqual(articleBlocks(CULTURE_ARTICLE))
    // The caller's normalization has nothing left to do.
    const text = doc.blocks.join('\n\n')
    expect(normalizeText(text)).toBe(text)
  })

  it('undoes what the page layout did to the text: header, page numbers, columns, broken words, ligatures', async () => {
    const pages = await textLayer(article)
    const lines = pages.flatMap((p) => p.lines.map((l) => l.text))
    // What the PDF holds: the running header and a page number on every page (3 or more)…
    expect(pages.length).toBeGreaterThanOrEqual(3)
    pages.forEach((p, i) => {
      expect(p.lines.map((l) => l.text)).toContain('Le Journal — 12 mars 2025')
      expect(p.lines.map((l) => l.text)).toContain(String(i + 1))
    })
    // …two columns side by side…
    expect(
      pages.some((p) =>
        p.lines.some(
          (r) =>
            r.x > p.width / 2 && p.lines.some((l) => l.x < p.width / 2 && Math.abs(l.y - r.y) < 1),
        ),
      ),
    ).toBe(true)
    // …words broken at line ends: at soft hyphens, in a compound, in a name…
    const softBreaks = CULTURE_ARTICLE.sections
      .flatMap((s) => s.blocks.flatMap((b) => b.text.split(/\s+/)))
      .flatMap((word) =>
        word
          .split('~')
          .slice(0, -1)
          .map((_, i, parts) => parts.slice(0, i + 1).join('')),
      )
      .map((start) => start.replace(/^\P{L}+/u, ''))
    const lineEnds = lines.filter((l) => /\p{L}-$/u.test(l))
    expect(
      lineEnds.filter((l) =>
        softBreaks.some((start) => l.endsWith(` ${start}-`) || l === `${start}-`),
      ).length,
    ).toBeGreaterThanOrEqual(2)
    expect(lineEnds.some((l) => l.endsWith('eux-'))).toBe(true)
    expect(lineEnds.some((l) => l.endsWith('French-'))).toBe(true)
    // …and a ligature character: the source writes "ﬂexibilité" (U+FB02), and LibreOffice
    // then maps DejaVu Sans's fl ligature to that character wherever it draws it.
    expect(lines.filter((l) => l.includes('\uFB02')).length).toBeGreaterThanOrEqual(2)

    const { blocks } = await readPdf(article, context)
    const text = blocks.join('\n')
    expect(text).not.toContain('Le Journal')
    expect(blocks.filter((b) => /^\d+$/.test(b))).toEqual([])
    expect(text).not.toMatch(/[\uFB00-\uFB06\u00AD]/)
    expect(text).toContain('La réflexion collective')
    expect(text).toContain('au regard de l’inflation')
    expect(text).toContain('organisent eux-mêmes leurs priorités')
    expect(text).toContain('dirigé par Margaret French-Owen, qui')
    expect(text).toContain('la logistique urbaine')
    expect(text).toContain('sur la flexibilité des horaires')
  })

  it('tells its progress page by page, and stops between pages once cancelled', async () => {
    const count = (await textLayer(article)).length
    const progress: [number, number][] = []
    await readPdf(article, {
      ...context,
      onProgress: (done, total) => progress.push([done, total]),
    })
    expect(progress).toEqual(Array.from({ length: count }, (_, i) => [i + 1, count]))

    const seen: number[] = []
    let cancelled = false
    const cancelling: ReaderContext = {
      ...context,
      onProgress: (done) => {
        seen.push(done)
        cancelled = true
      },
      cancelled: () => cancelled,
    }
    expect(await problemOf(article, cancelling)).toBe('cancelled')
    expect(seen).toEqual([1])
  })

  it('reads it when its permissions forbid copying: they bind viewers, not the analyst’s own import', async () => {
    expect(Buffer.from(restricted).includes('/Encrypt')).toBe(true)
    const doc = await readPdf(restricted, context)
    expect(doc.title).toBe('Chez Verdane, la culture d’entreprise à l’épreuve du terrain')
    expect(doc.blocks).toEqual(articleBlocks(CULTURE_ARTICLE))
  })

  it('leaves the caller’s bytes as they were', async () => {
    const before = Buffer.from(article)
    await readPdf(article, context)
    expect(article.byteLength).toBe(before.byteLength)
    expect(Buffer.from(article).equals(before)).toBe(true)
  })
})

describe('readPdf on what it cannot read', () => {
  it('says a PDF protected by a password is encrypted', async () => {
    expect(looksLikePdf(encrypted)).toBe(true)
    expect(await problemOf(encrypted)).toBe('encrypted')
  })

  it('says a PDF of page images without text is a scan', async () => {
    const error = await readPdf(scanned, context).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(FormatError)
    expect(error).toMatchObject({
      problem: 'scanned',
      detail: 'no text found; Gloss does not read scanned pages (OCR)',
    })
  })

  it('says a PDF cut short is corrupt, whether or not its end marker is there', async () => {
    const half = article.slice(0, Math.floor(article.length / 2))
    expect(await problemOf(half)).toBe('corrupt')
    const halfMarked = Buffer.concat([half, Buffer.from('\n%%EOF\n')])
    expect(await problemOf(halfMarked)).toBe('corrupt')
    const garbage = Buffer.from(`%PDF-1.7\n${'0 obj << >> '.repeat(50)}\n%%EOF\n`)
    expect(await problemOf(garbage)).toBe('corrupt')
  })

  it('reads damaged copies or says they are corrupt, and never lets another error out', async () => {
    // Bytes overwritten at random (seeded): pdfjs skips what it cannot parse.
    let seed = 7
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x80000000
    const outcomes = new Set<string>()
    for (let copy = 0; copy < 20; copy++) {
      const bytes = new Uint8Array(article)
      const damage = 1 + Math.floor(random() * 20)
      for (let i = 0; i < damage; i++)
        bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256)
      const outcome = await readPdf(bytes, context).then(
        (doc) => (doc.blocks.length > 0 ? 'read' : 'empty'),
        (e: unknown) => (e instanceof FormatError ? e.problem : `escaped: ${String(e)}`),
      )
      outcomes.add(outcome)
    }
    // Damage that hides the text of every page looks like a scan: Gloss cannot tell them apart.
    expect([...outcomes].filter((o) => !['read', 'corrupt', 'scanned'].includes(o))).toEqual([])
    expect(outcomes).toContain('read')
  })

  it('says bytes that are not a PDF are not one', async () => {
    expect(await problemOf(Buffer.from(articleFodt(CULTURE_ARTICLE)))).toBe('unsupported')
    expect(await problemOf(new Uint8Array(0))).toBe('unsupported')
  })

  it('stops at its limits of pages and characters', async () => {
    expect(await problemOf(article, context, pdfReader({ pages: 2, chars: 1_000_000 }))).toBe(
      'too-large',
    )
    expect(await problemOf(article, context, pdfReader({ pages: 100, chars: 1000 }))).toBe(
      'too-large',
    )
  })
})

/**
 * A one-page PDF written here by hand, because LibreOffice always embeds its
 * fonts: text in Helvetica, one of the 14 standard fonts that a PDF may use
 * without embedding them (pdfjs would load their shapes from files to draw
 * them; reading their text needs none).
 */
function standardFontPdf(): Uint8Array {
  const content =
    'BT /F1 12 Tf 72 770 Td (Texte en Helvetica, police standard non incorpor\\351e.) Tj ET'
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Title (Microsoft Word - rapport.docx) /Author (Jean Martin) >>',
  ]
  let pdf = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((body, i) => {
    offsets.push(pdf.length)
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`
  })
  const xref = pdf.length
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(pdf, 'latin1')
}

describe('readPdf fetches nothing', () => {
  it('reads text in a standard font without loading any font data, and fetches nothing', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch')
    const doc = await readPdf(standardFontPdf(), { fileName: 'rapport.pdf' })
    expect(doc.blocks).toEqual(['Texte en Helvetica, police standard non incorporée.'])
    // A title that is only a file's name is no title; the text has none in larger type.
    expect(doc.title).toBeUndefined()
    expect(doc.attributes).toEqual({ author: 'Jean Martin' })
    expect(fetchSpy).not.toHaveBeenCalled()
  })
})
