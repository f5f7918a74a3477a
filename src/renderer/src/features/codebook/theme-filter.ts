// Which themes the theme picker offers for what the analyst typed: the
// name or the group's name contains it, ignoring case and accents
// ("securite" finds "Sécurité"). Names that start with it come first, then
// names with a word that starts with it, then the other matches, each in
// codebook order. Pure: no DOM.
import type { ThemeGroup } from '@shared/model/corpus'
import type { Theme } from '@shared/model/schema'

/** Lower case, without accents; ligatures and compatibility forms unfolded. */
export const foldText = (s: string) =>
  s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/œ/g, 'oe').replace(/æ/g, 'ae')

/** The themes that match `query`, best first; every theme, in order, for a blank query. */
export function filterThemes(
  codebook: readonly Theme[],
  groups: readonly ThemeGroup[],
  query: string,
): Theme[] {
  const q = foldText(query.trim())
  if (!q) return [...codebook]
  const groupName = new Map(groups.map((g) => [g.id, foldText(g.name)]))
  const ranked: [Theme, number, number][] = []
  codebook.forEach((t, i) => {
    const name = foldText(t.name)
    const rank = name.startsWith(q)
      ? 0
      : name.split(/[^\p{L}\p{N}]+/u).some((w) => w.startsWith(q))
        ? 1
        : name.includes(q)
          ? 2
          : (groupName.get(t.groupId ?? '') ?? '').includes(q)
            ? 3
            : -1
    if (rank >= 0) ranked.push([t, rank, i])
  })
  return ranked.sort((a, b) => a[1] - b[1] || a[2] - b[2]).map(([t]) => t)
}
