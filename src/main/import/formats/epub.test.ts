// The EPUB reader on a book LibreOffice Writer exports from a flat ODF
// source (fixtures/office/culture.fodt), and on copies of it changed the
// way other EPUB writers and hostile books differ: metadata as Calibre
// writes it, EPUB 2's HTML entities, notes in a file of their own, DRM,
// references that leave the book or point to the web.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { officeFixture } from '../../../../test-support/office-fixtures'
import { fodt } from '../../../../test-support/office-sources'
import { entryText, tamper, utf8 } from '../../../../test-support/zip-tamper'
import { Archive } from './archive'
import { readEpub } from './epub'
import { CULTURE } from './fixtures/office/culture-blocks'
import { FormatError } from './types'

const FIXTURES = join(__dirname, 'fixtures', 'office')
const OPF = 'OEBPS/content.opf'
const NAV = 'OEBPS/toc.xhtml'
const FIRST = 'OEBPS/sections/section0001.xhtml'
const SECOND = 'OEBPS/sections/section0002.xhtml'

async function problemOf(bytes: Uint8Array): Promise<string> {
  try {
    await readEpub(bytes, { fileName: 'test.epub' })
    return 'read'
  } catch (e) {
    if (e instanceof FormatError) return e.problem
    throw e
  }
}

/** The book with entries' text replaced (each replacement must apply). */
function edit(book: Buffer, changes: Record<string, [string | RegExp, string][]>): Buffer {
  return tamper(book, (entries) => {
    for (const [name, replacements] of Object.entries(changes)) {
      let text = entries.has(name) ? entryText(book, name) : ''
      for (const [from, to] of replacements) {
        const next = text.replace(from, to)
        if (next === text) throw new Error(`${String(from)} not found in ${name}`)
        text = next
      }
      entries.set(name, utf8(text))
    }
  })
}

describe('readEpub', () => {
  let book: Buffer

  beforeAll(async () => {
    const source = await readFile(join(FIXTURES, 'culture.fodt'), 'utf8')
    book = await readFile(await officeFixture({ name: 'culture.fodt', source, to: 'epub' }))
  }, 120_000)

  it('reads the article: title, author, language, chapters in spine order, the footnote last', async () => {
    const progress: [number, number][] = []
    const read = await readEpub(book, {
      fileName: 'culture.epub',
      onProgress: (done, total) => progress.push([done, total]),
    })
    expect(read.title).toBe('Chez Ardoise, la culture d’entreprise se réinvente')
    // LibreOffice writes no publisher nor publication date (dcterms:modified is not one).
    expect(read.attributes).toEqual({ author: 'Claire Lefèvre', language: 'fr-FR' })
    expect(read.blocks).toHaveLength(19)
    // The first section has no heading and LibreOffice labels it "Section 1": no label added.
    expect(read.blocks[0]).toBe('Chez Ardoise, la culture d’entreprise se réinvente')
    // The second chapter starts with its label: not repeated.
    expect(read.blocks[3]).toBe('Des réunions plus courtes')
    // The reference mark and the note's back link are dropped; the note comes last.
    expect(read.blocks[4]).toBe(
      'Depuis janvier, aucune réunion ne dépasse trente minutes. Les salariés disent y gagner deux heures par semaine.',
    )
    expect(read.blocks[17]).toBe(
      'Pour Ardoise & Fils, l’expérience continuera au moins jusqu’à l’été.',
    )
    expect(read.blocks.at(-1)).toBe('Selon le règlement intérieur révisé en décembre.')
    expect(read.blocks).toEqual(CULTURE)
    expect(progress).toEqual([
      [1, 2],
      [2, 2],
    ])
  })

  it('reads the metadata as Calibre writes it: authors, publisher, publication date, source', async () => {
    const calibre = edit(book, {
      [OPF]: [
        [
          '</metadata>',
          '<dc:creator>Marc Petit</dc:creator><dc:publisher>Le Progrès</dc:publisher>' +
            '<dc:date>2024-05-14T06:00:00+00:00</dc:date>' +
            '<dc:source>https://www.example.org/economie/ardoise</dc:source></metadata>',
        ],
      ],
    })
    expect((await readEpub(calibre, { fileName: 'calibre.epub' })).attributes).toEqual({
      author: 'Claire Lefèvre, Marc Petit',
      outlet: 'Le Progrès',
      published: '2024-05-14',
      url: 'https://www.example.org/economie/ardoise',
      language: 'fr-FR',
    })
  })

  it('takes no date that is not a publication date (a modification, a month)', async () => {
    const epub2 = edit(book, {
      [OPF]: [
        [
          '</metadata>',
          '<dc:date opf:event="modification">2025-01-02</dc:date><dc:date opf:event="publication">2024-05</dc:date></metadata>',
        ],
      ],
    })
    expect((await readEpub(epub2, { fileName: 'epub2.epub' })).attributes.published).toBeUndefined()
  })

  it('starts a chapter without heading with its table-of-contents label, unless it starts with it or has a heading', async () => {
    const labelled = edit(book, {
      [NAV]: [
        ['>Section 1<', '>Portrait d’une entreprise<'],
        ['>Des réunions plus courtes<', '>Réunions<'],
      ],
      [SECOND]: [
        [
          /<p class="para0"><span class="span2">Des réunions plus courtes<\/span><\/p>/,
          '<h2>Des réunions plus courtes</h2>',
        ],
      ],
    })
    const read = await readEpub(labelled, { fileName: 'labelled.epub' })
    expect(read.blocks).toEqual(['Portrait d’une entreprise', ...CULTURE])
  })

  it('reads the HTML entities of EPUB 2 XHTML, and nothing else as an entity', async () => {
    const epub2 = edit(book, {
      [FIRST]: [
        [
          '<html xmlns',
          '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" "http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd"><html xmlns',
        ],
        ['À Lyon', '&Agrave;&nbsp;Lyon, &amp;nbsp; &unknown;'],
      ],
    })
    const read = await readEpub(epub2, { fileName: 'epub2.epub' })
    expect(read.blocks[1]).toBe(
      'À\u00a0Lyon, &nbsp; &unknown;, l’éditeur de logiciels Ardoise a supprimé les bureaux fermés — et, avec eux, une partie de la hiérarchie.',
    )
  })

  it('reads a chapter declared as HTML (not XHTML) with an HTML parser', async () => {
    const html = edit(book, {
      [OPF]: [
        [
          'href="sections/section0001.xhtml" id="section0001" media-type="application/xhtml+xml"',
          'href="sections/section0001.xhtml" id="section0001" media-type="text/html"',
        ],
      ],
      [FIRST]: [
        [
          /^[^]*$/,
          '<!doctype html><html><head><title>Ardoise</title></head><body><p>Chez Ardoise, la culture d’entreprise se réinvente' +
            '<p>À&nbsp;Lyon,<br>l’éditeur<p>«&nbsp;Nous voulions&nbsp;»</body></html>',
        ],
      ],
    })
    const read = await readEpub(html, { fileName: 'html.epub' })
    expect(read.blocks.slice(0, 4)).toEqual([
      'Chez Ardoise, la culture d’entreprise se réinvente',
      'À\u00a0Lyon,\nl’éditeur',
      '«\u00a0Nous voulions\u00a0»',
      'Des réunions plus courtes',
    ])
    expect(read.blocks).toHaveLength(19)
  })

  it('finds the back links of notes kept in a file of their own', async () => {
    const second = entryText(book, SECOND)
    const aside = /<aside[^]*<\/aside>/.exec(second)![0]
    const notes = edit(book, {
      [SECOND]: [
        [aside, ''],
        ['href="#dataF1"', 'href="notes.xhtml#dataF1"'],
      ],
      'OEBPS/sections/notes.xhtml': [
        [
          /^$/,
          '<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><body>' +
            aside.replace('href="#calledF1"', 'href="section0002.xhtml#calledF1"') +
            '</body></html>',
        ],
      ],
      [OPF]: [
        [
          '</manifest>',
          '<item href="sections/notes.xhtml" id="notes" media-type="application/xhtml+xml"/></manifest>',
        ],
        ['</spine>', '<itemref idref="notes" linear="no"/></spine>'],
      ],
    })
    expect((await readEpub(notes, { fileName: 'notes.epub' })).blocks).toEqual(CULTURE)
  })

  it('never fetches a chapter on the web', async () => {
    const remote = edit(book, {
      [OPF]: [
        [
          '</manifest>',
          '<item href="https://www.example.org/chapitre.xhtml" id="remote" media-type="application/xhtml+xml"/></manifest>',
        ],
        ['</spine>', '<itemref idref="remote"/></spine>'],
      ],
    })
    expect((await readEpub(remote, { fileName: 'remote.epub' })).blocks).toEqual(CULTURE)
  })

  it('refuses a reference that leaves the book, and a chapter missing from it, as corrupt', async () => {
    const escaping = edit(book, {
      [OPF]: [['href="sections/section0002.xhtml"', 'href="../../evil.xhtml"']],
    })
    expect(await problemOf(escaping)).toBe('corrupt')
    const missing = tamper(book, (entries) => entries.delete(SECOND))
    expect(await problemOf(missing)).toBe('corrupt')
  })

  it('refuses a book with DRM (encryption.xml encrypting its text, or rights.xml) as encrypted', async () => {
    const encryption = (algorithm: string, uri: string) =>
      '<?xml version="1.0"?><encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#">' +
      `<enc:EncryptedData><enc:EncryptionMethod Algorithm="${algorithm}"/>` +
      `<enc:CipherData><enc:CipherReference URI="${uri}"/></enc:CipherData></enc:EncryptedData></encryption>`
    const aes = edit(book, {
      'META-INF/encryption.xml': [
        [/^$/, encryption('http://www.w3.org/2001/04/xmlenc#aes128-cbc', SECOND)],
      ],
    })
    expect(await problemOf(aes)).toBe('encrypted')
    const rights = edit(book, { 'META-INF/rights.xml': [[/^$/, '<rights/>']] })
    expect(await problemOf(rights)).toBe('encrypted')
    // Obfuscated fonts are no DRM: the text is read.
    const fonts = edit(book, {
      'META-INF/encryption.xml': [
        [/^$/, encryption('http://www.idpf.org/2008/embedding', 'OEBPS/fonts/serif.otf')],
      ],
    })
    expect((await readEpub(fonts, { fileName: 'fonts.epub' })).blocks).toEqual(CULTURE)
  })

  it('refuses a zip that is not an EPUB as unsupported, and an EPUB without its container as corrupt', async () => {
    const noContainer = tamper(book, (entries) => entries.delete('META-INF/container.xml'))
    expect(await problemOf(noContainer)).toBe('corrupt')
    const other = tamper(book, (entries) => {
      entries.delete('META-INF/container.xml')
      entries.delete('mimetype')
    })
    expect(await problemOf(other)).toBe('unsupported')
  })

  it('stops when the analyst has cancelled', async () => {
    await expect(
      readEpub(book, { fileName: 'culture.epub', cancelled: () => true }),
    ).rejects.toMatchObject({ problem: 'cancelled' })
  })
})

describe('readEpub on a book without title or author', () => {
  it('leaves them unset, not the writer’s placeholders (LibreOffice’s “Unknown Title”)', async () => {
    const source = fodt(['Un article sans propriétés.', 'Deuxième paragraphe.'])
    const bytes = await readFile(
      await officeFixture({ name: 'sans-titre.fodt', source, to: 'epub' }),
    )
    // LibreOffice did write placeholders: the reader is what leaves them out.
    const archive = Archive.open(bytes)
    const opf = archive.names.find((n) => n.endsWith('.opf'))!
    expect(archive.text(opf)).toMatch(/Unknown/)
    const read = await readEpub(bytes, { fileName: 'sans-titre.epub' })
    expect(read.title).toBeUndefined()
    expect(read.attributes.author).toBeUndefined()
    expect(read.blocks).toEqual(['Un article sans propriétés.', 'Deuxième paragraphe.'])
  })
})
