// Colours offered for new themes: the Okabe–Ito palette the default codebook
// uses (distinguishable with the common colour-blindnesses), then greys.
import type { Theme } from '@shared/model/schema'

export const PALETTE = [
  '#009E73',
  '#E69F00',
  '#CC79A7',
  '#0072B2',
  '#D55E00',
  '#56B4E9',
  '#F0E442',
  '#000000',
  '#999999',
] as const

/** The first palette colour no theme uses yet (or the first one). */
export function nextColour(codebook: readonly Theme[]): string {
  const used = new Set(codebook.map((t) => t.colour.toLowerCase()))
  return PALETTE.find((c) => !used.has(c.toLowerCase())) ?? PALETTE[0]
}

/** An <input type="color"> value: lower-case #rrggbb. */
export const toInputColour = (colour: string) => colour.toLowerCase()
