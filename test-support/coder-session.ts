// A small session for the coder tests: two or three articles of short
// French press text, a codebook of four themes, passages by the analyst.
// Pure (no Node): shared, main and e2e tests build on it. Test support only.
import type { ArticleData, ArticleEntry } from '@shared/model/corpus'
import type { CorpusState } from '@shared/model/corpus-edits'
import type { Theme } from '@shared/model/schema'
import { tagged } from './coder-copy'
import { sha256Hex } from './sha256'

export const SESSION_TIME = '2026-12-01T09:00:00.000Z'
export const ANALYST = 'analyst'

export const CODER_THEMES: Theme[] = [
  { id: 'wages', name: 'Wages', colour: '#009E73', key: '1' },
  { id: 'strike', name: 'Strike', colour: '#E69F00', key: '2' },
  { id: 'risk', name: 'Risk', colour: '#0072B2', key: '3' },
  { id: 'state', name: 'State', colour: '#CC79A7', key: '4' },
]

export const ARTICLE_TEXTS = {
  refinery:
    'La grève des raffineries entre dans sa deuxième semaine. Les salariés demandent une hausse des salaires de 10 %.\n' +
    'Le gouvernement envisage des réquisitions. Les stations-service manquent de carburant dans le Nord.',
  rail:
    'Les cheminots votent la reconduction du mouvement. La direction de la SNCF propose une prime.\n' +
    'Le ministre des Transports appelle au dialogue. Les usagers s’organisent en covoiturage.',
  hospital:
    'À l’hôpital, les soignants dénoncent le manque de lits. Le risque de fermeture des urgences inquiète.',
} as const

/** A session of the given articles (default: the refinery and the rail strike), with no passage. */
export function coderSession(
  names: readonly (keyof typeof ARTICLE_TEXTS)[] = ['refinery', 'rail'],
  id = 'session-strikes',
): CorpusState {
  const entries: ArticleEntry[] = []
  const articles = new Map<string, ArticleData>()
  for (const name of names) {
    const text = ARTICLE_TEXTS[name]
    entries.push({
      id: name,
      title: `Article ${name}`,
      sourceFileName: `${name}.txt`,
      sha256: sha256Hex(text),
      chars: text.length,
      addedAt: SESSION_TIME,
      attributes: {},
      passageCount: 0,
    })
    articles.set(name, {
      id: name,
      text,
      passages: [],
      ui: { scrollTop: 0 },
      updatedAt: SESSION_TIME,
    })
  }
  return {
    id,
    createdAt: SESSION_TIME,
    updatedAt: SESSION_TIME,
    meta: {
      codebook: CODER_THEMES.map((t) => ({ ...t })),
      themeGroups: [],
      attributeDefs: [],
      articles: entries,
    },
    articles,
  }
}

/** The session with two passages of the analyst's own in the refinery article. */
export function codedSession(): CorpusState {
  return tagged(
    coderSession(),
    'refinery',
    ANALYST,
    [
      { quote: 'grève des raffineries', themes: ['strike'] },
      { quote: 'réquisitions', themes: ['state'] },
    ],
    SESSION_TIME,
  )
}
