// Opening a result of the retrieval views in its article: switch to the
// article (main loads it), then, once the session view shows that article,
// show the passage (select, scroll, flash) or the match (the article search
// on it). The second step waits for the render that mounts the article,
// because scrolling goes through the new article's handle.
import { useLayoutEffect, useRef, useState } from 'react'
import type { SearchOptions } from '@shared/model/search'
import { useLatest } from '@renderer/lib/use-latest'

export type Jump =
  | { articleId: string; passageId: string }
  | {
      articleId: string
      match: { start: number; end: number }
      query: string
      options: SearchOptions
    }

export function useJump(
  /** The article the session view shows now. */
  articleId: string,
  switchArticle: (articleId: string) => Promise<boolean>,
  /** Shows the passage or match in the article now shown. */
  show: (jump: Jump) => void,
): (jump: Jump) => Promise<boolean> {
  const pending = useRef<Jump | null>(null)
  const latest = useLatest({ articleId, switchArticle, show })

  // After every render: the article asked for is shown (its handle is set, children first).
  useLayoutEffect(() => {
    const jump = pending.current
    if (jump && jump.articleId === articleId) {
      pending.current = null
      show(jump)
    }
  })

  // One function for the life of the view; it reads the last render's values.
  const [go] = useState(() => async (jump: Jump) => {
    const now = latest.current
    if (jump.articleId === now.articleId) {
      now.show(jump)
      return true
    }
    pending.current = jump
    const switched = await now.switchArticle(jump.articleId)
    if (!switched && pending.current === jump) pending.current = null
    return switched
  })
  return go
}
