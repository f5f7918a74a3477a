// Segments that also say whose passages cover them: when the article shows
// two or more coders, each coder's themes are drawn in the coder's own mark,
// so a stretch of text must know, per coder, which themes its passages give
// there. Each coder's passages are swept alone (segments.ts), then the
// sweeps are merged at the union of their boundaries: the cost is that of
// the plain sweep plus one merge, and the theme arrays stay of codebook
// size (a coder × theme sweep would multiply them by the coders).
// Pure: no DOM, no Node.
import type { Passage } from './schema'
import { computeSegments, type Segment } from './segments'

/** One coder's passages over a segment. */
export interface CoderLayer {
  /** The coder's slot (its place among the session's coders, see session-coders.ts). */
  slot: number
  /** The themes its passages give the segment, in codebook order (empty: untagged passages). */
  themeIds: readonly string[]
}

export interface LayeredSegment extends Segment {
  /** The coders whose passages cover the segment, by slot ascending (coders of one slot merged). */
  layers: readonly CoderLayer[]
}

/**
 * Segments of [from, to) as computeSegments makes them (same bounds, depth
 * and themes), each with its coder layers. `slotOf` gives a passage's
 * coder slot; passages of coders sharing a slot make one layer.
 */
export function computeLayeredSegments(
  from: number,
  to: number,
  passages: readonly Passage[],
  codebookOrder: readonly string[],
  slotOf: (p: Passage) => number,
): LayeredSegment[] {
  const bySlot = new Map<number, Passage[]>()
  for (const p of passages) {
    if (p.start >= to || p.end <= from) continue
    const slot = slotOf(p)
    let list = bySlot.get(slot)
    if (!list) bySlot.set(slot, (list = []))
    list.push(p)
  }
  const slots = [...bySlot.keys()].sort((a, b) => a - b)
  if (slots.length === 0) return [{ start: from, end: to, depth: 0, themeIds: [], layers: [] }]
  // Each coder's sweep covers [from, to) without gaps.
  const sweeps = slots.map((s) => computeSegments(from, to, bySlot.get(s)!, codebookOrder))
  const place = new Map(codebookOrder.map((id, i) => [id, i]))
  const at = sweeps.map(() => 0)
  const out: LayeredSegment[] = []
  let start = from
  while (start < to) {
    // The merged segment ends at the nearest end of the coders' current segments.
    let end = to
    for (let c = 0; c < sweeps.length; c++) end = Math.min(end, sweeps[c]![at[c]!]!.end)
    let depth = 0
    const layers: CoderLayer[] = []
    const themes = new Set<string>()
    for (let c = 0; c < sweeps.length; c++) {
      const seg = sweeps[c]![at[c]!]!
      if (seg.depth === 0) continue
      depth += seg.depth
      layers.push({ slot: slots[c]!, themeIds: seg.themeIds })
      for (const id of seg.themeIds) themes.add(id)
    }
    const themeIds =
      layers.length === 1
        ? [...layers[0]!.themeIds]
        : [...themes].sort((a, b) => place.get(a)! - place.get(b)!)
    out.push({ start, end, depth, themeIds, layers })
    for (let c = 0; c < sweeps.length; c++) if (sweeps[c]![at[c]!]!.end === end) at[c]!++
    start = end
  }
  return out
}
