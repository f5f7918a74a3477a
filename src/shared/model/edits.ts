// Edits: the only way a session changes. Pure functions over plain data, so
// the renderer (optimistic state, undo/redo) and the main process (the copy
// that is saved) apply exactly the same code.
import { z } from 'zod'
import { themeGroupSchema } from './corpus'
import {
  CONTEXT_LENGTH,
  findCodebookProblems,
  findPassageProblems,
  idSchema,
  isoTimeSchema,
  MAX_THEMES,
  passageSchema,
  splitsSurrogatePair,
  themeSchema,
  uiStateSchema,
  type Passage,
  type Session,
} from './schema'

/** New themes (and updatedAt) of one passage, as a codebook change sets them. */
export const passageThemesSchema = z.object({
  id: idSchema,
  /** The article the passage is in; absent: the article the edit is sent for. */
  articleId: idSchema.optional(),
  themeIds: z.array(idSchema).max(100),
  updatedAt: isoTimeSchema,
  /**
   * What the passage had before, set when the change was planned over the
   * whole corpus (main plans merges and deletions): undo restores it
   * without the renderer holding every article.
   */
  was: z.object({ themeIds: z.array(idSchema).max(100), updatedAt: isoTimeSchema }).optional(),
})
export type PassageThemes = z.infer<typeof passageThemesSchema>

export const editSchema = z.discriminatedUnion('type', [
  /** Create a passage, or replace the one with the same id. */
  z.object({ type: z.literal('putPassage'), passage: passageSchema }),
  z.object({ type: z.literal('deletePassage'), id: idSchema }),
  z.object({ type: z.literal('setUi'), ui: uiStateSchema }),
  /**
   * Replace the whole codebook (add, rename, recolour, reorder, merge,
   * delete, import: see codebook-ops.ts) and, in the same step, the themes
   * of the passages it changes. One edit, so one undo.
   */
  z.object({
    type: z.literal('setCodebook'),
    codebook: z.array(themeSchema).min(1).max(MAX_THEMES),
    /** The theme groups after the change; absent: unchanged. */
    themeGroups: z.array(themeGroupSchema).max(MAX_THEMES).optional(),
    passages: z.array(passageThemesSchema).max(1_000_000),
  }),
])
/** An edit of one article's passages or view, or of the codebook. */
export type Edit = z.infer<typeof editSchema>

export class EditError extends Error {}

/** Document order: by start, then the longer passage first, then by id. */
export function comparePassages(a: Passage, b: Passage): number {
  return a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

/**
 * Applies one edit; throws EditError when the edit does not fit the session.
 * `articleId`: the article the session view shows; a codebook change's
 * passage changes for other articles are then left to their own articles.
 */
export function applyEdit(session: Session, edit: Edit, now: string, articleId?: string): Session {
  switch (edit.type) {
    case 'putPassage': {
      const problems = findPassageProblems(session, edit.passage)
      if (problems.length) throw new EditError(problems.join('; '))
      // Passages stay in document order: remove the old version, then insert
      // at the place a binary search finds (O(n), no re-sort of the session).
      const passages = session.passages.filter((p) => p.id !== edit.passage.id)
      let lo = 0
      let hi = passages.length
      while (lo < hi) {
        const mid = (lo + hi) >>> 1
        if (comparePassages(passages[mid]!, edit.passage) < 0) lo = mid + 1
        else hi = mid
      }
      passages.splice(lo, 0, edit.passage)
      return { ...session, passages, updatedAt: now }
    }
    case 'deletePassage': {
      if (!session.passages.some((p) => p.id === edit.id))
        throw new EditError(`no passage ${edit.id}`)
      return {
        ...session,
        passages: session.passages.filter((p) => p.id !== edit.id),
        updatedAt: now,
      }
    }
    case 'setUi':
      return { ...session, ui: edit.ui }
    case 'setCodebook':
      return applySetCodebook(session, edit, now, articleId)
  }
}

function applySetCodebook(
  session: Session,
  edit: Extract<Edit, { type: 'setCodebook' }>,
  now: string,
  articleId: string | undefined,
): Session {
  const problems = findCodebookProblems(edit.codebook, { strict: true })
  if (problems.length) throw new EditError(problems.join('; '))
  const changes = new Map<string, PassageThemes>()
  for (const c of edit.passages) {
    if (c.articleId !== undefined && articleId !== undefined && c.articleId !== articleId) continue
    if (changes.has(c.id)) throw new EditError(`passage ${c.id} is changed twice`)
    changes.set(c.id, c)
  }
  let found = 0
  const known = new Set(edit.codebook.map((t) => t.id))
  const passages = session.passages.map((p) => {
    const c = changes.get(p.id)
    // A change planned over the corpus says what the passage had: if it has
    // changed since (an edit that reached main first), the plan is stale and
    // applying it would lose that edit.
    if (c?.was && !sameThemes(c.was.themeIds, p.themeIds))
      throw new EditError(`passage ${p.id} changed after this codebook change was planned`)
    const next = c ? (found++, { ...p, themeIds: c.themeIds, updatedAt: c.updatedAt }) : p
    // Every passage, changed or not, must still point at themes of the codebook.
    for (const t of next.themeIds)
      if (!known.has(t)) throw new EditError(`passage ${p.id}: unknown theme ${t}`)
    if (c && new Set(c.themeIds).size !== c.themeIds.length)
      throw new EditError(`passage ${p.id}: a theme is listed twice`)
    return next
  })
  if (found !== changes.size) {
    const missing = [...changes.keys()].find((id) => !session.passages.some((p) => p.id === id))
    throw new EditError(`no passage ${missing}`)
  }
  return { ...session, codebook: edit.codebook, passages, updatedAt: now }
}

/** The same themes, in any order. */
function sameThemes(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false
  const set = new Set(a)
  return b.every((t) => set.has(t))
}

export function applyEdits(session: Session, edits: readonly Edit[], now: string): Session {
  return edits.reduce((s, e) => applyEdit(s, e, now), session)
}

/**
 * Checks that `edits` apply to `session`, all of them in order, without
 * keeping the result: throws EditError (as applyEdits would) when one does
 * not fit. The session is not changed.
 */
export function assertEditsApply(session: Session, edits: readonly Edit[], now: string): void {
  applyEdits(session, edits, now)
}

/** The edit that undoes `edit` when applied to the session after it. */
export function invertEdit(before: Session, edit: Edit): Edit {
  switch (edit.type) {
    case 'putPassage': {
      const old = before.passages.find((p) => p.id === edit.passage.id)
      return old
        ? { type: 'putPassage', passage: old }
        : { type: 'deletePassage', id: edit.passage.id }
    }
    case 'deletePassage': {
      const old = before.passages.find((p) => p.id === edit.id)
      if (!old) throw new EditError(`no passage ${edit.id}`)
      return { type: 'putPassage', passage: old }
    }
    case 'setUi':
      return { type: 'setUi', ui: before.ui }
    case 'setCodebook': {
      const byId = new Map(before.passages.map((p) => [p.id, p]))
      return {
        type: 'setCodebook',
        codebook: before.codebook,
        passages: edit.passages.map((c) => {
          const undo = (was: { themeIds: string[]; updatedAt: string }): PassageThemes => ({
            id: c.id,
            ...(c.articleId !== undefined && { articleId: c.articleId }),
            themeIds: was.themeIds,
            updatedAt: was.updatedAt,
            was: { themeIds: c.themeIds, updatedAt: c.updatedAt },
          })
          if (c.was) return undo(c.was)
          const old = byId.get(c.id)
          if (!old) throw new EditError(`no passage ${c.id}`)
          return undo(old)
        }),
      }
    }
  }
}

export interface NewPassage {
  id: string
  start: number
  end: number
  themeIds: string[]
  author: string
  now: string
}

/** Builds a passage with its quote and context from the text. */
export function makePassage(text: string, n: NewPassage): Passage {
  if (!(n.start >= 0 && n.end > n.start && n.end <= text.length))
    throw new EditError(`bad range ${n.start}–${n.end}`)
  // The context never starts or ends in the middle of an emoji.
  let from = Math.max(0, n.start - CONTEXT_LENGTH)
  if (splitsSurrogatePair(text, from)) from++
  let to = Math.min(text.length, n.end + CONTEXT_LENGTH)
  if (splitsSurrogatePair(text, to)) to--
  return {
    id: n.id,
    start: n.start,
    end: n.end,
    quote: text.slice(n.start, n.end),
    prefix: text.slice(from, n.start),
    suffix: text.slice(n.end, to),
    themeIds: n.themeIds,
    note: '',
    createdAt: n.now,
    updatedAt: n.now,
    author: n.author,
  }
}

/** Returns the passage with `themeId` added or removed, codebook order kept. */
export function toggleTheme(
  p: Passage,
  themeId: string,
  codebookOrder: readonly string[],
  now: string,
): Passage {
  const has = p.themeIds.includes(themeId)
  const next = has ? p.themeIds.filter((t) => t !== themeId) : [...p.themeIds, themeId]
  next.sort((a, b) => codebookOrder.indexOf(a) - codebookOrder.indexOf(b))
  return { ...p, themeIds: next, updatedAt: now }
}
