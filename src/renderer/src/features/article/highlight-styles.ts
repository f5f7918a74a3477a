// The stylesheet of the CSS Custom Highlight API names Gloss paints with: a
// FIXED set, whatever the number of passages. Per theme (by codebook slot
// i, see paint-slots.ts: a slot is a colour): a background tint `gloss-bg-i` for the first theme of a stretch of
// text, and underline bars `gloss-bar-i-k` in the theme's colour at stack
// position k, so every theme on every character shows. Plus overlap, hover,
// selected and flash marks, and the article search's matches (`gloss-search`)
// with the current one (`gloss-search-current`) on top of everything. Theme colours come from the codebook, so the
// rules are generated into a constructed stylesheet (CSSOM, allowed by the
// CSP; no inline <style>).
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
  const names: string[] = []
  for (let i = 0; i < MAX_THEMES; i++) names.push(bgName(i))
  names.push(MARKS.overlap, MARKS.untagged)
  for (let k = 0; k < BAR_STACK; k++) for (let i = 0; i < MAX_THEMES; i++) names.push(barName(i, k))
  names.push(MARKS.hover, MARKS.selected, MARKS.flash, MARKS.search, MARKS.searchCurrent)
  return names
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

/** The rules of the slots, slot i in the colour of `slots[i]`. */
export function highlightRules(slots: readonly Pick<Theme, 'colour'>[]): string {
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
    `::highlight(${MARKS.untagged}) { text-decoration: underline dashed #8a8a8a; text-decoration-thickness: 2px; text-underline-offset: 3px; }`,
    `::highlight(${MARKS.hover}) { background-color: rgba(0, 0, 0, 0.06); }`,
    `::highlight(${MARKS.selected}) { background-color: rgba(31, 95, 139, 0.16); color: #0b2233; }`,
    `::highlight(${MARKS.flash}) { background-color: rgba(26, 115, 232, 0.38); }`,
    // Search matches: yellow, the current one a strong orange with dark text.
    `::highlight(${MARKS.search}) { background-color: rgba(255, 214, 0, 0.55); color: #1f2328; }`,
    `::highlight(${MARKS.searchCurrent}) { background-color: #ff9632; color: #000; }`,
  )
  return rules.map((rule) => `[${PAINTED_ATTRIBUTE}]${rule}`).join('\n')
}
