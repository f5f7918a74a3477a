// What other features may ask of the article: scroll to a passage or a search
// match, and where the view starts. They hold this handle (a React ref filled
// by ArticleView), never the article's elements.
import type { Span } from './highlight-painter'

export interface ArticleHandle {
  /** Scrolls so that the passage's start is a third from the top of the view. */
  scrollToPassage: (passage: { start: number }) => void
  /** Scrolls `span` into view (centred), unless it is already comfortably visible. */
  revealSpan: (span: Span) => void
  /** Text offset where the view starts (the first paragraph in view). */
  topOffset: () => number
}
