// How each coder's passages are told apart when the article shows two or
// more coders: the theme keeps its colour, and the coder gives the line its
// style (solid, dashed, dotted, double, wavy; past the fifth coder, every
// other coder shares a thin line). A coder's slot is its place in the
// session's order of coders (shared/model/session-coders.ts), so that it keeps its
// mark whichever article is open and whichever coders are hidden. Read by
// the article's painter (the ::highlight() rules) and the Coders control's
// legend. Pure data: no DOM.
export const MAX_CODER_SLOTS = 6

export interface CoderMark {
  /** The text-decoration-style of the coder's underlines. */
  style: 'solid' | 'dashed' | 'dotted' | 'double' | 'wavy'
  /** Its thickness (px): a double or wavy line takes more height for the same weight. */
  thickness: number
}

/** Slot i's mark; the last one is shared by every coder past the fifth. */
export const CODER_MARKS: readonly CoderMark[] = [
  { style: 'solid', thickness: 2 },
  { style: 'dashed', thickness: 2 },
  { style: 'dotted', thickness: 2 },
  { style: 'double', thickness: 1 },
  { style: 'wavy', thickness: 1.2 },
  { style: 'solid', thickness: 1 },
]

/**
 * The distance (px) between two coder bars, and the article's line height
 * while coders are shown apart: thinner lines than the themes' 3 px bars,
 * with a gap between them, so that a dashed line is not read as part of the
 * solid one above it; the taller lines keep four bars off the next line.
 */
export const CODER_BAR_PITCH = 5
export const CODER_LINE_HEIGHT = 2

/** The slot of each coder of `coders` (the session's order): its index, the later ones sharing the last. */
export function coderSlots(coders: readonly string[]): ReadonlyMap<string, number> {
  return new Map(coders.map((name, i) => [name, Math.min(i, MAX_CODER_SLOTS - 1)]))
}

/** The CSS declarations of a mark's underline, in `colour`. */
export function coderDecoration(slot: number, colour: string): string {
  const mark = CODER_MARKS[Math.min(slot, MAX_CODER_SLOTS - 1)]!
  return `text-decoration: underline ${mark.style} ${colour}; text-decoration-thickness: ${mark.thickness}px;`
}
