// The ODT reader on files written by LibreOffice Writer from flat ODF
// sources (fixtures/office/*.fodt), and on a copy LibreOffice stored with a
// password: the text in reading order with the notes last, ODF's white
// space (text:s, text:tab, text:line-break), what is not text (comments,
// deleted text, images), and the metadata.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { officeFixture } from '../../../../test-support/office-fixtures'
import { passwordOfficeFixture } from '../../../../test-support/office-password-fixtures'
import { entryText, tamper, utf8 } from '../../../../test-support/zip-tamper'
import { CULTURE } from './fixtures/office/culture-blocks'
import { readOdt } from './odt'
import { FormatError } from './types'

const FIXTURES = join(__dirname, 'fixtures', 'office')

async function convert(name: string, to: string): Promise<Buffer> {
  const source = await readFile(join(FIXTURES, name), 'utf8')
  return readFile(await officeFixture({ name, source, to }))
}

async function problemOf(bytes: Uint8Array): Promise<string> {
  try {
    await readOdt(bytes, { fileName: 'test.odt' })
    return 'read'
  } catch (e) {
    if (e instanceof FormatError) return e.problem
    throw e
  }
}

describe('readOdt', () => {
  let culture: Buffer
  let features: Buffer
  let images: Buffer
  let protectedOdt: Buffer

  beforeAll(async () => {
    culture = await convert('culture.fodt', 'odt')
    features = await convert('features.fodt', 'odt')
    images = await convert('images.fodt', 'odt')
    protectedOdt = await readFile(
      await passwordOfficeFixture({
        name: 'culture.fodt',
        source: await readFile(join(FIXTURES, 'culture.fodt'), 'utf8'),
        filter: 'writer8',
        extension: 'odt',
      }),
    )
  }, 120_000)

  it('reads the article: title, author, language, every block in order, the footnote last', async () => {
    const read = await readOdt(culture, { fileName: 'culture.odt' })
    expect(read.title).toBe('Chez Ardoise, la culture d’entreprise se réinvente')
    expect(read.attributes).toEqual({ author: 'Claire Lefèvre', language: 'fr-FR' })
    expect(read.blocks).toHaveLength(19)
    expect(read.blocks[0]).toBe('Chez Ardoise, la culture d’entreprise se réinvente')
    expect(read.blocks.at(-1)).toBe('Selon le règlement intérieur révisé en décembre.')
    expect(read.blocks).toEqual(CULTURE)
  })

  it('keeps tabs, runs of spaces and line breaks; accepts tracked changes; drops comments and images; notes in the order cited', async () => {
    const read = await readOdt(features, { fileName: 'features.odt' })
    expect(read.title).toBe('Revue de presse : les coulisses d’Ardoise')
    // The initial author, not the last editor; no language in meta.xml: the default style's.
    expect(read.attributes).toEqual({ author: 'Claire Lefèvre', language: 'de-CH' })
    expect(read.blocks).toEqual([
      'Nom\tFonction   Ville',
      'Ardoise SAS\n12 rue des Tanneurs\n69001 Lyon',
      'Le nombre de départs est passé de 41 à 17 en un an.',
      'La directrice reste prudente sur la suite.',
      'Le logo de l’entreprise, redessiné en 2023.',
      'Encadré : Ardoise compte 120 salariés.',
      'Après l’encadré, le texte reprend.',
      'Premier engagement',
      'détail du premier engagement',
      'Second engagement',
      'Une note de bas de page et une note de fin closent l’article.',
      'La note de bas de page.',
      'La note de fin.',
    ])
  })

  it('reads the same text whatever prefixes the file gives the ODF namespaces', async () => {
    const content = entryText(culture, 'content.xml')
      .replace(/xmlns:text=/g, 'xmlns:t=')
      .replace(/(<\/?)text:/g, '$1t:')
      .replace(/ text:/g, ' t:')
    expect(content).not.toContain('<text:')
    const renamed = tamper(culture, (entries) => entries.set('content.xml', utf8(content)))
    expect((await readOdt(renamed, { fileName: 'renamed.odt' })).blocks).toEqual(CULTURE)
  })

  it('gives a text:s no more than a thousand spaces, whatever count it claims', async () => {
    const content = entryText(culture, 'content.xml').replace(
      'Des réunions plus courtes',
      'Des réunions<text:s text:c="1000000000"/>plus courtes',
    )
    const spaced = tamper(culture, (entries) => entries.set('content.xml', utf8(content)))
    const read = await readOdt(spaced, { fileName: 'spaced.odt' })
    expect(read.blocks[3]).toBe(`Des réunions${' '.repeat(1000)}plus courtes`)
  })

  it('refuses a document LibreOffice stored with a password as encrypted', async () => {
    expect(await problemOf(protectedOdt)).toBe('encrypted')
  })

  it('refuses a document of images only as without text', async () => {
    expect(await problemOf(images)).toBe('no-text')
  })

  it('refuses another OpenDocument type as unsupported, and a text document without content.xml as corrupt', async () => {
    const spreadsheet = tamper(culture, (entries) =>
      entries.set('mimetype', utf8('application/vnd.oasis.opendocument.spreadsheet')),
    )
    expect(await problemOf(spreadsheet)).toBe('unsupported')
    const hollow = tamper(culture, (entries) => entries.delete('content.xml'))
    expect(await problemOf(hollow)).toBe('corrupt')
  })

  it('refuses the flat ODF source itself (XML, not a package) as unsupported', async () => {
    expect(await problemOf(await readFile(join(FIXTURES, 'culture.fodt')))).toBe('unsupported')
  })

  it('stops when the analyst has cancelled', async () => {
    await expect(
      readOdt(culture, { fileName: 'culture.odt', cancelled: () => true }),
    ).rejects.toMatchObject({ problem: 'cancelled' })
  })
})
