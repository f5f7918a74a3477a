// Test support: a small corpus built to break CSV writers and readers:
// emoji (one and several code points), quotes, commas, formula triggers in
// titles, attributes, theme names, notes and quotes, CRLF in notes and a
// title, accents in theme and attribute names, attribute names that clash
// with the exports' own columns, a negative number attribute. Three
// articles: two coded, one without passages. Also writes it as a real
// session folder (CorpusFolder.saveAll), for the handler tests.
import { mkdir } from 'node:fs/promises'
import type { ArticleData, ArticleEntry, AttributeDef } from '@shared/model/corpus'
import type { CorpusState } from '@shared/model/corpus-edits'
import { makePassage } from '@shared/model/edits'
import type { Passage, Theme } from '@shared/model/schema'
import { CorpusFolder } from '../store/corpus-folder'
import { sha256Hex } from '../store/hash'

export const T0 = '2025-03-01T08:00:00.000Z'

export const THEMES: Theme[] = [
  { id: 't-eco', name: 'Économie', colour: '#009e73', key: '1' },
  { id: 't-risk', name: '=Risque', colour: '#d55e00', key: '2' },
  { id: 't-sante', name: 'Santé 😷, "publique"', colour: '#0072b2', key: '3' },
]

export const DEFS: AttributeDef[] = [
  { id: 'attr-ton', name: 'Ton éditorial', type: 'category', values: ['positif', 'négatif'] },
  { id: 'attr-pages', name: 'Pages', type: 'number' },
  // Clashes with the builtin author (and, in the passage export, the coder's column).
  { id: 'attr-author', name: 'Author', type: 'text' },
  // Clashes with the matrix's column of the theme Économie.
  { id: 'attr-eco', name: 'économie_passages', type: 'text' },
  { id: 'attr-formula', name: '@Source', type: 'text' },
]

export const TEXT_A =
  'Rapport 😀 interne 👩‍💻\n=Ligne qui ressemble à une formule. La sécurité d’abord.\nTroisième paragraphe sur la croissance.'
export const TEXT_B = 'Économie 📈 : la croissance ralentit.\nSanté publique et risque.'
export const TEXT_C = 'Rien à signaler.'

/** A passage on the first occurrence of `quote` in `text`. */
function on(
  text: string,
  quote: string,
  id: string,
  themeIds: string[],
  extra: Partial<Passage> = {},
): Passage {
  const start = text.indexOf(quote)
  if (start < 0) throw new Error(`no ${quote}`)
  const p = makePassage(text, {
    id,
    start,
    end: start + quote.length,
    themeIds,
    author: 'coder',
    now: T0,
  })
  return { ...p, ...extra }
}

export const PASSAGES_A: Passage[] = [
  on(TEXT_A, '😀 interne', 'pa3', [], { note: 'ok' }),
  on(TEXT_A, 'interne 👩‍💻', 'pa4', ['t-eco']),
  on(TEXT_A, '=Ligne qui ressemble', 'pa1', ['t-eco', 't-risk'], {
    note: '=HYPERLINK("http://x")\r\nligne 2, "citée"',
    author: '@coder',
  }),
  on(TEXT_A, 'La sécurité d’abord', '-pa2', ['t-sante']),
]
export const PASSAGES_B: Passage[] = [
  on(TEXT_B, 'croissance ralentit', 'pb1', ['t-eco']),
  on(TEXT_B, 'Santé publique', 'pb2', ['t-sante', 't-eco'], { note: '+1' }),
]

function entry(
  id: string,
  title: string,
  text: string,
  passages: number,
  attributes: Record<string, string>,
): ArticleEntry {
  return {
    id,
    title,
    sourceFileName: `${id}.txt`,
    sha256: sha256Hex(text),
    chars: text.length,
    addedAt: T0,
    attributes,
    passageCount: passages,
  }
}

export const ENTRIES: ArticleEntry[] = [
  entry('a1', '=HYPERLINK("https://x.example","clic")', TEXT_A, 4, {
    outlet: 'Le "Monde", Paris',
    author: '@journaliste',
    published: '2025-01-06',
    url: 'https://ex.example/a?b=1,2',
    language: 'fr',
    'attr-ton': 'positif',
    'attr-pages': '-3',
    'attr-author': '+33 1 23',
    'attr-eco': 'x',
    'attr-formula': '-AFP',
  }),
  entry('a2', 'Deuxième\r\narticle 📈', TEXT_B, 2, {
    outlet: 'Libération',
    'attr-ton': 'négatif',
    'attr-pages': '2.5',
  }),
  entry('-a3', 'Sans passage', TEXT_C, 0, { outlet: 'Libération', published: '2024-12-31' }),
]

function article(id: string, text: string, passages: Passage[]): ArticleData {
  return { id, text, passages, ui: { scrollTop: 0 }, updatedAt: T0 }
}

/** The corpus as main holds it. */
export function hostileCorpus(): CorpusState {
  return {
    id: 'hostile-session',
    createdAt: T0,
    updatedAt: T0,
    meta: { codebook: THEMES, themeGroups: [], attributeDefs: DEFS, articles: ENTRIES },
    articles: new Map([
      ['a1', article('a1', TEXT_A, PASSAGES_A)],
      ['a2', article('a2', TEXT_B, PASSAGES_B)],
      ['-a3', article('-a3', TEXT_C, [])],
    ]),
  }
}

/** Writes the corpus as a session folder `dir` (the real format); returns its index path. */
export async function writeHostileCorpus(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true })
  const state = hostileCorpus()
  const folder = new CorpusFolder(dir, state, new Map(), 'a1')
  await folder.saveAll(state, 'a1')
  return folder.indexPath
}
