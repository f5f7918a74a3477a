// Which passages the sidebar shows: every criterion set must hold. Themes
// match ANY or ALL of the selected themes; "has note" keeps passages with a
// (non-blank) note; "untagged" keeps passages without a theme; coders keep
// the passages of ANY of the chosen coders (their `author`); the text is
// looked for in the quote and the note, accent- and case-insensitively
// (the same folding as the article search). Also: the next and previous
// passage of a list, for J/K and the arrow keys. Pure: no DOM, no Node.
import { comparePassages } from './edits'
import type { Passage } from './schema'
import { DEFAULT_SEARCH_OPTIONS, foldString } from './search'

export type ThemeMode = 'any' | 'all'

export interface PassageFilter {
  themeIds: readonly string[]
  themeMode: ThemeMode
  hasNote: boolean
  untagged: boolean
  text: string
  /** The coders whose passages are kept (any of them; '' for passages without a coder); none: every coder. */
  coders: readonly string[]
}

export const NO_FILTER: PassageFilter = {
  themeIds: [],
  themeMode: 'any',
  hasNote: false,
  untagged: false,
  text: '',
  coders: [],
}

export function isFiltering(f: PassageFilter): boolean {
  return (
    f.themeIds.length > 0 ||
    f.hasNote ||
    f.untagged ||
    f.coders.length > 0 ||
    foldString(f.text.trim()) !== ''
  )
}

// Passages never change in place (an edit makes a new object), so their
// folded text can be kept for as long as the object lives.
const foldedText = new WeakMap<Passage, string>()

function searchable(p: Passage): string {
  let s = foldedText.get(p)
  if (s === undefined) {
    // A separator no query can contain: a match never spans quote and note.
    s = `${foldString(p.quote, DEFAULT_SEARCH_OPTIONS)}\u0000${foldString(p.note, DEFAULT_SEARCH_OPTIONS)}`
    foldedText.set(p, s)
  }
  return s
}

/** A predicate for one filter (folds the query once). */
export function passageMatcher(f: PassageFilter): (p: Passage) => boolean {
  const query = foldString(f.text.trim(), DEFAULT_SEARCH_OPTIONS)
  // A set: a corpus holds 200,000 passages and a codebook up to 2,000 themes.
  const themes = new Set(f.themeIds)
  const all = f.themeMode === 'all'
  const coders = new Set(f.coders)
  return (p) => {
    if (coders.size > 0 && !coders.has(p.author)) return false
    if (themes.size > 0) {
      // A passage lists each theme once.
      let hits = 0
      for (const t of p.themeIds) if (themes.has(t)) hits++
      if (all ? hits < themes.size : hits === 0) return false
    }
    if (f.hasNote && p.note.trim() === '') return false
    if (f.untagged && p.themeIds.length > 0) return false
    if (query && !searchable(p).includes(query)) return false
    return true
  }
}

/** The passages the filter keeps, in their order; the same array when nothing filters. */
export function filterPassages<P extends Passage>(
  passages: readonly P[],
  f: PassageFilter,
): readonly P[] {
  if (!isFiltering(f)) return passages
  return passages.filter(passageMatcher(f))
}

/**
 * The passage after (`1`) or before (`-1`) the current one in `list`, which
 * is in document order. With no current passage: the first (or last) of the
 * list. With one the list does not show (filtered out): the nearest after (or
 * before) it in document order, else the last (or first). At the ends of the
 * list, stays on the end passage. Null for an empty list.
 */
export function adjacentPassage<P extends Passage>(
  list: readonly P[],
  current: Passage | null,
  direction: 1 | -1,
): P | null {
  if (list.length === 0) return null
  if (!current) return direction === 1 ? list[0]! : list[list.length - 1]!
  const at = list.findIndex((p) => p.id === current.id)
  if (at >= 0) return list[Math.max(0, Math.min(list.length - 1, at + direction))]!
  const before = (p: Passage) => comparePassages(p, current) < 0
  if (direction === 1) return list.find((p) => !before(p)) ?? list[list.length - 1]!
  return list.findLast((p) => before(p)) ?? list[0]!
}
