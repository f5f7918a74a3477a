// How many articles the session's filter lets through (for the summary's
// and the export chooser's "filtered articles"), or null when no filter is set.
import type { CorpusMeta } from '@shared/model/corpus'
import {
  articleMatcher,
  isArticleFilterEmpty,
  type ArticleFilter,
} from '@shared/model/corpus-query'

export function filteredCount(
  meta: Pick<CorpusMeta, 'articles' | 'attributeDefs'>,
  filter: ArticleFilter,
): number | null {
  if (isArticleFilterEmpty(filter)) return null
  return meta.articles.filter(articleMatcher(filter, meta.attributeDefs)).length
}
