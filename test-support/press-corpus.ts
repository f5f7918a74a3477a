// A small press corpus written as a real session folder (format 2) by
// Gloss's own writer: articles with French headlines, outlets, publication
// dates and (for some) passages, so that specs and screenshots open a
// session of many articles through "Open session…". Seeded: the same
// corpus every time.
import { join } from 'node:path'
import type { ArticleData, ArticleEntry } from '../src/shared/model/corpus'
import type { CorpusState } from '../src/shared/model/corpus-edits'
import { sha256Hex } from '../src/main/store/hash'
import { CODEBOOK, generateArticle, generatePassages, prng, TIME } from './generate'
import { writeCorpus } from './write-corpus'

const HEADLINES = [
  'Grève à la SNCF : le trafic fortement perturbé',
  'Réforme des retraites, le gouvernement tient bon',
  'La BCE relève encore ses taux directeurs',
  'Inflation : les prix alimentaires ralentissent',
  'Le Sénat adopte la loi sur l’industrie verte',
  'Intelligence artificielle : Paris veut son champion',
  'Les syndicats appellent à une nouvelle journée',
  'Logement : la construction au plus bas depuis dix ans',
  'Énergie : EDF prévoit une production nucléaire en hausse',
  'Agriculteurs en colère devant les préfectures',
  'Le chômage repart légèrement à la hausse',
  'Budget 2026 : les économies promises à Bercy',
  'Les start-up françaises lèvent moins d’argent',
  'Transports : la gratuité fait débat à Montpellier',
  'Santé : l’hôpital public à bout de souffle',
  'Climat : un été record pour les incendies',
  'Éducation nationale, la réforme du collège contestée',
  'Le patronat réclame une baisse des charges',
  'Fusion dans les télécoms : Bruxelles enquête',
  'Les banques régionales sous pression',
  'Immigration : le texte revient à l’Assemblée',
  'Salaires : la prime de partage de la valeur prolongée',
  'Automobile : le virage électrique coûte cher',
  'Tourisme : une saison record malgré la chaleur',
  'Le CAC 40 termine l’année en hausse',
  'Défense : la loi de programmation votée',
  'Médias : la presse régionale se réorganise',
  'Cybersécurité : une attaque vise des hôpitaux',
  'Retraites complémentaires : accord trouvé',
  'Les négociations salariales s’enlisent',
]
const OUTLETS = ['Le Monde', 'Libération', 'Le Figaro', 'Les Échos', 'Ouest-France', 'La Croix']

export interface PressCorpus {
  /** The session folder (open it, or its session.json, with "Open session…"). */
  dir: string
  titles: string[]
}

/** Writes `count` articles (at most 30 headlines, then numbered) into `<parent>/Presse.gloss`. */
export async function writePressCorpus(parent: string, count = 30): Promise<PressCorpus> {
  const rnd = prng(2026)
  const meta: ArticleEntry[] = []
  const articles = new Map<string, ArticleData>()
  for (let i = 0; i < count; i++) {
    const id = `article-${String(i).padStart(3, '0')}`
    const text = generateArticle(100 + i, 8 + Math.floor(rnd() * 10))
    const coded = rnd() < 0.6
    const passages = coded ? generatePassages(text, 1 + Math.floor(rnd() * 14), 500 + i) : []
    const month = 1 + Math.floor(rnd() * 12)
    const day = 1 + Math.floor(rnd() * 28)
    const year = rnd() < 0.3 ? 2025 : 2026
    const published = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
    meta.push({
      id,
      title: HEADLINES[i] ?? `Dépêche ${i + 1}`,
      sourceFileName: `depeche-${i + 1}.txt`,
      sha256: sha256Hex(text),
      chars: text.length,
      addedAt: TIME,
      // A few articles have no date yet: they sort last.
      attributes: {
        outlet: OUTLETS[Math.floor(rnd() * OUTLETS.length)]!,
        ...(rnd() < 0.9 && { published }),
        language: 'fr',
      },
      passageCount: passages.length,
    })
    articles.set(id, { id, text, passages, ui: { scrollTop: 0 }, updatedAt: TIME })
  }
  const state: CorpusState = {
    id: 'press-corpus-0001',
    createdAt: TIME,
    updatedAt: TIME,
    meta: {
      codebook: CODEBOOK.map((t) => ({ ...t })),
      themeGroups: [],
      attributeDefs: [],
      articles: meta,
    },
    articles,
  }
  const dir = join(parent, 'Presse.gloss')
  await writeCorpus(dir, state, meta[0]!.id)
  return { dir, titles: meta.map((a) => a.title) }
}
