// The order of a codebook with theme groups (one level, like MAXQDA's
// parent codes). The codebook's own order is THE order everywhere (the
// panel, the toolbar, the picker, the summary, the exports), and every
// change keeps it grouped: the themes of no group first, then each group's
// themes, groups in their order. So a group's themes are one block of the
// codebook, and "codebook order" and "the order under the headings" are the
// same thing. Pure functions over plain data.
import type { ThemeGroup } from './corpus'
import type { Theme } from './schema'

/** One heading of the codebook: a group (null: the themes of no group) and its themes. */
export interface ThemeSection {
  group: ThemeGroup | null
  themes: Theme[]
}

/** The rank of a theme's group: -1 for none (or an unknown group), else the group's place. */
function rankOf(groups: readonly ThemeGroup[]): (t: Theme) => number {
  const at = new Map(groups.map((g, i) => [g.id, i]))
  return (t) => (t.groupId === undefined ? -1 : (at.get(t.groupId) ?? -1))
}

/** The codebook grouped: themes of no group first, then group by group; order kept within each. */
export function orderByGroup(codebook: readonly Theme[], groups: readonly ThemeGroup[]): Theme[] {
  if (groups.length === 0) return [...codebook]
  const rank = rankOf(groups)
  return codebook
    .map((t, i) => [t, rank(t), i] as const)
    .sort((a, b) => a[1] - b[1] || a[2] - b[2])
    .map(([t]) => t)
}

/** True when the codebook is grouped as orderByGroup leaves it. */
export function isGroupedInOrder(codebook: readonly Theme[], groups: readonly ThemeGroup[]) {
  const rank = rankOf(groups)
  return codebook.every((t, i) => i === 0 || rank(codebook[i - 1]!) <= rank(t))
}

/**
 * The headings of the codebook, in order: the themes of no group (always
 * there, maybe empty), then every group, even an empty one.
 */
export function themeSections(
  codebook: readonly Theme[],
  groups: readonly ThemeGroup[],
): ThemeSection[] {
  const sections: ThemeSection[] = [
    { group: null, themes: [] },
    ...groups.map((group) => ({ group, themes: [] as Theme[] })),
  ]
  const rank = rankOf(groups)
  for (const t of orderByGroup(codebook, groups)) sections[rank(t) + 1]!.themes.push(t)
  return sections
}

/**
 * Where the themes of group `groupId` (null: of no group) lie in a grouped
 * codebook: [start, end), end exclusive; start === end for an empty group,
 * at the place its first theme would take.
 */
export function blockOf(
  codebook: readonly Theme[],
  groups: readonly ThemeGroup[],
  groupId: string | null,
): [number, number] {
  const rank = rankOf(groups)
  const target = groupId === null ? -1 : groups.findIndex((g) => g.id === groupId)
  let start = 0
  while (start < codebook.length && rank(codebook[start]!) < target) start++
  let end = start
  while (end < codebook.length && rank(codebook[end]!) === target) end++
  return [start, end]
}

/** The group of a theme that names one the codebook has, else null. */
export function groupOf(theme: Theme, groups: readonly ThemeGroup[]): string | null {
  return theme.groupId !== undefined && groups.some((g) => g.id === theme.groupId)
    ? theme.groupId
    : null
}
