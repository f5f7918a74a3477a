// The segments of each paragraph (stretches over which the covering passages
// do not change: what the painter paints), computed on demand for the
// paragraphs being painted only, from an interval index of the passages. An
// edit therefore costs the few paragraphs near the viewport, not a sweep over
// every passage of the session.
import { PassageIndex } from '@shared/model/interval-index'
import { computeSegments, type Segment } from '@shared/model/segments'
import type { Passage } from '@shared/model/schema'
import type { Paragraph } from '@shared/model/text'

export class ParagraphSegments {
  readonly index: PassageIndex
  private readonly cache = new Map<number, Segment[]>()

  constructor(
    passages: readonly Passage[],
    private readonly paragraphs: readonly Paragraph[],
    private readonly codebookOrder: readonly string[],
  ) {
    this.index = new PassageIndex(passages)
  }

  /** Segments of paragraph `i` (empty for an index out of range). */
  of(i: number): readonly Segment[] {
    let segments = this.cache.get(i)
    if (!segments) {
      const p = this.paragraphs[i]
      segments = p
        ? computeSegments(
            p.start,
            p.end,
            this.index.overlapping(p.start, p.end),
            this.codebookOrder,
          )
        : []
      this.cache.set(i, segments)
    }
    return segments
  }
}
