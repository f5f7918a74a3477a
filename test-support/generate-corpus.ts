// Seeded corpora of many articles, for unit tests, e2e specs and the
// benchmark: N French-like news articles of a chosen size range, each with
// the builtin attributes (outlet, author, published, url, language) and up
// to three custom ones (a category, a number, a text), a codebook of themes
// in groups, and passages of whole words tagged with 1–3 themes, some with
// notes. The same spec and seed always give the same corpus.
// write-corpus.ts saves one as a real session folder.
// Test support only, never imported by the app; pure (no Node), so that
// tests of shared and renderer modules may use it.
import type { ArticleData, ArticleEntry, AttributeDef, ThemeGroup } from '@shared/model/corpus'
import type { CorpusState } from '@shared/model/corpus-edits'
import { comparePassages, makePassage } from '@shared/model/edits'
import type { Passage, Theme } from '@shared/model/schema'
import { snapToWords, splitParagraphs } from '@shared/model/text'
import { prng } from './prng'
import { sha256Hex } from './sha256'

export interface CorpusSpec {
  seed: number
  articles: number
  /** Length of each article's text (UTF-16 units), drawn in [min, max]. */
  chars: readonly [number, number]
  /** Passages of each article, drawn in [min, max]. */
  passages: readonly [number, number]
  /** Themes in the codebook (at least 1); the first nine have keys 1–9. */
  themes: number
  /** Theme groups the themes are spread over (0: no groups). */
  groups: number
  /** Custom attributes besides the builtins: 0–3 of section (category), words (number), edition (text). */
  customAttributes: number
  /** Share of passages with a note, in [0, 1]. */
  notes?: number
  /** Outlets the articles are spread over (default: eight French dailies). */
  outlets?: readonly string[]
  /** Changes an article's text before passages are drawn (e.g. to plant a word). */
  editText?: (index: number, text: string) => string
}

/** The corpus of the performance targets: ≈ 12 M characters, 200,000 passages. */
export const BENCH_CORPUS: CorpusSpec = {
  seed: 20261202,
  articles: 2000,
  chars: [2000, 10000],
  passages: [50, 150],
  themes: 40,
  groups: 6,
  customAttributes: 3,
  notes: 0.1,
}

/** A small corpus for specs and screenshots. */
export const SMALL_CORPUS: CorpusSpec = {
  seed: 20261203,
  articles: 5,
  chars: [1500, 3000],
  passages: [4, 8],
  themes: 8,
  groups: 2,
  customAttributes: 3,
  notes: 0.3,
}

export const CORPUS_TIME = '2026-12-02T09:00:00.000Z'

export const OUTLETS = [
  'Le Monde',
  'Le Figaro',
  'Libération',
  'Les Échos',
  'La Croix',
  'Ouest-France',
  'L’Humanité',
  'Mediapart',
] as const

const AUTHORS = [
  'Claire Dubois',
  'Marc Lefèvre',
  'Sophie Martin',
  'Julien Moreau',
  'Amélie Garnier',
  'Hugo Bernard',
  'Inès Roux',
  'Thomas Petit',
  'Léa Fontaine',
  'Karim Benali',
  'Chloé Mercier',
  'Nicolas Faure',
]

const GROUP_NAMES = [
  'Économie',
  'Travail',
  'Pouvoir',
  'Société',
  'Environnement',
  'Technologie',
  'Santé',
  'Culture',
  'Territoires',
  'International',
]

const THEME_NAMES = [
  'Croissance',
  'Inflation',
  'Salaires',
  'Dette',
  'Investissement',
  'Grève',
  'Emploi',
  'Syndicats',
  'Conditions de travail',
  'Retraites',
  'Gouvernement',
  'Opposition',
  'Lobbying',
  'Justice',
  'Transparence',
  'Éducation',
  'Logement',
  'Inégalités',
  'Migrations',
  'Sécurité',
  'Climat',
  'Énergie',
  'Biodiversité',
  'Pollution',
  'Agriculture',
  'Intelligence artificielle',
  'Données',
  'Réseaux sociaux',
  'Cybersécurité',
  'Innovation',
  'Hôpital',
  'Prévention',
  'Médicaments',
  'Patrimoine',
  'Médias',
  'Régions',
  'Transports',
  'Europe',
  'Diplomatie',
  'Commerce',
]

/** Okabe–Ito colours and a few more, distinct on white. */
const COLOURS = [
  '#009E73',
  '#E69F00',
  '#CC79A7',
  '#0072B2',
  '#D55E00',
  '#56B4E9',
  '#8F7A00',
  '#6A3D9A',
  '#B15928',
  '#1B9E77',
  '#7570B3',
  '#E7298A',
]

const SECTIONS = ['Économie', 'Politique', 'Société', 'International', 'Culture']
const EDITIONS = ['Nationale', 'Paris', 'Lyon', 'Marseille', 'Bretagne']

const WORDS = (
  'le la les un une des du de et à en au aux pour par sur dans avec sans sous chez entre ' +
  'équipe sécurité croissance société données modèle réseau projet produit marché usine ' +
  'ingénieur chercheuse dirigeant conseil décision stratégie culture syndicat salariés ' +
  'gouvernement ministre député grève accord négociation budget impôt dette emploi ' +
  'lancement été hiver année semaine journée réunion début fin problème solution ' +
  'très déjà où là être avoir faire voir dire pouvoir vouloir savoir falloir ' +
  'rapide lent fragile énorme élevé complexe évident inquiétant prometteur ' +
  'économie éthique général intérieur extérieur français européen régional ' +
  'cœur œuvre manœuvre façon reçu garçon leçon naïf ' +
  'l’équipe l’entreprise d’abord aujourd’hui qu’il jusqu’à s’est n’est c’était ' +
  'peut-être c’est-à-dire vis-à-vis après-midi ' +
  'croît mûr hôtel forêt île côté tâche fenêtre goût août ' +
  'IA Bruxelles Paris Lyon 2025 2026 12 000 % € 3,5 milliards'
).split(/\s+/)
const PUNCT = ['.', '.', '.', '.', ' !', ' ?', '…']
const TITLE_HEADS = [
  'Grève',
  'Budget',
  'Climat',
  'Énergie',
  'Logement',
  'Santé',
  'Emploi',
  'Europe',
  'Numérique',
  'Agriculture',
  'Retraites',
  'Transports',
]
const NOTES = [
  'À vérifier auprès de la source.',
  'Cadrage économique typique.',
  'Citation d’un responsable syndical.',
  'Contraste avec l’article précédent.',
  'Formulation ambiguë : à discuter.',
  'Chiffre repris sans source.',
]

const pad = (n: number, width: number) => String(n).padStart(width, '0')

/** A generated corpus in memory, as main holds an open session. */
export function generateCorpus(spec: CorpusSpec): CorpusState {
  const rnd = prng(spec.seed)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!
  const between = ([lo, hi]: readonly [number, number]) => lo + Math.floor(rnd() * (hi - lo + 1))

  const groups: ThemeGroup[] = Array.from({ length: spec.groups }, (_, g) => ({
    id: `group-${g + 1}`,
    name: GROUP_NAMES[g % GROUP_NAMES.length]! + (g >= GROUP_NAMES.length ? ` ${g + 1}` : ''),
  }))
  const codebook: Theme[] = Array.from({ length: Math.max(1, spec.themes) }, (_, i) => ({
    id: `theme-${pad(i + 1, 2)}`,
    name: THEME_NAMES[i % THEME_NAMES.length]! + (i >= THEME_NAMES.length ? ` ${i + 1}` : ''),
    colour: COLOURS[i % COLOURS.length]!,
    ...(i < 9 && { key: String(i + 1) }),
    ...(groups.length > 0 && {
      groupId: groups[Math.floor((i * groups.length) / Math.max(1, spec.themes))]!.id,
    }),
  }))
  const customs: AttributeDef[] = [
    { id: 'attr-section', name: 'Section', type: 'category' as const, values: SECTIONS },
    { id: 'attr-words', name: 'Words', type: 'number' as const },
    { id: 'attr-edition', name: 'Edition', type: 'text' as const },
  ].slice(0, Math.max(0, Math.min(3, spec.customAttributes)))
  const outlets = spec.outlets ?? OUTLETS

  const entries: ArticleEntry[] = []
  const articles = new Map<string, ArticleData>()
  const digits = String(spec.articles).length
  for (let i = 0; i < spec.articles; i++) {
    const id = `article-${pad(i + 1, digits)}`
    let text = generateText(rnd, between(spec.chars))
    if (spec.editText) text = spec.editText(i, text)
    const passages = generatePassages(text, between(spec.passages), rnd, codebook, spec.notes ?? 0)
    const title = `${pick(TITLE_HEADS)} : ${sentence(rnd, 4 + Math.floor(rnd() * 6), false)}`
    const outlet = outlets[Math.floor(rnd() * outlets.length)]!
    const day = new Date(Date.UTC(2025, 0, 1) + Math.floor(rnd() * 365) * 86_400_000)
    const attributes: Record<string, string> = {
      outlet,
      author: pick(AUTHORS),
      published: day.toISOString().slice(0, 10),
      url: `https://example.org/${outlet.toLowerCase().replace(/[^a-z]+/g, '-')}/${id}`,
      language: rnd() < 0.9 ? 'fr' : 'en',
    }
    const values: Record<string, () => string> = {
      'attr-section': () => pick(SECTIONS),
      'attr-words': () => String(Math.round(text.length / 6)),
      'attr-edition': () => pick(EDITIONS),
    }
    for (const d of customs) attributes[d.id] = values[d.id]!()
    entries.push({
      id,
      title,
      sourceFileName: `${id}.txt`,
      sha256: sha256Hex(text),
      chars: text.length,
      addedAt: CORPUS_TIME,
      attributes,
      passageCount: passages.length,
    })
    articles.set(id, { id, text, passages, ui: { scrollTop: 0 }, updatedAt: CORPUS_TIME })
  }
  return {
    id: `corpus-${spec.seed}`,
    createdAt: CORPUS_TIME,
    updatedAt: CORPUS_TIME,
    meta: { codebook, themeGroups: groups, attributeDefs: customs, articles: entries },
    articles,
  }
}

function sentence(rnd: () => number, words: number, end = true): string {
  const out: string[] = []
  for (let i = 0; i < words; i++) {
    let w = WORDS[Math.floor(rnd() * WORDS.length)]!
    if (i === 0) w = w[0]!.toUpperCase() + w.slice(1)
    out.push(w)
    if (i > 0 && i < words - 1 && rnd() < 0.07) out[out.length - 1] += ','
  }
  return out.join(' ') + (end ? PUNCT[Math.floor(rnd() * PUNCT.length)]! : '')
}

/** Paragraphs of 200–600 characters separated by one LF, about `length` in all. */
function generateText(rnd: () => number, length: number): string {
  const paragraphs: string[] = []
  let total = 0
  while (total < length) {
    const target = Math.min(200 + Math.floor(rnd() * 400), Math.max(40, length - total))
    let para = ''
    while (para.length < target) {
      let s = sentence(rnd, 6 + Math.floor(rnd() * 16))
      if (rnd() < 0.08) s = `« ${s} »`
      para += (para ? ' ' : '') + s
    }
    paragraphs.push(para)
    total += para.length + 1
  }
  return paragraphs.join('\n')
}

function generatePassages(
  text: string,
  count: number,
  rnd: () => number,
  codebook: readonly Theme[],
  notes: number,
): Passage[] {
  const paras = splitParagraphs(text).filter((p) => p.end - p.start > 20)
  const out: Passage[] = []
  const seen = new Set<string>()
  for (let tries = 0; out.length < count && tries < count * 20; tries++) {
    const p = paras[Math.floor(rnd() * paras.length)]
    if (!p) break
    const len = 15 + Math.floor(rnd() * 160)
    const from = p.start + Math.floor(rnd() * Math.max(1, p.end - p.start - 10))
    const snapped = snapToWords(text, from, Math.min(p.end, from + len))
    if (!snapped || seen.has(`${snapped.start}:${snapped.end}`)) continue
    seen.add(`${snapped.start}:${snapped.end}`)
    const r = rnd()
    const n = Math.min(codebook.length, r < 0.7 ? 1 : r < 0.92 ? 2 : 3)
    const chosen = new Set<number>()
    while (chosen.size < n) chosen.add(Math.floor(rnd() * codebook.length))
    const passage = makePassage(text, {
      id: `p-${pad(out.length + 1, 4)}-${snapped.start}`,
      start: snapped.start,
      end: snapped.end,
      themeIds: [...chosen].sort((a, b) => a - b).map((k) => codebook[k]!.id),
      author: 'generator',
      now: CORPUS_TIME,
    })
    if (rnd() < notes) passage.note = NOTES[Math.floor(rnd() * NOTES.length)]!
    out.push(passage)
  }
  return out.sort(comparePassages)
}
