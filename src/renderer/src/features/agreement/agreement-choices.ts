// What the analyst chose to compare in the Agreement view (unit of analysis,
// coders, themes, articles) and the request main computes from it. The
// coders offered are the session's (meta.coders), the consensus layer aside:
// it is what coders agreed on, not one of them. Remembered per session while
// Gloss runs, so that coming back from a disagreement shows the same
// figures. Pure, apart from that memory; never renders.
import type { AgreementRequestArg as AgreementRequest } from '@shared/ipc/methods'
import type { UnitKind } from '@shared/agreement/units'
import { CONSENSUS_CODER, type CoderRecord, type CorpusMeta } from '@shared/model/corpus'
import {
  articleMatcher,
  isArticleFilterEmpty,
  type ArticleFilter,
} from '@shared/model/corpus-query'

export interface AgreementChoices {
  unit: UnitKind
  coders: string[]
  /** 'all', or the ids of the themes chosen. */
  themes: 'all' | string[]
  /** The whole session, or the articles the articles panel's filter lets through. */
  scope: 'session' | 'filtered'
}

/** The session's coders whose agreement can be computed. */
export function sessionCoders(meta: Pick<CorpusMeta, 'coders'>): CoderRecord[] {
  return (meta.coders ?? []).filter((c) => c.name !== CONSENSUS_CODER)
}

export function defaultChoices(meta: Pick<CorpusMeta, 'coders'>): AgreementChoices {
  return {
    unit: 'paragraph',
    coders: sessionCoders(meta).map((c) => c.name),
    themes: 'all',
    scope: 'session',
  }
}

/** The articles the filter lets through, or null when no filter is set. */
export function filteredArticleIds(
  meta: Pick<CorpusMeta, 'articles' | 'attributeDefs'>,
  filter: ArticleFilter,
): string[] | null {
  if (isArticleFilterEmpty(filter)) return null
  const match = articleMatcher(filter, meta.attributeDefs)
  return meta.articles.filter(match).map((a) => a.id)
}

/** Why the choices cannot be computed (a message key), or null. */
export function choicesProblem(
  choices: AgreementChoices,
): 'agreement.coders.atLeastTwo' | 'agreement.themes.none' | null {
  if (choices.coders.length < 2) return 'agreement.coders.atLeastTwo'
  if (choices.themes !== 'all' && choices.themes.length === 0) return 'agreement.themes.none'
  return null
}

/** The request of the choices: coders and themes in the session's order. */
export function requestOf(
  choices: AgreementChoices,
  meta: Pick<CorpusMeta, 'codebook' | 'coders' | 'articles' | 'attributeDefs'>,
  filter: ArticleFilter,
): AgreementRequest {
  const chosen = new Set(choices.coders)
  const themes = choices.themes
  return {
    unit: choices.unit,
    coders: sessionCoders(meta)
      .map((c) => c.name)
      .filter((name) => chosen.has(name)),
    themeIds:
      themes === 'all' ? null : meta.codebook.map((t) => t.id).filter((id) => themes.includes(id)),
    articleIds: choices.scope === 'filtered' ? filteredArticleIds(meta, filter) : null,
  }
}

const memory = new Map<string, AgreementChoices>()

/** The choices last made for the session (or the defaults), kept to what the session still has. */
export function recallChoices(
  sessionId: string,
  meta: Pick<CorpusMeta, 'coders' | 'codebook'>,
): AgreementChoices {
  const kept = memory.get(sessionId)
  if (!kept) return defaultChoices(meta)
  const coders = new Set(sessionCoders(meta).map((c) => c.name))
  const themes = new Set(meta.codebook.map((t) => t.id))
  return {
    ...kept,
    coders: kept.coders.filter((c) => coders.has(c)),
    themes: kept.themes === 'all' ? 'all' : kept.themes.filter((id) => themes.has(id)),
  }
}

export function rememberChoices(sessionId: string, choices: AgreementChoices): void {
  memory.set(sessionId, choices)
}
