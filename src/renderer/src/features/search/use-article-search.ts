// State of the article search: open or not, the query and its options, every
// match (computed over the whole text, folded once per text and options) and
// the current one. A new query starts at the first match from where the
// analyst is reading (the current match, else the top of the viewport).
// Closing clears the highlights but keeps the query for the next Ctrl/Cmd+F.
// The current match is scrolled into view through the article's handle.
// Whether the bar is open is the 'search' overlay of state/overlay-store.
import { useCallback, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react'
import {
  DEFAULT_SEARCH_OPTIONS,
  findMatches,
  firstMatchFrom,
  foldText,
  type SearchOptions,
  type TextMatch,
} from '@shared/model/search'
import type { ArticleHandle, ArticleSearchMarks } from '@renderer/features/article'
import { isOpen, overlays } from '@renderer/state/overlay-store'
import { useOverlays } from '@renderer/state/use-overlays'

export interface ArticleSearch {
  open: boolean
  query: string
  options: SearchOptions
  matches: readonly TextMatch[]
  /** Index of the current match, -1 when there is none. */
  current: number
  /** What the article paints; undefined while the bar is closed. */
  marks: ArticleSearchMarks | undefined
  inputRef: RefObject<HTMLInputElement | null>
  /** Opens the bar (or focuses it) with the query selected. */
  show: () => void
  /** Opens the bar on `query` with `options`, the current match the one at `start` (from the corpus search). */
  showMatch: (query: string, options: SearchOptions, start: number) => void
  close: () => void
  setQuery: (query: string) => void
  setOptions: (options: SearchOptions) => void
  /** Moves to the next (1) or previous (-1) match, wrapping around. */
  step: (direction: 1 | -1) => void
}

export function useArticleSearch(
  text: string,
  article: RefObject<ArticleHandle | null>,
): ArticleSearch {
  const open = isOpen(useOverlays(), 'search')
  const [query, setQueryState] = useState('')
  const [options, setOptionsState] = useState<SearchOptions>(DEFAULT_SEARCH_OPTIONS)
  const [anchor, setAnchor] = useState(0)
  const [chosen, setChosen] = useState<number | null>(null)
  const [reveal, setReveal] = useState(0)
  const inputRef = useRef<HTMLInputElement>(null)
  const focusBefore = useRef<Element | null>(null)

  const folded = useMemo(() => (open ? foldText(text, options) : null), [open, text, options])
  const matches = useMemo(
    () => (folded && query ? findMatches(folded, query) : []),
    [folded, query],
  )
  const current =
    matches.length === 0
      ? -1
      : chosen !== null && chosen < matches.length
        ? chosen
        : firstMatchFrom(matches, anchor)
  const currentMatch = current >= 0 ? matches[current] : undefined
  const currentStart = currentMatch ? currentMatch.start : null
  const articleTopOffset = useCallback(() => article.current?.topOffset() ?? 0, [article])

  // Where a changed query or option starts looking from.
  const restart = useCallback(() => {
    setAnchor(currentStart ?? articleTopOffset())
    setChosen(null)
    setReveal((r) => r + 1)
  }, [currentStart, articleTopOffset])

  const show = useCallback(() => {
    if (!open) {
      focusBefore.current = document.activeElement
      overlays.open('search')
      setAnchor(articleTopOffset())
      setChosen(null)
      setReveal((r) => r + 1)
    }
    // Already open: focus now; just opened: the bar focuses itself when it mounts.
    inputRef.current?.focus()
    inputRef.current?.select()
  }, [open, articleTopOffset])

  const showMatch = useCallback(
    (q: string, o: SearchOptions, start: number) => {
      if (!open) focusBefore.current = document.activeElement
      overlays.open('search')
      setQueryState(q)
      setOptionsState(o)
      setAnchor(start)
      setChosen(null)
      setReveal((r) => r + 1)
      inputRef.current?.focus()
    },
    [open],
  )

  const close = useCallback(() => {
    overlays.close('search')
    const before = focusBefore.current
    focusBefore.current = null
    if (before instanceof HTMLElement && before.isConnected && before !== document.body)
      before.focus()
  }, [])

  const setQuery = useCallback(
    (q: string) => {
      setQueryState(q)
      restart()
    },
    [restart],
  )

  const setOptions = useCallback(
    (o: SearchOptions) => {
      setOptionsState(o)
      restart()
    },
    [restart],
  )

  const step = useCallback(
    (direction: 1 | -1) => {
      const n = matches.length
      if (n === 0) return
      setChosen((current + direction + n) % n)
      setReveal((r) => r + 1)
    },
    [matches.length, current],
  )

  const marks = useMemo(() => (open ? { matches, current } : undefined), [open, matches, current])

  // Bring the current match into view whenever it changes or is asked for
  // again (the article's scroll event repaints). Runs after the article has
  // painted the new marks (a child's layout effects run first).
  useLayoutEffect(() => {
    if (open && currentMatch) article.current?.revealSpan(currentMatch)
  }, [article, open, currentMatch, reveal])

  return {
    open,
    query,
    options,
    matches,
    current,
    marks,
    inputRef,
    show,
    showMatch,
    close,
    setQuery,
    setOptions,
    step,
  }
}
