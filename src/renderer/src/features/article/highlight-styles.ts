// The stylesheet of the CSS Custom Highlight API names Gloss paints with: a
// FIXED set, whatever the number of passages. Per theme (by codebook slot
// i, see paint-slots.ts: a slot is a colour): a background tint `gloss-bg-i` for the first theme of a stretch of
// text, and underline bars `gloss-bar-i-k` in the theme's colour at stack
// position k, so every theme on every character shows. Plus overlap, hover,
// selected and flash marks, and the article search's matches (`gloss-search`)
// with the current one (`gloss-search-current`) on top of everything. Theme colours come from the codebook, so the
// rules are generated into a constructed stylesheet (CSSOM, allowed by the
// CSP; no inline <style>).
import { CODER_BAR_PITCH, coderDecoration, MAX_CODER_SLOTS } from '@renderer/lib/coder-marks'
import { hexToRgba } from '@renderer/lib/colour'
import type { Theme } from '@shared/model/schema'

export const MAX_THEMES = 9
export const BAR_STACK = 4
export const bgName = (slot: number) => `gloss-bg-${slot}`
export const barName = (slot: number, position: number) => `gloss-bar-${slot}-${position}`
export const MARKS = {
  overlap: 'gloss-overlap',
  untagged: 'gloss-untagged',
  hover: 'gloss-hover',
  selected: 'gloss-selected',
  flash: 'gloss-flash',
  search: 'gloss-search',
  searchCurrent: 'gloss-search-current',
} as const

/** Every highlight name, in paint order (later ones are painted on top). */
export function allHighlightNames(): string[] {
  return paintOrder(false)
}

/**
 * When two or more coders are shown, a bar is a theme's colour in a coder's
 * mark (lib/coder-marks.ts): `gloss-cbar-t-k-c` for theme slot t (or
 * UNTAGGED_SLOT, grey, for a coder's untagged passages) at stack position
 * k, coder slot c. They are registered only once coders are shown apart:
 * a session of one coder has exactly the names above.
 */
export const UNTAGGED_SLOT = MAX_THEMES
export const CODER_STACK = BAR_STACK
export const coderBarName = (themeSlot: number, position: number, coderSlot: number) =>
  `gloss-cbar-${themeSlot}-${position}-${coderSlot}`

/** The coder bar names of the coder slots given, in paint order. */
export function coderHighlightNames(coderSlots: readonly number[]): string[] {
  const names: string[] = []
  for (let k = 0; k < CODER_STACK; k++)
    for (const c of coderSlots)
      for (let t = 0; t <= UNTAGGED_SLOT; t++) names.push(coderBarName(t, k, c))
  return names
}

/** The paint order of every name, the coder bars (every slot) included when `coders`. */
function paintOrder(coders: boolean): string[] {
  const names: string[] = []
  for (let i = 0; i < MAX_THEMES; i++) names.push(bgName(i))
  names.push(MARKS.overlap, MARKS.untagged)
  for (let k = 0; k < BAR_STACK; k++) for (let i = 0; i < MAX_THEMES; i++) names.push(barName(i, k))
  if (coders)
    names.push(...coderHighlightNames(Array.from({ length: MAX_CODER_SLOTS }, (_, c) => c)))
  names.push(MARKS.hover, MARKS.selected, MARKS.flash, MARKS.search, MARKS.searchCurrent)
  return names
}

let priorities: ReadonlyMap<string, number> | null = null

/** A name's highlight priority: its place in the paint order (coder bars included). */
export function highlightPriority(name: string): number {
  priorities ??= new Map(paintOrder(true).map((n, i) => [n, i]))
  return priorities.get(name) ?? 0
}

/**
 * The attribute the painter puts on the paragraphs it registers ranges in.
 * Every rule is scoped to such paragraphs: Chromium computes the style of
 * every ::highlight() name a rule exists for on every element the rule
 * matches, whenever style is recalculated, so unscoped rules would make
 * styling a 2,000-paragraph article cost ~50 styles per paragraph (about
 * 240 ms per recalculation, measured) instead of ~50 per painted paragraph.
 */
export const PAINTED_ATTRIBUTE = 'data-painted'

/** The grey of untagged passages. */
const UNTAGGED_COLOUR = '#8a8a8a'

/**
 * The rules of the slots, slot i in the colour of `slots[i]`; with
 * `coderSlots`, the coder bars of those coder slots too.
 */
export function highlightRules(
  slots: readonly Pick<Theme, 'colour'>[],
  coderSlots: readonly number[] = [],
): string {
  const rules: string[] = []
  slots.slice(0, MAX_THEMES).forEach((t, i) => {
    rules.push(`::highlight(${bgName(i)}) { background-color: ${hexToRgba(t.colour, 0.22)}; }`)
    for (let k = 0; k < BAR_STACK; k++)
      rules.push(
        `::highlight(${barName(i, k)}) { text-decoration: underline ${t.colour}; ` +
          `text-decoration-thickness: 3px; text-underline-offset: ${3 + k * 4}px; text-decoration-skip-ink: none; }`,
      )
  })
  rules.push(
    `::highlight(${MARKS.overlap}) { background-color: rgba(0, 0, 0, 0.07); }`,
    `::highlight(${MARKS.untagged}) { text-decoration: underline dashed ${UNTAGGED_COLOUR}; text-decoration-thickness: 2px; text-underline-offset: 3px; }`,
    `::highlight(${MARKS.hover}) { background-color: rgba(0, 0, 0, 0.06); }`,
    `::highlight(${MARKS.selected}) { background-color: rgba(31, 95, 139, 0.16); color: #0b2233; }`,
    `::highlight(${MARKS.flash}) { background-color: rgba(26, 115, 232, 0.38); }`,
    // Search matches: yellow, the current one a strong orange with dark text.
    `::highlight(${MARKS.search}) { background-color: rgba(255, 214, 0, 0.55); color: #1f2328; }`,
    `::highlight(${MARKS.searchCurrent}) { background-color: #ff9632; color: #000; }`,
  )
  rules.push(...coderRules(slots, coderSlots))
  return rules.map((rule) => `[${PAINTED_ATTRIBUTE}]${rule}`).join('\n')
}

function coderRules(slots: readonly Pick<Theme, 'colour'>[], coderSlots: readonly number[]) {
  const colours = slots.slice(0, MAX_THEMES).map((t) => t.colour)
  colours[UNTAGGED_SLOT] = UNTAGGED_COLOUR
  const rules: string[] = []
  for (const c of coderSlots)
    colours.forEach((colour, t) => {
      for (let k = 0; k < CODER_STACK; k++)
        rules.push(
          `::highlight(${coderBarName(t, k, c)}) { ${coderDecoration(c, colour)} ` +
            `text-underline-offset: ${3 + k * CODER_BAR_PITCH}px; text-decoration-skip-ink: none; }`,
        )
    })
  return rules
}
