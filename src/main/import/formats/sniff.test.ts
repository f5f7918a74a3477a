// Telling formats by content, on files LibreOffice writes (DOCX, ODT, EPUB,
// PDF, XLSX, Excel 97) under their own names, under wrong names and under
// none; then HTML and MHTML as browsers save them, encrypted Office
// containers, text by extension, and binary or damaged files. (Each
// LibreOffice conversion costs seconds on a cold cache: six are enough.)
import { readFile } from 'node:fs/promises'
import { zipSync } from 'fflate'
import { beforeAll, describe, expect, it } from 'vitest'
import { compoundFile } from '../../../../test-support/compound-file'
import { officeFixture } from '../../../../test-support/office-fixtures'
import { fodt, fods } from '../../../../test-support/office-sources'
import { compoundEntryNames, isEncryptedOfficeFile } from './compound'
import { sniffFormat } from './sniff'

const ARTICLE = fodt(['Grève à la SNCF', 'Le trafic reprend lundi, « enfin ».'])
const SHEET = fods({
  Articles: [
    ['title', 'text'],
    ['Grève', 'Le trafic reprend.'],
  ],
})

const real: Record<string, Uint8Array> = {}

async function convert(name: string, source: string, to: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(await officeFixture({ name, source, to })))
}

beforeAll(async () => {
  // Two conversions at a time: the machine has two cores.
  const pairs: [string, string, string][][] = [
    [
      ['docx', 'article.fodt', 'docx'],
      ['odt', 'article.fodt', 'odt'],
    ],
    [
      ['pdf', 'article.fodt', 'pdf'],
      ['epub', 'article.fodt', 'epub'],
    ],
    [
      ['xlsx', 'articles.fods', 'xlsx'],
      ['xls', 'articles.fods', 'xls'],
    ],
  ]
  for (const pair of pairs) {
    const files = await Promise.all(
      pair.map(([, name, to]) => convert(name, name.endsWith('.fods') ? SHEET : ARTICLE, to)),
    )
    pair.forEach(([key], i) => (real[key] = files[i]!))
  }
}, 180_000)

const bytesOf = (s: string) => new TextEncoder().encode(s)

/** The start of a page as LibreOffice Writer saves it as HTML. */
const PAGE =
  '<!DOCTYPE html>\n<html>\n<head>\n\t<meta http-equiv="content-type" content="text/html; charset=utf-8"/>\n\t<title></title>\n</head>\n<body lang="fr-FR" dir="ltr"><p>Grève</p></body>\n</html>\n'

describe('by content, on files LibreOffice wrote', () => {
  it.each([
    ['docx', 'docx'],
    ['odt', 'odt'],
    ['pdf', 'pdf'],
    ['epub', 'epub'],
    ['xlsx', 'xlsx'],
    ['xls', 'old-office'],
  ])('a .%s file is %s, under its name, a wrong name or none', (ext, format) => {
    const bytes = real[ext]!
    expect(sniffFormat(bytes, `article.${ext}`)).toBe(format)
    expect(sniffFormat(bytes, 'article.txt')).toBe(format)
    expect(sniffFormat(bytes, 'article')).toBe(format)
  })

  it('a PDF named .docx is a PDF; an HTML page named .doc is HTML', () => {
    expect(sniffFormat(real.pdf!, 'rapport.docx')).toBe('pdf')
    expect(sniffFormat(bytesOf(PAGE), 'rapport.doc')).toBe('html')
  })

  it('%PDF- after some bytes of junk (within the first KB) is still a PDF', () => {
    const junk = new Uint8Array(700).fill(0x20)
    const bytes = new Uint8Array([...junk, ...real.pdf!.subarray(0, 2000)])
    expect(sniffFormat(bytes, 'scan.bin')).toBe('pdf')
    const late = new Uint8Array([...new Uint8Array(1100).fill(0x20), ...real.pdf!.subarray(0, 200)])
    expect(sniffFormat(late, 'scan.bin')).toBeNull()
  })

  it('an Excel 97 file is a compound file whose streams are listed', () => {
    expect(compoundEntryNames(real.xls!)).toContain('Workbook')
    expect(isEncryptedOfficeFile(real.xls!)).toBe(false)
    expect(compoundEntryNames(real.docx!)).toBeNull()
  })
})

describe('encrypted Office files', () => {
  const encrypted = compoundFile(['\u0006DataSpaces', 'EncryptionInfo', 'EncryptedPackage'])

  it('a compound file holding EncryptionInfo and EncryptedPackage is encrypted-office', () => {
    expect(compoundEntryNames(encrypted)).toEqual([
      'Root Entry',
      '\u0006DataSpaces',
      'EncryptionInfo',
      'EncryptedPackage',
    ])
    expect(sniffFormat(encrypted, 'budget.xlsx')).toBe('encrypted-office')
    expect(sniffFormat(encrypted, 'budget.docx')).toBe('encrypted-office')
  })

  it('one of the two streams alone is an old Office file', () => {
    expect(sniffFormat(compoundFile(['EncryptionInfo']), 'x.doc')).toBe('old-office')
  })

  it('a damaged compound file (directory sector outside the file, a FAT loop) is old-office, quickly', () => {
    const cut = encrypted.slice(0, 600)
    expect(sniffFormat(cut, 'x.docx')).toBe('old-office')
    const loop = encrypted.slice()
    // The FAT says the directory sector is followed by itself.
    new DataView(loop.buffer).setUint32(512 + 4, 1, true)
    expect(compoundEntryNames(loop)).toHaveLength(4)
  })
})

describe('zip containers', () => {
  it('a damaged zip keeps the format its name asks for, else is unknown', () => {
    const cut = real.docx!.subarray(0, 200)
    expect(sniffFormat(cut, 'article.docx')).toBe('docx')
    expect(sniffFormat(cut, 'article.zip')).toBeNull()
  })

  it('an EPUB whose mimetype is not first, or is deflated, is still an EPUB', () => {
    const zip = zipSync({
      'META-INF/container.xml': bytesOf('<container/>'),
      mimetype: [bytesOf('application/epub+zip'), { level: 9 }],
    })
    expect(sniffFormat(zip, 'book.bin')).toBe('epub')
  })

  it('an EPUB without a mimetype entry is told by META-INF/container.xml', () => {
    expect(sniffFormat(zipSync({ 'META-INF/container.xml': bytesOf('<c/>') }), 'b.zip')).toBe(
      'epub',
    )
  })

  it('an ODF spreadsheet or presentation (not read by Gloss) is unknown', () => {
    for (const type of ['spreadsheet', 'presentation']) {
      const zip = zipSync({
        mimetype: [bytesOf(`application/vnd.oasis.opendocument.${type}`), { level: 0 }],
        'content.xml': bytesOf('<office:document-content/>'),
      })
      expect(sniffFormat(zip, 'file.odt')).toBeNull()
    }
  })

  it('a zip of something else, and OOXML without word/ or xl/ (a presentation), are unknown', () => {
    expect(sniffFormat(zipSync({ 'a.txt': bytesOf('hello') }), 'a.docx')).toBeNull()
    const pptx = zipSync({
      '[Content_Types].xml': bytesOf('<Types/>'),
      'ppt/x.xml': bytesOf('<p/>'),
    })
    expect(sniffFormat(pptx, 'slides.docx')).toBeNull()
  })
})

describe('MHTML and HTML', () => {
  const mhtml = [
    'From: <Saved by Blink>',
    'Snapshot-Content-Location: https://www.example.org/article',
    'Subject: =?utf-8?Q?Gr=C3=A8ve?=',
    'Date: Wed, 12 Mar 2025 10:00:00 -0000',
    'MIME-Version: 1.0',
    'Content-Type: multipart/related;',
    '\ttype="text/html";',
    '\tboundary="----MultipartBoundary--abc"',
    '',
    '',
    '------MultipartBoundary--abc',
    'Content-Type: text/html',
    '',
    '<!DOCTYPE html><html><body><p>Gr=C3=A8ve</p></body></html>',
    '------MultipartBoundary--abc--',
  ].join('\r\n')

  it('a saved web page archive is mhtml, whatever its name', () => {
    expect(sniffFormat(bytesOf(mhtml), 'page.mht')).toBe('mhtml')
    expect(sniffFormat(bytesOf(mhtml), 'page.txt')).toBe('mhtml')
  })

  it('a mail (MIME but not multipart/related) is not mhtml', () => {
    const mail = 'MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nBonjour'
    expect(sniffFormat(bytesOf(mail), 'mail.eml')).toBeNull()
    expect(sniffFormat(bytesOf(mail), 'mail.txt')).toBe('text')
  })

  it('HTML after a BOM, white space, an XML declaration and comments; any case; UTF-16', () => {
    const page =
      '\uFEFF\n  <?xml version="1.0"?>\n<!-- saved -->\n<HTML lang="fr"><body>x</body></HTML>'
    expect(sniffFormat(bytesOf(page), 'page.txt')).toBe('html')
    expect(sniffFormat(bytesOf('<head><title>t</title></head>'), 'x')).toBe('html')
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...new Uint8Array(
        new Uint16Array([...'<!doctype html><p>é</p>'].map((c) => c.charCodeAt(0))).buffer,
      ),
    ])
    expect(sniffFormat(utf16, 'page')).toBe('html')
  })

  it('text that mentions <html> is not HTML; an HTML fragment is HTML by its extension', () => {
    expect(sniffFormat(bytesOf('How to write <html> by hand'), 'notes.md')).toBe('markdown')
    expect(sniffFormat(bytesOf(`${' '.repeat(1100)}<html>`), 'notes.txt')).toBe('text')
    expect(sniffFormat(bytesOf('<p>Un paragraphe.</p>'), 'extrait.htm')).toBe('html')
  })
})

describe('by extension, for text', () => {
  it.each([
    ['article.txt', 'text'],
    ['ARTICLE.TXT', 'text'],
    ['notes.md', 'markdown'],
    ['notes.markdown', 'markdown'],
    ['table.csv', 'csv'],
    ['table.tsv', 'csv'],
    ['data.json', null],
    ['no-extension', null],
    ['archive.tar.txt', 'text'],
  ])('%s is %s', (name, format) => {
    expect(sniffFormat(bytesOf('Grève, « enfin »\n'), name)).toBe(format)
  })

  it('UTF-16 text without BOM is text; an empty file is what its name says', () => {
    const utf16 = new Uint8Array(new Uint16Array([...'Grève'].map((c) => c.charCodeAt(0))).buffer)
    expect(sniffFormat(utf16, 'a.txt')).toBe('text')
    expect(sniffFormat(new Uint8Array(), 'a.txt')).toBe('text')
  })
})

describe('binary', () => {
  it('a PNG named .txt, and random bytes, are unknown', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])
    expect(sniffFormat(png, 'photo.txt')).toBeNull()
    let seed = 1
    const random = new Uint8Array(4096).map(() => (seed = (seed * 48271) % 2147483647) & 0xff)
    expect(sniffFormat(random, 'x.md')).toBeNull()
  })

  it('reads only the head of a large file', () => {
    const big = new Uint8Array(64 * 1024 * 1024).fill(0x61)
    const start = performance.now()
    expect(sniffFormat(big, 'big.txt')).toBe('text')
    expect(performance.now() - start).toBeLessThan(1000)
  })
})
