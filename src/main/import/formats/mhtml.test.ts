// The web archive reader on MHTML written by Chrome's own writer (CDP
// Page.captureSnapshot, what "Save as single file" writes), on the other
// shapes MIME web archives take (Internet Explorer's .mht: preamble,
// windows-1252 part; base64 parts, LF line ends, nested multiparts), and on
// damaged or hostile archives.
import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { savedByChromium, type SavedPage } from '../../../../test-support/browser-fixtures'
import {
  iconv,
  savedWebPages,
  WEB_FIXTURES,
  WEB_PAGES,
  type WebPage,
} from '../../../../test-support/web-pages'
import { readHtml } from './html'
import {
  decodeQuotedPrintable,
  decodeWords,
  looksLikeMhtml,
  MHTML_MAX_BYTES,
  readMhtml,
} from './mhtml'
import { FormatError } from './types'

const context = { fileName: 'page.mhtml' }
const LEGACY_URL = 'https://presse.nebula.example/communiques/montreal.html'

async function problemOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (e) {
    if (e instanceof FormatError) return e.problem
    throw e
  }
  throw new Error('read without a problem')
}

function latin1(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'latin1'))
}

let saved: Record<WebPage, SavedPage>
let legacy: SavedPage

beforeAll(async () => {
  saved = await savedWebPages()
  const source = readFileSync(`${WEB_FIXTURES}/legacy-windows-1252.html`, 'utf8')
  ;[legacy] = (await savedByChromium([
    { name: 'legacy-windows-1252', url: LEGACY_URL, body: iconv(source, 'WINDOWS-1252') },
  ])) as [SavedPage]
}, 120_000)

describe('readMhtml on archives written by Chrome', () => {
  it('reads the three articles as the HTML reader reads the pages Chrome saved', async () => {
    for (const page of Object.keys(WEB_PAGES) as WebPage[]) {
      expect(looksLikeMhtml(saved[page].mhtml)).toBe(true)
      const fromArchive = await readMhtml(saved[page].mhtml, context)
      expect(fromArchive).toEqual(await readHtml(saved[page].html, context))
    }
  })

  it('reads the French daily from its quoted-printable HTML part', async () => {
    const doc = await readMhtml(saved.courrier.mhtml, context)
    expect(doc.title).toBe('Chez Nébula, la culture du secret à l’épreuve de la croissance')
    expect(doc.attributes).toEqual({
      author: 'Claire Moreau',
      outlet: 'Le Courrier du Matin',
      published: '2025-03-14',
      url: WEB_PAGES.courrier.url,
      language: 'fr',
    })
    expect(doc.encoding).toBe('UTF-8')
    expect(doc.blocks).toHaveLength(10)
    expect(doc.blocks[0]).toBe(
      'La jeune pousse parisienne, passée de quarante à neuf cents salariés en trois ans, peine à concilier sa tradition de discrétion avec la transparence qu’impose sa taille.',
    )
    expect(doc.blocks.at(-1)).toBe(
      'En janvier, une lettre interne signée par près de deux cents salariés demandait la création d’un comité indépendant. La direction assure avoir «\u00a0entendu le message\u00a0» et promet un premier rapport public avant l’été, sans en préciser le contenu.',
    )
  })

  it('reads a windows-1252 page, its address from Snapshot-Content-Location', async () => {
    const doc = await readMhtml(legacy.mhtml, context)
    expect(doc.title).toBe('Nébula ouvre un bureau à Montréal')
    expect(doc.encoding).toBe('windows-1252')
    // The page names no address of its own: the archive's is used.
    expect(doc.attributes).toEqual({
      author: 'Service de presse de Nébula',
      url: LEGACY_URL,
      language: 'fr',
    })
    expect(doc.blocks).toHaveLength(5)
    expect(doc.blocks[0]).toBe('Communiqué – Paris, le 2 septembre 2024')
    expect(doc.blocks[2]).toContain(
      '25\u00a0M€ sur trois ans\u00a0; l’équipe s’installera dans le Mile End, cœur',
    )
    expect(doc.blocks.at(-1)).toBe('Contact presse\u00a0: presse@nebula.example – © Nébula 2024')
  })
})

/** An Internet Explorer style .mht: a preamble, the page in windows-1252 quoted-printable, an image. */
const IE_MHT = [
  'From: <Saved by Windows Internet Explorer 8>',
  'Subject: =?windows-1252?Q?Une_ann=E9e_chez_N=E9bula?=',
  'Date: Tue, 3 Sep 2024 09:12:44 +0200',
  'MIME-Version: 1.0',
  'Content-Type: multipart/related;',
  '\ttype="text/html";',
  '\tboundary="----=_NextPart_000_0000_01DAFDC1.2B3C4D50"',
  'X-MimeOLE: Produced By Microsoft MimeOLE V6.1.7601.17609',
  '',
  'This is a multi-part message in MIME format.',
  '',
  '------=_NextPart_000_0000_01DAFDC1.2B3C4D50',
  'Content-Type: text/html;',
  '\tcharset="windows-1252"',
  'Content-Transfer-Encoding: quoted-printable',
  'Content-Location: http://intranet.nebula.example/actualites/une-annee.htm',
  '',
  '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0 Transitional//EN">',
  '<HTML><HEAD>',
  '<META content=3D"text/html; charset=3Dwindows-1252" http-equiv=3DContent-Type>',
  '</HEAD>',
  '<BODY>',
  '<P>Une ann=E9e apr=E8s son arriv=E9e, l=92=E9quipe de s=E9curit=E9 compte =',
  'douze personnes et publie ses premiers r=E9sultats.</P>',
  '<P>=AB Nous avan=E7ons prudemment =BB, r=E9sume sa responsable.</P>',
  '</BODY></HTML>',
  '',
  '------=_NextPart_000_0000_01DAFDC1.2B3C4D50',
  'Content-Type: image/gif',
  'Content-Transfer-Encoding: base64',
  'Content-Location: http://intranet.nebula.example/actualites/logo.gif',
  '',
  'R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7',
  '',
  '------=_NextPart_000_0000_01DAFDC1.2B3C4D50--',
  '',
].join('\r\n')

const IE_BLOCKS = [
  'Une année après son arrivée, l’équipe de sécurité compte douze personnes et publie ses premiers résultats.',
  '« Nous avançons prudemment », résume sa responsable.',
]

describe('readMhtml on other MIME web archives', () => {
  it('reads an Internet Explorer .mht: preamble, folded headers, the part’s charset, the subject as title', async () => {
    const doc = await readMhtml(latin1(IE_MHT), context)
    expect(doc).toEqual({
      // The page has no <title>: the message's subject is its title.
      title: 'Une année chez Nébula',
      blocks: IE_BLOCKS,
      attributes: { url: 'http://intranet.nebula.example/actualites/une-annee.htm' },
      encoding: 'windows-1252',
    })
  })

  it('reads a base64 part in a nested multipart, with LF line ends, and the part Snapshot-Content-Location names', async () => {
    const page = Buffer.from(
      '<html lang="en"><head><title>Main page</title></head><body><p>The main page’s only paragraph.</p></body></html>',
    ).toString('base64')
    const frame = '<html><body><p>An advertising frame.</p></body></html>'
    const archive = [
      'Snapshot-Content-Location: https://www.example.org/main',
      'Subject: Main page',
      'MIME-Version: 1.0',
      'Content-Type: multipart/related; boundary=outer; type="text/html"',
      '',
      '--outer',
      'Content-Type: multipart/alternative; boundary="inner"',
      '',
      '--inner',
      'Content-Type: text/html',
      'Content-Location: cid:frame-1@example',
      '',
      frame,
      '--inner',
      'Content-Type: text/html; charset=utf-8',
      'Content-Transfer-Encoding: base64',
      'Content-Location: https://www.example.org/main',
      '',
      page.slice(0, 40),
      page.slice(40),
      '--inner--',
      '--outer--',
      '',
    ].join('\n')
    expect(await readMhtml(new TextEncoder().encode(archive), context)).toEqual({
      title: 'Main page',
      blocks: ['The main page’s only paragraph.'],
      attributes: { url: 'https://www.example.org/main', language: 'en' },
      encoding: 'UTF-8',
    })
    // Without Snapshot-Content-Location, the first HTML part is the page.
    const first = await readMhtml(
      new TextEncoder().encode(archive.replace(/^Snapshot-Content-Location: .*\n/, '')),
      context,
    )
    expect(first.blocks).toEqual(['An advertising frame.'])
  })

  it('reads a single-part HTML (or XHTML) message', async () => {
    const archive = [
      'MIME-Version: 1.0',
      'Content-Type: text/html; charset="utf-8"',
      'Content-Transfer-Encoding: 8bit',
      '',
      '<p>Une seule partie, écrite en UTF-8.</p>',
    ].join('\r\n')
    const doc = await readMhtml(new TextEncoder().encode(archive), context)
    expect(doc.blocks).toEqual(['Une seule partie, écrite en UTF-8.'])
    expect(doc.encoding).toBe('UTF-8')
    const xhtml = archive.replace('text/html', 'application/xhtml+xml')
    expect((await readMhtml(new TextEncoder().encode(xhtml), context)).blocks).toEqual(doc.blocks)
  })

  it('decodes quoted-printable and encoded words', () => {
    const decode = (text: string) =>
      Buffer.from(decodeQuotedPrintable(latin1(text))).toString('latin1')
    expect(decode('caf=E9 =3D=3d soft=\r\nbreak=\nand = stray')).toBe(
      'caf\u00e9 == softbreakand = stray',
    )
    expect(decodeWords('=?utf-8?B?w6l0w6k=?= =?utf-8?Q?_et_hiver?=')).toBe('été et hiver')
    expect(decodeWords('=?x-unknown?Q?abc?= plain')).toBe('=?x-unknown?Q?abc?= plain')
  })
})

describe('readMhtml on damaged and hostile archives', () => {
  it('says corrupt for what is not a web archive or has no page in it', async () => {
    const corrupt = async (bytes: Uint8Array) => problemOf(readMhtml(bytes, context))
    expect(await corrupt(new Uint8Array(0))).toBe('corrupt')
    expect(await corrupt(latin1('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n'))).toBe('corrupt')
    expect(await corrupt(saved.nbs.html)).toBe('corrupt')
    expect(looksLikeMhtml(saved.nbs.html)).toBe(false)
    // Only an image.
    expect(
      await corrupt(
        latin1(IE_MHT.replace(/Content-Type: text\/html;/, 'Content-Type: image/png;')),
      ),
    ).toBe('corrupt')
    // No boundary.
    expect(await corrupt(latin1(IE_MHT.replace(/\tboundary="[^"]+"/, '\tstart="x"')))).toBe(
      'corrupt',
    )
    // A boundary that never comes.
    expect(await corrupt(latin1(IE_MHT.replace('boundary="----=_', 'boundary="elsewhere')))).toBe(
      'corrupt',
    )
    // An unknown transfer encoding, and base64 that is not.
    expect(await corrupt(latin1(IE_MHT.replace('quoted-printable', 'x-uuencode')))).toBe('corrupt')
    expect(
      await corrupt(
        latin1(
          IE_MHT.replace(
            'Content-Transfer-Encoding: quoted-printable',
            'Content-Transfer-Encoding: base64',
          ),
        ),
      ),
    ).toBe('corrupt')
    // Headers that never end.
    expect(
      await corrupt(
        latin1(`Content-Type: multipart/related; boundary=b\r\n${'X-A: b\r\n'.repeat(20_000)}`),
      ),
    ).toBe('corrupt')
  })

  it('says corrupt for Chrome’s archive cut inside its page', async () => {
    const whole = saved.blog.mhtml
    const text = Buffer.from(whole).toString('latin1')
    const cut = text.indexOf('Three things I would tell')
    expect(cut).toBeGreaterThan(0)
    expect(await problemOf(readMhtml(whole.subarray(0, cut), context))).toBe('corrupt')
    // Cut after the page, in a later part: the page is whole and is read.
    const stylesheet = text.indexOf('Content-Type: text/css')
    expect(stylesheet).toBeGreaterThan(cut)
    const doc = await readMhtml(whole.subarray(0, stylesheet + 40), context)
    expect(doc).toEqual(await readMhtml(whole, context))
  })

  it('reads an archive of 100 000 parts quickly, and refuses one over its size limit', async () => {
    const parts = Array.from(
      { length: 100_000 },
      (_, i) =>
        `--b\r\nContent-Type: image/png\r\nContent-Location: https://cdn.example/${i}.png\r\n\r\nAAAA\r\n`,
    ).join('')
    const archive = `MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b\r\n\r\n${parts}--b\r\nContent-Type: text/html\r\n\r\n<p>Le texte après cent mille images.</p>\r\n--b--\r\n`
    const start = performance.now()
    expect((await readMhtml(latin1(archive), context)).blocks).toEqual([
      'Le texte après cent mille images.',
    ])
    expect(performance.now() - start).toBeLessThan(5_000)
    expect(await problemOf(readMhtml(new Uint8Array(MHTML_MAX_BYTES + 1), context))).toBe(
      'too-large',
    )
  })

  it('stops when the analyst cancels', async () => {
    const cancelled = { fileName: 'page.mhtml', cancelled: () => true }
    expect(await problemOf(readMhtml(saved.nbs.mhtml, cancelled))).toBe('cancelled')
  })
})
