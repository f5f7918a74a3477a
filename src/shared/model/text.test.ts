import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { normalizeText, snapToWords, splitParagraphs, trimRange } from './text'

/** The text selected by a range, or null. */
function pick(text: string, r: { start: number; end: number } | null): string | null {
  return r ? text.slice(r.start, r.end) : null
}

describe('normalizeText', () => {
  it('removes a leading byte order mark', () => {
    expect(normalizeText('\uFEFFBonjour')).toBe('Bonjour')
  })

  it('removes a BOM that only reaches the start once leading blank lines go', () => {
    expect(normalizeText('\n\uFEFF')).toBe('')
    expect(normalizeText('\r\n  \n\uFEFFTitre')).toBe('Titre')
  })

  it('keeps a BOM-like character that is not at the very start', () => {
    expect(normalizeText('a\uFEFFb')).toBe('a\uFEFFb')
  })

  it('turns CRLF and lone CR into LF', () => {
    expect(normalizeText('un\r\ndeux\rtrois\nquatre')).toBe('un\ndeux\ntrois\nquatre')
  })

  it('composes decomposed accents to NFC', () => {
    const decomposed = 'e\u0301le\u0300ve'
    const out = normalizeText(decomposed)
    expect(out).toBe('élève')
    expect(out.length).toBe(5)
    expect(out).toBe(out.normalize('NFC'))
  })

  it('strips trailing spaces and tabs on every line but keeps leading indentation', () => {
    expect(normalizeText('  un  \t\ndeux \r\ntrois\t')).toBe('  un\ndeux\ntrois')
  })

  it('collapses runs of blank lines, including lines of only spaces, to one blank line', () => {
    expect(normalizeText('a\n\n\n\nb\n \t \n\n\nc')).toBe('a\n\nb\n\nc')
    expect(normalizeText('a\r\n\r\n\r\n\r\nb')).toBe('a\n\nb')
  })

  it('keeps a single blank line between paragraphs', () => {
    expect(normalizeText('a\n\nb')).toBe('a\n\nb')
  })

  it('removes leading and trailing blank lines', () => {
    expect(normalizeText('\n\n  \nTitre\n\nCorps\n\n\n')).toBe('Titre\n\nCorps')
  })

  it('returns the empty string for white space only', () => {
    expect(normalizeText('\uFEFF \r\n\t\n  ')).toBe('')
  })

  it('is idempotent', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('a', 'é', 'e\u0301', ' ', '\t', '\n', '\r', '\r\n', '\uFEFF', '😀'),
          maxLength: 40,
        }),
        (raw) => {
          const once = normalizeText(raw)
          expect(normalizeText(once)).toBe(once)
          expect(once).not.toMatch(/\r|[ \t]\n|[ \t]$|\n{3}|^\n|\n$|^\uFEFF/)
          expect(once).toBe(once.normalize('NFC'))
        },
      ),
      { numRuns: 300 },
    )
  })
})

describe('splitParagraphs', () => {
  it('returns the ranges of the non-empty lines', () => {
    const text = 'Premier.\n\nDeuxième ligne.\nTroisième.'
    const paragraphs = splitParagraphs(text)
    expect(paragraphs.map((p) => text.slice(p.start, p.end))).toEqual([
      'Premier.',
      'Deuxième ligne.',
      'Troisième.',
    ])
    expect(paragraphs[0]).toEqual({ start: 0, end: 8 })
  })

  it('returns nothing for the empty text and one paragraph for a single line', () => {
    expect(splitParagraphs('')).toEqual([])
    expect(splitParagraphs('seul')).toEqual([{ start: 0, end: 4 }])
  })

  it('skips empty lines at the edges', () => {
    expect(splitParagraphs('\nx\n')).toEqual([{ start: 1, end: 2 }])
  })

  it('covers every non-newline character exactly once, in order', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'é', '\n', ' ', '😀'), maxLength: 50 }),
        (text) => {
          const paragraphs = splitParagraphs(text)
          expect(paragraphs.map((p) => text.slice(p.start, p.end)).join('')).toBe(
            text.replaceAll('\n', ''),
          )
          for (const p of paragraphs) {
            expect(p.end).toBeGreaterThan(p.start)
            expect(text.slice(p.start, p.end)).not.toContain('\n')
          }
        },
      ),
      { numRuns: 200 },
    )
  })
})

describe('snapToWords', () => {
  const text = "Il a dit que l’entreprise peut-être grandira, aujourd'hui."

  it('widens a selection that cuts words in the middle to whole words', () => {
    const s = text.indexOf('dit') + 1
    const e = text.indexOf('que') + 2
    expect(pick(text, snapToWords(text, s, e))).toBe('dit que')
  })

  it('keeps an elided article and its noun together (typographic apostrophe)', () => {
    const at = text.indexOf('entreprise') + 3
    expect(pick(text, snapToWords(text, at, at + 2))).toBe('l’entreprise')
  })

  it('keeps a word with a straight apostrophe together', () => {
    const at = text.indexOf('hui')
    expect(pick(text, snapToWords(text, at, at + 1))).toBe("aujourd'hui")
  })

  it('keeps a hyphenated word together', () => {
    const at = text.indexOf('être')
    expect(pick(text, snapToWords(text, at, at + 2))).toBe('peut-être')
  })

  it('widens a selection starting on the apostrophe of an elision', () => {
    const at = text.indexOf('’')
    expect(pick(text, snapToWords(text, at, at + 1))).toBe('l’entreprise')
  })

  it('trims white space around the selection', () => {
    const s = text.indexOf('que') - 1
    const e = text.indexOf('que') + 4
    expect(pick(text, snapToWords(text, s, e))).toBe('que')
  })

  it('does not swallow punctuation next to a word', () => {
    const at = text.indexOf('grandira')
    expect(pick(text, snapToWords(text, at + 1, at + 3))).toBe('grandira')
    const quoted = 'Il parle de «drame».'
    const d = quoted.indexOf('drame')
    expect(pick(quoted, snapToWords(quoted, d + 1, d + 2))).toBe('drame')
  })

  it('keeps a selection that includes punctuation as selected', () => {
    const s = text.indexOf('grandira')
    const e = s + 'grandira,'.length
    expect(pick(text, snapToWords(text, s, e))).toBe('grandira,')
  })

  it('does not join words across a hyphen with spaces (a dash)', () => {
    const t = 'un - deux'
    expect(pick(t, snapToWords(t, 0, 1))).toBe('un')
    expect(pick(t, snapToWords(t, 3, 3 + 1))).toBe('-')
  })

  it('keeps decomposed accents inside the word', () => {
    const t = 'une e\u0301cole'
    expect(pick(t, snapToWords(t, 4, 5))).toBe('e\u0301cole')
  })

  it('accepts a backwards range', () => {
    const at = text.indexOf('entreprise')
    expect(pick(text, snapToWords(text, at + 4, at + 2))).toBe('l’entreprise')
  })

  it('returns null for a white-space-only or empty selection', () => {
    const t = 'un  \n\t deux'
    expect(snapToWords(t, 2, 7)).toBeNull()
    expect(snapToWords(t, 3, 3)).toBeNull()
  })

  it('stays inside the text and always covers the trimmed selection', () => {
    fc.assert(
      fc.property(
        fc
          .string({ unit: fc.constantFrom('a', 'é', ' ', '\n', '’', '-', ',', '«'), maxLength: 40 })
          .chain((t) =>
            fc.record({
              t: fc.constant(t),
              a: fc.integer({ min: 0, max: t.length }),
              b: fc.integer({ min: 0, max: t.length }),
            }),
          ),
        ({ t, a, b }) => {
          const trimmed = trimRange(t, a, b)
          const snapped = snapToWords(t, a, b)
          if (!trimmed) {
            expect(snapped).toBeNull()
            return
          }
          expect(snapped).not.toBeNull()
          expect(snapped!.start).toBeGreaterThanOrEqual(0)
          expect(snapped!.end).toBeLessThanOrEqual(t.length)
          expect(snapped!.start).toBeLessThanOrEqual(trimmed.start)
          expect(snapped!.end).toBeGreaterThanOrEqual(trimmed.end)
          expect(t.slice(snapped!.start, snapped!.end)).toBe(
            t.slice(snapped!.start, snapped!.end).trim(),
          )
        },
      ),
      { numRuns: 300 },
    )
  })
})

describe('trimRange', () => {
  it('trims spaces, tabs, newlines and no-break spaces at both ends', () => {
    const t = ' \u00A0\n mot\t \u202F'
    expect(pick(t, trimRange(t, 0, t.length))).toBe('mot')
  })

  it('leaves a range without surrounding white space as is', () => {
    expect(trimRange('abc', 1, 2)).toEqual({ start: 1, end: 2 })
  })

  it('clamps the range into the text and orders its ends', () => {
    expect(trimRange('abc', -5, 99)).toEqual({ start: 0, end: 3 })
    expect(trimRange('abc', 2, 0)).toEqual({ start: 0, end: 2 })
  })

  it('returns null when nothing but white space is left', () => {
    expect(trimRange('a   b', 1, 4)).toBeNull()
    expect(trimRange('abc', 1, 1)).toBeNull()
    expect(trimRange('', 0, 0)).toBeNull()
  })
})
