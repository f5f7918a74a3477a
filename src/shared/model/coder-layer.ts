// The edit that sets one coder's layer: the passages whose `author` is that
// coder, in the articles whose layer changes ("Bring coders' work back…").
// One `setCoderLayer` edit per coder: per article the coder's passages that
// go (by id) and those that come (whole), the codebook after (when themes
// from the coder's copy are added), and the session's coder records after.
// Its inverse is exact and as cheap as the change: per article, the ids
// that came go and the passages that went come back, the codebook and the
// records as they were. A passage that stays the same is in neither list,
// so bringing back a newer copy carries only what changed.
// Main plans it (it holds every article), applies it, and hands the edit
// and its inverse to the renderer's history; undo and redo send them back
// like any edit. Articles the renderer does not hold only get their cached
// passage counts moved. Article `updatedAt`s stay, as in a codebook change.
// Pure: no DOM, no Node, no Electron.
import { z } from 'zod'
import {
  coderNameSchema,
  coderRecordSchema,
  findIndexProblems,
  MAX_ARTICLES,
  type ArticleData,
  type ArticleEntry,
  type CorpusMeta,
} from './corpus'
import type { CorpusState } from './corpus-edits'
import { comparePassages, EditError } from './edits'
import {
  findCodebookProblems,
  findPassageProblems,
  idSchema,
  MAX_THEMES,
  passageSchema,
  themeSchema,
  type Passage,
  type Theme,
} from './schema'

/** Most passages one article's change carries. */
const MAX_ARTICLE_PASSAGES = 1_000_000

export const setCoderLayerSchema = z.object({
  type: z.literal('setCoderLayer'),
  /** The coder whose layer changes: every passage removed or put is theirs. */
  coder: coderNameSchema,
  /** The codebook after the change (themes added from the coder's copy); absent: unchanged. */
  codebook: z.array(themeSchema).min(1).max(MAX_THEMES).optional(),
  /** The session's coder records after the change; null: none. */
  coders: z.array(coderRecordSchema).max(1000).nullable(),
  /** The articles whose layer changes. */
  articles: z
    .array(
      z.object({
        articleId: idSchema,
        /** Ids of the coder's passages that go (changed ones go, then come back new). */
        remove: z.array(idSchema).max(MAX_ARTICLE_PASSAGES),
        /** The coder's passages that come, whole. */
        put: z.array(passageSchema).max(MAX_ARTICLE_PASSAGES),
      }),
    )
    .max(MAX_ARTICLES),
})
export type SetCoderLayer = z.infer<typeof setCoderLayerSchema>

/**
 * Applies a coder's layer change. Throws EditError, changing nothing, when
 * it does not fit: an article that is not there, a passage to remove that is
 * not there or not the coder's, a passage put twice or of another author or
 * that does not fit its text or the codebook.
 */
export function applyCoderLayer(state: CorpusState, edit: SetCoderLayer, now: string): CorpusState {
  const codebook = edit.codebook ?? state.meta.codebook
  if (edit.codebook) {
    const problems = [
      ...findCodebookProblems(edit.codebook, { strict: true }),
      ...findIndexProblems({ ...state.meta, codebook: edit.codebook, articles: [] }),
    ]
    if (problems.length) throw new EditError(problems.slice(0, 3).join('; '))
  }
  if (edit.coders && new Set(edit.coders.map((c) => c.name)).size !== edit.coders.length)
    throw new EditError('a coder is recorded twice')
  const known = new Set(codebook.map((t) => t.id))
  const at = new Map(state.meta.articles.map((a, i) => [a.id, i]))
  const list: ArticleEntry[] = [...state.meta.articles]
  const articles = new Map(state.articles)
  const changed = new Set<string>()
  for (const change of edit.articles) {
    const { articleId } = change
    if (changed.has(articleId)) throw new EditError(`article ${articleId} is listed twice`)
    changed.add(articleId)
    const i = at.get(articleId)
    if (i === undefined) throw new EditError(`no article ${articleId}`)
    const entry = list[i]!
    const article = state.articles.get(articleId)
    let count: number
    if (article) {
      const next = withLayer(article, change, edit.coder, codebook, known)
      articles.set(articleId, next)
      count = next.passages.length
    } else {
      // Not held here (the renderer holds one article): main checks it; the count follows.
      count = entry.passageCount - change.remove.length + change.put.length
      if (count < 0) throw new EditError(`article ${articleId} has fewer passages`)
    }
    if (count !== entry.passageCount) list[i] = { ...entry, passageCount: count }
  }
  // Themes that leave (undoing added ones): no other passage held may keep one.
  if (edit.codebook) {
    const gone = new Set(state.meta.codebook.filter((t) => !known.has(t.id)).map((t) => t.id))
    if (gone.size)
      for (const [id, article] of articles) {
        if (changed.has(id)) continue
        for (const p of article.passages)
          for (const t of p.themeIds)
            if (gone.has(t)) throw new EditError(`passage ${p.id}: unknown theme ${t}`)
      }
  }
  const meta: CorpusMeta = { ...state.meta, codebook, articles: list }
  if (edit.coders === null) delete meta.coders
  else meta.coders = edit.coders
  return { ...state, meta, articles, updatedAt: now }
}

/** The article with the coder's passages `remove` taken out and `put` in, in document order. */
function withLayer(
  article: ArticleData,
  change: SetCoderLayer['articles'][number],
  coder: string,
  codebook: readonly Theme[],
  known: ReadonlySet<string>,
): ArticleData {
  const remove = new Set(change.remove)
  if (remove.size !== change.remove.length) throw new EditError('a passage is removed twice')
  const kept: Passage[] = []
  let removed = 0
  for (const p of article.passages) {
    if (!remove.has(p.id)) {
      kept.push(p)
      continue
    }
    if (p.author !== coder) throw new EditError(`passage ${p.id} is not ${coder}’s`)
    removed++
  }
  if (removed !== remove.size) {
    const present = new Set(article.passages.map((p) => p.id))
    throw new EditError(`no passage ${change.remove.find((id) => !present.has(id))}`)
  }
  const ids = new Set(kept.map((p) => p.id))
  const view = {
    document: { title: '', sourceFileName: '', text: article.text, sha256: '' },
    codebook: codebook as Theme[],
  }
  for (const p of change.put) {
    if (p.author !== coder) throw new EditError(`passage ${p.id} is not ${coder}’s`)
    if (ids.has(p.id)) throw new EditError(`passage ${p.id} is there already`)
    ids.add(p.id)
    const problems = findPassageProblems(view, p, known)
    if (problems.length) throw new EditError(problems.slice(0, 3).join('; '))
  }
  const passages = mergeSorted(kept, [...change.put].sort(comparePassages))
  return removed === 0 && change.put.length === 0 ? article : { ...article, passages }
}

/** Two lists in document order as one. */
function mergeSorted(a: readonly Passage[], b: readonly Passage[]): Passage[] {
  if (b.length === 0) return [...a]
  const out: Passage[] = []
  let i = 0
  let j = 0
  while (i < a.length && j < b.length)
    out.push(comparePassages(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!)
  while (i < a.length) out.push(a[i++]!)
  while (j < b.length) out.push(b[j++]!)
  return out
}

/**
 * The edit that undoes `edit`, from the state before it. Needs every
 * article the edit changes in memory (main holds them all).
 */
export function invertCoderLayer(before: CorpusState, edit: SetCoderLayer): SetCoderLayer {
  return {
    type: 'setCoderLayer',
    coder: edit.coder,
    ...(edit.codebook && { codebook: before.meta.codebook }),
    coders: before.meta.coders ?? null,
    articles: edit.articles.map((change) => {
      const article = before.articles.get(change.articleId)
      if (!article) throw new EditError(`article ${change.articleId} is not in memory here`)
      const remove = new Set(change.remove)
      return {
        articleId: change.articleId,
        remove: change.put.map((p) => p.id),
        put: article.passages.filter((p) => remove.has(p.id)),
      }
    }),
  }
}
