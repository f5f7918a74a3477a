// Guessing which column of a table of articles holds what, from French and
// English headers, and turning rows into articles with each row's problem.
// (The same on real CSV and XLSX files: main/import/formats/table.test.ts
// and xlsx.test.ts.)
import { describe, expect, it } from 'vitest'
import {
  foldHeader,
  guessMapping,
  parseTableDate,
  rowsToArticles,
  titleFromText,
  type TableMapping,
} from './table-mapping'

const none: TableMapping = {
  text: null,
  title: null,
  outlet: null,
  author: null,
  published: null,
  url: null,
  language: null,
  others: [],
}

describe('guessMapping', () => {
  it('reads English headers, any case', () => {
    expect(
      guessMapping(['Title', 'BODY', 'Source', 'Byline', 'Published', 'Link', 'Lang', 'Tone']),
    ).toEqual({
      text: 1,
      title: 0,
      outlet: 2,
      author: 3,
      published: 4,
      url: 5,
      language: 6,
      others: [7],
    })
  })

  it('reads French headers, accents or not', () => {
    expect(
      guessMapping([
        'Titre',
        'Contenu',
        'Média',
        'Auteur',
        'Date de publication',
        'Lien',
        'Langue',
      ]),
    ).toEqual({
      ...none,
      text: 1,
      title: 0,
      outlet: 2,
      author: 3,
      published: 4,
      url: 5,
      language: 6,
    })
    expect(guessMapping(['CORPS', 'Medias']).text).toBe(0)
    expect(guessMapping(['Texte intégral']).text).toBe(0)
  })

  it('a name beats a word inside a longer header; each column fills one field', () => {
    expect(guessMapping(['Article URL', 'Article', 'Publication', 'Publication date'])).toEqual({
      ...none,
      url: 0,
      text: 1,
      outlet: 2,
      published: 3,
    })
    expect(guessMapping(['Date', 'Date (UTC)'])).toEqual({ ...none, published: 0, others: [1] })
  })

  it('unknown and blank headers become custom attributes; nothing is guessed from nothing', () => {
    expect(guessMapping(['Section', '', 'Ton'])).toEqual({ ...none, others: [0, 1, 2] })
    expect(guessMapping([])).toEqual(none)
  })

  it('folds headers: case, accents, punctuation', () => {
    expect(foldHeader('  Date_de-Publication (ÉDITION) ')).toBe('date de publication edition')
  })
})

describe('parseTableDate', () => {
  it.each([
    ['2025-03-12', '2025-03-12'],
    ['2025-03-12T10:30:00Z', '2025-03-12'],
    ['2025/3/2', '2025-03-02'],
    ['12/03/2025', '2025-03-12'],
    ['12.03.2025', '2025-03-12'],
    ['03/25/2025', '2025-03-25'],
    ['12/03/2025 10:30', '2025-03-12'],
    ['12 mars 2025', '2025-03-12'],
    ['12 mars 2025 à 10h30', '2025-03-12'],
    ['1er mars 2025', '2025-03-01'],
    ['mercredi 12 mars 2025', '2025-03-12'],
    ['12 Février 2025', '2025-02-12'],
    ['12 fevr. 2025', '2025-02-12'],
    ['3 août 2024', '2024-08-03'],
    ['12 décembre 2025', '2025-12-12'],
    ['March 12, 2025', '2025-03-12'],
    ['Wednesday, March 12, 2025', '2025-03-12'],
    ['Mar. 12, 2025', '2025-03-12'],
    ['12 March 2025', '2025-03-12'],
    ['14 Mar 2025', '2025-03-14'],
    ['September 1st, 2024', '2024-09-01'],
  ])('%s is %s', (raw, date) => {
    expect(parseTableDate(raw)).toBe(date)
  })

  it.each([
    'hier',
    '2025-02-30',
    '31/02/2025',
    '13/13/2025',
    '12 brumaire 2025',
    '45728',
    '12/03/25',
    '',
  ])('%s is not a date', (raw) => {
    expect(parseTableDate(raw)).toBeNull()
  })
})

describe('titleFromText', () => {
  it('the first non-blank line, whole when short', () => {
    expect(titleFromText('\n  Grève à la SNCF  \nSuite.')).toBe('Grève à la SNCF')
  })

  it('cut at a word to at most 120 characters, emoji kept whole', () => {
    const long = `${'Une phrase très longue 😀 '.repeat(10)}fin`
    const title = titleFromText(long)
    expect(Array.from(title).length).toBeLessThanOrEqual(120)
    expect(title).toBe(`${'Une phrase très longue 😀 '.repeat(4)}Une phrase très…`)
    expect(titleFromText('x'.repeat(300))).toBe(`${'x'.repeat(119)}…`)
  })
})

describe('rowsToArticles', () => {
  const columns = ['title', 'text', 'date', 'outlet', 'Section', 'section', '']
  const mapping = guessMapping(columns)

  it('guesses the mapping it is given here', () => {
    expect(mapping).toEqual({
      ...none,
      title: 0,
      text: 1,
      published: 2,
      outlet: 3,
      others: [4, 5, 6],
    })
  })

  it('keeps rows in order, with their file row numbers, and says what is wrong with each', () => {
    const rows = [
      ['Un', 'Premier texte.', '12/03/2025', 'Le Monde', 'Éco', 'a', 'x'],
      ['', '', '', '', '', '', ''],
      ['Deux', '   ', '2025-03-12', '', '', '', ''],
      ['', 'Second texte,\r\nsur deux lignes.', 'hier', '  Libé  ', '', 'b', ''],
      ['Trois', 'Premier   texte.', '', '', '', '', ''],
      ['Quatre', 'Premier texte!', '', '', '', '', ''],
    ]
    expect(rowsToArticles({ columns, rows }, mapping)).toEqual({
      articles: [
        {
          row: 2,
          title: 'Un',
          text: 'Premier texte.',
          attributes: { published: '2025-03-12', outlet: 'Le Monde' },
          custom: { Section: 'Éco', 'section 2': 'a', 'column 7': 'x' },
        },
        {
          row: 5,
          title: 'Second texte,',
          text: 'Second texte,\r\nsur deux lignes.',
          attributes: { outlet: 'Libé' },
          custom: { 'section 2': 'b' },
        },
        {
          row: 7,
          title: 'Quatre',
          text: 'Premier texte!',
          attributes: {},
          custom: {},
        },
      ],
      problems: [
        { row: 4, problem: 'empty-text' },
        { row: 5, problem: 'bad-date', value: 'hier' },
        { row: 6, problem: 'duplicate-row', sameAs: 2 },
      ],
    })
  })

  it('without a text column every row with a value is an empty text', () => {
    expect(
      rowsToArticles({ columns: ['a'], rows: [['x'], ['']] }, { ...none, others: [0] }),
    ).toEqual({ articles: [], problems: [{ row: 2, problem: 'empty-text' }] })
  })
})
