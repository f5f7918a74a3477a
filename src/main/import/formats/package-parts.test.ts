// The helpers the zipped-document readers share, on the edge cases their
// readers' tests do not reach: names resolved inside the package, dates,
// entity declarations, nesting counted in XML and in HTML, and what bytes
// that are not a zip are taken for.
import { describe, expect, it } from 'vitest'
import {
  checkMarkup,
  isoDate,
  MAX_DEPTH,
  notAPackage,
  refuseDeclaredEntities,
  refuseDeepNesting,
  resolveInPackage,
} from './package-parts'
import { FormatError } from './types'

function problemOf(f: () => unknown): string {
  try {
    f()
    return 'ok'
  } catch (e) {
    if (e instanceof FormatError) return e.problem
    throw e
  }
}

describe('resolveInPackage', () => {
  it.each([
    ['OEBPS/', 'Text/ch%201.xhtml#p3', 'OEBPS/Text/ch 1.xhtml'],
    ['OEBPS/Text/', '../Styles/../Text/./ch2.xhtml?x=1', 'OEBPS/Text/ch2.xhtml'],
    ['OEBPS/', '/META-INF/container.xml', 'META-INF/container.xml'],
    ['word/', 'media/image1.png', 'word/media/image1.png'],
  ])('resolves %s + %s inside the package', (base, reference, name) => {
    expect(resolveInPackage(base, reference)).toBe(name)
  })

  it.each([
    ['OEBPS/', '../../evil.xhtml'],
    ['', '../evil'],
    ['OEBPS/', 'https://example.org/chapter.xhtml'],
    ['OEBPS/', 'file:///etc/passwd'],
    ['OEBPS/', '//example.org/x'],
    ['OEBPS/', '..\\..\\evil'],
    ['OEBPS/', '%2e%2e/%2e%2e/evil'],
    ['OEBPS/', 'bad%E0%A4%A'],
  ])('gives no name for %s + %s (outside, remote, or not a name)', (base, reference) => {
    expect(resolveInPackage(base, reference)).toBeNull()
  })
})

describe('isoDate', () => {
  it.each([
    ['2024-05-14', '2024-05-14'],
    ['2024-05-14T06:00:00+02:00', '2024-05-14'],
    [' 2024-02-29 ', '2024-02-29'],
    ['2023-02-29', undefined],
    ['2024-13-01', undefined],
    ['2024-05', undefined],
    ['2024', undefined],
    ['14/05/2024', undefined],
    [undefined, undefined],
  ])('%s → %s', (text, date) => {
    expect(isoDate(text)).toBe(date)
  })
})

describe('markup checks', () => {
  it('refuses entities declared anywhere, and a DOCTYPE with an internal subset; reads a public DOCTYPE', () => {
    expect(
      problemOf(() => refuseDeclaredEntities('<?xml version="1.0"?><!DOCTYPE a [ ]><a/>', 'a')),
    ).toBe('corrupt')
    expect(problemOf(() => refuseDeclaredEntities('<!-- x --><!ENTITY e "x"><a/>', 'a'))).toBe(
      'corrupt',
    )
    expect(
      problemOf(() =>
        refuseDeclaredEntities(
          '<?xml version="1.0"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" "http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd"><html/>',
          'a',
        ),
      ),
    ).toBe('ok')
  })

  it('counts nesting in XML exactly: self-closed elements, comments and declarations do not count', () => {
    const nested = (depth: number) => '<d>'.repeat(depth) + '</d>'.repeat(depth)
    expect(problemOf(() => refuseDeepNesting(nested(MAX_DEPTH), 'x'))).toBe('ok')
    expect(problemOf(() => refuseDeepNesting(nested(MAX_DEPTH + 1), 'x'))).toBe('too-large')
    const flat = '<a>' + '<br/><!-- <d> --><?pi <d>?><![CDATA[ ]]>'.repeat(5000) + '</a>'
    expect(problemOf(() => refuseDeepNesting(flat, 'x'))).toBe('ok')
  })

  it('in HTML, does not count elements whose end tag may be left out, but counts the others', () => {
    const loose =
      '<html><body>' + '<p>para<br>line<img src="x.png">'.repeat(5000) + '</body></html>'
    expect(problemOf(() => refuseDeepNesting(loose, 'x', true))).toBe('ok')
    // Counted as XML, the same page would be far too deep.
    expect(problemOf(() => refuseDeepNesting(loose, 'x'))).toBe('too-large')
    const divs = '<div>'.repeat(MAX_DEPTH + 1)
    expect(problemOf(() => refuseDeepNesting(divs, 'x', true))).toBe('too-large')
  })

  it('refuses more than 32 MiB of markup before anything else', () => {
    expect(problemOf(() => checkMarkup(' '.repeat(32 * 1024 * 1024 + 1), 'x'))).toBe('too-large')
  })
})

describe('notAPackage', () => {
  const ascii = (text: string) => new TextEncoder().encode(text)
  it.each([
    ['a PDF', ascii('%PDF-1.7\n'), 'unsupported'],
    ['an RTF document', ascii('{\\rtf1\\ansi Bonjour}'), 'unsupported'],
    ['HTML', ascii('\uFEFF  <!doctype html><p>Bonjour</p>'), 'unsupported'],
    ['plain text', ascii('Chez Ardoise, la culture d’entreprise se réinvente.'), 'unsupported'],
    ['an empty file', new Uint8Array(), 'corrupt'],
    ['a zip cut after its first header', ascii('PK\u0003\u0004\u0014\u0000'), 'corrupt'],
    ['binary bytes', Uint8Array.from([0, 1, 2, 0xff, 0xfe, 0x10, 0x80, 0x81]), 'corrupt'],
  ])('takes %s for %s', (_what, bytes, problem) => {
    expect(notAPackage(bytes).problem).toBe(problem)
  })

  it('takes an OLE compound file without an encrypted package for Word 97–2003', () => {
    const ole = new Uint8Array(1024)
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
    new DataView(ole.buffer).setUint16(30, 9, true)
    expect(notAPackage(ole).problem).toBe('old-format')
  })
})
