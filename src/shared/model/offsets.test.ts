import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { codePointToUtf16, makeCodePointIndex, utf16ToCodePoint } from './offsets'

const FAMILY_DEV = '👩‍💻' // U+1F469 U+200D U+1F4BB: 5 UTF-16 units, 3 code points
const GRIN = '😀' // U+1F600: 2 UTF-16 units, 1 code point

/** Every UTF-16 offset of `text` that does not fall inside a surrogate pair. */
function validBoundaries(text: string): number[] {
  const out = [0]
  let i = 0
  for (const ch of text) {
    i += ch.length
    out.push(i)
  }
  return out
}

describe('utf16ToCodePoint', () => {
  it('is the identity on BMP-only text, accents included', () => {
    const text = 'Élève à l’école, déjà là.'
    for (let i = 0; i <= text.length; i++) expect(utf16ToCodePoint(text, i)).toBe(i)
  })

  it('counts a surrogate pair as one code point', () => {
    const text = `a${GRIN}b`
    expect(utf16ToCodePoint(text, 0)).toBe(0)
    expect(utf16ToCodePoint(text, 1)).toBe(1)
    expect(utf16ToCodePoint(text, 3)).toBe(2)
    expect(utf16ToCodePoint(text, 4)).toBe(3)
  })

  it('counts a ZWJ emoji sequence as its code points, not its UTF-16 units', () => {
    expect(FAMILY_DEV.length).toBe(5)
    expect(utf16ToCodePoint(FAMILY_DEV, 5)).toBe(3)
    expect(utf16ToCodePoint(FAMILY_DEV, 2)).toBe(1) // after 👩
    expect(utf16ToCodePoint(FAMILY_DEV, 3)).toBe(2) // after the ZWJ
  })

  it('shifts offsets after an emoji by one per astral character', () => {
    const text = `${GRIN}${FAMILY_DEV} Déjà vu`
    const u16 = text.indexOf('Déjà')
    expect(u16).toBe(8)
    expect(utf16ToCodePoint(text, u16)).toBe(5)
    expect([...text].slice(5, 9).join('')).toBe('Déjà')
  })

  it('throws RangeError for an offset that splits a surrogate pair', () => {
    expect(() => utf16ToCodePoint(`a${GRIN}b`, 2)).toThrow(RangeError)
    expect(() => utf16ToCodePoint(FAMILY_DEV, 1)).toThrow(/splits a surrogate pair/)
    expect(() => utf16ToCodePoint(FAMILY_DEV, 4)).toThrow(RangeError)
  })

  it('throws RangeError for offsets outside the text', () => {
    expect(() => utf16ToCodePoint('abc', -1)).toThrow(RangeError)
    expect(() => utf16ToCodePoint('abc', 4)).toThrow(/outside the text/)
    expect(utf16ToCodePoint('', 0)).toBe(0)
  })

  it('counts lone surrogates as one code point each, like the string iterator', () => {
    const text = 'a\uD800b\uDC00c\uDBFF'
    expect([...text].length).toBe(6)
    for (let i = 0; i <= text.length; i++) expect(utf16ToCodePoint(text, i)).toBe(i)
  })
})

describe('codePointToUtf16', () => {
  it('maps code point offsets back past emoji', () => {
    const text = `a${GRIN}b${FAMILY_DEV}c`
    expect(codePointToUtf16(text, 0)).toBe(0)
    expect(codePointToUtf16(text, 1)).toBe(1)
    expect(codePointToUtf16(text, 2)).toBe(3)
    expect(codePointToUtf16(text, 3)).toBe(4)
    expect(codePointToUtf16(text, 6)).toBe(9)
    expect(codePointToUtf16(text, 7)).toBe(10)
  })

  it('throws RangeError outside the text', () => {
    expect(() => codePointToUtf16('abc', -1)).toThrow(RangeError)
    expect(() => codePointToUtf16(GRIN, 2)).toThrow(/outside the text/)
    expect(codePointToUtf16(GRIN, 1)).toBe(2)
  })

  it('is the inverse of utf16ToCodePoint on every valid boundary', () => {
    const text = `Ça marche ${GRIN} très bien ${FAMILY_DEV}!`
    for (const u of validBoundaries(text)) {
      expect(codePointToUtf16(text, utf16ToCodePoint(text, u))).toBe(u)
    }
  })
})

describe('makeCodePointIndex', () => {
  it('agrees with utf16ToCodePoint on a mixed French and emoji text', () => {
    const text = `${FAMILY_DEV} L’équipe ${GRIN}${GRIN} a dit « peut-être ».`
    const index = makeCodePointIndex(text)
    for (const u of validBoundaries(text)) expect(index(u)).toBe(utf16ToCodePoint(text, u))
  })

  it('throws RangeError for splitting and out-of-range offsets', () => {
    const index = makeCodePointIndex(`x${GRIN}y`)
    expect(() => index(2)).toThrow(/splits a surrogate pair/)
    expect(() => index(-1)).toThrow(RangeError)
    expect(() => index(5)).toThrow(/outside the text/)
    expect(index(4)).toBe(3)
  })

  it('works on the empty text', () => {
    const index = makeCodePointIndex('')
    expect(index(0)).toBe(0)
    expect(() => index(1)).toThrow(RangeError)
  })
})

describe('offset properties', () => {
  // Any code point of the full Unicode range, with emoji, combining accents and
  // lone surrogate halves (which may pair up with their neighbours) mixed in.
  const unit = fc.oneof(
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    fc.constantFrom(GRIN, FAMILY_DEV, 'é', 'e\u0301', '\uD83D', '\uDE00'),
  )
  const fullText = fc.string({ unit, maxLength: 40 })
  const textAndRange = fullText.chain((text) => {
    const bounds = validBoundaries(text)
    const pick = fc.integer({ min: 0, max: bounds.length - 1 })
    return fc.record({
      text: fc.constant(text),
      a: pick.map((i) => bounds[i]!),
      b: pick.map((i) => bounds[i]!),
    })
  })

  it('slicing code points between converted offsets gives the same text as slicing UTF-16', () => {
    fc.assert(
      fc.property(textAndRange, ({ text, a, b }) => {
        const u16Start = Math.min(a, b)
        const u16End = Math.max(a, b)
        const cpStart = utf16ToCodePoint(text, u16Start)
        const cpEnd = utf16ToCodePoint(text, u16End)
        expect([...text].slice(cpStart, cpEnd).join('')).toBe(text.slice(u16Start, u16End))
        expect(codePointToUtf16(text, cpStart)).toBe(u16Start)
        expect(codePointToUtf16(text, cpEnd)).toBe(u16End)
      }),
      { numRuns: 500 },
    )
  })

  it('makeCodePointIndex agrees with utf16ToCodePoint, including on which offsets throw', () => {
    fc.assert(
      fc.property(fullText, (text) => {
        const index = makeCodePointIndex(text)
        for (let u = -1; u <= text.length + 1; u++) {
          let expected: number | 'throws'
          try {
            expected = utf16ToCodePoint(text, u)
          } catch (e) {
            expect(e).toBeInstanceOf(RangeError)
            expected = 'throws'
          }
          if (expected === 'throws') expect(() => index(u)).toThrow(RangeError)
          else expect(index(u)).toBe(expected)
        }
      }),
      { numRuns: 500 },
    )
  })

  it('the code point offset of the end of the text is its code point count', () => {
    fc.assert(
      fc.property(fullText, (text) => {
        expect(utf16ToCodePoint(text, text.length)).toBe([...text].length)
        expect(codePointToUtf16(text, [...text].length)).toBe(text.length)
      }),
      { numRuns: 300 },
    )
  })
})
