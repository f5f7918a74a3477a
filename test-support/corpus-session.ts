// Seeded corpus sessions for the e2e specs and hand-run measurements: N
// articles of generated French-like text (generate.ts), each with the
// attributes of a press review (outlet, author, published date, url,
// language, and three custom attributes: a category, a number, a text),
// passages tagged with themes whose frequency depends on the outlet (so
// that a theme-by-outlet table shows real differences), written as a real
// session folder through CorpusFolder.saveAll (the format Gloss reads).
// Same seed, same corpus.
import { join } from 'node:path'
import type {
  ArticleData,
  ArticleEntry,
  AttributeDef,
  ThemeGroup,
} from '../src/shared/model/corpus'
import type { CorpusState } from '../src/shared/model/corpus-edits'
import type { Theme } from '../src/shared/model/schema'
import { sha256Hex } from '../src/main/store/hash'
import { generateArticle, generatePassages, prng, SEED, TIME } from './generate'
import { writeCorpus } from './write-corpus'

export const OUTLETS = [
  'Le Monde',
  'Libération',
  'Le Figaro',
  'Les Échos',
  'Mediapart',
  'Ouest-France',
] as const

const AUTHORS = [
  'Claire Martin',
  'Hugo Bernard',
  'Inès Petit',
  'Louis Durand',
  'Sarah Leroy',
  'Yanis Moreau',
  'Zoé Fournier',
  'Paul Girard',
]

/** Themes of a study of a tech company in the press, with readable names and distinct colours. */
const THEME_NAMES = [
  ['Croissance', '#009E73'],
  ['Culture d’entreprise', '#E69F00'],
  ['Secret', '#CC79A7'],
  ['Sécurité', '#0072B2'],
  ['Pouvoir', '#D55E00'],
  ['Argent', '#56B4E9'],
  ['Emploi', '#F0E442'],
  ['Risques', '#000000'],
] as const

const GROUP_NAMES = ['Économie', 'Organisation', 'Société', 'Régulation', 'Technique', 'Médias']

export const GENRES = ['dépêche', 'analyse', 'tribune', 'entretien'] as const

export interface CorpusOptions {
  articles: number
  /** Passages per article on average (0 for none). */
  passagesPerArticle: number
  /** Themes in the codebook: the eight named ones, then numbered ones, in six groups. */
  themes?: number
  seed?: number
  /** Articles without a publication date, one in this many (0: none). */
  undatedEvery?: number
  /** The year the articles were published in. */
  year?: number
}

export const SESSION_ID = 'corpus-session-0000'

function codebookOf(count: number): { codebook: Theme[]; groups: ThemeGroup[] } {
  const groups = GROUP_NAMES.map((name, i) => ({ id: `group-${i + 1}`, name }))
  const codebook = Array.from({ length: count }, (_, i): Theme => {
    const named = THEME_NAMES[i]
    const hue = (i * 47) % 360
    return {
      id: `theme-${i + 1}`,
      name: named ? named[0] : `Thème ${i + 1}`,
      colour: named ? named[1] : hslHex(hue, 0.55, 0.45),
      ...(i < 9 ? { key: String(i + 1) } : {}),
      ...(count > 8 ? { groupId: groups[i % groups.length]!.id } : {}),
    }
  })
  return { codebook, groups: count > 8 ? groups : [] }
}

function hslHex(h: number, s: number, l: number): string {
  const a = s * Math.min(l, 1 - l)
  const f = (n: number) => {
    const k = (n + h / 30) % 12
    const c = l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))
    return Math.round(c * 255)
      .toString(16)
      .padStart(2, '0')
  }
  return `#${f(0)}${f(8)}${f(4)}`
}

export const ATTRIBUTE_DEFS: AttributeDef[] = [
  { id: 'attr-genre', name: 'Genre', type: 'category', values: [...GENRES] },
  { id: 'attr-words', name: 'Mots', type: 'number' },
  { id: 'attr-section', name: 'Rubrique', type: 'text' },
]

const SECTIONS = ['Économie', 'Tech', 'Société', 'International', 'Idées']

/** Headlines of a press review on an AI company: subject + what happens. */
const SUBJECTS = [
  'OpenAI',
  'L’IA générative',
  'Les laboratoires d’IA',
  'Mistral AI',
  'Les régulateurs européens',
  'Les salariés de la tech',
  'Les investisseurs',
  'Le Codex d’OpenAI',
]
const PREDICATES = [
  'face à une croissance vertigineuse',
  'et la culture du secret',
  'sous la pression des régulateurs',
  'lève des milliards',
  'recrute à tour de bras',
  'inquiète les experts en sécurité',
  'change de stratégie',
  'promet une révolution du travail',
]

/** A seeded corpus as main holds it. */
export function generateCorpus(options: CorpusOptions): CorpusState {
  const seed = options.seed ?? SEED
  const rnd = prng(seed)
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!
  const { codebook, groups } = codebookOf(options.themes ?? THEME_NAMES.length)
  // Each outlet favours some themes: weights 0.2–3, the first themes most spread.
  const weights = OUTLETS.map(() => codebook.map(() => 0.2 + rnd() * rnd() * 3))
  const entries: ArticleEntry[] = []
  const articles = new Map<string, ArticleData>()
  const year = options.year ?? 2025
  for (let i = 0; i < options.articles; i++) {
    const id = `article-${String(i + 1).padStart(5, '0')}`
    const outletIndex = Math.floor(rnd() * OUTLETS.length)
    // 2–10 KB: 4 to 20 paragraphs of about 460 characters.
    const text = generateArticle(seed + 17 * (i + 1), 4 + Math.floor(rnd() * 17))
    const count = Math.round(options.passagesPerArticle * (0.5 + rnd()))
    const w = weights[outletIndex]!
    const total = w.reduce((a, b) => a + b, 0)
    const theme = () => {
      let x = rnd() * total
      for (let t = 0; t < w.length; t++) if ((x -= w[t]!) < 0) return t
      return w.length - 1
    }
    const passages = generatePassages(text, count, seed + 31 * (i + 1)).map((p, k) => {
      const chosen = new Set([theme()])
      if (rnd() < 0.3) chosen.add(theme())
      return {
        ...p,
        id: `a${i + 1}-${p.id}`,
        themeIds: [...chosen].sort((a, b) => a - b).map((t) => codebook[t]!.id),
        author: k % 7 === 0 ? 'Camille' : 'Alex',
      }
    })
    const undated = options.undatedEvery
      ? i % options.undatedEvery === options.undatedEvery - 1
      : false
    const day = new Date(Date.UTC(year, 0, 1) + Math.floor(rnd() * 365) * 86_400_000)
    const words = text.split(/\s+/).length
    entries.push({
      id,
      title: `${pick(SUBJECTS)} ${pick(PREDICATES)}`,
      sourceFileName: `${id}.txt`,
      sha256: sha256Hex(text),
      chars: text.length,
      addedAt: TIME,
      attributes: {
        outlet: OUTLETS[outletIndex]!,
        author: pick(AUTHORS),
        ...(undated ? {} : { published: day.toISOString().slice(0, 10) }),
        url: `https://presse.example/${id}`,
        language: 'fr',
        'attr-genre': pick(GENRES),
        'attr-words': String(words),
        'attr-section': pick(SECTIONS),
      },
      passageCount: passages.length,
    })
    articles.set(id, { id, text, passages, ui: { scrollTop: 0 }, updatedAt: TIME })
  }
  return {
    id: SESSION_ID,
    createdAt: TIME,
    updatedAt: TIME,
    meta: { codebook, themeGroups: groups, attributeDefs: ATTRIBUTE_DEFS, articles: entries },
    articles,
  }
}

/**
 * Writes a corpus as the session folder `<parent>/<name>.gloss` (the real
 * format, through CorpusFolder.saveAll); returns the path of its index
 * (`session.json`), which "Open session…" opens.
 */
export async function writeCorpusSession(
  parent: string,
  name: string,
  state: CorpusState,
): Promise<string> {
  return writeCorpus(join(parent, `${name}.gloss`), state)
}

/** An article of a hand-made corpus: its text, attributes, and passages by quote. */
export interface ArticleSpec {
  title: string
  text: string
  attributes?: Record<string, string>
  /** Each passage: the first occurrence of `quote` at or after `from`, with theme ids. */
  passages?: { quote: string; themes: string[]; from?: number; note?: string }[]
}

/** A small corpus written by hand in a spec (numbers the spec can count itself). */
export function corpusOf(
  codebook: readonly Theme[],
  specs: readonly ArticleSpec[],
  attributeDefs: AttributeDef[] = [],
): CorpusState {
  const entries: ArticleEntry[] = []
  const articles = new Map<string, ArticleData>()
  specs.forEach((spec, i) => {
    const id = `article-${i + 1}`
    const passages = (spec.passages ?? []).map((p, k) => {
      const start = spec.text.indexOf(p.quote, p.from ?? 0)
      if (start < 0) throw new Error(`no “${p.quote}” in ${spec.title}`)
      const end = start + p.quote.length
      return {
        id: `${id}-p${k + 1}`,
        start,
        end,
        quote: p.quote,
        prefix: spec.text.slice(Math.max(0, start - 32), start),
        suffix: spec.text.slice(end, end + 32),
        themeIds: p.themes,
        note: p.note ?? '',
        createdAt: TIME,
        updatedAt: TIME,
        author: 'e2e-analyst',
      }
    })
    passages.sort((a, b) => a.start - b.start || a.end - b.end)
    entries.push({
      id,
      title: spec.title,
      sourceFileName: `${id}.txt`,
      sha256: sha256Hex(spec.text),
      chars: spec.text.length,
      addedAt: TIME,
      attributes: spec.attributes ?? {},
      passageCount: passages.length,
    })
    articles.set(id, { id, text: spec.text, passages, ui: { scrollTop: 0 }, updatedAt: TIME })
  })
  return {
    id: SESSION_ID,
    createdAt: TIME,
    updatedAt: TIME,
    meta: { codebook: [...codebook], themeGroups: [], attributeDefs, articles: entries },
    articles,
  }
}

/** Three themes with keys, for hand-made corpora. */
export const PRESS_THEMES: Theme[] = [
  { id: 'growth', name: 'Growth', colour: '#009E73', key: '1' },
  { id: 'culture', name: 'Culture', colour: '#E69F00', key: '2' },
  { id: 'safety', name: 'Safety', colour: '#0072B2', key: '3' },
]

/**
 * Four articles of two outlets, counted by hand in the specs: Le Monde's
 * two (January, February) and Libération's two (February, and one with no
 * date and no passage); Growth in three articles, Culture and Safety in one.
 */
export function pressCorpus(): CorpusState {
  return corpusOf(PRESS_THEMES, [
    {
      title: 'Le Monde, janvier',
      text: 'La croissance rapide inquiète. La sécurité aussi.',
      attributes: { outlet: 'Le Monde', published: '2025-01-15', author: 'Claire Martin' },
      passages: [
        { quote: 'croissance rapide', themes: ['growth'] },
        { quote: 'sécurité', themes: ['safety'], note: '=À vérifier, "source" 😀' },
      ],
    },
    {
      title: 'Le Monde, février',
      text: 'Une culture du secret.',
      attributes: { outlet: 'Le Monde', published: '2025-02-03' },
      passages: [{ quote: 'culture du secret', themes: ['growth', 'culture'] }],
    },
    {
      title: 'Libération, février 📈',
      text: 'La croissance, encore la croissance.',
      attributes: { outlet: 'Libération', published: '2025-02-20', language: 'fr' },
      passages: [
        { quote: 'croissance', themes: ['growth'] },
        { quote: 'encore la croissance', themes: ['growth'] },
      ],
    },
    {
      title: 'Libération, sans date',
      text: 'Rien ici.',
      attributes: { outlet: 'Libération' },
    },
  ])
}
