// Test support: what every cell of the corpus exports of hostile-corpus.ts
// must read back as, written out by hand (headers, article columns, matrix
// counts) or derived in the plainest way from the corpus (a passage's code
// point offsets are the length of [...text.slice(0, start)]). The oracle of
// the CSV writer tests and of the Python, pandas and R read-backs.
import {
  ENTRIES,
  hostileCorpus,
  PASSAGES_A,
  PASSAGES_B,
  TEXT_A,
  TEXT_B,
  THEMES,
} from './hostile-corpus'
import type { Passage } from '@shared/model/schema'

/** A cell as a spreadsheet-safe export writes it: text starting like a formula gets a `'`. */
export const safe = (s: string) => (/^[=+\-@\t\r\n＝＋－＠]/.test(s) ? `'${s}` : s)

/** The article columns after passage_id, as named in the passage and tidy exports. */
export const ARTICLE_HEADER = [
  'article_id',
  'article_title',
  'outlet',
  // The article's author keeps the prefix it had while the passage's coder column was `author`.
  'article_author',
  'published',
  'url',
  'language',
  'Ton éditorial',
  'Pages',
  // `Author` is taken twice over (author, article_author), ignoring case.
  'article_Author_2',
  'économie_passages',
  "'@Source",
]

export const PASSAGES_HEADER = [
  'passage_id',
  ...ARTICLE_HEADER,
  'document_title',
  'document_sha256',
  'start',
  'end',
  'quote',
  'prefix',
  'suffix',
  'themes',
  'Économie',
  "'=Risque",
  'Santé 😷, "publique"',
  'note',
  'coder',
  'created_at',
  'updated_at',
]

export const TIDY_HEADER_EXPECTED = [
  'passage_id',
  ...ARTICLE_HEADER,
  'theme',
  'start',
  'end',
  'quote',
  'note',
  'coder',
  'created_at',
  'updated_at',
]

/** The article cells of the passage and tidy exports, by article id. */
export const ARTICLE_CELLS: Record<string, string[]> = {
  a1: [
    'a1',
    `'=HYPERLINK("https://x.example","clic")`,
    'Le "Monde", Paris',
    "'@journaliste",
    '2025-01-06',
    'https://ex.example/a?b=1,2',
    'fr',
    'positif',
    '-3',
    "'+33 1 23",
    'x',
    "'-AFP",
  ],
  a2: ['a2', 'Deuxième\r\narticle 📈', 'Libération', '', '', '', '', 'négatif', '2.5', '', '', ''],
}

const cp = (text: string, utf16: number) => [...text.slice(0, utf16)].length
const byStart = (ps: Passage[]) => [...ps].sort((a, b) => a.start - b.start || a.end - b.end)
const nameOf = (id: string) => THEMES.find((t) => t.id === id)!.name

/** Every row of the passage export: a1's passages then a2's, each in text order. */
export function expectedPassageRows(): string[][] {
  const rows: string[][] = []
  for (const [articleId, text, passages] of [
    ['a1', TEXT_A, PASSAGES_A],
    ['a2', TEXT_B, PASSAGES_B],
  ] as const) {
    const entry = ENTRIES.find((e) => e.id === articleId)!
    for (const p of byStart(passages))
      rows.push([
        safe(p.id),
        ...ARTICLE_CELLS[articleId]!,
        safe(entry.title),
        entry.sha256,
        String(cp(text, p.start)),
        String(cp(text, p.end)),
        safe(p.quote),
        safe(p.prefix),
        safe(p.suffix),
        safe(p.themeIds.map(nameOf).join('; ')),
        ...THEMES.map((t) => (p.themeIds.includes(t.id) ? '1' : '0')),
        safe(p.note),
        safe(p.author),
        p.createdAt,
        p.updatedAt,
      ])
  }
  return rows
}

/** Every row of the tidy export: one per passage and theme, one with an empty theme if untagged. */
export function expectedTidyRows(): string[][] {
  const rows: string[][] = []
  for (const [articleId, text, passages] of [
    ['a1', TEXT_A, PASSAGES_A],
    ['a2', TEXT_B, PASSAGES_B],
  ] as const)
    for (const p of byStart(passages))
      for (const theme of p.themeIds.length ? p.themeIds.map(nameOf) : [''])
        rows.push([
          safe(p.id),
          ...ARTICLE_CELLS[articleId]!,
          safe(theme),
          String(cp(text, p.start)),
          String(cp(text, p.end)),
          safe(p.quote),
          safe(p.note),
          safe(p.author),
          p.createdAt,
          p.updatedAt,
        ])
  return rows
}

export const MATRIX_HEADER = [
  'article_id',
  'title',
  'outlet',
  'author',
  'published',
  'url',
  'language',
  'Ton éditorial',
  'Pages',
  'article_Author',
  // Clashes with the column of the theme Économie, ignoring case.
  'article_économie_passages',
  "'@Source",
  'passages',
  'characters',
  'characters_coded',
  'Économie_passages',
  'Économie_chars',
  "'=Risque_passages",
  "'=Risque_chars",
  'Santé 😷, "publique"_passages',
  'Santé 😷, "publique"_chars',
]

/**
 * The matrix, counted by hand in code points (Python's str indexes):
 * a1 (118): 😀 interne [8,17) ∪ interne 👩‍💻 [10,21) = 13, =Ligne… [22,42) = 20,
 * La sécurité… [58,77) = 19: coded 52. Économie: [10,21) + [22,42) = 31;
 * =Risque: 20; Santé: 19.
 * a2 (62): croissance ralentit [16,35) = 19, Santé publique [37,51) = 14:
 * coded 33; Économie both (33), Santé 14.
 * -a3 (16): nothing.
 */
export const MATRIX_ROWS = [
  [
    ...ARTICLE_CELLS.a1!.slice(0, 2),
    'Le "Monde", Paris',
    "'@journaliste",
    '2025-01-06',
    'https://ex.example/a?b=1,2',
    'fr',
    'positif',
    '-3',
    "'+33 1 23",
    'x',
    "'-AFP",
    '4',
    '118',
    '52',
    '2',
    '31',
    '1',
    '20',
    '1',
    '19',
  ],
  [
    'a2',
    'Deuxième\r\narticle 📈',
    'Libération',
    '',
    '',
    '',
    '',
    'négatif',
    '2.5',
    '',
    '',
    '',
    '2',
    '62',
    '33',
    '2',
    '33',
    '0',
    '0',
    '1',
    '14',
  ],
  [
    "'-a3",
    'Sans passage',
    'Libération',
    '',
    '2024-12-31',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '0',
    '16',
    '0',
    '0',
    '0',
    '0',
    '0',
    '0',
    '0',
  ],
]

export { hostileCorpus }
