// THE table of the IPC contract: every method the renderer invokes, with
// the zod schema of its arguments and the type of its result, declared once.
// Everything else derives from it: the renderer's GlossApi type (api.ts),
// the handler types main must implement, main's argument checks (ipc.ts and
// the e2e harness, through src/main/checked-calls.ts). The names and
// channels are in names.ts, kept free of zod for the preload; this table
// must have exactly those methods (checked below by the compiler).
// Only main validates with these schemas; the preload must never import
// this module at run time (types only).
import { z } from 'zod'
import { MAX_ARTICLES } from '../model/corpus'
import type { CoderCount } from '../model/session-coders'
import { corpusEditSchema } from '../model/corpus-edits'
import { articleFilterSchema } from '../model/corpus-query'
import { coderFilterSchema } from '../model/corpus-filter-schema'
import type { CorpusSummary } from '../model/corpus-stats'
import { TIME_BINS } from '../model/time-bins'
import type { Edit } from '../model/edits'
import type { CodebookImport } from '../model/codebook-ops'
import type { AttributeImport } from '../model/attribute-import'
import {
  searchOptionsSchema,
  type CorpusSearchPage,
  type CorpusSearchRow,
  type CorpusSearchStatus,
} from '../model/corpus-search'
import { MAX_TABLE_COLUMNS } from '../model/table-mapping'
import { passageQuerySchema, type PassageQueryPage, type PassageRow } from '../model/passage-query'
import { chosenCoderNameSchema } from '../model/coders'
import { idSchema, MAX_THEMES } from '../model/schema'
import { coderNameSchema } from '../model/corpus'
import type { AgreementReport } from '../agreement/report'
import type { UnitKind } from '../agreement/units'
import type { ThemeUsageMap } from '../model/theme-usage'
import { settingsChangeSchema, type Settings } from '../settings'
import type { InvokeMethod } from './names'
import type { BringBackResult, CoderCopiesChosen } from './bring-back'
import { pngBase64Schema } from './png'
import type { Result } from './result'
import type {
  TableMapping,
  AddArticlesResult,
  ExportReceipt,
  FileReceipt,
  OpenedArticle,
  OpenedSession,
  RecentSession,
  SaveReceipt,
} from './types'
import type { CoderCopiesResult, CoderIdentity } from './coders'

type ArgsSchema = z.ZodType<readonly unknown[]>

/** One method of the table: its argument schema, and its result type (type-level only). */
export interface MethodSpec<A extends ArgsSchema, R> {
  readonly args: A
  /** Never set: carries the result type. */
  readonly result?: { value: R }
}

/** A method returning `R`, with arguments checked by `args`. */
const returns =
  <R>() =>
  <A extends ArgsSchema>(args: A): MethodSpec<A, R> => ({ args })

const sessionId = z.tuple([idSchema])

/** Most characters of a pasted article (the size limit of an added file). */
export const MAX_PASTED_CHARS = 20 * 1024 * 1024
/** Most coder copies one "Make coder copies…" makes. */
export const MAX_CODER_COPIES = 100
/** Most rows one call carries (a screenful is a few dozen). */
const MAX_ROWS = 500
const rowCount = z.number().int().min(0).max(MAX_ROWS)
const columnIndex = z
  .number()
  .int()
  .min(0)
  .max(MAX_TABLE_COLUMNS - 1)
/** A table of articles' columns by role (the text required), and those kept as custom attributes. */
const tableMappingSchema = z.object({
  columns: z
    .object({
      text: columnIndex,
      title: columnIndex.optional(),
      outlet: columnIndex.optional(),
      author: columnIndex.optional(),
      published: columnIndex.optional(),
      url: columnIndex.optional(),
      language: columnIndex.optional(),
    })
    .strict(),
  custom: z.array(columnIndex).max(MAX_TABLE_COLUMNS),
}) satisfies z.ZodType<TableMapping>
/** A session, a query or search, and the rows [from, to) of its results. */
const rowWindow = z
  .tuple([idSchema, idSchema, z.number().int().min(0), z.number().int().min(0)])
  .refine(([, , from, to]) => to >= from && to - from <= MAX_ROWS, 'at most 500 rows, from ≤ to')
// Corpus summary and exports (issue 12, points 8 and 9): which articles an
// export or the summary covers, and what the summary computes.

/**
 * The articles an export covers: the session's id, then optionally a filter
 * (default: every article), then optionally one article (only that one, if
 * it passes the filter), then optionally the coders whose passages it
 * exports (default: every coder's). null is "not given" too (a serialized
 * undefined).
 */
const exportScope = z.tuple([
  idSchema,
  articleFilterSchema.nullish(),
  idSchema.nullish(),
  coderFilterSchema.nullish(),
])

/** What the corpus summary computes, over the articles passing `filter` (default all). */
export const corpusSummaryRequestSchema = z.object({
  filter: articleFilterSchema.nullish(),
  /** The attribute of the theme by attribute table (an attribute id, a builtin or 'title'). */
  attribute: idSchema.nullable().optional(),
  /** Themes over time by `published`, in these bins. */
  bin: z.enum(TIME_BINS).nullable().optional(),
  /** Themes over time split into one series per value of this attribute. */
  split: idSchema.nullable().optional(),
})
export type CorpusSummaryRequest = z.infer<typeof corpusSummaryRequestSchema>

/** The tables of the corpus summary, each saved as its own CSV. */
export const SUMMARY_TABLES = ['themes', 'byAttribute', 'overTime'] as const

/** The summary charts saved as PNG, each named in the proposed file name. */
export const SUMMARY_CHARTS = ['article', 'themes', 'byAttribute', 'overTime'] as const
export type SummaryChartName = (typeof SUMMARY_CHARTS)[number]

/** The units of analysis of the Agreement view (units.ts). */
const UNIT_KINDS = ['article', 'paragraph', 'sentence', 'characters'] as const satisfies UnitKind[]

/**
 * What the Agreement view computes (agreement/report.ts): two coders or
 * more (fewer is refused with a message, not by the schema), the themes
 * (null: all), the articles (null: the whole session).
 */
export const agreementRequestSchema = z.object({
  unit: z.enum(UNIT_KINDS),
  coders: z.array(coderNameSchema).max(1000),
  themeIds: z.array(idSchema).max(MAX_THEMES).nullish(),
  articleIds: z.array(idSchema).max(MAX_ARTICLES).nullish(),
})
export type AgreementRequestArg = z.infer<typeof agreementRequestSchema>

export const IPC_METHODS = {
  /** Creates a new session on the bundled sample article. */
  openSample: returns<OpenedSession>()(z.tuple([])),
  /** Asks for a .txt/.md file and creates a session on it; null when cancelled. */
  openArticle: returns<OpenedSession | null>()(z.tuple([])),
  /**
   * Asks for a session (a folder's session.json, a one-file copy
   * `*.gloss.zip`, or an older `*.gloss.json`) and opens it; null when cancelled.
   */
  openSession: returns<OpenedSession | null>()(z.tuple([])),
  /** Reopens a session from the recent list. */
  openRecent: returns<OpenedSession>()(z.tuple([idSchema])),
  /**
   * Recovers a session that failed to load from its previous good version:
   * the damaged file is kept as `<name>.corrupt-<time>.json`, never overwritten.
   */
  openBackup: returns<OpenedSession>()(z.tuple([idSchema])),
  listRecent: returns<RecentSession[]>()(z.tuple([])),
  getSettings: returns<Settings>()(z.tuple([])),
  updateSettings: returns<Settings>()(z.tuple([settingsChangeSchema])),
  /** Shows another article of the session (remembered for the next open). */
  switchArticle: returns<OpenedArticle>()(z.tuple([idSchema, idSchema])),
  /**
   * Applies edits in order and resolves once they are on disk. The second
   * argument is the article the article edits are for (null: none).
   */
  applyEdits: returns<SaveReceipt>()(
    z.tuple([idSchema, idSchema.nullable(), z.array(corpusEditSchema).min(1).max(10_000)]),
  ),
  /**
   * Plans a merge or deletion of a theme over every article of the session:
   * the codebook edit to apply (one undo step). Changes nothing itself.
   */
  planCodebookChange: returns<Extract<Edit, { type: 'setCodebook' }>>()(
    z.tuple([
      idSchema,
      z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('merge'), fromId: idSchema, intoId: idSchema }),
        z.object({ kind: z.literal('delete'), id: idSchema }),
      ]),
    ]),
  ),
  // The codebook over the corpus (codebook panel).
  /**
   * How much each theme is used across every article of the session:
   * passages, articles, passages it alone tags (by theme id; absent: unused).
   */
  themeUsage: returns<ThemeUsageMap>()(sessionId),
  /**
   * Asks where to save, then writes the CSV of the passages of the articles
   * in scope (one row per passage, with its article's columns); null when
   * cancelled. Rows: passages.
   */
  exportCsv: returns<ExportReceipt | null>()(exportScope),
  /** Asks where to save, then writes the tidy CSV (one row per passage and theme); null when cancelled. */
  exportTidyCsv: returns<ExportReceipt | null>()(exportScope),
  /**
   * Asks where to save, then writes the article × theme matrix CSV (one row
   * per article in scope); null when cancelled. Rows: articles.
   */
  exportMatrixCsv: returns<ExportReceipt | null>()(exportScope),
  /** The corpus summary's numbers over the articles in scope (computed in main, which holds them all). */
  corpusSummary: returns<CorpusSummary>()(z.tuple([idSchema, corpusSummaryRequestSchema])),
  /** Asks where to save, then writes one table of the corpus summary as CSV; null when cancelled. */
  exportCorpusSummaryCsv: returns<ExportReceipt | null>()(
    z.tuple([idSchema, corpusSummaryRequestSchema, z.enum(SUMMARY_TABLES)]),
  ),
  /** Asks where to save, then writes the summary's numbers as CSV; null when cancelled. */
  exportSummaryCsv: returns<ExportReceipt | null>()(sessionId),
  /** Asks where to save, then writes the summary chart (PNG bytes, base64); null when cancelled. */
  saveSummaryPng: returns<FileReceipt | null>()(
    z.tuple([idSchema, pngBase64Schema, z.enum(SUMMARY_CHARTS).nullish()]),
  ),
  /** Asks where to save, then writes the codebook as CSV (name, description, colour, key, group); null when cancelled. */
  exportCodebookCsv: returns<ExportReceipt | null>()(sessionId),
  /**
   * Asks for a codebook CSV and reads it against the session's codebook
   * (merge by name). Changes nothing itself: returns the edit to apply (one
   * undo step) or the file's problems with their rows; null when cancelled.
   */
  importCodebookCsv: returns<CodebookImport | null>()(sessionId),
  // Adding articles to an open session (handlers/articles.ts). Each answers
  // once the articles are on disk, with what was added, what was a
  // duplicate and what failed (progress comes as onAddArticlesProgress).
  /** Asks for .txt/.md files (multi-select) and adds them; null when cancelled. */
  addArticles: returns<AddArticlesResult | null>()(sessionId),
  /** Adds files dropped on the window: main checks each path (a regular file, its size, its format). */
  addArticleFiles: returns<AddArticlesResult>()(
    z.tuple([idSchema, z.array(z.string().min(1).max(4096)).min(1).max(MAX_ARTICLES)]),
  ),
  /** Adds pasted text as a new article; the title defaults to its first line. */
  pasteArticle: returns<AddArticlesResult>()(
    z.tuple([idSchema, z.string().max(MAX_PASTED_CHARS), z.string().max(1000).optional()]),
  ),
  /**
   * Adds the rows of a table of articles that an add found (its `tables`),
   * mapped by the analyst: one article per row, a report per row that was
   * not added. not-found once the table is forgotten (the session closed).
   */
  addArticleTable: returns<AddArticlesResult>()(z.tuple([idSchema, idSchema, tableMappingSchema])),
  /** Stops the batch of the session being added after the file being read (what was added stays). */
  cancelAddArticles: returns<null>()(sessionId),

  // Article attributes (features/attributes).
  /**
   * Asks for a CSV of article attributes (keyed by title or file name) and
   * reads it against the session. Changes nothing itself: returns the
   * setArticleMeta edit to apply (one undo step) or every problem with its
   * row; null when cancelled.
   */
  importAttributesCsv: returns<AttributeImport | null>()(sessionId),
  // Retrieval across the corpus (the Passages view and the corpus search):
  // main holds every article, runs the query, keeps its results and hands
  // out the rows the renderer shows.
  /** Runs a query over every passage of the session; its id, counts and first `count` rows. */
  queryPassages: returns<PassageQueryPage>()(z.tuple([idSchema, passageQuerySchema, rowCount])),
  /** Rows [from, to) of a query's results; not-found once the query is forgotten. */
  passageRows: returns<PassageRow[]>()(rowWindow),
  /** Starts a search of every article; its id, how far it came and its first `count` rows. */
  searchCorpus: returns<CorpusSearchPage>()(
    z.tuple([idSchema, z.string().max(1_000), searchOptionsSchema, rowCount]),
  ),
  /** Reads more articles for a search (a slice of time); how far it came. */
  continueCorpusSearch: returns<CorpusSearchStatus>()(z.tuple([idSchema, idSchema])),
  /** Rows [from, to) of a search's results, as far as it has come. */
  corpusSearchRows: returns<CorpusSearchRow[]>()(rowWindow),
  /** Writes pending edits and forgets the session. */
  closeSession: returns<null>()(sessionId),
  // Portable copy (issue 12): the session as one file to mail or carry.
  /**
   * Asks where to save, then writes the session as one zip file
   * (`<title>.gloss.zip`) that "Open session…" opens anywhere; null when cancelled.
   */
  saveSessionCopy: returns<FileReceipt | null>()(sessionId),
  /**
   * Asks where to save, then writes the copy of an article's original file
   * that the session kept ("Keep a copy of the original file"); null when
   * cancelled. Fails when the article kept none or the copy is gone.
   */
  saveOriginal: returns<FileReceipt | null>()(z.tuple([idSchema, idSchema])),
  // Coders (handlers/coders.ts): who codes, and one copy of the session per coder.
  /**
   * Who codes: the system user, the coder name setting, and for an open
   * session (null: none) its coder copy and who its new passages are
   * attributed to.
   */
  coderIdentity: returns<CoderIdentity>()(z.tuple([idSchema.nullish()])),
  /**
   * Asks for a folder, then writes one coder copy per coder
   * (`<title> — <coder>.gloss.zip`, never over a file): a new session of
   * the same articles and codebook, without passages or, with `includeMine`,
   * with the passages of the current coder; null when cancelled. Refused in
   * a coder copy. Progress comes as onCoderCopiesProgress.
   */
  makeCoderCopies: returns<CoderCopiesResult | null>()(
    z.tuple([
      idSchema,
      z.array(chosenCoderNameSchema).min(1).max(MAX_CODER_COPIES),
      z.object({ includeMine: z.boolean() }).strict(),
    ]),
  ),
  /** Stops making the session's coder copies after the copy being written (those made stay). */
  cancelCoderCopies: returns<null>()(sessionId),
  /**
   * Asks for coder copies (`*.gloss.zip`, several at once) to bring back
   * into the session; their names and a token for bringBackCoders, or null
   * when cancelled. The paths stay in main.
   */
  chooseCoderCopies: returns<CoderCopiesChosen | null>()(sessionId),
  /**
   * Brings the chosen coder copies back: every copy checked first (any
   * problem: nothing changes, every problem reported), then each coder's
   * passages as one undoable step, with a report per coder.
   */
  bringBackCoders: returns<BringBackResult>()(z.tuple([idSchema, idSchema])),
  // The session's coders (features/coder-layers): main holds every article.
  /**
   * Every coder of the session (the index's coders and every passage's
   * author; '' for passages without one), in the session's order of coders
   * (shared/model/session-coders.ts), with its passages and the articles it opened.
   */
  coders: returns<CoderCount[]>()(sessionId),
  // Inter-coder agreement (features/agreement): computed in main, which holds
  // every article, a step at a time (progress as onAgreementProgress).
  /** The agreement of the coders over the articles in scope; null when cancelled (or asked again). */
  agreement: returns<AgreementReport | null>()(z.tuple([idSchema, agreementRequestSchema])),
  /** Stops the session's agreement computation (its call answers null). */
  cancelAgreement: returns<null>()(sessionId),
  /**
   * Asks where to save, then writes the agreement table CSV (one row per
   * theme × coefficient × coder pair); null when cancelled. Rows: those rows.
   */
  exportAgreementCsv: returns<ExportReceipt | null>()(z.tuple([idSchema, agreementRequestSchema])),
  /**
   * Asks where to save, then writes the agreement units CSV (one row per
   * unit × theme × coder); null when cancelled.
   */
  exportAgreementUnitsCsv: returns<ExportReceipt | null>()(
    z.tuple([idSchema, agreementRequestSchema]),
  ),
  /** Asks where to save, then writes the agreement report (PNG bytes, base64); null when cancelled. */
  saveAgreementPng: returns<FileReceipt | null>()(z.tuple([idSchema, pngBase64Schema])),
} satisfies Record<InvokeMethod, MethodSpec<ArgsSchema, unknown>>

// `satisfies` above: a method of names.ts missing from the table, or a
// method of the table missing from names.ts, fails to compile.
type Table = typeof IPC_METHODS

/** The arguments of a method as the caller passes them (before validation). */
export type MethodParams<M extends InvokeMethod> = z.input<Table[M]['args']>
/** The arguments of a method as its handler receives them (validated). */
export type MethodArgs<M extends InvokeMethod> = z.output<Table[M]['args']>
/** What a method's result carries when it succeeds. */
export type MethodResult<M extends InvokeMethod> =
  NonNullable<Table[M]['result']> extends { value: infer R } ? R : never

/** The renderer's side: each method called with its arguments, answering a Result. */
export type InvokeApi = {
  [M in keyof Table]: (...args: MethodParams<M>) => Promise<Result<MethodResult<M>>>
}

/** Main's side: what createHandlers implements, called with validated arguments only. */
export type HandlerMethods = {
  [M in keyof Table]: (...args: MethodArgs<M>) => Promise<Result<MethodResult<M>>>
}
