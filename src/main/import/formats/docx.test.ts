// The DOCX reader on files written by LibreOffice Writer from flat ODF
// sources (fixtures/office/*.fodt): the text in reading order with the notes
// last, the properties the file tells, and the files it must refuse (a Word
// 97–2003 .doc, an encrypted package, a document of images only).
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { officeFixture } from '../../../../test-support/office-fixtures'
import { entryText, tamper, utf8 } from '../../../../test-support/zip-tamper'
import { readDocx } from './docx'
import { CULTURE } from './fixtures/office/culture-blocks'
import { FormatError } from './types'

const FIXTURES = join(__dirname, 'fixtures', 'office')

async function convert(name: string, to: string): Promise<Buffer> {
  const source = await readFile(join(FIXTURES, name), 'utf8')
  return readFile(await officeFixture({ name, source, to }))
}

async function problemOf(bytes: Uint8Array): Promise<string> {
  try {
    await readDocx(bytes, { fileName: 'test.docx' })
    return 'read'
  } catch (e) {
    if (e instanceof FormatError) return e.problem
    throw e
  }
}

/** Renames streams in an OLE compound file's directory (UTF-16LE names, length at 64). */
function renameStreams(doc: Buffer, renames: Record<string, string>): Buffer {
  const out = Buffer.from(doc)
  const sectorSize = 1 << out.readUInt16LE(30)
  let renamed = 0
  for (let at = sectorSize; at + 128 <= out.length; at += 128) {
    const length = out.readUInt16LE(at + 64)
    if (length < 4 || length > 64 || out[at + 66] !== 2) continue
    const name = out.subarray(at, at + length - 2).toString('utf16le')
    const to = renames[name]
    if (to === undefined) continue
    out.fill(0, at, at + 64)
    out.write(to, at, 'utf16le')
    out.writeUInt16LE((to.length + 1) * 2, at + 64)
    renamed++
  }
  if (renamed !== Object.keys(renames).length) throw new Error('streams not found')
  return out
}

describe('readDocx', () => {
  let culture: Buffer
  let features: Buffer
  let images: Buffer
  let doc: Buffer

  beforeAll(async () => {
    culture = await convert('culture.fodt', 'docx')
    features = await convert('features.fodt', 'docx')
    images = await convert('images.fodt', 'docx')
    doc = await convert('culture.fodt', 'doc')
  }, 120_000)

  it('reads the article: title, author, language, every block in order, the footnote last', async () => {
    const read = await readDocx(culture, { fileName: 'culture.docx' })
    expect(read.title).toBe('Chez Ardoise, la culture d’entreprise se réinvente')
    expect(read.attributes).toEqual({ author: 'Claire Lefèvre', language: 'fr-FR' })
    expect(read.blocks).toHaveLength(19)
    expect(read.blocks[0]).toBe('Chez Ardoise, la culture d’entreprise se réinvente')
    expect(read.blocks[2]).toBe(
      '«\u00a0Nous voulions que chacun puisse parler à la direction sans rendez-vous\u00a0», explique Hélène Garnier, sa directrice générale.',
    )
    // The heading, a list item and table cells are blocks of their own.
    expect(read.blocks[3]).toBe('Des réunions plus courtes')
    expect(read.blocks[6]).toBe('pas de courriel après 19 heures\u00a0;')
    expect(read.blocks.slice(10, 16)).toEqual([
      'Année',
      'Départs volontaires',
      '2023',
      '41',
      '2024',
      '17',
    ])
    // The reference mark is dropped; the note comes after the text.
    expect(read.blocks[4]).toBe(
      'Depuis janvier, aucune réunion ne dépasse trente minutes. Les salariés disent y gagner deux heures par semaine.',
    )
    expect(read.blocks[17]).toBe(
      'Pour Ardoise & Fils, l’expérience continuera au moins jusqu’à l’été.',
    )
    expect(read.blocks.at(-1)).toBe('Selon le règlement intérieur révisé en décembre.')
    expect(read.blocks).toEqual(CULTURE)
  })

  it('keeps line breaks, accepts tracked changes, drops comments and images, reads text boxes; notes in the order cited', async () => {
    const read = await readDocx(features, { fileName: 'features.docx' })
    expect(read.title).toBe('Revue de presse : les coulisses d’Ardoise')
    // The initial author (not the last editor); the language the text is marked with.
    expect(read.attributes).toEqual({ author: 'Claire Lefèvre', language: 'de-CH' })
    expect(read.blocks).toEqual([
      // A tab and a run of spaces are white space of the HTML that mammoth writes: one space.
      'Nom Fonction Ville',
      'Ardoise SAS\n12 rue des Tanneurs\n69001 Lyon',
      'Le nombre de départs est passé de 41 à 17 en un an.',
      'La directrice reste prudente sur la suite.',
      'Le logo de l’entreprise, redessiné en 2023.',
      // LibreOffice anchors the text box after the paragraph's text.
      'Après l’encadré, le texte reprend.',
      'Encadré : Ardoise compte 120 salariés.',
      'Premier engagement',
      'détail du premier engagement',
      'Second engagement',
      'Une note de bas de page et une note de fin closent l’article.',
      'La note de bas de page.',
      'La note de fin.',
    ])
  })

  it('never reads an image, not even one linked outside the file', async () => {
    const rels = 'word/_rels/document.xml.rels'
    const linked = tamper(features, (entries) => {
      const text = entryText(features, rels).replace(
        /(<Relationship[^>]*Type="[^"]*\/image"[^>]*?)Target="[^"]*"/,
        '$1TargetMode="External" Target="file:///etc/hostname"',
      )
      if (!text.includes('file:///etc/hostname')) throw new Error('no image relationship')
      entries.set(rels, utf8(text))
    })
    const read = await readDocx(linked, { fileName: 'linked.docx' })
    expect(read.blocks).toEqual((await readDocx(features, { fileName: 'features.docx' })).blocks)
  })

  it('refuses a document of images only as without text', async () => {
    expect(await problemOf(images)).toBe('no-text')
  })

  it('tells a Word 97–2003 .doc (old format) from an encrypted DOCX (an OLE file holding the encrypted package)', async () => {
    expect(await problemOf(doc)).toBe('old-format')
    const encrypted = renameStreams(doc, {
      '\u0005SummaryInformation': 'EncryptionInfo',
      '\u0005DocumentSummaryInformation': 'EncryptedPackage',
    })
    expect(await problemOf(encrypted)).toBe('encrypted')
  })

  it('refuses a PDF or plain text handed to it as unsupported', async () => {
    expect(await problemOf(utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj'))).toBe('unsupported')
    expect(await problemOf(utf8('Chez Ardoise, la culture d’entreprise se réinvente.\n'))).toBe(
      'unsupported',
    )
  })

  it('stops when the analyst has cancelled', async () => {
    await expect(
      readDocx(culture, { fileName: 'culture.docx', cancelled: () => true }),
    ).rejects.toMatchObject({ problem: 'cancelled' })
  })
})
