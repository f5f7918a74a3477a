// An export of some coders' passages only (the export chooser's "filtered"
// scope while coders are hidden): the corpus as the exports read it, its
// articles in scope holding only those coders' passages. Every export
// (per passage, tidy, matrix) then counts and writes what it is given, as
// for the whole session. Never changes the corpus it is given.
import type { ArticleData, ArticleEntry } from '@shared/model/corpus'
import type { CorpusInput } from './corpus-csv'

/**
 * `state` with the articles of `entries` keeping only the passages of
 * `coders` (their `author`); the same state when `coders` is absent.
 */
export function withCodersOnly<S extends CorpusInput>(
  state: S,
  entries: readonly ArticleEntry[],
  coders: readonly string[] | null | undefined,
): S {
  if (!coders) return state
  const keep = new Set(coders)
  const articles = new Map<string, ArticleData>()
  for (const entry of entries) {
    const article = state.articles.get(entry.id)
    if (article)
      articles.set(entry.id, {
        ...article,
        passages: article.passages.filter((p) => keep.has(p.author)),
      })
  }
  return { ...state, articles }
}
