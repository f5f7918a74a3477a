// How much each theme is used across the corpus: the numbers the codebook
// panel shows and words its confirmations with ("Culture is on 1,234
// passages in 87 articles"). Main computes them (it holds every article);
// one pass over the passages. Pure: no DOM, no Node, no Electron.
import type { ArticleData } from './corpus'
import type { Passage } from './schema'

export interface ThemeUsage {
  /** Passages tagged with the theme. */
  passages: number
  /** Articles with at least one such passage. */
  articles: number
  /** Passages whose only theme it is (left untagged if it were deleted). */
  alone: number
}

/** Usage of every theme used at least once, by theme id (absent: unused). */
export type ThemeUsageMap = Record<string, ThemeUsage>

/** The usage of every theme over `articles` (main: every article of the session). */
export function themeUsage(articles: Iterable<Pick<ArticleData, 'passages'>>): ThemeUsageMap {
  const usage = new Map<string, ThemeUsage>()
  for (const article of articles) {
    const seen = new Set<string>()
    for (const p of article.passages) countPassage(usage, seen, p)
  }
  return Object.fromEntries(usage)
}

function countPassage(usage: Map<string, ThemeUsage>, seen: Set<string>, p: Passage): void {
  for (const id of p.themeIds) {
    let u = usage.get(id)
    if (!u) usage.set(id, (u = { passages: 0, articles: 0, alone: 0 }))
    u.passages++
    if (p.themeIds.length === 1) u.alone++
    if (!seen.has(id)) {
      seen.add(id)
      u.articles++
    }
  }
}

/** Nothing used. */
export const NO_USAGE: ThemeUsage = { passages: 0, articles: 0, alone: 0 }
