// Theme groups as edits (one level, like MAXQDA's parent codes): add,
// rename, delete, reorder a group, and move a theme into or out of one.
// Each is ONE `setCodebook` edit carrying `themeGroups` (one undo step);
// none changes a passage. Deleting a group keeps its themes, with no group.
// Pure functions over plain data; see codebook-order.ts for the order kept.
import { blockOf, groupOf, orderByGroup } from './codebook-order'
import {
  check,
  codebookEdit,
  groupNameProblem,
  groupsOf,
  indexOf,
  newThemeId,
  withGroup,
  type CodebookEdit,
  type CodebookState,
} from './codebook-rules'
import type { ThemeGroup } from './corpus'
import { MAX_THEMES } from './schema'

function groupIndex(groups: readonly ThemeGroup[], id: string): number {
  const i = groups.findIndex((g) => g.id === id)
  if (i < 0) check('unknown-group')
  return i
}

/** Adds an empty group after the others (`at`: another place, 0-based). */
export function addGroup(
  state: CodebookState,
  name: string,
  options: { at?: number; random?: () => string } = {},
): { edit: CodebookEdit; group: ThemeGroup } {
  const groups = groupsOf(state)
  check(groupNameProblem(name, groups))
  if (groups.length >= MAX_THEMES) check('full')
  const taken = [...groups.map((g) => g.id), ...state.codebook.map((t) => t.id)]
  const group = { id: newThemeId(name, taken, options.random, 'group'), name: name.trim() }
  const next = [...groups]
  next.splice(Math.max(0, Math.min(groups.length, options.at ?? groups.length)), 0, group)
  return { edit: codebookEdit(state, state.codebook, { groups: next }), group }
}

/** Renames a group; its id and themes stay. */
export function renameGroup(state: CodebookState, id: string, name: string): CodebookEdit {
  const groups = groupsOf(state)
  const i = groupIndex(groups, id)
  check(groupNameProblem(name, groups, id))
  const next = [...groups]
  next[i] = { id, name: name.trim() }
  return codebookEdit(state, state.codebook, { groups: next })
}

/** Deletes a group: its themes stay, with no group (after the other themes of no group). */
export function deleteGroup(state: CodebookState, id: string): CodebookEdit {
  const groups = groupsOf(state)
  groupIndex(groups, id)
  // In the codebook's order, the group's themes come after every theme of
  // no group: they stay in order and join the end of that block.
  const codebook = orderByGroup(state.codebook, groups).map((t) =>
    t.groupId === id ? withGroup(t, null) : t,
  )
  return codebookEdit(state, codebook, { groups: groups.filter((g) => g.id !== id) })
}

/** Moves a group (with its themes) to place `to` among the groups (0-based, clamped). */
export function moveGroup(state: CodebookState, id: string, to: number): CodebookEdit {
  const groups = groupsOf(state)
  const from = groupIndex(groups, id)
  const next = [...groups]
  const [group] = next.splice(from, 1)
  next.splice(Math.max(0, Math.min(groups.length - 1, to)), 0, group!)
  return codebookEdit(state, state.codebook, { groups: next })
}

/** Moves a theme to the end of group `groupId` (null: to the end of the themes of no group). */
export function setThemeGroup(
  state: CodebookState,
  themeId: string,
  groupId: string | null,
): CodebookEdit {
  const groups = groupsOf(state)
  if (groupId !== null) groupIndex(groups, groupId)
  const codebook = orderByGroup(state.codebook, groups)
  const i = indexOf(codebook, themeId)
  const theme = codebook[i]!
  if (groupOf(theme, groups) === groupId) return codebookEdit(state, codebook)
  const next = [...codebook]
  next.splice(i, 1)
  const [, end] = blockOf(next, groups, groupId)
  next.splice(end, 0, withGroup(theme, groupId))
  return codebookEdit(state, next)
}
