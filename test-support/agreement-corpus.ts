// A reliability study small enough to work out by hand, for the agreement
// handler tests and the e2e spec: two articles of two coders (ana and ben,
// who both opened both), three themes, the figures below computed with a
// pencil. Paragraph units: six paragraphs.
//   eco, ana: 1 1 0 0 | 1 0; ben: 1 0 0 0 | 1 1 → 4 of 6 agree;
//     Cohen's and Fleiss's kappa (0.667 − 0.5) / 0.5 = 1/3;
//     α = 1 − (n − 1) o01 / (n0 n1) = 1 − 11 · 2 / 36 = 14/36 = 0.3889.
//   edu: both on the third paragraph of "one" only → 1 everywhere.
//   unused: nobody → percent 1, kappa and alpha not defined (no variation).
//   All themes pooled (18 decisions): 16 agree (0.8889);
//     α = 1 − 35 · 2 / (28 · 8) = 0.6875.
// Test support only.
import type { ArticleData, ArticleEntry } from '../src/shared/model/corpus'
import type { CorpusState } from '../src/shared/model/corpus-edits'
import { makePassage } from '../src/shared/model/edits'
import type { Passage, Theme } from '../src/shared/model/schema'
import { sha256Hex } from '../src/main/store/hash'
import { prng } from './prng'

const T0 = '2026-03-02T09:00:00.000Z'

export const AGREEMENT_TEXTS = {
  one: 'Le budget de la ville augmente.\n\nLes impôts locaux restent stables.\n\nLes écoles rouvrent en septembre.\n\nLe maire part en vacances.',
  two: 'Le chômage recule dans la région.\n\nLes salaires stagnent depuis un an.',
}

export const AGREEMENT_THEMES: Theme[] = [
  { id: 't-eco', name: 'Économie', colour: '#0072b2', key: '1' },
  { id: 't-edu', name: 'Éducation', colour: '#e69f00', key: '2' },
  { id: 't-unused', name: 'Sport', colour: '#009e73', key: '3' },
]

/** The figures worked out by hand (see the header). */
export const AGREEMENT_EXPECTED = {
  eco: { percent: 4 / 6, kappa: 1 / 3, alpha: 14 / 36 },
  edu: { percent: 1, kappa: 1, alpha: 1 },
  overall: { percent: 16 / 18, alpha: 0.6875 },
}

let n = 0
function on(text: string, quote: string, author: string, themeIds: string[]): Passage {
  const start = text.indexOf(quote)
  if (start < 0) throw new Error(`no ${quote}`)
  return makePassage(text, {
    id: `p${++n}-${author}`,
    start,
    end: start + quote.length,
    themeIds,
    author,
    now: T0,
  })
}

/** The study as a session's state (what writeCorpus writes as a folder). */
export function agreementCorpus(): CorpusState {
  n = 0
  const { one, two } = AGREEMENT_TEXTS
  const specs: [string, string, string, Passage[]][] = [
    [
      'one',
      'Le budget de la ville',
      one,
      [
        on(one, 'budget de la ville', 'ana', ['t-eco']),
        on(one, 'impôts locaux', 'ana', ['t-eco']),
        on(one, 'écoles rouvrent', 'ana', ['t-edu']),
        on(one, 'Le budget', 'ben', ['t-eco']),
        on(one, 'rouvrent en septembre', 'ben', ['t-edu']),
      ],
    ],
    [
      'two',
      'Le chômage recule',
      two,
      [
        on(two, 'chômage recule', 'ana', ['t-eco']),
        on(two, 'Le chômage', 'ben', ['t-eco']),
        on(two, 'salaires stagnent', 'ben', ['t-eco']),
      ],
    ],
  ]
  const entries = specs.map(([id, title, text, passages]): ArticleEntry => ({
    id,
    title,
    sourceFileName: `${id}.txt`,
    sha256: sha256Hex(text),
    chars: text.length,
    addedAt: T0,
    attributes: { language: 'fr' },
    passageCount: passages.length,
  }))
  const articles = new Map<string, ArticleData>(
    specs.map(([id, , text, passages]) => [
      id,
      { id, text, passages, ui: { scrollTop: 0 }, updatedAt: T0 },
    ]),
  )
  return {
    id: 'agreement-study',
    createdAt: T0,
    updatedAt: T0,
    meta: {
      codebook: AGREEMENT_THEMES,
      themeGroups: [],
      attributeDefs: [],
      articles: entries,
      coders: [
        { name: 'ana', opened: ['one', 'two'] },
        { name: 'ben', opened: ['one', 'two'] },
      ],
    },
    articles,
  }
}

const TITLES = [
  'Le conseil municipal vote le budget',
  'Grève dans les écoles de la ville',
  'Le port attend ses nouveaux quais',
  'La mairie renonce au tramway',
  'Hausse des loyers au centre',
  'Un nouveau collège ouvrira en 2027',
]

const PARAGRAPHS = [
  'Le conseil municipal a adopté mardi un budget en hausse de 4 %, porté par les investissements dans les écoles.',
  'Les syndicats enseignants dénoncent des classes surchargées et appellent à la grève jeudi.',
  'Selon l’adjoint aux finances, la dette restera stable malgré la baisse des dotations de l’État.',
  'Les commerçants du centre s’inquiètent de la fermeture de la rue pendant les travaux.',
  'Le maire a promis une concertation avec les parents d’élèves avant la rentrée.',
  'Le chantier du port doit créer 300 emplois, d’après la chambre de commerce.',
  'L’opposition réclame un audit des marchés publics signés depuis 2022.',
]

/**
 * A seeded study: 12 articles of a few paragraphs, three coders who mostly
 * agree, each not opening about one article in six (missing data), the
 * themes of the hand-made study unless others are given.
 */
export function agreementStudy(seed: number, themeList: Theme[] = AGREEMENT_THEMES): CorpusState {
  const rnd = prng(seed)
  const base = agreementCorpus()
  const coders = ['ana', 'ben', 'cleo']
  const opened = new Map(coders.map((c) => [c, [] as string[]]))
  const themes = themeList.map((t) => t.id)
  const entries: ArticleEntry[] = []
  const articles = new Map<string, ArticleData>()
  for (let a = 0; a < 12; a++) {
    const id = `a${a}`
    const paragraphs = Array.from(
      { length: 2 + Math.floor(rnd() * 4) },
      (_, p) =>
        `${p === 0 ? `Nantes, le ${a + 1} mars. ` : ''}${PARAGRAPHS[(a * 3 + p * 2) % PARAGRAPHS.length]!}`,
    )
    const text = paragraphs.join('\n\n')
    const passages: Passage[] = []
    // What a careful coder would tag, which each coder mostly follows.
    const truth = paragraphs.map(() => themes.filter(() => rnd() < 0.4))
    let k = 0
    for (const coder of coders) {
      if (rnd() < 0.17) continue
      opened.get(coder)!.push(id)
      let at = 0
      paragraphs.forEach((p, i) => {
        const given = truth[i]!.filter(() => rnd() < 0.85)
        if (rnd() < 0.1) given.push(themes[Math.floor(rnd() * themes.length)]!)
        const unique = [...new Set(given)]
        if (unique.length)
          passages.push(
            makePassage(text, {
              id: `${id}-${coder}-${++k}`,
              start: at + 2,
              end: at + 12 + Math.floor(rnd() * 30),
              themeIds: unique,
              author: coder,
              now: base.createdAt,
            }),
          )
        at += p.length + 2
      })
    }
    passages.sort((x, y) => x.start - y.start)
    entries.push({
      id,
      title: TITLES[a % TITLES.length]!,
      sourceFileName: `${id}.txt`,
      sha256: sha256Hex(text),
      chars: text.length,
      addedAt: base.createdAt,
      attributes: { language: 'fr' },
      passageCount: passages.length,
    })
    articles.set(id, { id, text, passages, ui: { scrollTop: 0 }, updatedAt: base.createdAt })
  }
  return {
    ...base,
    id: `seeded-study-${seed}`,
    meta: {
      ...base.meta,
      codebook: themeList,
      articles: entries,
      coders: coders.map((name) => ({ name, opened: opened.get(name)! })),
    },
    articles,
  }
}
