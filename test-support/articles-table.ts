// The spreadsheet of articles that the table importers are tested with:
// six rows in French and English, as an analyst's export looks (typed
// dates in three formats and dates typed as text, accents, emoji, line
// breaks inside cells, a custom column, an empty text, a repeated row).
// LibreOffice saves it as XLSX and CSV at test time (officeFixture).
import { fods, type SheetCell } from './office-sources'

export const ARTICLE_COLUMNS = ['Titre', 'Média', 'Date', 'Auteur', 'Lien', 'Section', 'Texte']

const GREVE: SheetCell[] = [
  'Grève à la SNCF',
  'Le Monde',
  { date: '2025-03-12', style: 'ceIso' },
  'Émilie Dupont',
  'https://www.lemonde.fr/economie/greve',
  'Économie',
  'Le trafic reprend lundi.\nLes syndicats « restent prudents ».',
]

export const ARTICLE_ROWS: SheetCell[][] = [
  ARTICLE_COLUMNS,
  GREVE,
  [
    'Budget 2025 : le vote',
    'Libération',
    { date: '2025-01-02', style: 'ceDmy' },
    'Jean-Noël Martin',
    'https://www.liberation.fr/politique/budget',
    'Politique',
    'L’Assemblée a voté ; l’œuvre coûte 12 € par foyer 🇫🇷.\nDeuxième ligne.',
  ],
  [
    'Storm hits the coast',
    'The Guardian',
    'March 12, 2025',
    'Sam O’Brien',
    'https://www.theguardian.com/world/storm',
    'World',
    'Heavy rain 🌧 fell overnight.\nResidents were evacuated.',
  ],
  ['Sans texte', 'Le Figaro', { date: '2025-03-14', style: 'ceLong' }, null, null, 'Culture', null],
  GREVE,
  [
    'Coupe du monde',
    'L’Équipe',
    '12 mars 2025',
    'Zoë Lefèvre',
    'https://www.lequipe.fr/coupe',
    'Sport',
    '« Une victoire historique », titrait le journal.\n=1+1 n’est pas une formule.',
  ],
]

/** The flat ODS source. */
export const ARTICLES_FODS = fods({ Articles: ARTICLE_ROWS })

/** The rows as a CSV that LibreOffice saves in UTF-8 shows them: dates as their cells show them. */
export const ARTICLE_CSV_ROWS: string[][] = [
  [
    'Grève à la SNCF',
    'Le Monde',
    '2025-03-12',
    'Émilie Dupont',
    'https://www.lemonde.fr/economie/greve',
    'Économie',
    'Le trafic reprend lundi.\nLes syndicats « restent prudents ».',
  ],
  [
    'Budget 2025 : le vote',
    'Libération',
    '02/01/2025',
    'Jean-Noël Martin',
    'https://www.liberation.fr/politique/budget',
    'Politique',
    'L’Assemblée a voté ; l’œuvre coûte 12 € par foyer 🇫🇷.\nDeuxième ligne.',
  ],
  [
    'Storm hits the coast',
    'The Guardian',
    'March 12, 2025',
    'Sam O’Brien',
    'https://www.theguardian.com/world/storm',
    'World',
    'Heavy rain 🌧 fell overnight.\nResidents were evacuated.',
  ],
  ['Sans texte', 'Le Figaro', '14 Mar 2025', '', '', 'Culture', ''],
  [
    'Grève à la SNCF',
    'Le Monde',
    '2025-03-12',
    'Émilie Dupont',
    'https://www.lemonde.fr/economie/greve',
    'Économie',
    'Le trafic reprend lundi.\nLes syndicats « restent prudents ».',
  ],
  [
    'Coupe du monde',
    'L’Équipe',
    '12 mars 2025',
    'Zoë Lefèvre',
    'https://www.lequipe.fr/coupe',
    'Sport',
    '« Une victoire historique », titrait le journal.\n=1+1 n’est pas une formule.',
  ],
]

/** What rowsToArticles makes of the table under the guessed mapping, whatever the file format. */
export const EXPECTED_ARTICLES = {
  articles: [
    {
      row: 2,
      title: 'Grève à la SNCF',
      text: 'Le trafic reprend lundi.\nLes syndicats « restent prudents ».',
      attributes: {
        outlet: 'Le Monde',
        author: 'Émilie Dupont',
        url: 'https://www.lemonde.fr/economie/greve',
        published: '2025-03-12',
      },
      custom: { Section: 'Économie' },
    },
    {
      row: 3,
      title: 'Budget 2025 : le vote',
      text: 'L’Assemblée a voté ; l’œuvre coûte 12 € par foyer 🇫🇷.\nDeuxième ligne.',
      attributes: {
        outlet: 'Libération',
        author: 'Jean-Noël Martin',
        url: 'https://www.liberation.fr/politique/budget',
        published: '2025-01-02',
      },
      custom: { Section: 'Politique' },
    },
    {
      row: 4,
      title: 'Storm hits the coast',
      text: 'Heavy rain 🌧 fell overnight.\nResidents were evacuated.',
      attributes: {
        outlet: 'The Guardian',
        author: 'Sam O’Brien',
        url: 'https://www.theguardian.com/world/storm',
        published: '2025-03-12',
      },
      custom: { Section: 'World' },
    },
    {
      row: 7,
      title: 'Coupe du monde',
      text: '« Une victoire historique », titrait le journal.\n=1+1 n’est pas une formule.',
      attributes: {
        outlet: 'L’Équipe',
        author: 'Zoë Lefèvre',
        url: 'https://www.lequipe.fr/coupe',
        published: '2025-03-12',
      },
      custom: { Section: 'Sport' },
    },
  ],
  problems: [
    { row: 5, problem: 'empty-text' },
    { row: 6, problem: 'duplicate-row', sameAs: 2 },
  ],
}

/** The mapping guessed from ARTICLE_COLUMNS. */
export const EXPECTED_MAPPING = {
  text: 6,
  title: 0,
  outlet: 1,
  author: 3,
  published: 2,
  url: 4,
  language: null,
  others: [5],
}

/** A workbook's layout an importer must get right: an empty first sheet, blank header cells, typed cells, a merged cell, a gap, a far column. */
export const LAYOUT_FODS = fods({
  Vide: [[null]],
  Données: [
    [null, 'Nombre', null, 'Quand'],
    [
      { number: 1234.5 },
      { number: 0.1 },
      { boolean: true },
      { date: '2025-03-12T14:30:00', style: 'ceDateTime' },
    ],
    [
      { merged: 'fusion', columns: 2, rows: 1 },
      { time: 'PT14H30M00S', style: 'ceTime' },
      { date: '1999-12-31', style: 'ceDmy' },
    ],
    [null],
    ['après le vide', { number: -3 }, { boolean: false }, null, null, 'loin'],
  ],
})
