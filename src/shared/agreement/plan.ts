// A request of the Agreement view checked against a session: two coders or
// more, each once; themes of the codebook (all by default); articles of the
// session (all by default), with their texts and passages; and who coded
// what: a coder coded an article when the article is in the coder's
// record's `opened` list (corpus.ts, meta.coders) OR the coder has at least
// one passage in it (codedRule). Pure: no DOM, no Node.
import type { ArticleData, CoderRecord, CorpusMeta } from '../model/corpus'
import type { AgreementArticle, UnitKind } from './units'

export const UNIT_KINDS: readonly UnitKind[] = ['article', 'paragraph', 'sentence', 'characters']

export interface AgreementRequest {
  unit: UnitKind
  /** passage.author values compared, two or more. */
  coders: readonly string[]
  /** The themes, in this order; null or absent: every theme of the codebook. */
  themeIds?: readonly string[] | null
  /** The articles in scope; null or absent: the whole session. */
  articleIds?: readonly string[] | null
}

/** Why a request cannot be computed. */
export type AgreementProblem =
  | { kind: 'fewer-than-two-coders' }
  | { kind: 'coder-twice'; coder: string }
  | { kind: 'unknown-theme'; themeId: string }
  | { kind: 'unknown-article'; articleId: string }
  | { kind: 'no-themes' }

/** What agreementSteps works on: the request checked and resolved against the session. */
export interface AgreementInput {
  unit: UnitKind
  coders: string[]
  themeIds: string[]
  articles: AgreementArticle[]
  coded: (articleId: string, coder: string) => boolean
}

/**
 * Whether `coder` coded `articleId`: the article is in the coder's `opened`
 * list, or the coder has a passage in it. Built once for the coders asked.
 */
export function codedRule(
  records: readonly CoderRecord[] | undefined,
  coders: readonly string[],
  articles: readonly Pick<AgreementArticle, 'id' | 'passages'>[],
): (articleId: string, coder: string) => boolean {
  const coded = new Map(coders.map((c) => [c, new Set<string>()]))
  for (const record of records ?? []) {
    const set = coded.get(record.name)
    if (set) for (const id of record.opened) set.add(id)
  }
  for (const article of articles)
    for (const p of article.passages) coded.get(p.author)?.add(article.id)
  return (articleId, coder) => coded.get(coder)?.has(articleId) ?? false
}

/** Checks a request against the session and resolves its themes and articles. */
export function planAgreement(
  request: AgreementRequest,
  meta: Pick<CorpusMeta, 'codebook' | 'articles' | 'coders'>,
  articles: ReadonlyMap<string, Pick<ArticleData, 'text' | 'passages'>>,
): { ok: true; input: AgreementInput } | { ok: false; problem: AgreementProblem } {
  const coders = [...request.coders]
  if (coders.length < 2) return { ok: false, problem: { kind: 'fewer-than-two-coders' } }
  const twice = coders.find((c, i) => coders.indexOf(c) !== i)
  if (twice !== undefined) return { ok: false, problem: { kind: 'coder-twice', coder: twice } }
  const codebook = new Set(meta.codebook.map((t) => t.id))
  const themeIds = request.themeIds ? [...new Set(request.themeIds)] : [...codebook]
  const unknownTheme = themeIds.find((id) => !codebook.has(id))
  if (unknownTheme !== undefined)
    return { ok: false, problem: { kind: 'unknown-theme', themeId: unknownTheme } }
  if (themeIds.length === 0) return { ok: false, problem: { kind: 'no-themes' } }
  let entries = meta.articles
  if (request.articleIds) {
    const wanted = new Set(request.articleIds)
    const known = new Set(entries.map((a) => a.id))
    const unknown = request.articleIds.find((id) => !known.has(id))
    if (unknown !== undefined)
      return { ok: false, problem: { kind: 'unknown-article', articleId: unknown } }
    entries = entries.filter((a) => wanted.has(a.id))
  }
  const inScope: AgreementArticle[] = []
  for (const entry of entries) {
    // An article whose file could not be read (the session is then read-only) has no units.
    const data = articles.get(entry.id)
    if (!data) continue
    inScope.push({
      id: entry.id,
      text: data.text,
      language: entry.attributes.language ?? '',
      passages: data.passages,
    })
  }
  return {
    ok: true,
    input: {
      unit: request.unit,
      coders,
      themeIds,
      articles: inScope,
      coded: codedRule(meta.coders, coders, inScope),
    },
  }
}

/** A problem in English (tests, logs; main sends its own messages). */
export function problemText(problem: AgreementProblem): string {
  switch (problem.kind) {
    case 'fewer-than-two-coders':
      return 'Agreement needs two coders or more'
    case 'coder-twice':
      return `The coder ${problem.coder} is listed twice`
    case 'unknown-theme':
      return `The theme ${problem.themeId} is not in the codebook`
    case 'unknown-article':
      return `The article ${problem.articleId} is not in the session`
    case 'no-themes':
      return 'Choose at least one theme'
  }
}
