// Which highlight slot paints each theme. The painter has a fixed set of
// highlight names (MAX_THEMES slots, see highlight-styles.ts), and a slot's
// look is only its colour: themes of the same colour share a slot. A
// codebook of up to MAX_THEMES colours gives every theme a slot, whatever
// the article. A longer one (forty themes, each its own colour) gives the
// slots to the colours of the themes the article uses, in codebook order,
// so an article that uses up to MAX_THEMES colours is painted in full; the
// themes past that show as passages without their colour. Pure.
import type { Passage, Theme } from '@shared/model/schema'
import { MAX_THEMES } from './highlight-styles'

export interface PaintSlots {
  /** The slot of each theme that has one. */
  slotOf: ReadonlyMap<string, number>
  /** The colour of each slot. */
  colours: readonly string[]
}

const distinct = (themes: readonly Theme[]) => [
  ...new Set(themes.map((t) => t.colour.toLowerCase())),
]

/**
 * The slots for an article. `previous` is returned when nothing changed,
 * so that the painter, which redoes everything for new slots, does not.
 */
export function paintSlots(
  codebook: readonly Theme[],
  passages: readonly Passage[],
  previous?: PaintSlots,
): PaintSlots {
  let colours = distinct(codebook)
  if (colours.length > MAX_THEMES) {
    const used = new Set<string>()
    for (const p of passages) for (const id of p.themeIds) used.add(id)
    colours = distinct(codebook.filter((t) => used.has(t.id))).slice(0, MAX_THEMES)
  }
  const slot = new Map(colours.map((c, i) => [c, i]))
  const slotOf = new Map<string, number>()
  for (const t of codebook) {
    const s = slot.get(t.colour.toLowerCase())
    if (s !== undefined) slotOf.set(t.id, s)
  }
  if (
    previous &&
    previous.colours.length === colours.length &&
    previous.colours.every((c, i) => c === colours[i]) &&
    previous.slotOf.size === slotOf.size &&
    [...slotOf].every(([id, s]) => previous.slotOf.get(id) === s)
  )
    return previous
  return { slotOf, colours }
}

/** True when the slots depend on the article's passages (more colours than slots). */
export const slotsFollowPassages = (codebook: readonly Theme[]) =>
  distinct(codebook).length > MAX_THEMES
