// Codebook changes as edits: add, update (rename, recolour, describe), move,
// merge, delete and import each build ONE `setCodebook` edit (the whole new
// codebook plus the passages whose themes change), so that each is one undo
// step, saved and validated like any other edit. Pure functions over plain
// data; the renderer and the main process share them.
//
// Rules kept here:
// - keys follow codebook order: the n-th theme has key "n" (1–9);
// - a passage keeps its other themes; merging A into B replaces A by B (no
//   repeats); deleting A removes A; a passage left with no theme stays,
//   untagged;
// - a passage's themeIds stay in codebook order;
// - theme ids never change, and new ids are fresh (slug of the name plus a
//   random part), so a deleted theme's id is not given to a new one.
import type { Edit, PassageThemes } from './edits'
import {
  colourSchema,
  idSchema,
  MAX_KEYED_THEMES,
  MAX_THEMES,
  MAX_DESCRIPTION_LENGTH,
  MAX_THEME_NAME_LENGTH,
  themeNameKey,
  type Passage,
  type Session,
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

export class CodebookError extends Error {
  constructor(
    readonly problem: CodebookProblem,
    message: string,
  ) {
    super(message)
  }
}

/**
 * Column names of the CSV export (src/main/export/csv.ts). A theme of the
 * same name would give the export two columns of that name.
 */
export const RESERVED_THEME_NAMES: readonly string[] = [
  'passage_id',
  'document_title',
  'document_sha256',
  'start',
  'end',
  'quote',
  'prefix',
  'suffix',
  'themes',
  'theme',
  'note',
  'author',
  'created_at',
  'updated_at',
]

type CodebookEdit = Extract<Edit, { type: 'setCodebook' }>

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
}

function check(problem: CodebookProblem | null): void {
  if (problem) throw new CodebookError(problem, MESSAGES[problem])
}

/** A theme built from fields: trimmed name and description, no empty description. */
function withFields(base: Pick<Theme, 'id' | 'key' | 'groupId'>, fields: ThemeFields): Theme {
  const description = (fields.description ?? '').trim()
  return {
    id: base.id,
    name: fields.name.trim(),
    colour: fields.colour,
    ...(base.key !== undefined && { key: base.key }),
    ...(base.groupId !== undefined && { groupId: base.groupId }),
    ...(description ? { description } : {}),
  }
}

/** The theme without a key. */
function withoutKey(t: Theme): Theme {
  const copy = { ...t }
  delete copy.key
  return copy
}

/** True when the keys are the default ones: the n-th theme has key "n", up to 9, the rest none. */
export function hasPositionalKeys(codebook: readonly Theme[]): boolean {
  return codebook.every((t, i) => t.key === (i < MAX_KEYED_THEMES ? String(i + 1) : undefined))
}

/**
 * Keys after a change of the codebook. With the default keys (`previous`
 * absent or positional), keys follow order: the n-th theme gets key "n" up
 * to the ninth, the others none. Once the analyst has assigned keys
 * (assignKey), every theme keeps its own.
 */
export function renumberKeys(codebook: readonly Theme[], previous?: readonly Theme[]): Theme[] {
  if (previous && !hasPositionalKeys(previous)) return [...codebook]
  return codebook.map((t, i) => {
    const key = i < MAX_KEYED_THEMES ? String(i + 1) : undefined
    if (t.key === key) return t
    const rest = withoutKey(t)
    return key === undefined ? rest : { ...rest, key }
  })
}

/** Gives `key` ("1"–"9") to a theme, taking it from the theme that had it; null removes its key. */
export function assignKey(
  session: Pick<Session, 'codebook'>,
  id: string,
  key: string | null,
): CodebookEdit {
  const { codebook } = session
  indexOf(codebook, id)
  if (key !== null && !/^[1-9]$/.test(key)) check('unknown-theme')
  const next = codebook.map((t) => {
    if (t.id === id) return key === null ? withoutKey(t) : { ...t, key }
    if (key !== null && t.key === key) return withoutKey(t)
    return t
  })
  // Keys that were positional stay put for the others: pin them all.
  return edit(next)
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
 * A fresh theme id: the name's slug and a random part ("leadership-k3x9q2"),
 * never one of `taken`. The random part keeps a deleted theme's id from
 * coming back for a new theme of the same name.
 */
export function newThemeId(
  name: string,
  taken: Iterable<string>,
  random: () => string = randomSuffix,
): string {
  const used = new Set(taken)
  const base = themeSlug(name) || 'theme'
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

const sameTheme = (a: Theme, b: Theme) =>
  a.id === b.id &&
  a.name === b.name &&
  a.colour === b.colour &&
  a.key === b.key &&
  (a.description ?? '') === (b.description ?? '')

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i])

/**
 * The passage changes of a merge or a deletion: `change` maps a passage's
 * themes to its new themes (null: unchanged), put in codebook order. Only
 * passages whose themes change are listed, with `now` as updatedAt and
 * (`was`) what they had, so that undo needs no other copy of them. The
 * order of a passage's themes carries no meaning: a reorder of the
 * codebook changes no passage.
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

function edit(codebook: Theme[], passages: PassageThemes[] = []): CodebookEdit {
  return { type: 'setCodebook', codebook, passages }
}

function indexOf(codebook: readonly Theme[], id: string): number {
  const i = codebook.findIndex((t) => t.id === id)
  if (i < 0) check('unknown-theme')
  return i
}

/**
 * Adds a theme at `position` (0-based; default: last), so its key is
 * position + 1 and the themes after it move one key down.
 */
export function addTheme(
  session: Pick<Session, 'codebook' | 'passages'>,
  fields: ThemeFields,
  options: { position?: number; now: string; random?: () => string },
): { edit: CodebookEdit; theme: Theme } {
  const { codebook } = session
  if (codebook.length >= MAX_THEMES) check('full')
  check(themeFieldsProblem(fields, codebook))
  const at = Math.max(0, Math.min(codebook.length, options.position ?? codebook.length))
  const id = newThemeId(
    fields.name,
    codebook.map((t) => t.id),
    options.random,
  )
  const next = [...codebook]
  next.splice(at, 0, withFields({ id, key: '' }, fields))
  const renumbered = renumberKeys(next, codebook)
  return {
    edit: edit(renumbered),
    theme: renumbered[at]!,
  }
}

/** Renames, recolours or re-describes a theme; its id, key and passages stay. */
export function updateTheme(
  session: Pick<Session, 'codebook'>,
  id: string,
  fields: ThemeFields,
): CodebookEdit {
  const { codebook } = session
  const i = indexOf(codebook, id)
  check(themeFieldsProblem(fields, codebook, id))
  const next = [...codebook]
  next[i] = withFields(codebook[i]!, fields)
  return edit(next)
}

/** Moves a theme to `to` (0-based, clamped); keys follow the new order. */
export function moveTheme(
  session: Pick<Session, 'codebook' | 'passages'>,
  id: string,
  to: number,
  now: string,
): CodebookEdit {
  const { codebook } = session
  const from = indexOf(codebook, id)
  const next = [...codebook]
  const [theme] = next.splice(from, 1)
  next.splice(Math.max(0, Math.min(codebook.length - 1, to)), 0, theme!)
  void now
  return edit(renumberKeys(next, codebook))
}

/**
 * Merges theme `fromId` into `intoId`: every passage tagged `fromId` is
 * tagged `intoId` instead (once), and `fromId` leaves the codebook.
 */
export function mergeThemes(
  session: { codebook: readonly Theme[]; passages: Iterable<Passage & { articleId?: string }> },
  fromId: string,
  intoId: string,
  now: string,
): CodebookEdit {
  const { codebook } = session
  indexOf(codebook, fromId)
  indexOf(codebook, intoId)
  if (fromId === intoId) check('same-theme')
  const next = renumberKeys(
    codebook.filter((t) => t.id !== fromId),
    codebook,
  )
  const passages = passageChanges(session.passages, next, now, (ids) =>
    ids.includes(fromId) ? [...new Set(ids.map((t) => (t === fromId ? intoId : t)))] : null,
  )
  return edit(next, passages)
}

/**
 * Deletes a theme: it leaves the codebook and every passage; passages are
 * never deleted (one left with no theme stays, untagged).
 */
export function deleteTheme(
  session: { codebook: readonly Theme[]; passages: Iterable<Passage & { articleId?: string }> },
  id: string,
  now: string,
): CodebookEdit {
  const { codebook } = session
  indexOf(codebook, id)
  if (codebook.length === 1) check('last-theme')
  const next = renumberKeys(
    codebook.filter((t) => t.id !== id),
    codebook,
  )
  const passages = passageChanges(session.passages, next, now, (ids) =>
    ids.includes(id) ? ids.filter((t) => t !== id) : null,
  )
  return edit(next, passages)
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

/** One theme of an imported codebook file. */
export interface ImportedTheme {
  name: string
  colour: string
  /** undefined: the file has no description column (keep the current one). */
  description?: string
  /** "1"–"9", or undefined when the file gives no key (placed after the keyed ones). */
  key?: string
}

export interface CodebookImportPlan {
  /** null when the file changes nothing. */
  edit: CodebookEdit | null
  added: number
  updated: number
}

/**
 * Merges imported themes into the codebook by name (case-insensitive):
 * a theme already there keeps its id and name and takes the file's colour,
 * description and place; a new name is added with a fresh id; themes not in
 * the file stay. Places: an imported theme with key k goes to place k when
 * there is one; the remaining places take, in order, the themes not in the
 * file (in their current order), then the imported themes without a usable
 * key (by key, then file order). Keys are then renumbered 1…n.
 *
 * The rows are assumed checked (names, colours, keys unique: see
 * src/main/import/codebook-csv.ts); this throws CodebookError when the
 * result would not fit (more than 9 themes, a bad name or colour).
 */
export function importCodebook(
  session: Pick<Session, 'codebook' | 'passages'>,
  rows: readonly ImportedTheme[],
  options: { now: string; random?: () => string },
): CodebookImportPlan {
  const { codebook } = session
  const byName = new Map(codebook.map((t) => [themeNameKey(t.name), t]))
  const taken = codebook.map((t) => t.id)
  if (new Set(rows.map((r) => themeNameKey(r.name))).size !== rows.length) check('name-taken')
  let added = 0
  let updated = 0
  const imported: { theme: Theme; key?: string; row: number }[] = rows.map((r, row) => {
    const existing = byName.get(themeNameKey(r.name))
    const description = r.description === undefined ? existing?.description : r.description
    const fields = { name: existing?.name ?? r.name, colour: r.colour, description }
    if (existing) {
      // Only what the file changes is checked: the name is the session's own.
      check(themeFieldsProblem({ ...fields, name: 'x' }, []))
      const theme = withFields(existing, fields)
      if (
        theme.colour !== existing.colour ||
        (theme.description ?? '') !== (existing.description ?? '')
      )
        updated++
      return { theme, key: r.key, row }
    }
    check(themeFieldsProblem(fields, []))
    const id = newThemeId(r.name, taken, options.random)
    taken.push(id)
    added++
    return { theme: withFields({ id, key: '' }, fields), key: r.key, row }
  })
  const importedIds = new Set(imported.map((x) => x.theme.id))
  const rest = codebook.filter((t) => !importedIds.has(t.id))
  const n = imported.length + rest.length
  if (n > MAX_THEMES) check('full')
  const places: (Theme | undefined)[] = new Array<Theme | undefined>(n).fill(undefined)
  const unplaced: typeof imported = []
  for (const x of imported) {
    const k = x.key ? Number(x.key) : NaN
    if (k >= 1 && k <= n && !places[k - 1]) places[k - 1] = x.theme
    else unplaced.push(x)
  }
  unplaced.sort(
    (a, b) =>
      (a.key ? Number(a.key) : Infinity) - (b.key ? Number(b.key) : Infinity) || a.row - b.row,
  )
  const queue = [...rest, ...unplaced.map((x) => x.theme)]
  for (let i = 0; i < n; i++) if (!places[i]) places[i] = queue.shift()
  const next = renumberKeys(places as Theme[], codebook)
  const passages: PassageThemes[] = []
  const unchanged =
    passages.length === 0 &&
    next.length === codebook.length &&
    next.every((t, i) => sameTheme(t, codebook[i]!))
  return { edit: unchanged ? null : edit(next, passages), added, updated }
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
  /** Themes the file adds, and existing themes whose colour or description it changes. */
  added: number
  updated: number
  /** Empty when the file was read; otherwise nothing is changed. */
  problems: CodebookImportProblem[]
}
