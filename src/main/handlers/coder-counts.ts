// The coders of a session, answered in main because main holds every
// article (the renderer holds the open one): each coder's name, passages
// and articles opened, in the session's order (shared/model/coders.ts).
// Counted per article passage list and kept while the list is the same
// (an edit gives its article a new list), so that asking again after an
// edit counts one article, not 200,000 passages. Never changes a session.
import { ok } from '@shared/api'
import { coderCounts, countAuthors } from '@shared/model/session-coders'
import type { Passage } from '@shared/model/schema'
import type { HandlerGroup } from './context'

const perList = new WeakMap<readonly Passage[], Map<string, number>>()

/** Passages per author of one article's list. */
function authorsOf(passages: readonly Passage[]): Map<string, number> {
  let counts = perList.get(passages)
  if (!counts) perList.set(passages, (counts = countAuthors([passages])))
  return counts
}

export const coderCountHandlers: HandlerGroup<'coders'> = ({ sessions }) => ({
  coders: (sessionId) =>
    sessions.withOpen(sessionId, ({ state }) => {
      const totals = new Map<string, number>()
      for (const article of state.articles.values())
        for (const [author, n] of authorsOf(article.passages))
          totals.set(author, (totals.get(author) ?? 0) + n)
      return Promise.resolve(ok(coderCounts(state.meta, totals)))
    }),
})
