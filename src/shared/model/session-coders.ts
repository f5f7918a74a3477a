// The coders of a session: whose passages it holds. A coder is a name, the
// `author` a passage records; the session's index may also list coders
// (`meta.coders`: those who opened articles or whose copies came back),
// with or without passages. An empty author (passages made before Gloss
// recorded coders) is a coder of its own, "(no coder)" in the UI.
//
// One order everywhere (the Coders control, its styles, the Passages view,
// main's counts): the consensus coder first, then the coders the index
// lists in its order, then the other authors by name, the empty author last.
// The order depends only on the names, never on which article is open, so
// that each coder keeps its place (and its mark) from article to article.
// Pure: no DOM, no Node, no Electron.
import { CONSENSUS_CODER, type CorpusMeta } from './corpus'
import type { Passage } from './schema'

/** What main tells of one coder of a session. */
export interface CoderCount {
  /** The coder's name ('' for passages without one). */
  name: string
  /** The coder's passages over every article of the session. */
  passages: number
  /** Articles the index records the coder opened (0 when it records none). */
  articlesOpened: number
}

/** The name of passages without a coder. */
export const NO_CODER = ''

const collator = new Intl.Collator('en', { sensitivity: 'variant', numeric: true })

/**
 * `names` (repeats dropped) in the session's order of coders: consensus,
 * the index's coders in its order, the others by name, the empty name last.
 */
export function orderCoders(
  names: Iterable<string>,
  meta: Pick<CorpusMeta, 'coders'> = {},
): string[] {
  const listed = new Map<string, number>()
  for (const [i, c] of (meta.coders ?? []).entries()) if (!listed.has(c.name)) listed.set(c.name, i)
  const rank = (name: string) =>
    name === CONSENSUS_CODER ? 0 : listed.has(name) ? 1 : name === NO_CODER ? 3 : 2
  return [...new Set(names)].sort((a, b) => {
    const ra = rank(a)
    const rb = rank(b)
    if (ra !== rb) return ra - rb
    if (ra === 1) return listed.get(a)! - listed.get(b)!
    return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0)
  })
}

/**
 * The coders of a session: the names its index lists, and every author of
 * the passages given (main gives every article's; the renderer, the open
 * article's and the names main told it), in the session's order.
 */
export function codersOf(
  meta: Pick<CorpusMeta, 'coders'>,
  ...passageLists: Iterable<Pick<Passage, 'author'>>[]
): string[] {
  const names = new Set<string>()
  for (const c of meta.coders ?? []) names.add(c.name)
  for (const list of passageLists) for (const p of list) names.add(p.author)
  return orderCoders(names, meta)
}

/** Passages per author over passage lists (an article's each). */
export function countAuthors(
  lists: Iterable<readonly Pick<Passage, 'author'>[]>,
  into: Map<string, number> = new Map(),
): Map<string, number> {
  for (const list of lists) for (const p of list) into.set(p.author, (into.get(p.author) ?? 0) + 1)
  return into
}

/**
 * Every coder of a session with its passages (`passagesByAuthor`, over
 * every article: main holds them) and the articles it opened, in the
 * session's order.
 */
export function coderCounts(
  meta: Pick<CorpusMeta, 'coders'>,
  passagesByAuthor: ReadonlyMap<string, number>,
): CoderCount[] {
  const opened = new Map<string, number>()
  for (const c of meta.coders ?? []) opened.set(c.name, (opened.get(c.name) ?? 0) + c.opened.length)
  return orderCoders([...opened.keys(), ...passagesByAuthor.keys()], meta).map((name) => ({
    name,
    passages: passagesByAuthor.get(name) ?? 0,
    articlesOpened: opened.get(name) ?? 0,
  }))
}

/** True when a session of these coders shows them apart (two or more). */
export const hasSeveralCoders = (coders: readonly string[]) => coders.length >= 2

/**
 * The passages of the coders shown: every passage when none is hidden (the
 * same array, so that nothing downstream redoes its work).
 */
export function passagesOfShownCoders<P extends Pick<Passage, 'author'>>(
  passages: readonly P[],
  hidden: ReadonlySet<string>,
): readonly P[] {
  if (hidden.size === 0) return passages
  const shown = passages.filter((p) => !hidden.has(p.author))
  return shown.length === passages.length ? passages : shown
}
