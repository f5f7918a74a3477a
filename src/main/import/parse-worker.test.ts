// Every format, read and refused, through the real import worker (the
// worker thread of parse-worker.ts, built from the sources as electron-vite
// builds it): the article or table that comes back, and every kind of
// failure with its translated reason (message key and parameters), are
// those of the same bytes parsed in this thread, and each failure has the
// reason the analyst is meant to read.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { deflateRawSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ARTICLES_FODS } from '../../../test-support/articles-table'
import { compoundFile } from '../../../test-support/compound-file'
import { officeFixture } from '../../../test-support/office-fixtures'
import { articleFodt, CULTURE_ARTICLE, scannedFodt } from '../../../test-support/pdf-fixtures'
import { entriesOf, writeZip } from '../../../test-support/zip-tamper'
import { importWorkerPath } from '../test-support/import-worker'
import { inProcessParser, type ArticleParser } from './article-parser'
import { ImportError } from './import-error'
import type { ParseRequest } from './parse-article'
import { createParsePool } from './parse-pool'

const WEB = join(import.meta.dirname, 'fixtures/web')
const OFFICE = join(import.meta.dirname, 'formats/fixtures/office')
const ENCRYPTED_PDF =
  'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"secret"}}'

const MHTML = [
  'From: <Saved by Blink>',
  'Snapshot-Content-Location: https://www.example.org/article.html',
  'Subject: Un article archivé',
  'MIME-Version: 1.0',
  'Content-Type: multipart/related; type="text/html"; boundary="----B"',
  '',
  '------B',
  'Content-Type: text/html',
  'Content-Transfer-Encoding: quoted-printable',
  'Content-Location: https://www.example.org/article.html',
  '',
  '<html lang=3D"fr"><head><title>Un article archiv=C3=A9</title></head><body><article>',
  '<h1>Un article archiv=C3=A9</h1><p>Le premier paragraphe de l=E2=80=99article.</p>',
  '<p>Le second paragraphe.</p></article></body></html>',
  '------B--',
  '',
].join('\r\n')

const CSV =
  'Titre,Texte\r\nUne dépêche,"Le texte de la dépêche."\r\nUne autre,"Un autre texte."\r\n'

interface Case {
  name: string
  file: string
  bytes: () => Uint8Array
  /** What comes back: `article`, `table`, or the key of the reason. */
  expected: string
  maxBytes?: number
}

const bytes: Record<string, Uint8Array> = {}
const utf8 = (text: string) => new TextEncoder().encode(text)

const cases: Case[] = [
  {
    name: 'text',
    file: 'note.txt',
    bytes: () => utf8('Une note.\r\n\r\nDeux.'),
    expected: 'article',
  },
  {
    name: 'text in windows-1252',
    file: 'latin1.txt',
    bytes: () => new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x92, 0x0a]),
    expected: 'article',
  },
  {
    name: 'Markdown',
    file: 'notes.md',
    bytes: () => utf8('# Titre\n\nCorps.'),
    expected: 'article',
  },
  { name: 'web page', file: 'nbs-news.html', bytes: () => bytes.html!, expected: 'article' },
  { name: 'web archive', file: 'article.mhtml', bytes: () => utf8(MHTML), expected: 'article' },
  { name: 'DOCX', file: 'culture.docx', bytes: () => bytes.docx!, expected: 'article' },
  { name: 'ODT', file: 'culture.odt', bytes: () => bytes.odt!, expected: 'article' },
  { name: 'EPUB', file: 'culture.epub', bytes: () => bytes.epub!, expected: 'article' },
  { name: 'PDF', file: 'culture.pdf', bytes: () => bytes.pdf!, expected: 'article' },
  { name: 'CSV', file: 'articles.csv', bytes: () => utf8(CSV), expected: 'table' },
  { name: 'XLSX', file: 'articles.xlsx', bytes: () => bytes.xlsx!, expected: 'table' },
  // Every way a file is refused.
  {
    name: 'a format Gloss does not read',
    file: 'notes.rtf',
    bytes: () => utf8('{\\rtf1 Bonjour}'),
    expected: 'main.add.notArticle',
  },
  {
    name: 'a text file that is not text',
    file: 'binary.txt',
    bytes: () => new Uint8Array([0x41, 0x00, 0x42, 0x00, 0x00, 0x07]),
    expected: 'main.add.notText',
  },
  {
    name: 'an empty text',
    file: 'blank.md',
    bytes: () => utf8(' \r\n\t\n'),
    expected: 'main.add.empty',
  },
  {
    name: 'a page without text',
    file: 'empty.html',
    bytes: () => utf8('<html><body><img src="x.png"></body></html>'),
    expected: 'main.format.noText',
  },
  {
    name: 'a cut PDF (damaged, with pdfjs’s words)',
    file: 'cut.pdf',
    bytes: () => utf8('%PDF-1.7\n1 0 obj'),
    expected: 'main.format.detail',
  },
  {
    name: 'a damaged DOCX',
    file: 'cut.docx',
    bytes: () => bytes.docx!.slice(0, 2000),
    expected: 'main.format.corrupt',
  },
  {
    name: 'a password-protected Office file',
    file: 'secret.docx',
    bytes: () => compoundFile(['\u0006DataSpaces', 'EncryptionInfo', 'EncryptedPackage']),
    expected: 'main.format.encrypted',
  },
  {
    name: 'a password-protected PDF',
    file: 'secret.pdf',
    bytes: () => bytes.encryptedPdf!,
    expected: 'main.format.encrypted',
  },
  { name: 'a scan', file: 'scan.pdf', bytes: () => bytes.scan!, expected: 'main.format.scanned' },
  {
    name: 'a text over the size limit',
    file: 'long.txt',
    bytes: () => utf8('Un texte trop long pour la limite.'),
    maxBytes: 16,
    expected: 'main.add.tooLarge',
  },
  {
    name: 'a zip bomb',
    file: 'bomb.docx',
    bytes: () => bytes.bomb!,
    expected: 'main.format.tooLarge',
  },
  {
    name: 'an Excel 97–2003 file',
    file: 'articles.xls',
    bytes: () => bytes.xls!,
    expected: 'main.format.oldFormat',
  },
]

/** What a parser makes of a file: its result, or its error's message and reason. */
async function outcome(parser: ArticleParser, c: Case): Promise<unknown> {
  const request: ParseRequest = { file: c.file, maxBytes: c.maxBytes ?? 20 * 1024 * 1024 }
  try {
    // A copy each: the worker takes the buffer over.
    return await parser.parse(new Uint8Array(c.bytes()), request)
  } catch (e) {
    if (!(e instanceof ImportError)) return { notAnImportError: String(e) }
    return { error: { ref: e.ref, reason: e.reason, message: e.message } }
  }
}

/** The key of the reason alone (inside `main.import.cannotRead`'s, when it wraps one). */
function reasonKey(result: unknown): string {
  if (typeof result !== 'object' || result === null) return String(result)
  if ('kind' in result) return String(result.kind)
  const reason = (result as { error?: { reason: unknown } }).error?.reason
  return typeof reason === 'string' ? reason : ((reason as { key: string } | undefined)?.key ?? '')
}

let pool: ArticleParser

beforeAll(async () => {
  const convert = async (name: string, source: string, to: string) =>
    new Uint8Array(await readFile(await officeFixture({ name, source, to })))
  // One LibreOffice at a time (cached after the first run, shared with the readers' tests).
  const culture = await readFile(join(OFFICE, 'culture.fodt'), 'utf8')
  bytes.docx = await convert('culture.fodt', culture, 'docx')
  bytes.odt = await convert('culture.fodt', culture, 'odt')
  bytes.epub = await convert('culture.fodt', culture, 'epub')
  const article = articleFodt(CULTURE_ARTICLE)
  bytes.pdf = await convert('culture.fodt', article, 'pdf')
  bytes.encryptedPdf = await convert('culture.fodt', article, ENCRYPTED_PDF)
  bytes.scan = await convert('scan.fodt', scannedFodt(), 'pdf')
  bytes.xlsx = await convert('articles.fods', ARTICLES_FODS, 'xlsx')
  bytes.xls = await convert('articles.fods', ARTICLES_FODS, 'xls')
  bytes.html = new Uint8Array(await readFile(join(WEB, 'nbs-news.html')))
  // The document part claims a gibibyte: refused before inflating.
  bytes.bomb = writeZip(
    [...entriesOf(bytes.docx)].map(([name, data]) =>
      name === 'word/document.xml'
        ? { name, deflated: { bytes: deflateRawSync(Buffer.alloc(4096)), size: 1024 ** 3, crc: 0 } }
        : { name, data },
    ),
  )
  pool = createParsePool({ workerPath: await importWorkerPath(), size: 1 })
}, 300_000)

afterAll(async () => {
  await pool.close()
})

describe('every format through the import worker', () => {
  it.each(cases)('$name: the same outcome as in main’s thread', async (c) => {
    const inWorker = await outcome(pool, c)
    const inMain = await outcome(inProcessParser, c)
    expect(reasonKey(inWorker)).toBe(c.expected)
    expect(inWorker).toEqual(inMain)
  })

  it('says why a file failed in the words of "Add articles…": its name, then the reason', async () => {
    const result = await outcome(
      pool,
      cases.find((c) => c.file === 'secret.pdf')!,
    )
    expect(result).toEqual({
      error: {
        ref: {
          key: 'main.import.cannotRead',
          params: { file: 'secret.pdf', reason: { key: 'main.format.encrypted' } },
        },
        reason: { key: 'main.format.encrypted' },
        message: expect.stringContaining('secret.pdf'),
      },
    })
  })
})
