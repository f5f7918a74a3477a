import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEFAULT_CODEBOOK } from './codebook'
import {
  applyEdit,
  applyEdits,
  comparePassages,
  EditError,
  editSchema,
  invertEdit,
  makePassage,
  toggleTheme,
  type Edit,
} from './edits'
import { CONTEXT_LENGTH, passageSchema, sessionSchema, type Passage, type Session } from './schema'

const T0 = '2025-01-01T09:00:00.000Z'
const T1 = '2025-01-02T10:00:00.000Z'
const T2 = '2025-01-03T11:00:00.000Z'

const TEXT =
  'Openai est passé de 1 000 à 3 000 personnes 😀 au cours de l’année.\n\n' +
  'Tout se casse lorsque vous évoluez rapidement : peut-être la culture du secret.'

function baseSession(text = TEXT): Session {
  return {
    schemaVersion: 1,
    id: 'session-1',
    createdAt: T0,
    updatedAt: T0,
    document: { title: 'Article', sourceFileName: 'article.txt', text, sha256: 'a'.repeat(64) },
    codebook: DEFAULT_CODEBOOK.map((t) => ({ ...t })),
    passages: [],
    ui: { scrollTop: 0 },
  }
}

function passageOf(word: string, id: string, themeIds: string[] = ['growth'], now = T1): Passage {
  const start = TEXT.indexOf(word)
  if (start < 0) throw new Error(`no ${word} in the text`)
  return makePassage(TEXT, { id, start, end: start + word.length, themeIds, author: 'ana', now })
}

const put = (passage: Passage): Edit => ({ type: 'putPassage', passage })

describe('applyEdit', () => {
  it('puts a new passage, stamps updatedAt and leaves the input session untouched', () => {
    const before = baseSession()
    const frozen = structuredClone(before)
    const p = passageOf('culture', 'p1')
    const after = applyEdit(before, put(p), T2)
    expect(after.passages).toEqual([p])
    expect(after.updatedAt).toBe(T2)
    expect(before).toEqual(frozen)
  })

  it('replaces the passage with the same id instead of adding a second one', () => {
    const s1 = applyEdit(baseSession(), put(passageOf('culture', 'p1')), T1)
    const replaced = { ...passageOf('culture', 'p1', ['culture', 'secrecy']), note: 'révisé' }
    const s2 = applyEdit(s1, put(replaced), T2)
    expect(s2.passages).toHaveLength(1)
    expect(s2.passages[0]).toEqual(replaced)
  })

  it('keeps passages in document order whatever order they are put in', () => {
    const late = passageOf('secret', 'a')
    const early = passageOf('Openai', 'z')
    const s = applyEdits(baseSession(), [put(late), put(early)], T1)
    expect(s.passages.map((p) => p.id)).toEqual(['z', 'a'])
  })

  it('deletes a passage by id', () => {
    const s1 = applyEdits(
      baseSession(),
      [put(passageOf('culture', 'p1')), put(passageOf('secret', 'p2'))],
      T1,
    )
    const s2 = applyEdit(s1, { type: 'deletePassage', id: 'p1' }, T2)
    expect(s2.passages.map((p) => p.id)).toEqual(['p2'])
    expect(s2.updatedAt).toBe(T2)
  })

  it('refuses to delete a passage that does not exist', () => {
    expect(() => applyEdit(baseSession(), { type: 'deletePassage', id: 'nope' }, T1)).toThrow(
      EditError,
    )
  })

  it('sets the ui state without counting it as a change of the content', () => {
    const s = applyEdit(baseSession(), { type: 'setUi', ui: { scrollTop: 420 } }, T2)
    expect(s.ui).toEqual({ scrollTop: 420 })
    expect(s.updatedAt).toBe(T0)
  })

  it('refuses a passage whose quote does not match the text', () => {
    const p = { ...passageOf('culture', 'p1'), quote: 'Culture' }
    expect(() => applyEdit(baseSession(), put(p), T1)).toThrow(EditError)
    expect(() => applyEdit(baseSession(), put(p), T1)).toThrow(/quote does not match/)
  })

  it('refuses a passage that uses a theme missing from the codebook', () => {
    const p = passageOf('culture', 'p1', ['growth', 'ghost'])
    expect(() => applyEdit(baseSession(), put(p), T1)).toThrow(/unknown theme ghost/)
  })

  it('refuses a passage that ends past the end of the text', () => {
    const p: Passage = {
      ...passageOf('secret', 'p1'),
      end: TEXT.length + 3,
      quote: TEXT.slice(TEXT.indexOf('secret')) + 'xyz',
    }
    expect(() => applyEdit(baseSession(), put(p), T1)).toThrow(EditError)
    expect(() => applyEdit(baseSession(), put(p), T1)).toThrow(/past the end/)
  })

  it('refuses a passage that starts or ends inside an emoji', () => {
    const at = TEXT.indexOf('😀')
    const startsInside: Passage = {
      ...passageOf('personnes', 'p1'),
      start: at + 1,
      end: at + 5,
      quote: TEXT.slice(at + 1, at + 5),
    }
    const endsInside: Passage = {
      ...startsInside,
      start: at - 3,
      end: at + 1,
      quote: TEXT.slice(at - 3, at + 1),
    }
    expect(() => applyEdit(baseSession(), put(startsInside), T1)).toThrow(/cuts a character/)
    expect(() => applyEdit(baseSession(), put(endsInside), T1)).toThrow(EditError)
    const whole = { ...startsInside, start: at, end: at + 2, quote: '😀' }
    expect(applyEdit(baseSession(), put(whole), T1).passages).toEqual([whole])
  })

  it('refuses a passage that lists the same theme twice', () => {
    const p = passageOf('culture', 'p1', ['growth', 'growth'])
    expect(() => applyEdit(baseSession(), put(p), T1)).toThrow(/listed twice/)
  })

  it('applyEdits stops at the first bad edit and the input session stays unchanged', () => {
    const before = baseSession()
    const frozen = structuredClone(before)
    const edits: Edit[] = [
      put(passageOf('culture', 'p1')),
      { type: 'deletePassage', id: 'missing' },
      put(passageOf('secret', 'p2')),
    ]
    expect(() => applyEdits(before, edits, T1)).toThrow(EditError)
    expect(before).toEqual(frozen)
  })
})

describe('invertEdit', () => {
  const withTwo = applyEdits(
    baseSession(),
    [put(passageOf('culture', 'p1')), put(passageOf('Openai', 'p2', ['secrecy']))],
    T1,
  )

  /** Applies `edit` then its inverse; the undo is stamped with T2. */
  function roundTrip(before: Session, edit: Edit): Session {
    const inverse = invertEdit(before, edit)
    return applyEdit(applyEdit(before, edit, T1), inverse, T2)
  }

  it('undoes putting a new passage with a delete', () => {
    const edit = put(passageOf('secret', 'p3'))
    expect(invertEdit(withTwo, edit)).toEqual({ type: 'deletePassage', id: 'p3' })
    expect(roundTrip(withTwo, edit)).toEqual({ ...withTwo, updatedAt: T2 })
  })

  it('undoes replacing a passage by putting the old one back', () => {
    const edit = put({ ...withTwo.passages[1]!, note: 'changed', themeIds: ['safety'] })
    expect(invertEdit(withTwo, edit)).toEqual(put(withTwo.passages[1]!))
    expect(roundTrip(withTwo, edit)).toEqual({ ...withTwo, updatedAt: T2 })
  })

  it('undoes a delete by putting the passage back in its place', () => {
    const edit: Edit = { type: 'deletePassage', id: 'p2' }
    expect(roundTrip(withTwo, edit)).toEqual({ ...withTwo, updatedAt: T2 })
  })

  it('undoes a ui change exactly, updatedAt included', () => {
    const edit: Edit = { type: 'setUi', ui: { scrollTop: 999 } }
    expect(roundTrip(withTwo, edit)).toEqual(withTwo)
  })

  it('refuses to invert the delete of a passage that does not exist', () => {
    expect(() => invertEdit(withTwo, { type: 'deletePassage', id: 'ghost' })).toThrow(EditError)
  })

  it('undoing any sequence of edits in reverse restores passages and ui', () => {
    const words = [
      'Openai',
      'passé',
      '3 000',
      '😀',
      'l’année',
      'Tout se casse',
      'peut-être',
      'secret',
    ]
    const editArb: fc.Arbitrary<Edit> = fc.oneof(
      fc
        .record({
          word: fc.constantFrom(...words),
          id: fc.constantFrom('p1', 'p2', 'p3'),
          themes: fc.subarray(DEFAULT_CODEBOOK.map((t) => t.id)),
          note: fc.string(),
        })
        .map(({ word, id, themes, note }) => put({ ...passageOf(word, id, themes), note })),
      fc.constantFrom('p1', 'p2', 'p3').map((id): Edit => ({ type: 'deletePassage', id })),
      fc.nat({ max: 5000 }).map((scrollTop): Edit => ({ type: 'setUi', ui: { scrollTop } })),
    )
    fc.assert(
      fc.property(fc.array(editArb, { maxLength: 15 }), (edits) => {
        const start = baseSession()
        let s = start
        const undo: Edit[] = []
        for (const e of edits) {
          if (e.type === 'deletePassage' && !s.passages.some((p) => p.id === e.id)) continue
          undo.push(invertEdit(s, e))
          s = applyEdit(s, e, T1)
        }
        const restored = applyEdits(s, undo.reverse(), T2)
        expect(restored.passages).toEqual(start.passages)
        expect(restored.ui).toEqual(start.ui)
        expect(sessionSchema.safeParse(restored).success).toBe(true)
      }),
      { numRuns: 200 },
    )
  })
})

describe('makePassage', () => {
  it('takes the quote and up to 32 characters of context on each side', () => {
    const start = TEXT.indexOf('personnes')
    const p = makePassage(TEXT, {
      id: 'p1',
      start,
      end: start + 'personnes'.length,
      themeIds: ['growth'],
      author: 'ana',
      now: T1,
    })
    expect(p.quote).toBe('personnes')
    expect(p.prefix).toBe(TEXT.slice(start - CONTEXT_LENGTH, start))
    expect(p.prefix).toHaveLength(32)
    expect(p.suffix).toBe(TEXT.slice(p.end, p.end + 32))
    expect(p.suffix).toHaveLength(32)
    expect(p).toMatchObject({ note: '', createdAt: T1, updatedAt: T1, author: 'ana' })
    expect(passageSchema.safeParse(p).success).toBe(true)
  })

  it('shortens the context at the edges of the text', () => {
    const first = makePassage(TEXT, {
      id: 'a',
      start: 0,
      end: 6,
      themeIds: [],
      author: '',
      now: T1,
    })
    expect(first.prefix).toBe('')
    const last = makePassage(TEXT, {
      id: 'b',
      start: TEXT.length - 7,
      end: TEXT.length,
      themeIds: [],
      author: '',
      now: T1,
    })
    expect(last.quote).toBe('secret.')
    expect(last.suffix).toBe('')
  })

  it('never makes a prefix or suffix longer than 32 code units, nor cuts an emoji', () => {
    const emojiText = `${TEXT} 👩‍💻😀 ${TEXT}`
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: emojiText.length - 1 }),
        fc.integer({ min: 1, max: emojiText.length }),
        (a, len) => {
          const end = Math.min(emojiText.length, a + len)
          const p = makePassage(emojiText, {
            id: 'x',
            start: a,
            end,
            themeIds: [],
            author: '',
            now: T1,
          })
          expect(p.quote).toBe(emojiText.slice(a, end))
          expect(emojiText.slice(0, a).endsWith(p.prefix)).toBe(true)
          expect(emojiText.slice(end).startsWith(p.suffix)).toBe(true)
          expect(p.prefix.length).toBeLessThanOrEqual(32)
          expect(p.suffix.length).toBeLessThanOrEqual(32)
          // At most the one unit of a cut emoji is given up.
          expect(p.prefix.length).toBeGreaterThanOrEqual(Math.min(a, 32) - 1)
          expect(p.suffix.length).toBeGreaterThanOrEqual(Math.min(emojiText.length - end, 32) - 1)
          expect(p.prefix).not.toMatch(/^[\uDC00-\uDFFF]/)
          expect(p.suffix).not.toMatch(/[\uD800-\uDBFF]$/)
        },
      ),
      { numRuns: 500 },
    )
  })

  it('drops the half emoji where the 32-character context would cut it', () => {
    const text = `x😀${'a'.repeat(31)}MOT${'b'.repeat(31)}😀y`
    const start = text.indexOf('MOT')
    const p = makePassage(text, {
      id: 'p',
      start,
      end: start + 3,
      themeIds: [],
      author: '',
      now: T1,
    })
    expect(p.prefix).toBe('a'.repeat(31))
    expect(p.suffix).toBe('b'.repeat(31))
    const q = makePassage(text, { ...p, start: start - 1, end: start + 4, now: T1 })
    expect(q.prefix).toBe(`😀${'a'.repeat(30)}`)
    expect(q.suffix).toBe(`${'b'.repeat(30)}😀`)
  })

  it('refuses empty, reversed, negative and out-of-text ranges', () => {
    const n = { id: 'x', themeIds: [], author: '', now: T1 }
    expect(() => makePassage(TEXT, { ...n, start: 3, end: 3 })).toThrow(EditError)
    expect(() => makePassage(TEXT, { ...n, start: 5, end: 2 })).toThrow(EditError)
    expect(() => makePassage(TEXT, { ...n, start: -1, end: 2 })).toThrow(EditError)
    expect(() => makePassage(TEXT, { ...n, start: 0, end: TEXT.length + 1 })).toThrow(/bad range/)
  })
})

describe('toggleTheme', () => {
  const order = DEFAULT_CODEBOOK.map((t) => t.id)

  it('adds a missing theme in codebook order, not in click order', () => {
    const p = passageOf('culture', 'p1', ['safety'])
    const q = toggleTheme(p, 'growth', order, T2)
    expect(q.themeIds).toEqual(['growth', 'safety'])
    expect(toggleTheme(q, 'secrecy', order, T2).themeIds).toEqual(['growth', 'secrecy', 'safety'])
  })

  it('removes a present theme and stamps updatedAt without touching the input', () => {
    const p = passageOf('culture', 'p1', ['growth', 'culture'])
    const q = toggleTheme(p, 'growth', order, T2)
    expect(q.themeIds).toEqual(['culture'])
    expect(q.updatedAt).toBe(T2)
    expect(p.themeIds).toEqual(['growth', 'culture'])
    expect(p.updatedAt).toBe(T1)
  })

  it('toggling twice gives back the same themes', () => {
    fc.assert(
      fc.property(fc.subarray(order), fc.constantFrom(...order), (themes, t) => {
        const p = passageOf('culture', 'p1', themes)
        expect(toggleTheme(toggleTheme(p, t, order, T2), t, order, T2).themeIds).toEqual(themes)
      }),
    )
  })
})

describe('comparePassages', () => {
  const at = (id: string, start: number, end: number) => ({
    ...passageOf('Openai', id),
    start,
    end,
  })

  it('orders by start, then the longer passage first, then by id', () => {
    const ps = [at('b', 5, 8), at('a', 5, 8), at('c', 5, 12), at('d', 0, 3), at('e', 9, 10)]
    expect([...ps].sort(comparePassages).map((p) => p.id)).toEqual(['d', 'c', 'a', 'b', 'e'])
  })

  it('is zero only for the same id at the same range', () => {
    expect(comparePassages(at('a', 1, 2), at('a', 1, 2))).toBe(0)
    expect(comparePassages(at('a', 1, 2), at('b', 1, 2))).toBeLessThan(0)
    expect(comparePassages(at('b', 1, 2), at('a', 1, 2))).toBeGreaterThan(0)
  })
})

describe('editSchema', () => {
  it('accepts the three kinds of edit and rejects others', () => {
    expect(editSchema.safeParse(put(passageOf('culture', 'p1'))).success).toBe(true)
    expect(editSchema.safeParse({ type: 'deletePassage', id: 'p1' }).success).toBe(true)
    expect(editSchema.safeParse({ type: 'setUi', ui: { scrollTop: 3 } }).success).toBe(true)
    expect(editSchema.safeParse({ type: 'renameTheme', id: 'growth' }).success).toBe(false)
    expect(editSchema.safeParse({ type: 'deletePassage', id: '../etc' }).success).toBe(false)
    expect(editSchema.safeParse({ type: 'setUi', ui: { scrollTop: -1 } }).success).toBe(false)
  })
})
