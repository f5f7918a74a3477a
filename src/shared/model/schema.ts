// The session file's shape, as zod schemas: the single source of truth for
// what a session on disk and every value crossing IPC may look like.
// Pure: no DOM, no Node, no Electron.
import { z } from 'zod'

export const SCHEMA_VERSION = 1

/** Longest prefix/suffix kept around each quote, in UTF-16 code units. */
export const CONTEXT_LENGTH = 32

export const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'ids are letters, digits, _ and -')

export const isoTimeSchema = z.iso.datetime({ offset: true })

/** Most themes that have a key: one per key 1–9. */
export const MAX_KEYED_THEMES = 9
/** Most themes a codebook holds (no longer capped by the keys 1–9). */
export const MAX_THEMES = 2_000
export const MAX_THEME_NAME_LENGTH = 200
export const MAX_DESCRIPTION_LENGTH = 1000

export const colourSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'colours are #rrggbb')

export const themeSchema = z.object({
  id: idSchema,
  name: z.string().min(1).max(MAX_THEME_NAME_LENGTH),
  colour: colourSchema,
  /** The keyboard key that applies the theme ("1"–"9"); themes after the ninth may have none. */
  key: z
    .string()
    .regex(/^[1-9]$/)
    .optional(),
  /** The group the theme belongs to (one level of groups, in the session's index). */
  groupId: idSchema.optional(),
  /** What the theme covers, for the analyst (optional; absent in older files). */
  description: z.string().max(MAX_DESCRIPTION_LENGTH).optional(),
  /** The coder who added the theme in a coder copy (set when the copy is brought back). */
  fromCoder: z.string().min(1).max(200).optional(),
})

export const documentSchema = z.object({
  title: z.string().max(1000),
  sourceFileName: z.string().max(1000),
  /** Normalized text (NFC, LF line endings); all offsets point into it. */
  text: z.string(),
  /** Hex sha256 of the UTF-8 bytes of `text`. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
})

export const passageSchema = z
  .object({
    id: idSchema,
    /** UTF-16 code unit offsets into document.text, end exclusive. */
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
    quote: z.string().min(1),
    prefix: z.string().max(CONTEXT_LENGTH),
    suffix: z.string().max(CONTEXT_LENGTH),
    themeIds: z.array(idSchema).max(100),
    note: z.string().max(10_000_000),
    createdAt: isoTimeSchema,
    updatedAt: isoTimeSchema,
    author: z.string().max(200),
  })
  .refine((p) => p.end > p.start, { message: 'end must be after start' })

export const uiStateSchema = z.object({
  /** Article scroll position in CSS pixels. */
  scrollTop: z.number().nonnegative().finite(),
  /**
   * The same position as text: the offset where the paragraph at the top of
   * the view starts, and how far (px) the view's top is below that
   * paragraph's top. Long articles are laid out lazily, so pixel positions
   * far down are estimates until laid out; this restores the same text.
   */
  topParagraph: z
    .object({
      offset: z.number().int().nonnegative(),
      px: z.number().finite(),
    })
    .optional(),
})

export const sessionSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  id: idSchema,
  createdAt: isoTimeSchema,
  updatedAt: isoTimeSchema,
  document: documentSchema,
  codebook: z.array(themeSchema).min(1).max(MAX_THEMES),
  passages: z.array(passageSchema),
  ui: uiStateSchema,
})

export type Theme = z.infer<typeof themeSchema>
export type ArticleDocument = z.infer<typeof documentSchema>
export type Passage = z.infer<typeof passageSchema>
export type UiState = z.infer<typeof uiStateSchema>
export type Session = z.infer<typeof sessionSchema>

/**
 * Checks what zod cannot: that every passage points at its own quote inside
 * the text and uses themes of the codebook. Returns a list of problems.
 */
export function findSessionProblems(session: Session): string[] {
  const problems: string[] = []
  const themeIds = new Set(session.codebook.map((t) => t.id))
  if (themeIds.size !== session.codebook.length) problems.push('duplicate theme ids in codebook')
  const keys = session.codebook.flatMap((t) => (t.key ? [t.key] : []))
  if (new Set(keys).size !== keys.length) problems.push('duplicate theme keys in codebook')
  const ids = new Set<string>()
  for (const p of session.passages) {
    if (ids.has(p.id)) problems.push(`duplicate passage id ${p.id}`)
    ids.add(p.id)
    problems.push(...findPassageProblems(session, p))
  }
  return problems
}

/**
 * Problems of a codebook that zod cannot see: repeated ids or keys, and
 * (`strict`, for edits) blank names or two themes of the same name, which
 * would give two CSV columns of the same name.
 */
export function findCodebookProblems(
  codebook: readonly Theme[],
  { strict = false }: { strict?: boolean } = {},
): string[] {
  const problems: string[] = []
  if (new Set(codebook.map((t) => t.id)).size !== codebook.length)
    problems.push('duplicate theme ids in codebook')
  const keys = codebook.flatMap((t) => (t.key ? [t.key] : []))
  if (new Set(keys).size !== keys.length) problems.push('duplicate theme keys in codebook')
  if (strict) {
    if (codebook.some((t) => t.name.trim() === '')) problems.push('a theme name is blank')
    if (new Set(codebook.map((t) => themeNameKey(t.name))).size !== codebook.length)
      problems.push('duplicate theme names in codebook')
  }
  return problems
}

/** How theme names compare: trimmed, NFC, case-insensitive. */
export function themeNameKey(name: string): string {
  return name.normalize('NFC').trim().toLowerCase()
}

export function findPassageProblems(
  session: Pick<Session, 'document' | 'codebook'>,
  p: Passage,
  /** The codebook's theme ids, when the caller checks many passages against one codebook. */
  known: ReadonlySet<string> = new Set(session.codebook.map((t) => t.id)),
): string[] {
  const problems: string[] = []
  const { text } = session.document
  if (p.end > text.length) problems.push(`passage ${p.id} ends past the end of the text`)
  else if (text.slice(p.start, p.end) !== p.quote)
    problems.push(`passage ${p.id}: quote does not match the text at ${p.start}–${p.end}`)
  else if (splitsSurrogatePair(text, p.start) || splitsSurrogatePair(text, p.end))
    problems.push(`passage ${p.id}: ${p.start}–${p.end} cuts a character in two`)
  for (const t of p.themeIds)
    if (!known.has(t)) problems.push(`passage ${p.id}: unknown theme ${t}`)
  if (new Set(p.themeIds).size !== p.themeIds.length)
    problems.push(`passage ${p.id}: a theme is listed twice`)
  return problems
}

/** True when UTF-16 offset `i` falls between the two halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, i: number): boolean {
  const before = text.charCodeAt(i - 1)
  const after = text.charCodeAt(i)
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff
}
