// Which paragraphs are inside the scroller's viewport: a binary search over
// their positions, so culling costs O(log n) for thousands of paragraphs.

export function visibleParagraphs(
  paragraphs: ArrayLike<HTMLElement>,
  scroller: HTMLElement,
): [number, number] {
  const n = paragraphs.length
  if (n === 0) return [0, -1]
  const top = scroller.getBoundingClientRect().top
  const height = scroller.clientHeight
  // First paragraph whose bottom is below the viewport's top.
  const firstBelow = (y: number) => {
    let lo = 0
    let hi = n - 1
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (paragraphs[mid]!.getBoundingClientRect().bottom - top < y) lo = mid + 1
      else hi = mid
    }
    return lo
  }
  return [firstBelow(0), firstBelow(height)]
}
