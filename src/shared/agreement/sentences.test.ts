// The sentence splitter on French and English news sentences written for
// these tests, plus the invariant every range must keep: trimmed sentences
// covering each non-space character once. The bundled French article (read
// from disk, so in main) is in src/main/export/agreement-sample.test.ts.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { splitParagraphs } from '../model/text'
import { splitSentences } from './sentences'

/** The sentences of a whole one-paragraph text, as strings. */
function sentences(text: string, language = 'fr'): string[] {
  return splitSentences(text, 0, text.length, language).map((s) => text.slice(s.start, s.end))
}

/** Every range is trimmed, in order, apart, and the non-space characters are covered once. */
function expectCovers(text: string, start: number, end: number, language = 'fr') {
  const ranges = splitSentences(text, start, end, language)
  let last = start
  for (const r of ranges) {
    expect(r.start).toBeGreaterThanOrEqual(last)
    expect(r.end).toBeGreaterThan(r.start)
    expect(text[r.start]).toMatch(/\S/u)
    expect(text[r.end - 1]).toMatch(/\S/u)
    // Nothing but white space between two sentences.
    expect(text.slice(last, r.start)).toMatch(/^\s*$/u)
    last = r.end
  }
  expect(text.slice(last, end)).toMatch(/^\s*$/u)
}

describe('French sentences', () => {
  it('does not break after titles and references', () => {
    expect(
      sentences(
        'M. Dupont et MM. Durand ont reçu Mme. Martin. Le Pr. Lévy, cf. p. 12, et Me. Roux ont signé.',
      ),
    ).toEqual([
      'M. Dupont et MM. Durand ont reçu Mme. Martin.',
      'Le Pr. Lévy, cf. p. 12, et Me. Roux ont signé.',
    ])
    expect(sentences('La cité fut fondée vers 600 av. J.-C. Marseille en garde la trace.')).toEqual(
      ['La cité fut fondée vers 600 av. J.-C. Marseille en garde la trace.'],
    )
  })

  it('keeps initials with the name they belong to', () => {
    expect(sentences('Le roman de J. K. Rowling est paru. J.-P. Sartre l’aurait détesté.')).toEqual(
      ['Le roman de J. K. Rowling est paru.', 'J.-P. Sartre l’aurait détesté.'],
    )
  })

  it('keeps decimal numbers whole', () => {
    expect(
      sentences('Le chômage atteint 7,3 % au troisième trimestre. Il était de 7.1 en 2023. Voilà.'),
    ).toEqual([
      'Le chômage atteint 7,3 % au troisième trimestre.',
      'Il était de 7.1 en 2023.',
      'Voilà.',
    ])
  })

  it('keeps a closing guillemet and the incise that follows it in the sentence', () => {
    expect(
      sentences('« Nous ne céderons pas », a déclaré la ministre. « Pourquoi ? » demanda un élu.'),
    ).toEqual([
      '« Nous ne céderons pas », a déclaré la ministre.',
      '« Pourquoi ? » demanda un élu.',
    ])
    // ?! inside the quotes, with French narrow no-break spaces.
    expect(
      sentences('«\u202fVraiment\u202f?!\u202f» s’étonne le maire. Il quitte la salle.'),
    ).toEqual(['«\u202fVraiment\u202f?!\u202f» s’étonne le maire.', 'Il quitte la salle.'])
  })

  it('ends the sentence after a closing guillemet followed by a new sentence', () => {
    expect(
      sentences('Le préfet a tranché : « La route restera fermée. » Les riverains protestent.'),
    ).toEqual(['Le préfet a tranché : « La route restera fermée. »', 'Les riverains protestent.'])
    expect(sentences('« Les enjeux sont très élevés. »')).toEqual([
      '« Les enjeux sont très élevés. »',
    ])
  })

  it('keeps the sentences of a long quotation apart, the last one with the guillemet', () => {
    expect(
      sentences(
        '« Nous avons tout essayé. Rien n’a marché. » a-t-il reconnu. La séance est levée.',
      ),
    ).toEqual([
      '« Nous avons tout essayé.',
      'Rien n’a marché. » a-t-il reconnu.',
      'La séance est levée.',
    ])
  })

  it('does not break after an ellipsis or a question followed by lower case', () => {
    expect(
      sentences('Il hésita… puis signa. Elle attendit... et partit. Que faire ? se demande-t-il.'),
    ).toEqual([
      'Il hésita… puis signa.',
      'Elle attendit... et partit.',
      'Que faire ? se demande-t-il.',
    ])
  })

  it('breaks after an ellipsis followed by a capital, whichever way it is written', () => {
    expect(
      sentences('Les chiffres baissent… Le gouvernement se tait... Les syndicats aussi.'),
    ).toEqual(['Les chiffres baissent…', 'Le gouvernement se tait...', 'Les syndicats aussi.'])
  })

  it('breaks after "etc." before a capital but not before a comma', () => {
    expect(sentences('Il cite la santé, l’école, etc. Le débat reprend demain.')).toEqual([
      'Il cite la santé, l’école, etc.',
      'Le débat reprend demain.',
    ])
    expect(sentences('« La santé, l’école, etc. », a-t-il énuméré.')).toEqual([
      '« La santé, l’école, etc. », a-t-il énuméré.',
    ])
  })
})

describe('English sentences', () => {
  it('does not break after Mr., Dr., U.S., e.g. and company names', () => {
    expect(
      sentences(
        'Mr. Smith met Dr. Jones at the U.S. Senate on Jan. 5. Some firms, e.g. Acme Inc. Europe, objected. Others did not.',
        'en',
      ),
    ).toEqual([
      'Mr. Smith met Dr. Jones at the U.S. Senate on Jan. 5.',
      'Some firms, e.g. Acme Inc. Europe, objected.',
      'Others did not.',
    ])
  })

  it('holds "No." before a number only', () => {
    expect(sentences('He lives at No. 10 Downing Street. No. He moved out.', 'en')).toEqual([
      'He lives at No. 10 Downing Street.',
      'No.',
      'He moved out.',
    ])
  })

  it('keeps quotations and their speech tags together', () => {
    expect(
      sentences('“Are you leaving?” she asked. He said, “I will stay.” Then he left.', 'en-GB'),
    ).toEqual(['“Are you leaving?” she asked.', 'He said, “I will stay.”', 'Then he left.'])
  })
})

describe('ranges', () => {
  it('keeps one sentence per line, even without a full stop', () => {
    const text = 'Première ligne sans point\nseconde ligne en minuscules\nM.\nDupont'
    expect(sentences(text)).toEqual([
      'Première ligne sans point',
      'seconde ligne en minuscules',
      'M.',
      'Dupont',
    ])
  })

  it('gives no sentence for an empty or white-space range', () => {
    expect(splitSentences('', 0, 0, 'fr')).toEqual([])
    expect(splitSentences('abc   \u00a0 def', 3, 8, 'fr')).toEqual([])
    expect(splitSentences('abc', 2, 1, 'fr')).toEqual([])
  })

  it('gives offsets into the whole text that slice to the trimmed sentence', () => {
    const text = 'Titre\n\n  Le 😀 premier. Le second 👩‍💻 !  \nFin'
    const [para] = splitParagraphs(text).slice(1)
    const ranges = splitSentences(text, para!.start, para!.end, 'fr')
    expect(ranges.map((r) => text.slice(r.start, r.end))).toEqual([
      'Le 😀 premier.',
      'Le second 👩‍💻 !',
    ])
    expect(ranges[0]!.start).toBe(text.indexOf('Le 😀'))
    expect(ranges[1]!.end).toBe(text.indexOf('!') + 1)
  })

  it('takes any language tag, and French rules for an empty or unknown one', () => {
    const text = 'M. Dupont arrive. Mr. Smith leaves.'
    const expected = ['M. Dupont arrive.', 'Mr. Smith leaves.']
    for (const language of ['', 'fr', 'fr-FR', 'en', 'en_US', 'EN', 'français', '??'])
      expect(sentences(text, language)).toEqual(expected)
  })

  it('covers every non-space character once, trimmed, for any text', () => {
    const alphabet = fc.constantFrom(
      ...'aZé 😀.!?…«»“”"()\n\u00a0\u202f,;:-'.split(''),
      'M.',
      'J.',
      'etc.',
      ' Le',
      ' le',
      '...',
      'No. 1',
    )
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 60 }).map((a) => a.join('')),
        fc.nat(),
        fc.nat(),
        (text, a, b) => {
          const start = a % (text.length + 1)
          const end = start + (b % (text.length - start + 1))
          expectCovers(text, start, end)
        },
      ),
      { numRuns: 2000 },
    )
  })
})
