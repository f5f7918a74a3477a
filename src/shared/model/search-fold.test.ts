// foldText and foldString take a table path per UTF-16 unit for speed (a
// corpus of 10 MB is folded for searching); they must give exactly what the
// definition gives: every code point folded by foldCodePoint, one after the
// other, each folded unit mapped back to where its code point starts.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { foldCodePoint, foldedSlice, foldString, foldText, type SearchOptions } from './search'

/** The definition, one code point at a time. */
function reference(text: string, options: SearchOptions) {
  let folded = ''
  const origin: number[] = []
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i)!
    const f = foldCodePoint(cp, options)
    for (let k = 0; k < f.length; k++) origin.push(k === 0 ? i : -1)
    folded += f
    i += cp > 0xffff ? 2 : 1
  }
  origin.push(text.length)
  return { folded, origin }
}

const options = fc.record({ matchCase: fc.boolean(), matchAccents: fc.boolean() })
const PIECES = ['a', 'Z', 'é', 'É', 'œ', 'Æ', 'ß', 'ẞ', 'İ', 'ﬁ', '²', '’', '“', '\u00a0', '\u0301']
const PIECES_MORE = [
  '😀',
  '👩‍💻',
  '👍🏽',
  '\ufe0f',
  'ς',
  'Σ',
  '¨',
  '…',
  '\n',
  'ŀ',
  'þ',
  '\u2011',
  '\ufdfa',
]

describe('foldText and foldString', () => {
  it('fold any string as the definition does, offsets included', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(fc.constantFrom(...PIECES, ...PIECES_MORE), fc.string({ unit: 'binary' })),
          { maxLength: 30 },
        ),
        options,
        (pieces, opts) => {
          const text = pieces.join('')
          const want = reference(text, opts)
          const got = foldText(text, opts)
          expect(got.folded).toBe(want.folded)
          expect([...got.origin]).toEqual(want.origin)
          expect(foldString(text, opts)).toBe(want.folded)
        },
      ),
      { numRuns: 3000 },
    )
  })

  it('keep lone surrogates as they are', () => {
    const text = 'a\ud800b\udc00c😀'
    const got = foldText(text)
    expect(got.folded).toBe('a\ud800b\udc00c😀')
    expect(foldString('É\ud800')).toBe('e\ud800')
  })

  it('fold a long text in one piece, past any chunk size', () => {
    const text = 'Sécurité, cœur et STRAẞE. '.repeat(20_000)
    const got = foldText(text)
    expect(got.folded).toBe('securite, coeur et strasse. '.repeat(20_000))
    expect(foldString(text)).toBe(got.folded)
    expect(got.origin.length).toBe(got.folded.length + 1)
    expect(got.origin[got.folded.length]).toBe(text.length)
    // "strasse" of the last sentence: its "ss" comes from the one "ẞ".
    const at = got.folded.lastIndexOf('strasse')
    expect(text.slice(got.origin[at], got.origin[at + 7])).toBe('STRAẞE')
  })
})

describe('foldedSlice', () => {
  it('folds any slice of a folded text as foldString folds the slice', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PIECES, ...PIECES_MORE, 'x', ' '), { maxLength: 30 }),
        fc.nat(),
        fc.nat(),
        options,
        (pieces, a, b, opts) => {
          const text = pieces.join('')
          const f = foldText(text, opts)
          // Offsets at code point boundaries (passages never split a surrogate pair).
          const bounds = [0]
          for (let i = 0; i < text.length;) {
            i += text.codePointAt(i)! > 0xffff ? 2 : 1
            bounds.push(i)
          }
          const start = bounds[a % bounds.length]!
          const end = Math.max(start, bounds[b % bounds.length]!)
          expect(foldedSlice(f, start, end)).toBe(foldString(text.slice(start, end), opts))
        },
      ),
      { numRuns: 3000 },
    )
  })
})
