// Codebook changes as edits: add, update (rename, recolour, describe, key,
// group), move, merge, delete, keys assigned or reset each build ONE
// `setCodebook` edit (the whole new codebook, the groups when they change,
// and the passages whose themes change), so that each is one undo step,
// saved and validated like any other edit. Group changes are in
// codebook-groups.ts, CSV imports in codebook-import.ts; the rules they all
// share (names, keys, ids, problems) in codebook-rules.ts. Pure functions
// over plain data; the renderer and the main process share them.
//
// Rules kept here:
// - the codebook stays grouped (codebook-order.ts): no group first, then
//   group by group, so the panel's headings, the toolbar and the exports
//   show one order;
// - keys follow that order until the analyst assigns one (codebook-rules.ts);
// - a passage keeps its other themes; merging A into B replaces A by B (no
//   repeats); deleting A removes A; a passage left with no theme stays,
//   untagged;
// - theme ids never change, and new ids are fresh (slug of the name plus a
//   random part), so a deleted theme's id is not given to a new one.
import { blockOf, groupOf, orderByGroup } from './codebook-order'
import {
  check,
  codebookEdit,
  giveKey,
  groupsOf,
  hasPositionalKeys,
  indexOf,
  newThemeId,
  renumberKeys,
  sortThemeIds,
  themeFieldsProblem,
  withFields,
  withGroup,
  type CodebookEdit,
  type CodebookState,
  type ThemeFields,
} from './codebook-rules'
import type { PassageThemes } from './edits'
import { MAX_THEMES, type Passage, type Theme } from './schema'

export {
  CodebookError,
  codebookEdit,
  groupsOf,
  hasPositionalKeys,
  newThemeId,
  randomSuffix,
  renumberKeys,
  RESERVED_THEME_NAMES,
  sortThemeIds,
  themeFieldsProblem,
  themeNameProblem,
  groupNameProblem,
  themeSlug,
  type CodebookEdit,
  type CodebookProblem,
  type CodebookState,
  type ThemeFields,
} from './codebook-rules'
export { addGroup, deleteGroup, moveGroup, renameGroup, setThemeGroup } from './codebook-groups'
export {
  importCodebook,
  type CodebookImport,
  type CodebookImportPlan,
  type CodebookImportProblem,
  type CodebookImportProblemCode,
  type ImportedTheme,
} from './codebook-import'

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i])

/**
 * The passage changes of a merge or a deletion: `change` maps a passage's
 * themes to its new themes (null: unchanged), put in codebook order. Only
 * passages whose themes change are listed, with `now` as updatedAt and
 * (`was`) what they had, so that undo needs no other copy of them, and so
 * that a passage changed since the plan makes the edit fail instead of
 * losing that change. The order of a passage's themes carries no meaning:
 * a reorder of the codebook changes no passage.
 */
export function passageChanges(
  passages: Iterable<Passage & { articleId?: string }>,
  codebook: readonly Theme[],
  now: string,
  change: (themeIds: readonly string[]) => string[] | null,
): PassageThemes[] {
  const order = codebook.map((t) => t.id)
  const out: PassageThemes[] = []
  for (const p of passages) {
    const changed = change(p.themeIds)
    if (!changed) continue
    const next = sortThemeIds(changed, order)
    if (sameList(next, p.themeIds)) continue
    out.push({
      id: p.id,
      ...(p.articleId !== undefined && { articleId: p.articleId }),
      themeIds: next,
      updatedAt: now,
      was: { themeIds: p.themeIds, updatedAt: p.updatedAt },
    })
  }
  return out
}

function checkGroup(state: CodebookState, groupId: string | null): void {
  if (groupId !== null && !groupsOf(state).some((g) => g.id === groupId)) check('unknown-group')
}

export interface AddThemeOptions {
  /** 0-based place in the codebook, kept inside the theme's group; default: the group's end. */
  position?: number
  /** The group of the new theme (null or absent: none). */
  groupId?: string | null
  /**
   * The key: "1"–"9" (taken from the theme that has it; while keys follow
   * the order, the theme is put at that place when its group allows), null
   * for none; absent: as the order gives it.
   */
  key?: string | null
  now: string
  random?: () => string
}

/**
 * Adds a theme. While keys follow the order, its key is its place + 1 and
 * the themes after it move one key down.
 */
export function addTheme(
  state: CodebookState,
  fields: ThemeFields,
  options: AddThemeOptions,
): { edit: CodebookEdit; theme: Theme } {
  const groups = groupsOf(state)
  const codebook = orderByGroup(state.codebook, groups)
  if (codebook.length >= MAX_THEMES) check('full')
  check(themeFieldsProblem(fields, codebook))
  const groupId = options.groupId ?? null
  checkGroup(state, groupId)
  if (options.key != null && !/^[1-9]$/.test(options.key)) check('key')
  const [start, end] = blockOf(codebook, groups, groupId)
  let at = end
  if (options.position !== undefined) at = options.position
  else if (options.key != null && hasPositionalKeys(state.codebook)) at = Number(options.key) - 1
  at = Math.max(start, Math.min(end, at))
  const id = newThemeId(
    fields.name,
    codebook.map((t) => t.id),
    options.random,
  )
  const next = [...codebook]
  next.splice(at, 0, withFields({ id, ...(groupId !== null && { groupId }) }, fields))
  let result = codebookEdit(state, next)
  if (options.key !== undefined && (result.codebook[at]!.key ?? null) !== options.key)
    result = { ...result, codebook: giveKey(result.codebook, id, options.key) }
  return { edit: result, theme: result.codebook.find((t) => t.id === id)! }
}

/**
 * Renames, recolours or re-describes a theme; its id and passages stay.
 * `extra.key` gives it a key (null: none; absent: unchanged), `extra.groupId`
 * moves it to the end of a group (null: of the themes of no group; absent:
 * unchanged). One edit.
 */
export function updateTheme(
  state: CodebookState,
  id: string,
  fields: ThemeFields,
  extra: { key?: string | null; groupId?: string | null } = {},
): CodebookEdit {
  const groups = groupsOf(state)
  const codebook = orderByGroup(state.codebook, groups)
  const i = indexOf(codebook, id)
  check(themeFieldsProblem(fields, codebook, id))
  const old = codebook[i]!
  const next = [...codebook]
  const theme = withFields(old, fields)
  next[i] = theme
  if (extra.groupId !== undefined && extra.groupId !== groupOf(old, groups)) {
    checkGroup(state, extra.groupId)
    next.splice(i, 1)
    const [, end] = blockOf(next, groups, extra.groupId)
    next.splice(end, 0, withGroup(theme, extra.groupId))
  }
  const result = codebookEdit(state, next)
  const after = result.codebook.find((t) => t.id === id)!
  if (extra.key === undefined || (after.key ?? null) === extra.key) return result
  return { ...result, codebook: giveKey(result.codebook, id, extra.key) }
}

/** Moves a theme to `to` (0-based, kept inside its group); keys follow the order while they do. */
export function moveTheme(state: CodebookState, id: string, to: number, now: string): CodebookEdit {
  void now
  const groups = groupsOf(state)
  const codebook = orderByGroup(state.codebook, groups)
  const from = indexOf(codebook, id)
  const [start, end] = blockOf(codebook, groups, groupOf(codebook[from]!, groups))
  const next = [...codebook]
  const [theme] = next.splice(from, 1)
  next.splice(Math.max(start, Math.min(end - 1, to)), 0, theme!)
  return codebookEdit(state, next)
}

/** Gives `key` ("1"–"9") to a theme, taking it from the theme that had it; null removes its key. */
export function assignKey(state: CodebookState, id: string, key: string | null): CodebookEdit {
  const codebook = orderByGroup(state.codebook, groupsOf(state))
  indexOf(codebook, id)
  return { type: 'setCodebook', codebook: giveKey(codebook, id, key), passages: [] }
}

/** Keys follow the order again: the n-th theme has key "n", up to the ninth. */
export function resetKeys(state: CodebookState): CodebookEdit {
  const codebook = orderByGroup(state.codebook, groupsOf(state))
  return { type: 'setCodebook', codebook: renumberKeys(codebook), passages: [] }
}

/** What a merge or deletion reads: the codebook and every passage it may change. */
export interface CorpusCodebook extends CodebookState {
  passages: Iterable<Passage & { articleId?: string }>
}

/**
 * Merges theme `fromId` into `intoId`: every passage tagged `fromId` is
 * tagged `intoId` instead (once), and `fromId` leaves the codebook.
 */
export function mergeThemes(
  state: CorpusCodebook,
  fromId: string,
  intoId: string,
  now: string,
): CodebookEdit {
  const { codebook } = state
  indexOf(codebook, fromId)
  indexOf(codebook, intoId)
  if (fromId === intoId) check('same-theme')
  const next = codebookEdit(
    state,
    codebook.filter((t) => t.id !== fromId),
  )
  const passages = passageChanges(state.passages, next.codebook, now, (ids) =>
    ids.includes(fromId) ? [...new Set(ids.map((t) => (t === fromId ? intoId : t)))] : null,
  )
  return { ...next, passages }
}

/**
 * Deletes a theme: it leaves the codebook and every passage; passages are
 * never deleted (one left with no theme stays, untagged).
 */
export function deleteTheme(state: CorpusCodebook, id: string, now: string): CodebookEdit {
  const { codebook } = state
  indexOf(codebook, id)
  if (codebook.length === 1) check('last-theme')
  const next = codebookEdit(
    state,
    codebook.filter((t) => t.id !== id),
  )
  const passages = passageChanges(state.passages, next.codebook, now, (ids) =>
    ids.includes(id) ? ids.filter((t) => t !== id) : null,
  )
  return { ...next, passages }
}

/** Passages carrying each theme, by theme id. */
export function countByTheme(passages: readonly Passage[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const p of passages) for (const t of p.themeIds) counts.set(t, (counts.get(t) ?? 0) + 1)
  return counts
}

/** Passages that would be left with no theme if `id` were deleted. */
export function passagesLeftUntagged(passages: readonly Passage[], id: string): number {
  let n = 0
  for (const p of passages) if (p.themeIds.length === 1 && p.themeIds[0] === id) n++
  return n
}
