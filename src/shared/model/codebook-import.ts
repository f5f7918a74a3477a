// A codebook file merged into the session's codebook (the CSV is read by
// src/main/import/codebook-csv.ts): ONE `setCodebook` edit, so one undo
// step. Merges by name, ignoring case; creates the groups the file names
// that the codebook lacks. Pure functions over plain data.
import { groupOf, orderByGroup } from './codebook-order'
import {
  check,
  giveKey,
  groupNameProblem,
  groupsOf,
  hasPositionalKeys,
  newThemeId,
  renumberKeys,
  sameCodebook,
  themeFieldsProblem,
  withFields,
  withGroup,
  type CodebookEdit,
  type CodebookState,
} from './codebook-rules'
import type { ThemeGroup } from './corpus'
import type { Edit } from './edits'
import { MAX_THEMES, themeNameKey, type Theme } from './schema'

/** One theme of an imported codebook file. */
export interface ImportedTheme {
  name: string
  colour: string
  /** undefined: the file has no description column (keep the current one). */
  description?: string
  /** "1"–"9"; null: the file gives the theme no key; undefined: the file says nothing of keys. */
  key?: string | null
  /** The group's name; '': no group; undefined: the file has no group column (keep the current one). */
  group?: string
}

export interface CodebookImportPlan {
  /** null when the file changes nothing. */
  edit: CodebookEdit | null
  added: number
  updated: number
}

/**
 * Merges imported themes into the codebook by name (case-insensitive): a
 * theme already there keeps its id and name and takes the file's colour,
 * description, group and key; a new name is added with a fresh id; themes
 * not in the file stay, after the file's. The order is the file's (then
 * grouped: no group first, then group by group). Groups are matched by name
 * (case-insensitive); a group the codebook lacks is created, after the
 * others. Keys: when the codebook's keys follow its order and the file's
 * keys are those the new order gives, they keep following the order;
 * otherwise every key the file gives goes to its theme (taken from any
 * other), and the other themes keep theirs.
 *
 * The rows are assumed checked (names, colours, keys unique: see
 * src/main/import/codebook-csv.ts); this throws CodebookError when the
 * result would not fit (more than MAX_THEMES themes, a bad name or colour).
 */
export function importCodebook(
  state: CodebookState,
  rows: readonly ImportedTheme[],
  options: { now: string; random?: () => string },
): CodebookImportPlan {
  const groups = groupsOf(state)
  const codebook = orderByGroup(state.codebook, groups)
  const byName = new Map(codebook.map((t) => [themeNameKey(t.name), t]))
  const taken = [...codebook.map((t) => t.id), ...groups.map((g) => g.id)]
  if (new Set(rows.map((r) => themeNameKey(r.name))).size !== rows.length) check('name-taken')
  const allGroups: ThemeGroup[] = [...groups]
  const groupByName = new Map(groups.map((g) => [themeNameKey(g.name), g]))
  const groupNamed = (name: string): string | null => {
    if (name.trim() === '') return null
    const found = groupByName.get(themeNameKey(name))
    if (found) return found.id
    check(groupNameProblem(name, []))
    const group = { id: newThemeId(name, taken, options.random, 'group'), name: name.trim() }
    taken.push(group.id)
    allGroups.push(group)
    groupByName.set(themeNameKey(name), group)
    return group.id
  }
  let added = 0
  let updated = 0
  const fileKeys: [string, string | null][] = []
  const imported = rows.map((r): Theme => {
    const existing = byName.get(themeNameKey(r.name))
    const description = r.description === undefined ? existing?.description : r.description
    const fields = { name: existing?.name ?? r.name, colour: r.colour, description }
    const groupId =
      r.group === undefined ? (existing ? groupOf(existing, groups) : null) : groupNamed(r.group)
    let theme: Theme
    if (existing) {
      // Only what the file changes is checked: the name is the session's own.
      check(themeFieldsProblem({ ...fields, name: 'x' }, []))
      theme = withGroup(withFields(existing, fields), groupId)
      if (
        theme.colour !== existing.colour ||
        (theme.description ?? '') !== (existing.description ?? '') ||
        groupId !== groupOf(existing, groups)
      )
        updated++
    } else {
      check(themeFieldsProblem(fields, []))
      const id = newThemeId(r.name, taken, options.random)
      taken.push(id)
      added++
      theme = withGroup(withFields({ id }, fields), groupId)
    }
    if (r.key !== undefined) fileKeys.push([theme.id, r.key])
    return theme
  })
  const importedIds = new Set(imported.map((t) => t.id))
  const rest = codebook.filter((t) => !importedIds.has(t.id))
  if (imported.length + rest.length > MAX_THEMES) check('full')
  const ordered = orderByGroup([...imported, ...rest], allGroups)
  const positional = renumberKeys(ordered)
  const keyOf = new Map(positional.map((t) => [t.id, t.key ?? null]))
  const followOrder =
    hasPositionalKeys(state.codebook) && fileKeys.every(([id, key]) => keyOf.get(id) === key)
  let next = positional
  if (!followOrder) {
    next = ordered
    for (const [id, key] of fileKeys) next = giveKey(next, id, key)
  }
  const groupsChanged = allGroups.length !== groups.length
  const unchanged = !groupsChanged && sameCodebook(next, state.codebook)
  return {
    edit: unchanged
      ? null
      : {
          type: 'setCodebook',
          codebook: next,
          ...(groupsChanged && { themeGroups: allGroups }),
          passages: [],
        },
    added,
    updated,
  }
}

// What importing a codebook CSV file reports (src/main/import/codebook-csv.ts).

export type CodebookImportProblemCode =
  | 'not-utf8'
  | 'too-large'
  | 'empty-file'
  | 'unterminated-quote'
  | 'header'
  | 'no-themes'
  | 'too-many-themes'
  | 'name-empty'
  | 'name-too-long'
  | 'name-reserved'
  | 'name-repeated'
  | 'colour'
  | 'key'
  | 'key-repeated'
  | 'description-too-long'
  | 'group-too-long'
  | 'full'

export interface CodebookImportProblem {
  /** Row of the file (header = 1); null for the file as a whole. */
  row: number | null
  code: CodebookImportProblemCode
  /** The offending value (a name, colour, key, missing columns, a count). */
  value?: string
  /** The earlier row that already has this name or key. */
  otherRow?: number
  /** The problem in English, for logs and tests; the UI words it from `code`. */
  message: string
}

/** The outcome of importCodebookCsv (see src/shared/api.ts). */
export interface CodebookImport {
  filePath: string
  /**
   * The edit that merges the file into the codebook: apply it like any edit
   * (one undo step). Null when the file has problems or changes nothing.
   */
  edit: Edit | null
  /** Themes the file adds, and existing themes whose colour, description or group it changes. */
  added: number
  updated: number
  /** Empty when the file was read; otherwise nothing is changed. */
  problems: CodebookImportProblem[]
}
