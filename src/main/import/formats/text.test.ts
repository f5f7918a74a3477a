// Text and Markdown files in the encodings analysts meet, written by
// LibreOffice Writer from one French article: every encoding is found and
// the text comes back exactly, never as mojibake; binary files are refused.
import { readFile } from 'node:fs/promises'
import { beforeAll, describe, expect, it } from 'vitest'
import { normalizeText } from '@shared/model/text'
import { officeFixture } from '../../../../test-support/office-fixtures'
import { fodt } from '../../../../test-support/office-sources'
import { decodeText, markdownTitle, readMarkdown, readText, textBlocks, utf16ByNuls } from './text'
import { FormatError } from './types'

const context = { fileName: 'article.txt' }

/** The article: every character has a place in Windows-1252. */
const FRENCH = [
  'Grève à la SNCF : « c’est fini », dit-il',
  'L’œuvre coûte 12 € — déjà payé.\nDeuxième ligne du même paragraphe.',
  'Élisabeth, Noël et Zoë sont allées à l’Hôtel-Dieu ; ça coûte cher… « Bœuf » ?',
]
/** The same in a Unicode-only version: an emoji and letters of other scripts. */
const UNICODE = [...FRENCH, 'Emoji 😀 et 中文 et Ελληνικά et Ş.']
const RUSSIAN = [
  'Вчера правительство объявило о новых правилах защиты окружающей среды.',
  'Министр сказал, что это важный шаг, и депутаты согласились с ним.',
]

const MOJIBAKE = /Ã|Â|â€|Å“|ï»¿|\uFFFD|Ð/

/** The text LibreOffice writes from `paragraphs` in the given encoding (a filter option of "Text (encoded)"). */
async function written(paragraphs: readonly string[], options: string): Promise<Uint8Array> {
  const path = await officeFixture({
    name: 'article.fodt',
    source: fodt(paragraphs),
    to: `txt:Text (encoded):${options}`,
  })
  return new Uint8Array(await readFile(path))
}

const joined = (blocks: string[]) => normalizeText(blocks.join('\n\n'))
const expected = (paragraphs: readonly string[]) => normalizeText(paragraphs.join('\n\n'))

async function problemOf(p: Promise<unknown>): Promise<string> {
  try {
    await p
  } catch (e) {
    if (e instanceof FormatError) return e.problem
    throw e
  }
  return 'none'
}

const files: Record<string, Uint8Array> = {}

beforeAll(async () => {
  // Two conversions at a time: the machine has two cores.
  ;[files.utf8Bom, files.utf8] = await Promise.all([
    written(UNICODE, 'UTF8'),
    written(UNICODE, 'UTF8,LF,,,false'),
  ])
  ;[files.utf16, files.cp1252] = await Promise.all([
    written(UNICODE, 'UNICODE'),
    written(FRENCH, 'MS_1252,CRLF,,,'),
  ])
  ;[files.latin9, files.cp1251] = await Promise.all([
    written(FRENCH, 'ISO_8859_15'),
    written(RUSSIAN, 'MS_1251'),
  ])
}, 120_000)

describe('decodeText on files LibreOffice wrote', () => {
  it('UTF-8 with and without a BOM', () => {
    expect(files.utf8Bom!.subarray(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]))
    expect(decodeText(files.utf8Bom!).encoding).toBe('UTF-8 (BOM)')
    expect(decodeText(files.utf8!).encoding).toBe('UTF-8')
    for (const f of [files.utf8Bom!, files.utf8!])
      expect(joined(textBlocks(decodeText(f).text))).toBe(expected(UNICODE))
  })

  it('UTF-16LE with a BOM, and without it', () => {
    expect(files.utf16!.subarray(0, 2)).toEqual(new Uint8Array([0xff, 0xfe]))
    for (const f of [files.utf16!, files.utf16!.subarray(2)]) {
      const d = decodeText(f)
      expect(d.encoding).toBe('UTF-16LE')
      expect(joined(textBlocks(d.text))).toBe(expected(UNICODE))
    }
  })

  it('UTF-16BE (the same file, bytes swapped) with a BOM, and without it', () => {
    const swapped = new Uint8Array(files.utf16!.length)
    for (let i = 0; i + 1 < swapped.length; i += 2)
      [swapped[i], swapped[i + 1]] = [files.utf16![i + 1]!, files.utf16![i]!]
    expect(swapped.subarray(0, 2)).toEqual(new Uint8Array([0xfe, 0xff]))
    for (const f of [swapped, swapped.subarray(2)]) {
      const d = decodeText(f)
      expect(d.encoding).toBe('UTF-16BE')
      expect(joined(textBlocks(d.text))).toBe(expected(UNICODE))
    }
  })

  it('Windows-1252 with CRLF: é, œ, €, «», ’ and … come back', () => {
    expect([...files.cp1252!].some((b) => b >= 0x80 && b <= 0x9f)).toBe(true)
    const d = decodeText(files.cp1252!)
    expect(d.encoding).toBe('windows-1252')
    expect(joined(textBlocks(d.text))).toBe(expected(FRENCH))
  })

  it('ISO-8859-15: œ and € are not read as ½ and ¤', () => {
    const d = decodeText(files.latin9!)
    expect(d.encoding).toBe('ISO-8859-15')
    // LibreOffice writes ’ and — and … as it can in ISO-8859-15.
    const saved = new TextDecoder('iso-8859-15').decode(files.latin9)
    expect(d.text).toBe(saved)
    expect(d.text).toContain("L'œuvre coûte 12 €")
    expect(d.text).toContain('« Bœuf »')
    expect(d.text).not.toMatch(/[½¤]/)
  })

  it('Windows-1251 (Cyrillic) on chardet’s word', () => {
    const d = decodeText(files.cp1251!)
    expect(d.encoding).toBe('windows-1251')
    expect(joined(textBlocks(d.text))).toBe(expected(RUSSIAN))
  })

  it('never gives mojibake', () => {
    for (const [name, bytes] of Object.entries(files)) {
      const { text } = decodeText(bytes)
      expect(text, name).not.toMatch(MOJIBAKE)
      expect(text, name).toMatch(/Grève|Вчера/)
    }
  })
})

describe('decodeText on short and odd input', () => {
  it('an empty file and plain ASCII are UTF-8', () => {
    expect(decodeText(new Uint8Array())).toEqual({ text: '', encoding: 'UTF-8' })
    expect(decodeText(new TextEncoder().encode('hello'))).toEqual({
      text: 'hello',
      encoding: 'UTF-8',
    })
  })

  it('one accented word in Windows-1252 (too little for chardet) falls back to Windows-1252', () => {
    expect(decodeText(new Uint8Array([0x43, 0x61, 0x66, 0xe9]))).toEqual({
      text: 'Café',
      encoding: 'windows-1252',
    })
  })

  it('½ after a digit stays ½ in Windows-1252', () => {
    const bytes = new Uint8Array([...'Il faut 1'].map((c) => c.charCodeAt(0)).concat([0xbd, 0x20]))
    expect(decodeText(bytes)).toEqual({ text: 'Il faut 1½ ', encoding: 'windows-1252' })
  })

  it('a BOM followed by bytes that are not UTF-8 decodes with replacement characters', () => {
    const d = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0xff, 0x62]))
    expect(d).toEqual({ text: 'a\uFFFDb', encoding: 'UTF-8 (BOM)' })
  })

  it('UTF-16 is told by its NULs, on the right side only', () => {
    expect(utf16ByNuls(new Uint8Array([0x61, 0, 0x62, 0, 0x63, 0, 0x64, 0]))).toBe('utf-16le')
    expect(utf16ByNuls(new Uint8Array([0, 0x61, 0, 0x62, 0, 0x63, 0, 0x64]))).toBe('utf-16be')
    // A few bytes with a NUL, or an odd count of bytes, are not UTF-16 text.
    expect(utf16ByNuls(new Uint8Array([0x61, 0, 0x62, 0]))).toBeNull()
    expect(utf16ByNuls(new Uint8Array([0x41, 0, 0x42]))).toBeNull()
    expect(utf16ByNuls(new Uint8Array([0x61, 0, 0x62, 0, 0x63, 0, 0x64, 0, 0x65]))).toBeNull()
    expect(utf16ByNuls(new Uint8Array([0, 0, 0, 0, 1, 2, 3, 4]))).toBeNull()
  })
})

describe('binary content', () => {
  it('is refused: NULs in a file that is not UTF-16', async () => {
    const zipLike = new Uint8Array([0x50, 0x4b, 3, 4, 0x14, 0, 0, 0, 8, 0, 0x61, 0x62, 0x63])
    expect(await problemOf(readText(zipLike, context))).toBe('unsupported')
    expect(() => decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0]))).toThrow(FormatError)
  })

  it('is refused: UTF-16 whose text holds NUL characters', () => {
    expect(() => decodeText(new Uint8Array([0xff, 0xfe, 0x61, 0, 0, 0, 0x62, 0]))).toThrow(
      /unsupported/,
    )
  })

  it('random bytes without NULs decode quickly as some single-byte text', () => {
    let seed = 7
    const bytes = new Uint8Array(2 * 1024 * 1024).map(() => {
      seed = (seed * 1103515245 + 12345) >>> 0
      return 1 + (seed % 255)
    })
    const start = performance.now()
    const d = decodeText(bytes)
    expect(performance.now() - start).toBeLessThan(5000)
    expect(d.text.length).toBe(bytes.length)
  })
})

describe('readText and readMarkdown', () => {
  it('readText gives the blocks between blank lines, the encoding, no title', async () => {
    const doc = await readText(files.cp1252!, context)
    expect(doc).toEqual({
      blocks: [
        'Grève à la SNCF : « c’est fini », dit-il',
        'L’œuvre coûte 12 € — déjà payé.\nDeuxième ligne du même paragraphe.',
        'Élisabeth, Noël et Zoë sont allées à l’Hôtel-Dieu ; ça coûte cher… « Bœuf » ?',
      ],
      attributes: {},
      encoding: 'windows-1252',
    })
  })

  it('splits on lines of spaces and tabs, any line ends, and drops empty blocks', () => {
    expect(textBlocks('\n\na\r\nb\r\n \t\r\n\r\nc\rd\r\re\n\n\n')).toEqual(['a\nb', 'c\nd', 'e'])
  })

  it('a file of blank lines has no text', async () => {
    expect(await problemOf(readText(new TextEncoder().encode(' \n\t\n'), context))).toBe('no-text')
  })

  it('readMarkdown takes the first heading as the title and keeps the text as written', async () => {
    const md = 'Intro\r\n\r\n## Grève à la SNCF ##\r\n\r\n# Later\r\n\r\n*Corps* du texte.\r\n'
    const bytes = new TextEncoder().encode(md)
    const doc = await readMarkdown(bytes, { fileName: 'notes.md' })
    expect(doc).toEqual({
      title: 'Grève à la SNCF',
      blocks: ['Intro', '## Grève à la SNCF ##', '# Later', '*Corps* du texte.'],
      attributes: {},
      encoding: 'UTF-8',
    })
  })

  it('a Markdown file without a heading has no title; # without a space is no heading', () => {
    expect(markdownTitle('#hashtag\n\ntext')).toBeUndefined()
    expect(markdownTitle('    # code, not a heading')).toBeUndefined()
    expect(markdownTitle(`# ${'x'.repeat(300)}`)).toBe('x'.repeat(200))
  })
})
