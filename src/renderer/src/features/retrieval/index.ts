// Retrieval across the corpus: the Passages view (every passage of the
// session, filtered) and the corpus search, and opening their results in
// the article.
export { CorpusSearchView } from './CorpusSearchView'
export { PassagesView } from './PassagesView'
export { forgetRetrieval } from './retrieval-memory'
export { useJump, type Jump } from './use-jump'
import './retrieval.css'
