// Every reader, on files that point to the outside world (remote images,
// styles, scripts, frames, a base address and a refresh; a web archive
// whose page does the same; a Word document and an OpenDocument text
// linking an image on the web and one on the disk; an EPUB listing a
// remote chapter and showing remote and local images; a PDF with a link;
// text and tables full of addresses), reads the text and nothing else: no
// socket, no name lookup, no HTTP request, no fetch, and no file read but
// the libraries' own modules under node_modules.
// How: every fixture's bytes are read first, each reader is loaded (pdfjs,
// imported on first use, is warmed up on a PDF of its own), then the
// network and file functions are spied on (the network ones refuse, the
// file ones record and go on) and the readers are called on bytes. The
// spies replace the functions on the modules' CommonJS objects;
// syncBuiltinESMExports carries them to the `import { readFile } from
// 'node:fs'` bindings too.
import dns from 'node:dns'
import fs from 'node:fs'
import http from 'node:http'
import https from 'node:https'
import { syncBuiltinESMExports } from 'node:module'
import net from 'node:net'
import { readFile as namedReadFile } from 'node:fs/promises'
import tls from 'node:tls'
import { afterEach, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest'
import { officeFixture } from '../../../../test-support/office-fixtures'
import { fods, fodt } from '../../../../test-support/office-sources'
import { entryText, tamper, utf8 } from '../../../../test-support/zip-tamper'
import { readDocx } from './docx'
import { readEpub } from './epub'
import { readHtml } from './html'
import { readMhtml } from './mhtml'
import { readOdt } from './odt'
import { readPdf } from './pdf'
import { readCsvTable } from './table'
import { readText } from './text'
import type { ReadDocument, ReadTable } from './types'
import { readXlsxTable } from './xlsx'

const FIRST = 'Le premier paragraphe cite une source en ligne et montre une image liée.'
const SECOND = 'Une image distante, jamais chargée.'
const THIRD = 'Une image locale, jamais lue.'

/** A text document linking a web page, an image on the web and an image on the disk. */
const LINKED_FODT = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
  xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
  xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
  xmlns:xlink="http://www.w3.org/1999/xlink"
  xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
  office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:body><office:text>
<text:p>Le premier paragraphe cite <text:a xlink:type="simple" xlink:href="https://example.com/source">une source en ligne</text:a> et montre une image liée.</text:p>
<text:p><draw:frame draw:name="Remote" text:anchor-type="as-char" svg:width="2cm" svg:height="2cm"><draw:image xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad" xlink:href="https://example.com/x.png"/></draw:frame>${SECOND}</text:p>
<text:p><draw:frame draw:name="Local" text:anchor-type="as-char" svg:width="2cm" svg:height="2cm"><draw:image xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad" xlink:href="file:///etc/hostname"/></draw:frame>${THIRD}</text:p>
</office:text></office:body></office:document>
`

const ARTICLE = [
  'La rédaction a relu chaque citation avant publication, sans rien charger de ce que la page annonce autour du texte.',
  'Les images, les feuilles de style et les cadres restent où ils sont : sur des serveurs que Gloss ne contacte jamais.',
]

/** A saved page that would load half the web if anything rendered it. */
const PAGE = `<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8">
<title>Une page qui pointe partout</title>
<base href="https://remote.example/articles/">
<meta http-equiv="refresh" content="0;url=https://remote.example/ailleurs">
<link rel="stylesheet" href="https://remote.example/style.css">
<link rel="preload" href="https://remote.example/font.woff2" as="font">
<style>@import url("https://remote.example/import.css"); body { background: url(https://remote.example/bg.png) }</style>
<script src="https://remote.example/app.js"></script>
</head><body>
<iframe src="https://remote.example/frame.html"></iframe>
<article><h1>Une page qui pointe partout</h1>
<p>${ARTICLE[0]}</p>
<img src="https://remote.example/photo.jpg" srcset="https://remote.example/photo-2x.jpg 2x" alt="Photo">
<img src="relative/image.png"><img src="file:///etc/hostname">
<p>${ARTICLE[1]}</p>
<object data="https://remote.example/x.swf"></object>
<video src="https://remote.example/v.mp4" poster="https://remote.example/p.jpg"></video>
</article></body></html>
`

/** A web archive whose page refers to remote resources, one of them in the archive. */
const ARCHIVE = [
  'From: <Saved by Blink>',
  'Snapshot-Content-Location: https://remote.example/articles/page.html',
  'Subject: Une page qui pointe partout',
  'MIME-Version: 1.0',
  'Content-Type: multipart/related; type="text/html"; boundary="----MultipartBoundary--x"',
  '',
  '------MultipartBoundary--x',
  'Content-Type: text/html',
  'Content-ID: <frame-1@mhtml.blink>',
  'Content-Transfer-Encoding: binary',
  'Content-Location: https://remote.example/articles/page.html',
  '',
  PAGE.replace(/\n/g, '\r\n'),
  '------MultipartBoundary--x',
  'Content-Type: text/css',
  'Content-Transfer-Encoding: binary',
  'Content-Location: https://remote.example/style.css',
  '',
  'body { background: url(https://remote.example/other.png) }',
  '------MultipartBoundary--x--',
  '',
].join('\r\n')

const TEXT = `${ARTICLE[0]} https://remote.example/source\n\nfile:///etc/hostname \\\\serveur\\partage\\note.txt ${ARTICLE[1]}\n`

const CSV = `titre,texte,url\r\nUne page,"${ARTICLE[0]}",https://remote.example/a\r\nUne autre,"${ARTICLE[1]}",file:///etc/hostname\r\n`

const OPF = 'OEBPS/content.opf'
const CHAPTER = 'OEBPS/sections/section0001.xhtml'

/** The book with entries' text replaced (each replacement must apply). */
function edit(book: Uint8Array, changes: Record<string, [string | RegExp, string][]>): Buffer {
  return tamper(book, (entries) => {
    for (const [name, replacements] of Object.entries(changes)) {
      let text = entryText(book, name)
      for (const [from, to] of replacements) {
        const next = text.replace(from, to)
        if (next === text) throw new Error(`${String(from)} not found in ${name}`)
        text = next
      }
      entries.set(name, utf8(text))
    }
  })
}

const context = (fileName: string) => ({ fileName })

interface Inputs {
  docx: Uint8Array
  odt: Uint8Array
  pdf: Uint8Array
  epub: Uint8Array
  xlsx: Uint8Array
}
let inputs: Inputs

beforeAll(async () => {
  const convert = async (name: string, source: string, to: string) =>
    new Uint8Array(await fs.promises.readFile(await officeFixture({ name, source, to })))
  // One conversion at a time: LibreOffice is heavy on a small machine (the results are cached).
  const docx = await convert('linked.fodt', LINKED_FODT, 'docx')
  const odt = await convert('linked.fodt', LINKED_FODT, 'odt')
  const pdf = await convert('linked.fodt', LINKED_FODT, 'pdf')
  const book = await convert('linked.fodt', LINKED_FODT, 'epub')
  const xlsx = await convert(
    'linked.fods',
    fods({
      Articles: [
        ['titre', 'texte', 'url'],
        ['Une page', ARTICLE[0]!, 'https://remote.example/a'],
        ['Une autre', ARTICLE[1]!, 'file:///etc/hostname'],
      ],
    }),
    'xlsx',
  )
  const warmPdf = await convert('warm-up.fodt', fodt(['Un document pour charger pdfjs.']), 'pdf')
  // LibreOffice writes the images as external relationships (TargetMode="External").
  const rels = entryText(docx, 'word/_rels/document.xml.rels')
  expect(rels).toMatch(/Target="https:\/\/example\.com\/x\.png" TargetMode="External"/)
  expect(rels).toMatch(/Target="file:\/\/\/etc\/hostname" TargetMode="External"/)
  expect(entryText(odt, 'content.xml')).toContain('xlink:href="https://example.com/x.png"')
  expect(new TextDecoder('latin1').decode(pdf)).toContain('/URI(https://example.com/source)')
  // LibreOffice's EPUB leaves linked images out: the chapter gets remote and local ones, a
  // remote style sheet, and the manifest a chapter on the web, in the spine.
  const epub = edit(book, {
    [OPF]: [
      [
        '</manifest>',
        '<item href="https://remote.example/chapitre.xhtml" id="remote" media-type="application/xhtml+xml"/>' +
          '<item href="https://remote.example/cover.jpg" id="cover" media-type="image/jpeg" properties="cover-image"/></manifest>',
      ],
      ['</spine>', '<itemref idref="remote"/></spine>'],
    ],
    [CHAPTER]: [
      [
        '</head>',
        '<link href="https://remote.example/book.css" rel="stylesheet" type="text/css"/></head>',
      ],
      [
        '<span class="span0">Une image distante',
        '<img src="https://remote.example/x.png" alt=""/><img src="file:///etc/hostname" alt=""/><span class="span0">Une image distante',
      ],
    ],
  })
  inputs = { docx, odt, pdf, epub, xlsx }
  // pdfjs is imported on its first use: loading it resolves modules, which is not the reading.
  expect((await readPdf(warmPdf, context('warm-up.pdf'))).blocks).toEqual([
    'Un document pour charger pdfjs.',
  ])
}, 180_000)

/** The network functions, refusing; the file functions, recording the paths they are given. */
function watch(): { network: MockInstance[]; files: string[] } {
  const refuse = () => {
    throw new Error('no network in a reader')
  }
  const network: MockInstance[] = [
    vi.spyOn(net.Socket.prototype, 'connect').mockImplementation(refuse),
    vi.spyOn(net, 'connect').mockImplementation(refuse),
    vi.spyOn(net, 'createConnection').mockImplementation(refuse),
    vi.spyOn(tls, 'connect').mockImplementation(refuse),
    vi.spyOn(dns, 'lookup').mockImplementation(refuse),
    vi.spyOn(dns.promises, 'lookup').mockImplementation(refuse),
    vi.spyOn(http, 'request').mockImplementation(refuse),
    vi.spyOn(http, 'get').mockImplementation(refuse),
    vi.spyOn(https, 'request').mockImplementation(refuse),
    vi.spyOn(https, 'get').mockImplementation(refuse),
    vi.spyOn(globalThis, 'fetch').mockImplementation(refuse),
  ]
  const files: string[] = []
  const record = (path: unknown) => {
    files.push(typeof path === 'number' ? `fd ${path}` : String(path))
  }
  /** Spies on a file function: the path it is given is recorded, then the function runs. */
  const recordAndRun = <T extends object>(owner: T, name: keyof T & string) => {
    const original = owner[name] as (...args: unknown[]) => unknown
    const spy = vi.spyOn(owner as Record<string, (...args: unknown[]) => unknown>, name)
    spy.mockImplementation((...args: unknown[]) => {
      record(args[0])
      return original.apply(owner, args)
    })
  }
  recordAndRun(fs, 'readFile')
  recordAndRun(fs, 'readFileSync')
  recordAndRun(fs, 'open')
  recordAndRun(fs, 'openSync')
  recordAndRun(fs, 'createReadStream')
  recordAndRun(fs.promises, 'readFile')
  recordAndRun(fs.promises, 'open')
  syncBuiltinESMExports()
  return { network, files }
}

afterEach(() => {
  vi.restoreAllMocks()
  syncBuiltinESMExports()
})

/** Reads with every spy on; checks nothing went out and no file outside node_modules was read. */
async function readQuietly<T>(read: () => Promise<T>): Promise<T> {
  const { network, files } = watch()
  let result: T
  try {
    result = await read()
  } finally {
    vi.restoreAllMocks()
    syncBuiltinESMExports()
  }
  for (const spy of network) expect(spy).not.toHaveBeenCalled()
  expect(files.filter((path) => !path.includes('/node_modules/'))).toEqual([])
  return result
}

const text = (doc: ReadDocument) => doc.blocks.join('\n')
const cells = (table: ReadTable) => [table.columns, ...table.rows]

describe('the readers touch neither the network nor the disk', () => {
  it('watches for real: a fetch, a lookup, a connection, a read through a named import', async () => {
    const { network, files } = watch()
    try {
      expect(() => fetch('https://remote.example/')).toThrow('no network')
      expect(() => dns.lookup('remote.example', () => {})).toThrow('no network')
      expect(() => new net.Socket().connect(443, 'remote.example')).toThrow('no network')
      // As article.ts reads a file: `import { readFile } from 'node:fs/promises'`.
      await namedReadFile('package.json')
    } finally {
      vi.restoreAllMocks()
      syncBuiltinESMExports()
    }
    expect(network.filter((spy) => spy.mock.calls.length > 0)).toHaveLength(3)
    expect(files).toEqual(['package.json'])
  })

  it('reads a web page with remote images, styles, scripts, frames, base, refresh', async () => {
    const doc = await readQuietly(() => readHtml(utf8(PAGE), context('page.html')))
    expect(doc.blocks).toEqual(ARTICLE)
    expect(JSON.stringify(doc)).not.toContain('remote.example')
  })

  it('reads a web archive whose page refers to remote resources', async () => {
    const doc = await readQuietly(() => readMhtml(utf8(ARCHIVE), context('page.mhtml')))
    expect(doc.blocks).toEqual(ARTICLE)
  })

  it('reads a DOCX linking an image on the web and one on the disk (external relationships)', async () => {
    const doc = await readQuietly(() => readDocx(inputs.docx, context('linked.docx')))
    expect(doc.blocks).toEqual([FIRST, SECOND, THIRD])
  })

  it('reads an ODT linking an image on the web and one on the disk', async () => {
    const doc = await readQuietly(() => readOdt(inputs.odt, context('linked.odt')))
    expect(doc.blocks).toEqual([FIRST, SECOND, THIRD])
  })

  it('reads an EPUB with a remote chapter, cover and style sheet, and remote and local images', async () => {
    const doc = await readQuietly(() => readEpub(inputs.epub, context('linked.epub')))
    expect(doc.blocks).toEqual([FIRST, SECOND, THIRD])
  })

  it('reads a PDF with a link (a URI action)', async () => {
    const doc = await readQuietly(() => readPdf(inputs.pdf, context('linked.pdf')))
    expect(doc.blocks).toEqual([FIRST, SECOND, THIRD])
  })

  it('reads text with web addresses, a file URL and a network path', async () => {
    const doc = await readQuietly(() => readText(utf8(TEXT), context('notes.txt')))
    expect(doc.blocks).toHaveLength(2)
    expect(text(doc)).toContain('file:///etc/hostname')
  })

  it('reads a CSV and an XLSX table whose cells are addresses', async () => {
    const expected = [
      ['titre', 'texte', 'url'],
      ['Une page', ARTICLE[0], 'https://remote.example/a'],
      ['Une autre', ARTICLE[1], 'file:///etc/hostname'],
    ]
    const csv = await readQuietly(() => readCsvTable(utf8(CSV), context('articles.csv')))
    expect(cells(csv)).toEqual(expected)
    const xlsx = await readQuietly(() => readXlsxTable(inputs.xlsx, context('articles.xlsx')))
    expect(cells(xlsx)).toEqual(expected)
  })
})
