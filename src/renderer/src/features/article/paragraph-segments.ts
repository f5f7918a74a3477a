// The segments of each paragraph (stretches over which the covering passages
// do not change: what the painter paints), computed on demand for the
// paragraphs being painted only, from an interval index of the passages. An
// edit therefore costs the few paragraphs near the viewport, not a sweep over
// every passage of the session. With a coder slot per passage (two or more
// coders shown), the segments also carry each coder's themes.
import { computeLayeredSegments } from '@shared/model/coder-segments'
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
    /** A passage's coder slot, when coders are shown apart. */
    private readonly coderSlotOf?: (p: Passage) => number,
  ) {
    this.index = new PassageIndex(passages)
  }

  /** Segments of paragraph `i` (empty for an index out of range). */
  of(i: number): readonly Segment[] {
    let segments = this.cache.get(i)
    if (!segments) {
      const p = this.paragraphs[i]
      const passages = p ? this.index.overlapping(p.start, p.end) : []
      segments = !p
        ? []
        : this.coderSlotOf
          ? computeLayeredSegments(p.start, p.end, passages, this.codebookOrder, this.coderSlotOf)
          : computeSegments(p.start, p.end, passages, this.codebookOrder)
      this.cache.set(i, segments)
    }
    return segments
  }
}
