// A session that holds a corpus (format 2): the index (codebook, theme
// groups, attribute definitions, the list of articles with their
// attributes) and one record per article (text, passages, view state).
// The zod schemas are the single source of truth for what the files of a
// session folder and the values crossing IPC may look like.
// Pure: no DOM, no Node, no Electron.
import { z } from 'zod'
import {
  idSchema,
  isoTimeSchema,
  MAX_THEME_NAME_LENGTH,
  MAX_THEMES,
  passageSchema,
  themeSchema,
  uiStateSchema,
  type Passage,
  type Theme,
  type UiState,
} from './schema'

/** The format of session folders (index and article files). Format 1 was the one-file session. */
export const CORPUS_FORMAT = 2

/** Most articles a session holds; far above any study Gloss is measured on. */
export const MAX_ARTICLES = 20_000
export const MAX_ATTRIBUTE_VALUE_LENGTH = 2_000

export const themeGroupSchema = z.object({
  id: idSchema,
  name: z.string().min(1).max(MAX_THEME_NAME_LENGTH),
})
export type ThemeGroup = z.infer<typeof themeGroupSchema>

/** The attributes every article has, besides its title. */
export const BUILTIN_ATTRIBUTES = ['outlet', 'author', 'published', 'url', 'language'] as const
export type BuiltinAttribute = (typeof BUILTIN_ATTRIBUTES)[number]

export const ATTRIBUTE_TYPES = ['text', 'number', 'date', 'category'] as const
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number]

/** A custom attribute the analyst defines for the session. */
export const attributeDefSchema = z.object({
  /** Never one of BUILTIN_ATTRIBUTES (new ids start with `attr-`). */
  id: idSchema,
  name: z.string().min(1).max(MAX_THEME_NAME_LENGTH),
  type: z.enum(ATTRIBUTE_TYPES),
  /** The allowed values of a category, in order. */
  values: z.array(z.string().min(1).max(MAX_THEME_NAME_LENGTH)).max(1000).optional(),
})
export type AttributeDef = z.infer<typeof attributeDefSchema>

/**
 * An article's attribute values by attribute (a builtin name or a custom
 * attribute's id). Values are strings: numbers in JavaScript's shortest
 * form, dates as YYYY-MM-DD. An absent key is an empty value.
 */
export const attributeValuesSchema = z.record(idSchema, z.string().max(MAX_ATTRIBUTE_VALUE_LENGTH))
export type AttributeValues = z.infer<typeof attributeValuesSchema>

/** Formats an article may be read from (the file's content, not its name). */
export const SOURCE_FORMATS = [
  'text',
  'markdown',
  'html',
  'mhtml',
  'docx',
  'odt',
  'pdf',
  'epub',
  'csv',
  'xlsx',
] as const
export type SourceFormat = (typeof SOURCE_FORMATS)[number]

/**
 * Where a kept original lives in the session folder: named by the sha256 of
 * its bytes (the same file kept twice is one file), with the extension of
 * the file it was read from.
 */
export const ORIGINAL_FILE = /^originals\/[0-9a-f]{64}(\.[a-z0-9]{1,10})?$/

/** The file an article was read from: its format, its size, and for text the encoding decoded. */
export const articleSourceSchema = z.object({
  format: z.enum(SOURCE_FORMATS),
  bytes: z.number().int().nonnegative(),
  encoding: z.string().max(40).optional(),
  /** For a table of articles: the row (1-based, as the file numbers it; the header is 1). */
  row: z.number().int().positive().optional(),
  /**
   * The copy of the original file kept in the session folder ("Keep a copy
   * of the original file"): `originals/<sha256 of its bytes>.<extension>`.
   */
  original: z.string().regex(ORIGINAL_FILE).optional(),
})
export type ArticleSource = z.infer<typeof articleSourceSchema>

/** The coder that passages and codes are attributed to in the session's `coders` and in exports. */
export const MAX_CODER_NAME_LENGTH = 200
/** Most coders a session records. */
export const MAX_CODERS = 1000
/** The layer adjudication writes: the coders' agreed passages. */
export const CONSENSUS_CODER = 'consensus'

/** A coder's name: what a passage records as its `author`; never empty, no surrounding spaces. */
export const coderNameSchema = z
  .string()
  .min(1)
  .max(MAX_CODER_NAME_LENGTH)
  .refine((name) => name.trim() === name && !/\p{Cc}/u.test(name), {
    message: 'a coder name has no surrounding spaces and no control characters',
  })

/**
 * A coder copy ("Make coder copies…"): the session it was made from and the
 * coder it is for. Passages made in the copy are that coder's; bringing the
 * copy back checks `sessionId`.
 */
export const coderCopySchema = z.object({
  sessionId: idSchema,
  coder: coderNameSchema,
  madeAt: isoTimeSchema,
  /** What the session it was made from was called then (shown beside the copy's coder). */
  title: z.string().max(1000).optional(),
})
export type CoderCopy = z.infer<typeof coderCopySchema>

/**
 * What a session knows of one coder: the articles the coder opened (their
 * units count as coded, 0 where the coder gave no theme; units of an
 * article a coder never opened are missing data), and when the coder's
 * copy was last brought back (absent: the coder works in this session).
 */
export const coderRecordSchema = z.object({
  name: coderNameSchema,
  opened: z.array(idSchema).max(MAX_ARTICLES),
  broughtBackAt: isoTimeSchema.optional(),
})
export type CoderRecord = z.infer<typeof coderRecordSchema>

/** One article of the index: what the articles panel, filters and exports need without the text. */
export const articleEntrySchema = z.object({
  id: idSchema,
  title: z.string().max(1000),
  sourceFileName: z.string().max(1000),
  /** Hex sha256 of the UTF-8 bytes of the normalized text (duplicate detection). */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Length of the text in UTF-16 code units. */
  chars: z.number().int().nonnegative(),
  addedAt: isoTimeSchema,
  attributes: attributeValuesSchema,
  /** Passages in the article (kept in step with the article file; checked on load). */
  passageCount: z.number().int().nonnegative(),
  /** What the article was read from (absent: pasted, or added before Gloss kept it). */
  source: articleSourceSchema.optional(),
})
export type ArticleEntry = z.infer<typeof articleEntrySchema>

/** An article as the index on disk lists it: with the name of its file. */
export const indexArticleSchema = articleEntrySchema.extend({
  /** The article's file, relative to the session folder: `articles/<id>.<generation>.json`. */
  file: z.string().regex(/^articles\/[A-Za-z0-9_-]+\.[0-9]+\.json$/),
})
export type IndexArticle = z.infer<typeof indexArticleSchema>

/** The index of a session folder (`session.json`). */
export const corpusIndexSchema = z.object({
  schemaVersion: z.literal(CORPUS_FORMAT),
  id: idSchema,
  createdAt: isoTimeSchema,
  updatedAt: isoTimeSchema,
  codebook: z.array(themeSchema).min(1).max(MAX_THEMES),
  themeGroups: z.array(themeGroupSchema).max(MAX_THEMES),
  attributeDefs: z.array(attributeDefSchema).max(200),
  articles: z.array(indexArticleSchema).max(MAX_ARTICLES),
  /** The coders whose passages the session holds (absent in older sessions: none recorded). */
  coders: z.array(coderRecordSchema).max(MAX_CODERS).optional(),
  /** Set in a coder copy: where it comes from and whom it is for. */
  coderCopy: coderCopySchema.optional(),
  /** The article that was open (reopened next time). */
  ui: z.object({ articleId: idSchema.nullable() }),
})
export type CorpusIndex = z.infer<typeof corpusIndexSchema>

/** One article file (`articles/<id>.<generation>.json`). */
export const articleFileSchema = z.object({
  schemaVersion: z.literal(CORPUS_FORMAT),
  sessionId: idSchema,
  id: idSchema,
  updatedAt: isoTimeSchema,
  /** Normalized text (NFC, LF line endings); all offsets point into it. */
  text: z.string(),
  passages: z.array(passageSchema),
  ui: uiStateSchema,
})
export type ArticleFile = z.infer<typeof articleFileSchema>

/** An article in memory: its file's content. */
export interface ArticleData {
  id: string
  text: string
  passages: Passage[]
  ui: UiState
  updatedAt: string
}

/** What the renderer holds of the corpus: the index without the files' names. */
export interface CorpusMeta {
  codebook: Theme[]
  themeGroups: ThemeGroup[]
  attributeDefs: AttributeDef[]
  articles: ArticleEntry[]
  /** See corpusIndexSchema. */
  coders?: CoderRecord[]
  coderCopy?: CoderCopy
}

export function isBuiltinAttribute(id: string): id is BuiltinAttribute {
  return (BUILTIN_ATTRIBUTES as readonly string[]).includes(id)
}

/** Problems of an attribute value for its type, or null. `def` undefined: a builtin. */
export function attributeValueProblem(
  attribute: string,
  value: string,
  def: AttributeDef | undefined,
): string | null {
  if (value === '') return null
  const type: AttributeType = def?.type ?? (attribute === 'published' ? 'date' : 'text')
  switch (type) {
    case 'text':
      return null
    case 'number':
      return /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(value) && Number.isFinite(Number(value))
        ? null
        : 'not a number'
    case 'date':
      return isIsoDate(value) ? null : 'not a date (YYYY-MM-DD)'
    case 'category':
      return def?.values?.includes(value) ? null : 'not one of the category’s values'
  }
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d
}

/**
 * Checks what zod cannot see in an index: unique ids (articles, themes,
 * groups, attributes), theme groups that exist, attribute values that fit
 * their types, custom attribute ids apart from the builtin names, no two
 * articles on the same file.
 */
export function findIndexProblems(index: CorpusMeta): string[] {
  const problems: string[] = []
  const unique = (what: string, ids: readonly string[]) => {
    const seen = new Set<string>()
    for (const id of ids) {
      if (seen.has(id)) problems.push(`duplicate ${what} id ${id}`)
      seen.add(id)
    }
  }
  unique(
    'theme',
    index.codebook.map((t) => t.id),
  )
  unique(
    'group',
    index.themeGroups.map((g) => g.id),
  )
  unique(
    'attribute',
    index.attributeDefs.map((a) => a.id),
  )
  unique(
    'article',
    index.articles.map((a) => a.id),
  )
  const keys = index.codebook.flatMap((t) => (t.key ? [t.key] : []))
  if (new Set(keys).size !== keys.length) problems.push('duplicate theme keys in codebook')
  const groups = new Set(index.themeGroups.map((g) => g.id))
  for (const t of index.codebook)
    if (t.groupId !== undefined && !groups.has(t.groupId))
      problems.push(`theme ${t.id}: unknown group ${t.groupId}`)
  const defs = new Map(index.attributeDefs.map((d) => [d.id, d]))
  for (const d of index.attributeDefs)
    if (isBuiltinAttribute(d.id) || d.id === 'title')
      problems.push(`attribute ${d.id}: the id of a builtin attribute`)
  for (const a of index.articles)
    for (const [k, v] of Object.entries(a.attributes)) {
      const def = defs.get(k)
      if (!def && !isBuiltinAttribute(k)) {
        problems.push(`article ${a.id}: unknown attribute ${k}`)
        continue
      }
      const p = attributeValueProblem(k, v, def)
      if (p) problems.push(`article ${a.id}: ${k} ${p}`)
    }
  return problems
}

/** The first article of a session made from a one-article session (format 1) or a new one. */
export function corpusFromArticle(
  session: {
    id: string
    createdAt: string
    updatedAt: string
    codebook: Theme[]
    document: { title: string; sourceFileName: string; text: string; sha256: string }
    passages: Passage[]
    ui: UiState
  },
  articleId: string,
  attributes: AttributeValues = {},
  source?: ArticleSource,
): {
  id: string
  createdAt: string
  updatedAt: string
  meta: CorpusMeta
  articles: Map<string, ArticleData>
} {
  const entry: ArticleEntry = {
    id: articleId,
    title: session.document.title,
    sourceFileName: session.document.sourceFileName,
    sha256: session.document.sha256,
    chars: session.document.text.length,
    addedAt: session.createdAt,
    attributes,
    passageCount: session.passages.length,
    ...(source && { source }),
  }
  return {
    id: session.id,
    createdAt: session.createdAt,
    updatedAt: session.updatedAt,
    meta: { codebook: session.codebook, themeGroups: [], attributeDefs: [], articles: [entry] },
    articles: new Map([
      [
        articleId,
        {
          id: articleId,
          text: session.document.text,
          passages: session.passages,
          ui: session.ui,
          updatedAt: session.updatedAt,
        },
      ],
    ]),
  }
}
