// Edits of a corpus session: the article edits of edits.ts (passages, view
// state, the codebook) plus the edits of the index (articles' titles and
// attributes, attribute definitions, removing and restoring articles).
// Pure functions over plain data, applied by the renderer (optimistic state,
// undo/redo, holding only the open article) and by main (holding them all).
import { z } from 'zod'
import {
  articleEntrySchema,
  attributeDefSchema,
  attributeValuesSchema,
  findIndexProblems,
  MAX_ARTICLES,
  type ArticleData,
  type ArticleEntry,
  type CorpusMeta,
} from './corpus'
import { applyCoderLayer, invertCoderLayer, setCoderLayerSchema } from './coder-layer'
import {
  applyEdit,
  editSchema,
  EditError,
  invertEdit,
  type Edit,
  type PassageThemes,
} from './edits'
import { findCodebookProblems, idSchema, type Session } from './schema'

export const articleMetaSchema = z.object({
  id: idSchema,
  title: z.string().max(1000),
  attributes: attributeValuesSchema,
})
export type ArticleMeta = z.infer<typeof articleMetaSchema>

const metaEditOptions = [
  /**
   * Sets the title and attributes of articles (rename, the details panel,
   * one attribute for many articles, an attribute CSV), and with
   * `attributeDefs` the session's custom attributes, in one step.
   */
  z.object({
    type: z.literal('setArticleMeta'),
    attributeDefs: z.array(attributeDefSchema).max(200).optional(),
    articles: z.array(articleMetaSchema).max(MAX_ARTICLES),
  }),
  /** Removes articles and their passages from the session. */
  z.object({ type: z.literal('removeArticles'), ids: z.array(idSchema).min(1).max(MAX_ARTICLES) }),
  /**
   * Puts removed (or added, on redo) articles back at their places in the
   * list: main keeps their files until the session closes.
   */
  z.object({
    type: z.literal('restoreArticles'),
    articles: z
      .array(z.object({ entry: articleEntrySchema, at: z.number().int().nonnegative() }))
      .min(1)
      .max(MAX_ARTICLES),
  }),
  /** Sets one coder's passages and record, with themes from their copy (coder-layer.ts). */
  setCoderLayerSchema,
] as const

/** Any edit of a corpus session. */
export const corpusEditSchema = z.discriminatedUnion('type', [
  ...editSchema.options,
  ...metaEditOptions,
])
export type CorpusEdit = z.infer<typeof corpusEditSchema>
export type MetaEdit = Exclude<CorpusEdit, Edit>

/** Edits that change one article's passages or view (sent with the article's id). */
export function isArticleEdit(
  edit: CorpusEdit,
): edit is Extract<Edit, { type: 'putPassage' | 'deletePassage' | 'setUi' }> {
  return edit.type === 'putPassage' || edit.type === 'deletePassage' || edit.type === 'setUi'
}

/** A corpus session in memory. */
export interface CorpusState {
  id: string
  createdAt: string
  updatedAt: string
  meta: CorpusMeta
  /** The articles held in memory, by id: main holds them all, the renderer the open one. */
  articles: ReadonlyMap<string, ArticleData>
}

/** The one-article view the article, sidebar and codebook panel work on. */
export function articleView(state: CorpusState, articleId: string): Session {
  const article = state.articles.get(articleId)
  const entry = state.meta.articles.find((a) => a.id === articleId)
  if (!article || !entry) throw new EditError(`no article ${articleId}`)
  return viewOf(state, entry, article)
}

export function viewOf(
  state: Pick<CorpusState, 'id' | 'createdAt' | 'updatedAt' | 'meta'>,
  entry: ArticleEntry,
  article: ArticleData,
): Session {
  return {
    schemaVersion: 1,
    id: state.id,
    createdAt: state.createdAt,
    updatedAt: article.updatedAt,
    document: {
      title: entry.title,
      sourceFileName: entry.sourceFileName,
      text: article.text,
      sha256: entry.sha256,
    },
    codebook: state.meta.codebook,
    passages: article.passages,
    ui: article.ui,
  }
}

const articleFromView = (view: Session, old: ArticleData): ArticleData =>
  view.passages === old.passages && view.ui === old.ui && view.updatedAt === old.updatedAt
    ? old
    : { ...old, passages: view.passages, ui: view.ui, updatedAt: view.updatedAt }

/**
 * Applies one edit. `articleId` is the article an article edit is for (the
 * open one). Throws EditError, changing nothing, when the edit does not fit.
 */
export function applyCorpusEdit(
  state: CorpusState,
  articleId: string | null,
  edit: CorpusEdit,
  now: string,
): CorpusState {
  if (isArticleEdit(edit)) {
    if (articleId === null) throw new EditError('an article edit needs an article')
    const article = state.articles.get(articleId)
    const at = state.meta.articles.findIndex((a) => a.id === articleId)
    if (!article || at < 0) throw new EditError(`no article ${articleId}`)
    const entry = state.meta.articles[at]!
    const next = articleFromView(applyEdit(viewOf(state, entry, article), edit, now), article)
    const articles = new Map(state.articles).set(articleId, next)
    let meta = state.meta
    if (next.passages.length !== entry.passageCount) {
      const list = [...meta.articles]
      list[at] = { ...entry, passageCount: next.passages.length }
      meta = { ...meta, articles: list }
    }
    return {
      ...state,
      meta,
      articles,
      updatedAt: edit.type === 'setUi' ? state.updatedAt : now,
    }
  }
  switch (edit.type) {
    case 'setCodebook':
      return applyCodebook(state, articleId, edit, now)
    case 'setArticleMeta':
      return { ...state, meta: applyArticleMeta(state.meta, edit), updatedAt: now }
    case 'removeArticles': {
      const gone = new Set(edit.ids)
      if (gone.size !== edit.ids.length) throw new EditError('an article is listed twice')
      for (const id of gone)
        if (!state.meta.articles.some((a) => a.id === id)) throw new EditError(`no article ${id}`)
      if (gone.size === state.meta.articles.length)
        throw new EditError('a session keeps at least one article')
      const articles = new Map(state.articles)
      for (const id of gone) articles.delete(id)
      return {
        ...state,
        meta: { ...state.meta, articles: state.meta.articles.filter((a) => !gone.has(a.id)) },
        articles,
        updatedAt: now,
      }
    }
    case 'restoreArticles': {
      const list = [...state.meta.articles]
      const sorted = [...edit.articles].sort((a, b) => a.at - b.at)
      for (const { entry, at } of sorted) {
        if (list.some((a) => a.id === entry.id)) throw new EditError(`article ${entry.id} is there`)
        list.splice(Math.min(at, list.length), 0, entry)
      }
      const meta = { ...state.meta, articles: list }
      const problems = findIndexProblems(meta)
      if (problems.length) throw new EditError(problems.slice(0, 3).join('; '))
      return { ...state, meta, updatedAt: now }
    }
    case 'setCoderLayer':
      return applyCoderLayer(state, edit, now)
  }
}

function applyArticleMeta(
  meta: CorpusMeta,
  edit: Extract<CorpusEdit, { type: 'setArticleMeta' }>,
): CorpusMeta {
  const changes = new Map(edit.articles.map((a) => [a.id, a]))
  if (changes.size !== edit.articles.length) throw new EditError('an article is listed twice')
  let found = 0
  const articles = meta.articles.map((a) => {
    const c = changes.get(a.id)
    if (!c) return a
    found++
    return { ...a, title: c.title, attributes: c.attributes }
  })
  if (found !== changes.size) throw new EditError('no such article')
  const next = { ...meta, attributeDefs: edit.attributeDefs ?? meta.attributeDefs, articles }
  const problems = findIndexProblems(next)
  if (problems.length) throw new EditError(problems.slice(0, 3).join('; '))
  return next
}

function applyCodebook(
  state: CorpusState,
  articleId: string | null,
  edit: Extract<Edit, { type: 'setCodebook' }>,
  now: string,
): CorpusState {
  const problems = [
    ...findCodebookProblems(edit.codebook, { strict: true }),
    ...findIndexProblems({
      ...state.meta,
      codebook: edit.codebook,
      themeGroups: edit.themeGroups ?? state.meta.themeGroups,
      articles: [],
    }),
  ]
  if (problems.length) throw new EditError(problems.slice(0, 3).join('; '))
  // A change without an article is for the article the edit was sent for.
  const only = state.articles.size === 1 ? [...state.articles.keys()][0]! : null
  const entries = new Map(state.meta.articles.map((a) => [a.id, a]))
  const changes = new Map<string, PassageThemes[]>()
  for (const c of edit.passages) {
    const id = c.articleId ?? articleId ?? only
    if (id === null) throw new EditError(`passage ${c.id}: which article?`)
    // An article removed since the change was planned: refused, not skipped.
    if (!entries.has(id)) throw new EditError(`passage ${c.id}: no article ${id}`)
    const list = changes.get(id)
    if (list) list.push(c)
    else changes.set(id, [c])
  }
  // Themes the change takes out of the codebook: no passage may keep one.
  const kept = new Set(edit.codebook.map((t) => t.id))
  const gone = new Set(state.meta.codebook.filter((t) => !kept.has(t.id)).map((t) => t.id))
  const meta = {
    ...state.meta,
    codebook: edit.codebook,
    themeGroups: edit.themeGroups ?? state.meta.themeGroups,
  }
  // Changes for articles not held here (the renderer holds one) are main's.
  const articles = new Map<string, ArticleData>()
  for (const [id, article] of state.articles) {
    const entry = entries.get(id)
    if (!entry) throw new EditError(`no article ${id}`)
    const own = changes.get(id)
    if (own) {
      const view = applyEdit(viewOf(state, entry, article), { ...edit, passages: own }, now)
      articles.set(id, articleFromView({ ...view, updatedAt: article.updatedAt }, article))
      continue
    }
    // Untouched: it stays as it is, if none of its passages uses a theme that goes.
    if (gone.size)
      for (const p of article.passages)
        for (const t of p.themeIds)
          if (gone.has(t)) throw new EditError(`passage ${p.id}: unknown theme ${t}`)
    articles.set(id, article)
  }
  return { ...state, meta, articles, updatedAt: now }
}

export function applyCorpusEdits(
  state: CorpusState,
  articleId: string | null,
  edits: readonly CorpusEdit[],
  now: string,
): CorpusState {
  return edits.reduce((s, e) => applyCorpusEdit(s, articleId, e, now), state)
}

/** The edit that undoes `edit`, applied to the state after it. */
export function invertCorpusEdit(
  before: CorpusState,
  articleId: string | null,
  edit: CorpusEdit,
): CorpusEdit {
  if (isArticleEdit(edit)) {
    if (articleId === null) throw new EditError('an article edit needs an article')
    return invertEdit(articleView(before, articleId), edit)
  }
  switch (edit.type) {
    case 'setCodebook': {
      // Passages of the held articles are looked up; the others carry `was`.
      const view: Session = {
        ...viewOf(before, before.meta.articles[0]!, emptyArticle),
        passages: [...before.articles.values()].flatMap((a) => a.passages),
      }
      const inverse = invertEdit(view, edit)
      return inverse.type === 'setCodebook'
        ? {
            ...inverse,
            ...(edit.themeGroups !== undefined && { themeGroups: before.meta.themeGroups }),
          }
        : inverse
    }
    case 'setArticleMeta': {
      const byId = new Map(before.meta.articles.map((a) => [a.id, a]))
      return {
        type: 'setArticleMeta',
        ...(edit.attributeDefs !== undefined && { attributeDefs: before.meta.attributeDefs }),
        articles: edit.articles.map((c) => {
          const old = byId.get(c.id)
          if (!old) throw new EditError(`no article ${c.id}`)
          return { id: old.id, title: old.title, attributes: old.attributes }
        }),
      }
    }
    case 'removeArticles':
      return {
        type: 'restoreArticles',
        articles: edit.ids.map((id) => {
          const at = before.meta.articles.findIndex((a) => a.id === id)
          if (at < 0) throw new EditError(`no article ${id}`)
          return { entry: before.meta.articles[at]!, at }
        }),
      }
    case 'restoreArticles':
      return { type: 'removeArticles', ids: edit.articles.map((a) => a.entry.id) }
    case 'setCoderLayer':
      return invertCoderLayer(before, edit)
  }
}

const emptyArticle: ArticleData = {
  id: 'none',
  text: '',
  passages: [],
  ui: { scrollTop: 0 },
  updatedAt: '1970-01-01T00:00:00.000Z',
}

/** The articles an edit writes (their files), besides the index. */
export function articlesTouched(
  state: CorpusState,
  articleId: string | null,
  edit: CorpusEdit,
): string[] {
  if (isArticleEdit(edit)) return articleId === null ? [] : [articleId]
  if (edit.type === 'setCoderLayer')
    return edit.articles.map((a) => a.articleId).filter((id) => state.articles.has(id))
  if (edit.type !== 'setCodebook') return []
  const ids = new Set<string>()
  for (const c of edit.passages) {
    const id = c.articleId ?? articleId
    if (id !== null && state.articles.has(id)) ids.add(id)
  }
  return [...ids]
}
