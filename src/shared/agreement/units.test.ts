// The units of agreement on a hand-made corpus of three coders whose every
// value was worked out by hand (the tables below), then against naive
// oracles (every unit against every passage, character by character) on
// random corpora.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Passage } from '../model/schema'
import { buildUnits, toMatrix, type AgreementArticle, type UnitsRequest } from './units'

const T = '2026-01-01T00:00:00.000Z'

/** A passage of `author` on the first occurrence of `quote` in `text`. */
function on(text: string, quote: string, author: string, themeIds: string[]): Passage {
  const start = text.indexOf(quote)
  if (start < 0) throw new Error(`no ${quote}`)
  const end = start + quote.length
  return {
    id: `p${start}-${end}-${author}`,
    start,
    end,
    quote,
    prefix: '',
    suffix: '',
    themeIds,
    note: '',
    createdAt: T,
    updatedAt: T,
    author,
  }
}

// Paragraphs: [0,36] [38,77] [79,99] (the third indented by two spaces).
// Sentences: [0,17] [18,36] | [38,57] [58,77] | [81,99].
const A =
  'Le maire a parlé. La ville investit.\n\nLes écoles ferment. M. Dupont proteste.\n\n  Le conseil votera.'
// An emoji (2 UTF-16 units) and x + a combining acute (2 code points) before
// the first passage; a ZWJ emoji (5 units, 3 code points) in the last line.
const B = 'Mr. Lee 😀 said prices x\u0301 rose. Wages fell.\n\nNo one 👩‍💻 knew.'
const C = 'Rien. Fin.'

const CODERS = ['ana', 'ben', 'cleo']
// 'unused': given by nobody but to ben's lone space, which touches no unit.
const THEMES = ['eco', 'edu', 'unused']

const ARTICLES: AgreementArticle[] = [
  {
    id: 'a',
    text: A,
    language: 'fr',
    // Not in text order, on purpose.
    passages: [
      on(A, 'Le conseil', 'cleo', ['eco']),
      on(A, 'La ville investit', 'ana', ['eco']),
      on(A, 'écoles ferment. M. Dupont', 'ana', ['edu']),
      // Over two paragraphs and two sentences.
      on(A, 'investit.\n\nLes écoles', 'ben', ['eco']),
      // Its last character is the space before the second sentence.
      on(A, 'parlé. ', 'ben', ['edu']),
      // Ends on the third paragraph's indentation only.
      on(A, 'proteste.\n\n  ', 'ben', ['eco']),
      on(A, 'Le maire', 'cleo', ['eco']),
      // Overlaps cleo's "Le maire".
      on(A, 'maire a parlé', 'cleo', ['eco']),
      // Touches cleo's "Le conseil".
      on(A, ' votera', 'cleo', ['eco']),
      // Only the space between "Le" and "maire": no non-space character, no unit.
      on(A, ' ', 'ben', ['unused']),
      // Not a coder compared, and a theme not compared.
      on(A, 'Les écoles', 'dan', ['eco']),
      on(A, 'conseil', 'ana', ['other']),
    ],
  },
  {
    id: 'b',
    text: B,
    language: 'en',
    passages: [
      on(B, 'prices x\u0301 rose', 'ana', ['eco']),
      on(B, 'Wages fell', 'ben', ['eco']),
      on(B, 'knew', 'ben', ['edu']),
      // cleo did not code b: this passage is not read.
      on(B, 'Wages', 'cleo', ['eco']),
    ],
  },
  { id: 'c', text: C, language: 'fr', passages: [on(C, 'Rien', 'ana', ['eco'])] },
]

/** a: every coder; b: ana and ben; c: nobody. */
const CODED: Record<string, string[]> = { a: CODERS, b: ['ana', 'ben'], c: [] }

function request(unit: UnitsRequest['unit']): UnitsRequest {
  return {
    unit,
    articles: ARTICLES,
    coders: CODERS,
    themeIds: THEMES,
    coded: (articleId, coder) => CODED[articleId]!.includes(coder),
  }
}

/** A theme's rows as plain arrays, for comparing with the tables. */
function rowsOf(values: Map<string, Int8Array[]>, theme: string): number[][] {
  return values.get(theme)!.map((row) => [...row])
}

describe('nominal units', () => {
  it('gives one unit per article, and the values worked out by hand', () => {
    const u = buildUnits({ ...request('article'), unit: 'article' })
    expect(u.units).toEqual([
      { articleId: 'a', start: 0, end: A.length },
      { articleId: 'b', start: 0, end: B.length },
    ])
    expect(rowsOf(u.values, 'eco')).toEqual([
      [1, 1],
      [1, 1],
      [1, -1],
    ])
    expect(rowsOf(u.values, 'edu')).toEqual([
      [1, 0],
      [1, 1],
      [0, -1],
    ])
    expect(rowsOf(u.values, 'unused')).toEqual([
      [0, 0],
      [0, 0],
      [0, -1],
    ])
    expect(u.missing).toEqual([
      { coder: 'ana', articles: 0, units: 0 },
      { coder: 'ben', articles: 0, units: 0 },
      { coder: 'cleo', articles: 1, units: 1 },
    ])
    expect(u.dropped).toEqual({ articles: 1, units: 1 })
  })

  it('gives text.ts’s paragraphs, a passage counting for each paragraph it covers', () => {
    const u = buildUnits({ ...request('paragraph'), unit: 'paragraph' })
    expect(u.kind).toBe('paragraph')
    expect(u.units.map((x) => [x.articleId, x.start, x.end])).toEqual([
      ['a', 0, 36],
      ['a', 38, 77],
      ['a', 79, 99],
      ['b', 0, 43],
      ['b', 45, 63],
    ])
    expect(rowsOf(u.values, 'eco')).toEqual([
      [1, 0, 0, 1, 0],
      // Over P1 and P2; nothing in P3, whose indentation is all it touches.
      [1, 1, 0, 1, 0],
      [1, 0, 1, -1, -1],
    ])
    expect(rowsOf(u.values, 'edu')).toEqual([
      [0, 1, 0, 0, 0],
      [1, 0, 0, 0, 1],
      [0, 0, 0, -1, -1],
    ])
    expect(rowsOf(u.values, 'unused')).toEqual([
      [0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0],
      [0, 0, 0, -1, -1],
    ])
    expect(u.missing[2]).toEqual({ coder: 'cleo', articles: 1, units: 2 })
    expect(u.dropped).toEqual({ articles: 1, units: 1 })
  })

  it('gives the sentences of each paragraph in the article’s language', () => {
    const u = buildUnits({ ...request('sentence'), unit: 'sentence' })
    expect(u.units.map((x) => (x.articleId === 'a' ? A : B).slice(x.start, x.end))).toEqual([
      'Le maire a parlé.',
      'La ville investit.',
      'Les écoles ferment.',
      'M. Dupont proteste.',
      'Le conseil votera.',
      'Mr. Lee 😀 said prices x\u0301 rose.',
      'Wages fell.',
      'No one 👩‍💻 knew.',
    ])
    expect(u.units[4]).toEqual({ articleId: 'a', start: 81, end: 99 })
    expect(rowsOf(u.values, 'eco')).toEqual([
      [0, 1, 0, 0, 0, 1, 0, 0],
      [0, 1, 1, 1, 0, 0, 1, 0],
      [1, 0, 0, 0, 1, -1, -1, -1],
    ])
    expect(rowsOf(u.values, 'edu')).toEqual([
      [0, 0, 1, 1, 0, 0, 0, 0],
      // "parlé. " ends on the space before the second sentence: the first only.
      [1, 0, 0, 0, 0, 0, 0, 1],
      [0, 0, 0, 0, 0, -1, -1, -1],
    ])
    expect(u.missing[2]).toEqual({ coder: 'cleo', articles: 1, units: 3 })
    expect(u.dropped).toEqual({ articles: 1, units: 2 })
  })

  it('turns a theme’s rows into the coefficient functions’ matrix, missing as null', () => {
    const u = buildUnits({ ...request('article'), unit: 'article' })
    expect(toMatrix(u.values.get('edu')!)).toEqual([
      [1, 0],
      [1, 1],
      [0, null],
    ])
  })

  it('drops a paragraph of white space only', () => {
    const text = 'Un.\n\u00a0\u2003\nDeux.'
    const u = buildUnits({
      unit: 'paragraph',
      articles: [{ id: 'x', text, language: '', passages: [] }],
      coders: ['ana'],
      themeIds: ['eco'],
      coded: () => true,
    })
    expect(u.units.map((x) => text.slice(x.start, x.end))).toEqual(['Un.', 'Deux.'])
  })

  it('refuses a coder or a theme listed twice', () => {
    expect(() => buildUnits({ ...request('article'), coders: ['ana', 'ana'] })).toThrow(RangeError)
    expect(() => buildUnits({ ...request('article'), themeIds: ['eco', 'eco'] })).toThrow(
      RangeError,
    )
  })
})

describe('character units', () => {
  it('gives per theme a continuum per coded article, in code points, passages merged', () => {
    const u = buildUnits({ ...request('characters'), unit: 'characters' })
    expect(u.kind).toBe('characters')
    expect([...u.themes.keys()]).toEqual(THEMES)
    const [ecoA, ecoB] = u.themes.get('eco')!
    expect(ecoA).toEqual({
      articleId: 'a',
      length: 99,
      coders: 3,
      present: [0, 1, 2],
      spans: [
        { coder: 0, start: 18, end: 35 },
        { coder: 1, start: 27, end: 48 },
        { coder: 1, start: 68, end: 81 },
        // "Le maire" and "maire a parlé" overlap; "Le conseil" and " votera" touch.
        { coder: 2, start: 0, end: 16 },
        { coder: 2, start: 81, end: 98 },
      ],
    })
    // b: 63 UTF-16 units but 60 code points; cleo absent, ana and ben renumbered 0 and 1.
    expect(ecoB).toEqual({
      articleId: 'b',
      length: 60,
      coders: 2,
      present: [0, 1],
      spans: [
        { coder: 0, start: 15, end: 29 },
        { coder: 1, start: 31, end: 41 },
      ],
    })
    expect(u.themes.get('edu')!.map((c) => c.spans)).toEqual([
      [
        { coder: 0, start: 42, end: 67 },
        { coder: 1, start: 11, end: 18 },
      ],
      [{ coder: 1, start: 55, end: 59 }],
    ])
    // Spans are taken as drawn: ben's lone space is one (it counts for no nominal unit).
    expect(u.themes.get('unused')!.map((c) => [c.articleId, c.coders, c.spans])).toEqual([
      ['a', 3, [{ coder: 1, start: 2, end: 3 }]],
      ['b', 2, []],
    ])
    expect(u.missing).toEqual([
      { coder: 'ana', articles: 0 },
      { coder: 'ben', articles: 0 },
      { coder: 'cleo', articles: 1 },
    ])
    expect(u.dropped).toEqual({ articles: 1 })
  })

  it('renumbers the coders present when the first coder is the one missing', () => {
    const u = buildUnits({
      ...request('characters'),
      unit: 'characters',
      coded: (articleId, coder) => articleId === 'b' && coder !== 'ana',
    })
    const [ecoB] = u.themes.get('eco')!
    expect(ecoB!.present).toEqual([1, 2])
    // ben's "Wages fell" and cleo's "Wages", now read.
    expect(ecoB!.spans).toEqual([
      { coder: 0, start: 31, end: 41 },
      { coder: 1, start: 31, end: 36 },
    ])
  })
})

describe('against naive oracles', () => {
  const alphabet = fc.constantFrom(...'ab É.!?«» \n\u00a0'.split(''), '😀', 'x\u0301', 'M.', ' Le')
  const corpus = fc
    .array(
      fc.record({
        text: fc.array(alphabet, { minLength: 1, maxLength: 40 }).map((a) => a.join('')),
        marks: fc.array(
          fc.record({
            a: fc.nat(),
            b: fc.nat(),
            coder: fc.nat({ max: 3 }),
            themes: fc.subarray(['t1', 't2', 't3']),
          }),
          { maxLength: 8 },
        ),
        coded: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
      }),
      { minLength: 1, maxLength: 4 },
    )
    .map((specs) =>
      specs.map((s, i) => {
        const cut = (n: number) => safeCut(s.text, n % (s.text.length + 1))
        const passages = s.marks.flatMap((m, k) => {
          const [start, end] = [cut(m.a), cut(m.b)].sort((x, y) => x - y) as [number, number]
          if (end === start) return []
          return [
            {
              ...on(s.text, s.text.slice(start, end), 'x', m.themes),
              start,
              end,
              id: `p${k}`,
              author: ['ana', 'ben', 'cleo', 'dan'][m.coder]!,
            },
          ]
        })
        return { article: { id: `a${i}`, text: s.text, language: 'fr', passages }, coded: s.coded }
      }),
    )

  it('gives the values of comparing every unit with every passage character by character', () => {
    fc.assert(
      fc.property(
        corpus,
        fc.constantFrom('article', 'paragraph', 'sentence' as const),
        (specs, unit) => {
          const coded = (id: string, coder: string) =>
            specs.find((s) => s.article.id === id)!.coded[CODERS.indexOf(coder)]!
          const u = buildUnits({
            unit,
            articles: specs.map((s) => s.article),
            coders: CODERS,
            themeIds: ['t1', 't2'],
            coded,
          })
          u.units.forEach((unitRange, k) => {
            const article = specs.find((s) => s.article.id === unitRange.articleId)!.article
            CODERS.forEach((coder, c) => {
              for (const theme of ['t1', 't2']) {
                const expected = !coded(article.id, coder)
                  ? -1
                  : article.passages.some(
                        (p) =>
                          p.author === coder &&
                          p.themeIds.includes(theme) &&
                          sharesNonSpace(article.text, p, unitRange),
                      )
                    ? 1
                    : 0
                expect(u.values.get(theme)![c]![k]).toBe(expected)
              }
            })
          })
        },
      ),
      { numRuns: 500 },
    )
  })

  it('gives the spans of marking each code point each coder covers', () => {
    fc.assert(
      fc.property(corpus, (specs) => {
        const coded = (id: string, coder: string) =>
          specs.find((s) => s.article.id === id)!.coded[CODERS.indexOf(coder)]!
        const u = buildUnits({
          unit: 'characters',
          articles: specs.map((s) => s.article),
          coders: CODERS,
          themeIds: ['t1'],
          coded,
        })
        const continua = u.themes.get('t1')!
        const kept = specs.filter((s) => s.coded.includes(true))
        expect(continua.map((c) => c.articleId)).toEqual(kept.map((s) => s.article.id))
        continua.forEach((continuum, k) => {
          const { article } = kept[k]!
          const points = [...article.text]
          expect(continuum.length).toBe(points.length)
          expect(continuum.present).toEqual(
            CODERS.flatMap((coder, c) => (coded(article.id, coder) ? [c] : [])),
          )
          continuum.present.forEach((c, local) => {
            // Each code point covered by one of the coder's passages of the theme.
            const covered = points.map((_, i) => {
              const at = points.slice(0, i).join('').length
              return article.passages.some(
                (p) =>
                  p.author === CODERS[c] &&
                  p.themeIds.includes('t1') &&
                  p.start <= at &&
                  at < p.end,
              )
            })
            expect(
              spansAsRuns(
                continuum.spans.filter((s) => s.coder === local),
                points.length,
              ),
            ).toEqual(covered)
          })
        })
      }),
      { numRuns: 500 },
    )
  })
})

/** True when the passage and the unit share a character that is not white space. */
function sharesNonSpace(
  text: string,
  p: { start: number; end: number },
  u: { start: number; end: number },
) {
  for (let i = Math.max(p.start, u.start); i < Math.min(p.end, u.end); i++)
    if (/\S/u.test(text[i]!)) return true
  return false
}

/** The code points the spans cover, as booleans, checking that they neither overlap nor touch. */
function spansAsRuns(spans: { start: number; end: number }[], length: number): boolean[] {
  const out = new Array<boolean>(length).fill(false)
  spans.forEach((s, i) => {
    if (i > 0) expect(s.start).toBeGreaterThan(spans[i - 1]!.end)
    for (let k = s.start; k < s.end; k++) out[k] = true
  })
  return out
}

/** n, or n - 1 when n falls inside a surrogate pair. */
function safeCut(text: string, n: number): number {
  const c = text.charCodeAt(n)
  return c >= 0xdc00 && c <= 0xdfff ? n - 1 : n
}
