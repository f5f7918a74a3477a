// Segments of the whole article, computed in one sweep and split by
// paragraph. A paragraph whose segments did not change keeps the same array,
// so its memoized component skips rendering.
import { useMemo, useRef } from 'react'
import { computeSegments, type Segment } from '../../../../shared/model/segments'
import type { Passage } from '../../../../shared/model/schema'
import type { Paragraph } from '../../../../shared/model/text'

const sameSegments = (a: readonly Segment[], b: readonly Segment[]) =>
  a.length === b.length &&
  a.every((s, i) => {
    const t = b[i]!
    return (
      s.start === t.start &&
      s.end === t.end &&
      s.depth === t.depth &&
      s.themeIds.length === t.themeIds.length &&
      s.themeIds.every((id, k) => id === t.themeIds[k])
    )
  })

export function useParagraphSegments(
  textLength: number,
  paragraphs: readonly Paragraph[],
  passages: readonly Passage[],
  codebookOrder: readonly string[],
): Segment[][] {
  const previous = useRef<Segment[][]>([])
  return useMemo(() => {
    const cuts = paragraphs.flatMap((p) => [p.start, p.end])
    const all = computeSegments(0, textLength, passages, codebookOrder, cuts)
    let k = 0
    const next = paragraphs.map((p, i) => {
      while (k < all.length && all[k]!.end <= p.start) k++
      const own: Segment[] = []
      for (; k < all.length && all[k]!.start < p.end; k++) own.push(all[k]!)
      const old = previous.current[i]
      return old && sameSegments(old, own) ? old : own
    })
    previous.current = next
    return next
  }, [textLength, paragraphs, passages, codebookOrder])
}
