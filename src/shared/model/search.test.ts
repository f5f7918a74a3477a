import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  containsFolded,
  findMatches,
  firstMatchFrom,
  foldString,
  foldText,
  type SearchOptions,
} from './search'

const STRICT: SearchOptions = { matchCase: true, matchAccents: true }
const CASE_ONLY: SearchOptions = { matchCase: true, matchAccents: false }
const ACCENTS_ONLY: SearchOptions = { matchCase: false, matchAccents: true }
const ALL_OPTIONS: SearchOptions[] = [
  { matchCase: false, matchAccents: false },
  CASE_ONLY,
  ACCENTS_ONLY,
  STRICT,
]

/** The original slices of every match. */
function found(text: string, query: string, options?: SearchOptions): string[] {
  return findMatches(text, query, options).map((m) => text.slice(m.start, m.end))
}

describe('foldString', () => {
  it('drops accents and case by default', () => {
    expect(foldString('Sécurité ÉCONOMIE à Noël, ça')).toBe('securite economie a noel, ca')
  })

  it('spells out ligatures and ß', () => {
    expect(foldString('Cœur, Œuvre, ex æquo, Straße, STRAẞE')).toBe(
      'coeur, oeuvre, ex aequo, strasse, strasse',
    )
  })

  it('reads typographic apostrophes, quotes, hyphens and spaces as ASCII', () => {
    expect(foldString('l’État ‘a’ “b” peut‑être\u00a0:\u202f!')).toBe(
      "l'etat 'a' \"b\" peut-etre : !",
    )
  })

  it('keeps accents and case when asked to', () => {
    expect(foldString('Sécurité', STRICT)).toBe('Se\u0301curite\u0301')
    expect(foldString('Sécurité', CASE_ONLY)).toBe('Securite')
    expect(foldString('Sécurité', ACCENTS_ONLY)).toBe('se\u0301curite\u0301')
  })

  it('reads decomposed and precomposed accents the same in every mode', () => {
    for (const options of ALL_OPTIONS)
      expect(foldString('e\u0301le\u0300ve', options)).toBe(foldString('élève', options))
  })

  it('keeps spacing accents as they are instead of turning them into spaces', () => {
    expect(foldString('a¨b´c')).toBe('a¨b´c')
  })
})

describe('findMatches', () => {
  it('finds "sécurité" from "securite" and "économie" from "ECONOMIE"', () => {
    const text = 'La sécurité avant tout. SÉCURITÉ ! L’économie, l’Économie.'
    expect(found(text, 'securite')).toEqual(['sécurité', 'SÉCURITÉ'])
    expect(found(text, 'ECONOMIE')).toEqual(['économie', 'Économie'])
  })

  it('honours Match case and Match accents', () => {
    const text = 'Sécurité, securite, SÉCURITÉ, sécurité'
    expect(found(text, 'sécurité', STRICT)).toEqual(['sécurité'])
    expect(found(text, 'securite', STRICT)).toEqual(['securite'])
    expect(found(text, 'securite', CASE_ONLY)).toEqual(['securite', 'sécurité'])
    expect(found(text, 'sécurité', ACCENTS_ONLY)).toEqual(['Sécurité', 'SÉCURITÉ', 'sécurité'])
  })

  it('maps matches after NFD-expanding letters back to exact original offsets', () => {
    // Every accented letter below expands when folded; offsets must not drift.
    const text = 'élève très français, cœur ŒUVRE Straße: fin'
    const [m] = findMatches(text, 'fin')
    expect(m).toEqual({ start: text.indexOf('fin'), end: text.indexOf('fin') + 3 })
    expect(found(text, 'francais')).toEqual(['français'])
    expect(found(text, 'coeur')).toEqual(['cœur'])
    expect(found(text, 'oeuvre')).toEqual(['ŒUVRE'])
    expect(found(text, 'strasse')).toEqual(['Straße'])
    expect(found(text, 'tres')).toEqual(['très'])
    expect(found(text, 'eleve')).toEqual(['élève'])
  })

  it('matches ß and ss both ways, but never half of ß or œ', () => {
    expect(found('Strasse', 'straße')).toEqual(['Strasse'])
    expect(found('Straße', 's')).toEqual(['S'])
    expect(found('cœur', 'o')).toEqual([])
    expect(found('cœur', 'oe')).toEqual(['œ'])
  })

  it('matches typographic and ASCII apostrophes both ways', () => {
    expect(found("l’école et l'école", "l'ecole")).toEqual(['l’école', "l'école"])
    expect(found("l’école et l'école", 'l’école')).toEqual(['l’école', "l'école"])
    expect(found('« dit-il » ‘oui’', "'oui'")).toEqual(['‘oui’'])
  })

  it('takes the accents of a decomposed letter along with it', () => {
    const text = 'se\u0301curite\u0301 !'
    expect(findMatches(text, 'securite')).toEqual([{ start: 0, end: 10 }])
    expect(findMatches(text, 'sécurité', STRICT)).toEqual([{ start: 0, end: 10 }])
  })

  it('does not match a bare letter inside an accented one when accents matter', () => {
    expect(found('cafe\u0301 cafe', 'cafe', STRICT)).toEqual(['cafe'])
    expect(found('café cafe', 'cafe', STRICT)).toEqual(['cafe'])
    expect(found('cafe\u0301 cafe', 'cafe')).toEqual(['cafe\u0301', 'cafe'])
  })

  it('keeps emoji whole and counts them as two UTF-16 units', () => {
    const text = '😀 sécurité 👩‍💻 sécurité 👍🏽'
    const matches = findMatches(text, 'securite')
    expect(matches.map((m) => text.slice(m.start, m.end))).toEqual(['sécurité', 'sécurité'])
    expect(matches[0]).toEqual({ start: 3, end: 11 })
    expect(found(text, '👩')).toEqual([]) // joined to 💻: not a character of its own
    expect(found(text, '👩‍💻')).toEqual(['👩‍💻'])
    expect(found(text, '👍')).toEqual([]) // carries a skin tone
    expect(found(text, '😀')).toEqual(['😀'])
  })

  it('ignores variation selectors', () => {
    expect(found('je ❤️ Paris', '❤ paris')).toEqual(['❤️ Paris'])
  })

  it('returns no match for an empty query or one that folds to nothing', () => {
    expect(findMatches('abc', '')).toEqual([])
    expect(findMatches('abc', '\u0301')).toEqual([])
  })

  it('reports non-overlapping matches, left to right', () => {
    expect(findMatches('aaaa', 'aa')).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 4 },
    ])
  })

  it('accepts a text folded once and searched many times', () => {
    const folded = foldText('Sécurité et sûreté')
    expect(findMatches(folded, 'surete')).toEqual([{ start: 12, end: 18 }])
    expect(findMatches(folded, 'SECURITE')).toEqual([{ start: 0, end: 8 }])
  })

  it('maps every folded unit back inside the original text', () => {
    const text = 'Œ😀e\u0301ß’'
    const { folded, origin } = foldText(text)
    expect(folded).toBe("oe😀ess'")
    expect(Array.from(origin)).toEqual([0, -1, 1, -1, 3, 5, -1, 6, 7])
  })
})

describe('containsFolded', () => {
  it('is accent- and case-insensitive and treats an empty query as matching', () => {
    expect(containsFolded('Questions de SÉCURITÉ', 'securite')).toBe(true)
    expect(containsFolded('Questions de sûreté', 'securite')).toBe(false)
    expect(containsFolded('anything', '')).toBe(true)
  })
})

describe('firstMatchFrom', () => {
  const matches = [
    { start: 5, end: 7 },
    { start: 20, end: 22 },
  ]
  it('finds the first match at or after an offset, wrapping around', () => {
    expect(firstMatchFrom(matches, 0)).toBe(0)
    expect(firstMatchFrom(matches, 6)).toBe(1)
    expect(firstMatchFrom(matches, 20)).toBe(1)
    expect(firstMatchFrom(matches, 21)).toBe(0)
    expect(firstMatchFrom([], 0)).toBe(-1)
  })
})

// Pieces that stress folding: letters that expand, combining marks, astral
// characters, ZWJ sequences, apostrophes, ASCII look-alikes.
const PIECES = [
  'a',
  'e',
  'E',
  's',
  'S',
  'o',
  ' ',
  "'",
  '’',
  'é',
  'É',
  'è',
  'ç',
  'œ',
  'Œ',
  'ß',
  'ss',
  'e\u0301',
  '\u0301',
  '\u0327',
  '😀',
  '👩‍💻',
  '👍🏽',
  'ﬁ',
  'İ',
  '\u00a0',
]
const piece = fc.constantFrom(...PIECES)
const options = fc.record({ matchCase: fc.boolean(), matchAccents: fc.boolean() })

describe('findMatches properties', () => {
  it('every match slices back to text that folds to the folded query', () => {
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 40 }),
        fc.array(piece, { minLength: 1, maxLength: 4 }),
        options,
        (textPieces, queryPieces, opts) => {
          const text = textPieces.join('')
          const query = queryPieces.join('')
          const q = foldString(query, opts)
          let last = 0
          for (const m of findMatches(text, query, opts)) {
            expect(m.start).toBeGreaterThanOrEqual(last)
            expect(m.end).toBeGreaterThan(m.start)
            expect(m.end).toBeLessThanOrEqual(text.length)
            // Never inside a surrogate pair.
            for (const at of [m.start, m.end]) {
              const c = text.charCodeAt(at)
              expect(c >= 0xdc00 && c <= 0xdfff).toBe(false)
            }
            expect(foldString(text.slice(m.start, m.end), opts)).toBe(q)
            last = m.end
          }
        },
      ),
      { numRuns: 2000 },
    )
  })

  it('finds a query taken from the text at a letter boundary (or a match overlapping it)', () => {
    const letter = fc.constantFrom('a', 'é', 'É', 'ç', 'œ', 'ß', 'x', ' ', '’', "'", '😀', 'ﬁ')
    fc.assert(
      fc.property(
        fc.array(letter, { minLength: 1, maxLength: 30 }),
        fc.nat(),
        fc.nat(),
        (letters, a, b) => {
          const i = a % letters.length
          const j = i + 1 + (b % (letters.length - i))
          const text = letters.join('')
          const start = letters.slice(0, i).join('').length
          const end = start + letters.slice(i, j).join('').length
          const query = text.slice(start, end)
          for (const opts of ALL_OPTIONS) {
            const matches = findMatches(text, query, opts)
            expect(
              matches.some((m) => m.start === start && m.end === end) ||
                matches.some((m) => m.start < end && start < m.end),
            ).toBe(true)
          }
        },
      ),
      { numRuns: 1000 },
    )
  })

  it('offsets of every match equal a plain indexOf scan on ASCII text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', 'A', ' '), maxLength: 30 }),
        fc.string({ unit: fc.constantFrom('a', 'b'), minLength: 1, maxLength: 3 }),
        (text, query) => {
          const expected: { start: number; end: number }[] = []
          const lower = text.toLowerCase()
          for (let at = lower.indexOf(query); at >= 0; at = lower.indexOf(query, at + query.length))
            expected.push({ start: at, end: at + query.length })
          expect(findMatches(text, query)).toEqual(expected)
        },
      ),
    )
  })
})
