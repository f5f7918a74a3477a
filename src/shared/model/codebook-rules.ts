// The rules every codebook change shares: what a theme or group name may
// be, the problems a change can run into (as codes the UI words), fresh
// ids, and how keys 1–9 are given out. Pure functions over plain data; the
// changes themselves are in codebook-ops.ts (themes), codebook-groups.ts
// (groups) and codebook-import.ts (a CSV merged in).
//
// Keys: while the analyst has not assigned one by hand, keys follow the
// order (the n-th theme has key "n", up to the ninth; the others none).
// Once a key is assigned (assignKey), every theme keeps its own key through
// moves, additions and deletions, until the keys are reset to the order.
import { orderByGroup } from './codebook-order'
import type { Edit, PassageThemes } from './edits'
import type { ThemeGroup } from './corpus'
import {
  colourSchema,
  idSchema,
  MAX_DESCRIPTION_LENGTH,
  MAX_KEYED_THEMES,
  MAX_THEME_NAME_LENGTH,
  MAX_THEMES,
  themeNameKey,
  type Theme,
} from './schema'

export type CodebookProblem =
  | 'full'
  | 'name-empty'
  | 'name-too-long'
  | 'name-taken'
  | 'name-reserved'
  | 'colour'
  | 'description-too-long'
  | 'last-theme'
  | 'unknown-theme'
  | 'same-theme'
  | 'key'
  | 'unknown-group'
  | 'group-name-empty'
  | 'group-name-too-long'
  | 'group-name-taken'

export class CodebookError extends Error {
  constructor(
    readonly problem: CodebookProblem,
    message: string,
  ) {
    super(message)
  }
}

const MESSAGES: Record<CodebookProblem, string> = {
  full: `a codebook holds at most ${MAX_THEMES} themes`,
  'name-empty': 'a theme needs a name',
  'name-too-long': `a theme name has at most ${MAX_THEME_NAME_LENGTH} characters`,
  'name-taken': 'another theme already has this name',
  'name-reserved': 'this name is a column of the CSV export',
  colour: 'colours are #rrggbb',
  'description-too-long': `a description has at most ${MAX_DESCRIPTION_LENGTH} characters`,
  'last-theme': 'a codebook keeps at least one theme',
  'unknown-theme': 'no such theme in the codebook',
  'same-theme': 'a theme cannot be merged into itself',
  key: 'keys are the digits 1 to 9',
  'unknown-group': 'no such group in the codebook',
  'group-name-empty': 'a group needs a name',
  'group-name-too-long': `a group name has at most ${MAX_THEME_NAME_LENGTH} characters`,
  'group-name-taken': 'another group already has this name',
}

/** Throws the CodebookError of `problem`, if any. */
export function check(problem: CodebookProblem | null): void {
  if (problem) throw new CodebookError(problem, MESSAGES[problem])
}

/** The CSV export's columns before the themes' (src/main/export/csv.ts). */
export const CSV_COLUMNS_BEFORE_THEMES: readonly string[] = [
  'passage_id',
  'document_title',
  'document_sha256',
  'start',
  'end',
  'quote',
  'prefix',
  'suffix',
  'themes',
]

/** The CSV export's columns after the themes'. */
export const CSV_COLUMNS_AFTER_THEMES: readonly string[] = [
  'note',
  'coder',
  'created_at',
  'updated_at',
]

/**
 * Column names of the CSV export, and the tidy export's `theme`. A theme of
 * the same name would give the export two columns of that name.
 */
export const RESERVED_THEME_NAMES: readonly string[] = [
  ...CSV_COLUMNS_BEFORE_THEMES,
  'theme',
  ...CSV_COLUMNS_AFTER_THEMES,
]

export type CodebookEdit = Extract<Edit, { type: 'setCodebook' }>

/** The codebook and its groups, as a change reads them. */
export interface CodebookState {
  codebook: readonly Theme[]
  /** Absent: no groups (a one-article view). */
  themeGroups?: readonly ThemeGroup[]
}

/** What the analyst may change about a theme. */
export interface ThemeFields {
  name: string
  colour: string
  /** Empty or absent: no description. */
  description?: string
}

/** The problem with a theme name, or null. `exceptId`: the theme being renamed. */
export function themeNameProblem(
  name: string,
  codebook: readonly Theme[],
  exceptId?: string,
): CodebookProblem | null {
  const trimmed = name.trim()
  if (!trimmed) return 'name-empty'
  if (trimmed.length > MAX_THEME_NAME_LENGTH) return 'name-too-long'
  if (RESERVED_THEME_NAMES.includes(themeNameKey(trimmed))) return 'name-reserved'
  const key = themeNameKey(trimmed)
  if (codebook.some((t) => t.id !== exceptId && themeNameKey(t.name) === key)) return 'name-taken'
  return null
}

/** The problem with a theme's fields, or null. */
export function themeFieldsProblem(
  fields: ThemeFields,
  codebook: readonly Theme[],
  exceptId?: string,
): CodebookProblem | null {
  return (
    themeNameProblem(fields.name, codebook, exceptId) ??
    (colourSchema.safeParse(fields.colour).success ? null : 'colour') ??
    ((fields.description ?? '').trim().length > MAX_DESCRIPTION_LENGTH
      ? 'description-too-long'
      : null)
  )
}

/** The problem with a group name, or null. `exceptId`: the group being renamed. */
export function groupNameProblem(
  name: string,
  groups: readonly ThemeGroup[],
  exceptId?: string,
): CodebookProblem | null {
  const trimmed = name.trim()
  if (!trimmed) return 'group-name-empty'
  if (trimmed.length > MAX_THEME_NAME_LENGTH) return 'group-name-too-long'
  const key = themeNameKey(trimmed)
  if (groups.some((g) => g.id !== exceptId && themeNameKey(g.name) === key))
    return 'group-name-taken'
  return null
}

/** A theme built from fields: trimmed name and description, no empty description. */
export function withFields(
  base: Pick<Theme, 'id'> & Partial<Pick<Theme, 'key' | 'groupId'>>,
  fields: ThemeFields,
): Theme {
  const description = (fields.description ?? '').trim()
  return {
    id: base.id,
    name: fields.name.trim(),
    colour: fields.colour,
    ...(base.key ? { key: base.key } : {}),
    ...(base.groupId !== undefined && { groupId: base.groupId }),
    ...(description ? { description } : {}),
  }
}

/** The theme without a key. */
export function withoutKey(t: Theme): Theme {
  const copy = { ...t }
  delete copy.key
  return copy
}

/** The theme with `key` ("1"–"9"), or without one (null). */
export function withKey(t: Theme, key: string | null): Theme {
  if ((t.key ?? null) === key) return t
  return key === null ? withoutKey(t) : { ...t, key }
}

/** The theme in group `groupId` (null: in none). */
export function withGroup(t: Theme, groupId: string | null): Theme {
  if ((t.groupId ?? null) === groupId) return t
  if (groupId !== null) return { ...t, groupId }
  const copy = { ...t }
  delete copy.groupId
  return copy
}

/** The key the theme at `index` has while keys follow the order. */
export const positionalKey = (index: number): string | null =>
  index < MAX_KEYED_THEMES ? String(index + 1) : null

/** True when the keys are the default ones: the n-th theme has key "n", up to 9, the rest none. */
export function hasPositionalKeys(codebook: readonly Theme[]): boolean {
  return codebook.every((t, i) => (t.key ?? null) === positionalKey(i))
}

/**
 * Keys after a change of the codebook. With the default keys (`previous`
 * absent or positional), keys follow order: the n-th theme gets key "n" up
 * to the ninth, the others none. Once the analyst has assigned keys
 * (assignKey), every theme keeps its own.
 */
export function renumberKeys(codebook: readonly Theme[], previous?: readonly Theme[]): Theme[] {
  if (previous && !hasPositionalKeys(previous)) return [...codebook]
  return codebook.map((t, i) => withKey(t, positionalKey(i)))
}

/** Gives `key` to the theme `id` (null: no key), taking it from the theme that had it. */
export function giveKey(codebook: readonly Theme[], id: string, key: string | null): Theme[] {
  if (key !== null && !/^[1-9]$/.test(key)) check('key')
  return codebook.map((t) => {
    if (t.id === id) return withKey(t, key)
    if (key !== null && t.key === key) return withoutKey(t)
    return t
  })
}

/** An ASCII, id-safe form of a name ("Sécurité & IA" → "securite-ia"); may be empty. */
export function themeSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '')
}

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz'

/** Six random characters of [0-9a-z] from the platform's CSPRNG. */
export function randomSuffix(): string {
  const bytes = new Uint8Array(6)
  globalThis.crypto.getRandomValues(bytes)
  return Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('')
}

/**
 * A fresh theme (or group) id: the name's slug and a random part
 * ("leadership-k3x9q2"), never one of `taken`. The random part keeps a
 * deleted theme's id from coming back for a new theme of the same name.
 */
export function newThemeId(
  name: string,
  taken: Iterable<string>,
  random: () => string = randomSuffix,
  fallback = 'theme',
): string {
  const used = new Set(taken)
  const base = themeSlug(name) || fallback
  for (;;) {
    const id = `${base}-${random()}`
    if (!used.has(id) && idSchema.safeParse(id).success) return id
  }
}

/** Themes of a passage sorted in codebook order (unknown ids last, kept in their order). */
export function sortThemeIds(themeIds: readonly string[], order: readonly string[]): string[] {
  const at = new Map(order.map((id, i) => [id, i]))
  return [...themeIds].sort((a, b) => (at.get(a) ?? order.length) - (at.get(b) ?? order.length))
}

/** Same theme, field by field. */
export const sameTheme = (a: Theme, b: Theme) =>
  a.id === b.id &&
  a.name === b.name &&
  a.colour === b.colour &&
  a.key === b.key &&
  a.groupId === b.groupId &&
  (a.description ?? '') === (b.description ?? '')

export const sameCodebook = (a: readonly Theme[], b: readonly Theme[]) =>
  a.length === b.length && a.every((t, i) => sameTheme(t, b[i]!))

export const sameGroups = (a: readonly ThemeGroup[], b: readonly ThemeGroup[]) =>
  a.length === b.length && a.every((g, i) => g.id === b[i]!.id && g.name === b[i]!.name)

/** The groups of a state (none when it has none). */
export const groupsOf = (state: CodebookState): readonly ThemeGroup[] => state.themeGroups ?? []

/**
 * The edit that sets `next` (grouped, keys renumbered while they follow the
 * order), with the groups when `groups` is given (they changed).
 */
export function codebookEdit(
  state: CodebookState,
  next: readonly Theme[],
  options: { groups?: ThemeGroup[]; passages?: PassageThemes[] } = {},
): CodebookEdit {
  const groups = options.groups ?? groupsOf(state)
  return {
    type: 'setCodebook',
    codebook: renumberKeys(orderByGroup(next, groups), state.codebook),
    ...(options.groups && { themeGroups: options.groups }),
    passages: options.passages ?? [],
  }
}

export function indexOf(codebook: readonly Theme[], id: string): number {
  const i = codebook.findIndex((t) => t.id === id)
  if (i < 0) check('unknown-theme')
  return i
}
