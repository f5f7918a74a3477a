import { describe, expect, it } from 'vitest'
import { coderNameSchema } from './corpus'
import { DEFAULT_CODEBOOK } from './codebook'
import { makePassage } from './edits'
import {
  findPassageProblems,
  findSessionProblems,
  passageSchema,
  sessionSchema,
  splitsSurrogatePair,
  type Passage,
  type Session,
} from './schema'

const T0 = '2025-01-01T09:00:00.000Z'
const TEXT = 'Chaos : tout se casse 👩‍💻 lorsque vous évoluez rapidement.'

function passage(word: string, id: string, themeIds: string[] = ['culture']): Passage {
  const start = TEXT.indexOf(word)
  return makePassage(TEXT, { id, start, end: start + word.length, themeIds, author: 'a', now: T0 })
}

function validSession(): Session {
  return {
    schemaVersion: 1,
    id: 'c0ffee-01',
    createdAt: T0,
    updatedAt: '2025-01-01T11:00:00+02:00',
    document: { title: 'Titre', sourceFileName: 't.txt', text: TEXT, sha256: 'f'.repeat(64) },
    codebook: DEFAULT_CODEBOOK.map((t) => ({ ...t })),
    passages: [passage('Chaos', 'p1'), passage('évoluez', 'p2', ['growth', 'safety'])],
    ui: { scrollTop: 12.5 },
  }
}

/** A deep copy of a valid session with one change made by `change`. */
function variant(change: (s: Record<string, unknown> & Session) => void): unknown {
  const s = structuredClone(validSession()) as Record<string, unknown> & Session
  change(s)
  return s
}

describe('sessionSchema', () => {
  it('accepts a valid session, UTC offsets in times included', () => {
    const result = sessionSchema.safeParse(validSession())
    expect(result.success).toBe(true)
  })

  it.each<[string, unknown]>([
    ['null', null],
    ['an array', []],
    ['a string', 'session'],
    ['an empty object', {}],
    [
      'another schema version',
      variant((s) => ((s as { schemaVersion: number }).schemaVersion = 2)),
    ],
    ['a missing document', variant((s) => delete (s as Partial<Session>).document)],
    ['an id with a slash', variant((s) => (s.id = 'a/b'))],
    ['an empty id', variant((s) => (s.id = ''))],
    ['a date without time', variant((s) => (s.createdAt = '2025-01-01'))],
    ['a date that is not ISO', variant((s) => (s.updatedAt = 'yesterday'))],
    ['an uppercase sha256', variant((s) => (s.document.sha256 = 'F'.repeat(64)))],
    ['a short sha256', variant((s) => (s.document.sha256 = 'f'.repeat(63)))],
    ['a text that is not a string', variant((s) => ((s.document as { text: unknown }).text = 42))],
    ['an empty codebook', variant((s) => (s.codebook = []))],
    [
      'a codebook of more than 2,000 themes',
      variant((s) => {
        s.codebook = Array.from({ length: 2001 }, (_, i) => ({
          id: `t${i}`,
          name: `T${i}`,
          colour: '#000000',
        }))
      }),
    ],
    ['a colour name', variant((s) => (s.codebook[0]!.colour = 'red'))],
    ['a theme key of 0', variant((s) => (s.codebook[0]!.key = '0'))],
    [
      'passages that are not an array',
      variant((s) => ((s as { passages: unknown }).passages = {})),
    ],
    ['a passage ending at its start', variant((s) => (s.passages[0]!.end = s.passages[0]!.start))],
    ['a negative start', variant((s) => (s.passages[0]!.start = -1))],
    ['a fractional offset', variant((s) => (s.passages[0]!.end = 2.5))],
    ['an empty quote', variant((s) => (s.passages[0]!.quote = ''))],
    ['a prefix of 33 characters', variant((s) => (s.passages[0]!.prefix = 'x'.repeat(33)))],
    ['a suffix of 33 characters', variant((s) => (s.passages[0]!.suffix = 'x'.repeat(33)))],
    ['a note that is null', variant((s) => ((s.passages[0] as { note: unknown }).note = null))],
    ['a negative scroll position', variant((s) => (s.ui.scrollTop = -1))],
    ['an infinite scroll position', variant((s) => (s.ui.scrollTop = Infinity))],
    ['a NaN scroll position', variant((s) => (s.ui.scrollTop = NaN))],
    ['a missing ui', variant((s) => delete (s as Partial<Session>).ui)],
  ])('rejects %s', (_what, value) => {
    expect(sessionSchema.safeParse(value).success).toBe(false)
  })

  it('accepts a prefix and suffix of exactly 32 characters', () => {
    const p = { ...passage('Chaos', 'p1'), prefix: 'x'.repeat(32), suffix: 'y'.repeat(32) }
    expect(passageSchema.safeParse(p).success).toBe(true)
  })
})

describe('findSessionProblems', () => {
  it('finds nothing wrong in a consistent session', () => {
    expect(findSessionProblems(validSession())).toEqual([])
  })

  it('reports duplicate theme ids and duplicate theme keys in the codebook', () => {
    const s = validSession()
    s.codebook[1] = { ...s.codebook[1]!, id: 'growth' }
    s.codebook[3] = { ...s.codebook[3]!, key: '1' }
    s.passages = []
    const problems = findSessionProblems(s)
    expect(problems).toContain('duplicate theme ids in codebook')
    expect(problems).toContain('duplicate theme keys in codebook')
  })

  it('reports two passages with the same id', () => {
    const s = validSession()
    s.passages[1] = { ...s.passages[1]!, id: 'p1' }
    expect(findSessionProblems(s)).toEqual(['duplicate passage id p1'])
  })

  it('reports a quote that is not at its offsets in the text', () => {
    const s = validSession()
    s.passages[0] = { ...s.passages[0]!, start: 1, end: 6 }
    expect(findSessionProblems(s)).toEqual(['passage p1: quote does not match the text at 1–6'])
  })

  it('reports a passage that ends past the text', () => {
    const s = validSession()
    s.passages[0] = { ...s.passages[0]!, end: TEXT.length + 1 }
    expect(findSessionProblems(s)).toEqual(['passage p1 ends past the end of the text'])
  })

  it('reports unknown themes and themes listed twice', () => {
    const s = validSession()
    s.passages[0] = { ...s.passages[0]!, themeIds: ['ghost', 'growth', 'growth'] }
    expect(findSessionProblems(s)).toEqual([
      'passage p1: unknown theme ghost',
      'passage p1: a theme is listed twice',
    ])
  })

  it('reports a passage whose start or end falls inside an emoji', () => {
    const s = validSession()
    const at = TEXT.indexOf('👩')
    s.passages[0] = {
      ...s.passages[0]!,
      start: at - 3,
      end: at + 1,
      quote: TEXT.slice(at - 3, at + 1),
    }
    s.passages[1] = {
      ...s.passages[1]!,
      start: at + 4,
      end: at + 6,
      quote: TEXT.slice(at + 4, at + 6),
    }
    expect(findSessionProblems(s)).toEqual([
      `passage p1: ${at - 3}–${at + 1} cuts a character in two`,
      `passage p2: ${at + 4}–${at + 6} cuts a character in two`,
    ])
  })

  it('accepts a passage that starts right after the zero-width joiner of an emoji sequence', () => {
    const s = validSession()
    const at = TEXT.indexOf('💻')
    s.passages[0] = { ...s.passages[0]!, start: at, end: at + 2, quote: '💻' }
    expect(findSessionProblems(s)).toEqual([])
  })

  it('checks quotes in UTF-16 offsets, so a quote after an emoji matches', () => {
    const s = validSession()
    const p = s.passages[1]!
    expect(TEXT.slice(p.start, p.end)).toBe('évoluez')
    expect(p.start).toBeGreaterThan([...TEXT.slice(0, p.start)].length)
    expect(findPassageProblems(s, p)).toEqual([])
  })
})

describe('splitsSurrogatePair', () => {
  it('is true only between the two halves of a surrogate pair', () => {
    const text = 'a😀b'
    expect([0, 1, 2, 3, 4].map((i) => splitsSurrogatePair(text, i))).toEqual([
      false,
      false,
      true,
      false,
      false,
    ])
    expect(splitsSurrogatePair('\uDE00\uD83D', 1)).toBe(false)
    expect(splitsSurrogatePair('', 0)).toBe(false)
  })
})

describe('coderNameSchema', () => {
  it('takes a name with accents and inner spaces, refuses empty, space-only, padded and control-character names', () => {
    expect(coderNameSchema.safeParse('Amélie Durand').success).toBe(true)
    for (const bad of ['', '   ', ' Karim', 'Karim ', 'Ka\nrim', 'x'.repeat(201)])
      expect(coderNameSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false)
  })
})
