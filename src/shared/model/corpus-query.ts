// Questions asked of a whole corpus in memory (main holds every article).
// Pure: no DOM, no Node, no Electron.
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
