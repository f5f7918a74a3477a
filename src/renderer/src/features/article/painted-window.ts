// Which paragraphs the highlight painter covers: the visible ones and a small
// margin, a window that a scroll moves only when the view nears its edge.
// Pure: it takes the visible paragraphs and the current window, never the DOM.

/**
 * Paragraphs painted beyond the visible ones, above and below, and how close
 * the visible ones may come to the edge of the painted window before it moves.
 * Chromium rebuilds the markers of every registered range, and repaints the
 * text under them, whenever the highlights, the DOM or the styles change
 * anywhere in the document: so the window is small (every sidebar update,
 * edit and scrolled frame pays for it), and a scroll moves it only when the
 * view nears its edge (docs/performance.md has the measurements).
 */
export const MARGIN = 2
export const GUARD = 1

/**
 * The paragraphs to paint for the visible ones: the current window while they
 * stay GUARD paragraphs inside it, else a new one MARGIN wider on each side.
 */
export function windowFor(
  [first, last]: [number, number],
  current: [number, number] | null = null,
): [number, number] {
  if (current && first - GUARD >= current[0] && last + GUARD <= current[1]) return current
  return [first - MARGIN, last + MARGIN]
}
