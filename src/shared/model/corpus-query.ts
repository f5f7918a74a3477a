// Questions asked of a whole corpus in memory (main holds every article).
// Pure: no DOM, no Node, no Electron.
import type { ArticleEntry, AttributeDef } from './corpus'
import type { CorpusState } from './corpus-edits'
import type { Passage } from './schema'

/** Every passage of the corpus with its article's id, article by article in list order. */
export function* corpusPassages(
  state: Pick<CorpusState, 'meta' | 'articles'>,
): Generator<Passage & { articleId: string }> {
  for (const entry of state.meta.articles) {
    const article = state.articles.get(entry.id)
    if (!article) continue
    for (const p of article.passages) yield { ...p, articleId: entry.id }
  }
}

/** A condition on one attribute of the articles. */
export type AttributeCondition =
  /** The value is one of these (exact; '' matches an empty value). */
  | { attribute: string; kind: 'in'; values: string[] }
  /** Dates (YYYY-MM-DD) or numbers within [from, to]; either end may be absent. */
  | { attribute: string; kind: 'range'; from?: string; to?: string }
  /** The value contains this text (accent- and case-insensitive). */
  | { attribute: string; kind: 'contains'; text: string }

/** Which articles an analyst is looking at: the articles panel's filter, also used by exports and the summary. */
export interface ArticleFilter {
  /** Text in the title (accent- and case-insensitive); '' for any. */
  title: string
  /** All conditions must hold. */
  conditions: AttributeCondition[]
  /** Coded: has at least one passage. */
  coded: 'any' | 'coded' | 'uncoded'
}

export const NO_ARTICLE_FILTER: ArticleFilter = { title: '', conditions: [], coded: 'any' }

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()

/** The value of an attribute of an article ('title' included); '' when it has none. */
export function attributeOf(entry: ArticleEntry, attribute: string): string {
  return attribute === 'title' ? entry.title : (entry.attributes[attribute] ?? '')
}

/** A predicate for `filter`, types taken from the session's attribute definitions. */
export function articleMatcher(
  filter: ArticleFilter,
  defs: readonly AttributeDef[] = [],
): (entry: ArticleEntry) => boolean {
  const title = fold(filter.title.trim())
  const numeric = new Set(defs.filter((d) => d.type === 'number').map((d) => d.id))
  const tests = filter.conditions.map((c): ((e: ArticleEntry) => boolean) => {
    switch (c.kind) {
      case 'in': {
        const values = new Set(c.values)
        return (e) => values.has(attributeOf(e, c.attribute))
      }
      case 'contains': {
        const text = fold(c.text.trim())
        return (e) => fold(attributeOf(e, c.attribute)).includes(text)
      }
      case 'range': {
        if (numeric.has(c.attribute)) {
          const from = c.from === undefined || c.from === '' ? -Infinity : Number(c.from)
          const to = c.to === undefined || c.to === '' ? Infinity : Number(c.to)
          return (e) => {
            const v = attributeOf(e, c.attribute)
            if (v === '') return false
            const n = Number(v)
            return n >= from && n <= to
          }
        }
        return (e) => {
          const v = attributeOf(e, c.attribute)
          if (v === '') return false
          return (!c.from || v >= c.from) && (!c.to || v <= c.to)
        }
      }
    }
  })
  return (e) =>
    (filter.coded === 'any' || (filter.coded === 'coded') === e.passageCount > 0) &&
    (title === '' || fold(e.title).includes(title)) &&
    tests.every((t) => t(e))
}

/** True when the filter lets every article through. */
export function isArticleFilterEmpty(filter: ArticleFilter): boolean {
  return filter.title.trim() === '' && filter.conditions.length === 0 && filter.coded === 'any'
}

/** zod schema of an ArticleFilter, for IPC arguments. */
export { articleFilterSchema } from './corpus-filter-schema'
