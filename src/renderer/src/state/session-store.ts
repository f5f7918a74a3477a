// The renderer's copy of the open session: the index (codebook, attribute
// definitions, the article list) and the ONE article it shows. It applies
// edits optimistically with the same pure functions main uses, keeps the
// undo/redo history across articles, and sends every edit, in order, to the
// main process, which saves it. Save status follows what main reports.
// Undoing an edit of another article first switches to that article (and
// says so through `undoneIn`); an edit that removes the open article (a
// removal, the undo of an add) first switches to its neighbour in the list.
import type { GlossApi, GlossError } from '@shared/api'
import type { OpenedArticle } from '@shared/ipc/types'
import type { CorpusMeta } from '@shared/model/corpus'
import {
  applyCorpusEdit,
  articleView,
  invertCorpusEdit,
  isArticleEdit,
  type CorpusEdit,
  type CorpusState,
} from '@shared/model/corpus-edits'
import type { Session } from '@shared/model/schema'

export type SaveStatus =
  | { kind: 'saved'; at: string | null }
  | { kind: 'saving' }
  | { kind: 'failed'; reason: string; error: GlossError }

interface Step {
  /** The article the step's article edits were made in (null: index only). */
  articleId: string | null
  forward: CorpusEdit[]
  backward: CorpusEdit[]
}

export interface SessionSnapshot {
  /** The open article, seen with the codebook. */
  session: Session
  articleId: string
  meta: CorpusMeta
  canUndo: boolean
  canRedo: boolean
  status: SaveStatus
  /** Set when the last undo or redo switched article first: the article's title. */
  undoneIn: string | null
}

/** What the store starts from: what main sent when the session opened. */
export interface StoreInit {
  session: Session
  articleId: string
  meta: CorpusMeta
}

const RETRY_MS = 3000
const HISTORY_LIMIT = 500

type StoreApi = Pick<GlossApi, 'applyEdits'> & Partial<Pick<GlossApi, 'switchArticle'>>

export class SessionStore {
  private state: CorpusState
  private articleId: string
  private undoStack: Step[] = []
  private redoStack: Step[] = []
  private status: SaveStatus = { kind: 'saved', at: null }
  private undoneIn: string | null = null
  private pending = 0
  private queue: Promise<void> = Promise.resolve()
  private retryTimer: ReturnType<typeof setTimeout> | undefined
  private snapshot: SessionSnapshot
  private listeners = new Set<() => void>()
  /** The article being switched to, while main loads it. */
  private switching: Promise<boolean> | null = null
  /** The article last asked for, while switches are queued: where "next" starts from. */
  private requested: string | null = null

  constructor(
    initial: Session | StoreInit,
    private readonly api: StoreApi,
  ) {
    const init = 'meta' in initial ? initial : oneArticle(initial)
    this.articleId = init.articleId
    this.state = stateOf(init)
    this.snapshot = this.makeSnapshot()
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  getSnapshot = () => this.snapshot

  /** Applies edits as one undoable step. Throws (and changes nothing) if one does not fit. */
  edit(edits: CorpusEdit[]): void {
    const backward: CorpusEdit[] = []
    let s = this.state
    const now = new Date().toISOString()
    for (const e of edits) {
      backward.unshift(invertCorpusEdit(s, this.articleId, e))
      s = applyCorpusEdit(s, this.articleId, e, now)
    }
    const articleId = edits.some(isArticleEdit) ? this.articleId : null
    this.undoStack.push({ articleId, forward: edits, backward })
    if (this.undoStack.length > HISTORY_LIMIT) this.undoStack.shift()
    this.redoStack = []
    this.undoneIn = null
    this.commit(s, edits)
  }

  /**
   * Records a step whose forward edits main has already applied (articles
   * it added): the index here follows, the history gets the step, and
   * nothing is sent. Undo sends `backward`; redo sends `forward` again.
   */
  recordApplied(forward: CorpusEdit[], backward: CorpusEdit[]): void {
    const now = new Date().toISOString()
    this.state = forward.reduce(
      (acc, e) => applyCorpusEdit(acc, this.articleId, e, now),
      this.state,
    )
    this.undoStack.push({ articleId: null, forward, backward })
    if (this.undoStack.length > HISTORY_LIMIT) this.undoStack.shift()
    this.redoStack = []
    this.undoneIn = null
    this.emit()
  }

  /**
   * Removes articles from the session as one undoable step; when the open
   * article is one of them, its neighbour in the list opens first. Resolves
   * false (nothing removed) when no article would be left or the switch fails.
   */
  async removeArticles(ids: string[]): Promise<boolean> {
    if (!(await this.leaveIfRemoved([{ type: 'removeArticles', ids }]))) return false
    this.edit([{ type: 'removeArticles', ids }])
    return true
  }

  /** Applies edits that do not enter the history (scroll position). */
  editQuietly(edits: CorpusEdit[]): void {
    const now = new Date().toISOString()
    const s = edits.reduce((acc, e) => applyCorpusEdit(acc, this.articleId, e, now), this.state)
    this.commit(s, edits)
  }

  undo(): boolean {
    return this.travel(this.undoStack, this.redoStack, 'backward')
  }

  redo(): boolean {
    return this.travel(this.redoStack, this.undoStack, 'forward')
  }

  /**
   * Shows another article of the session: main loads it and remembers it.
   * Resolves false (nothing changed) when main cannot give it.
   */
  async switchArticle(articleId: string): Promise<boolean> {
    if (articleId === this.articleId && !this.switching) return true
    const switcher = this.api.switchArticle
    if (!switcher) return false
    const run = async () => {
      const r = await switcher(this.state.id, articleId)
      if (!r.ok) return false
      this.showArticle(r.value)
      return true
    }
    const previous = this.switching ?? Promise.resolve(true)
    const next = previous.then(run, run)
    this.switching = next
    this.requested = articleId
    try {
      return await next
    } finally {
      if (this.switching === next) {
        this.switching = null
        this.requested = null
      }
    }
  }

  /**
   * The article the analyst is going to: the last one asked for while
   * switches are still queued, else the one shown. "Next article" pressed
   * twice quickly moves two articles, not one.
   */
  targetArticleId(): string {
    return this.requested ?? this.articleId
  }

  /** Resolves when every edit made so far has been answered by main. */
  async drained(): Promise<void> {
    let seen: Promise<void>
    do {
      seen = this.queue
      await seen
    } while (seen !== this.queue)
  }

  dispose(): void {
    clearTimeout(this.retryTimer)
  }

  private showArticle({ session, articleId }: OpenedArticle): void {
    const entry = this.state.meta.articles.find((a) => a.id === articleId)
    if (!entry) return
    this.articleId = articleId
    this.state = {
      ...this.state,
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
    this.emit()
  }

  /** Before edits that remove the open article: switches to its nearest neighbour that stays. */
  private async leaveIfRemoved(edits: readonly CorpusEdit[]): Promise<boolean> {
    const gone = new Set(edits.flatMap((e) => (e.type === 'removeArticles' ? e.ids : [])))
    if (!gone.has(this.articleId)) return true
    const list = this.state.meta.articles
    const at = list.findIndex((a) => a.id === this.articleId)
    const stays = (a: { id: string }) => !gone.has(a.id)
    const next = list.slice(at + 1).find(stays) ?? list.slice(0, Math.max(0, at)).findLast(stays)
    return next ? this.switchArticle(next.id) : false
  }

  private travel(from: Step[], to: Step[], direction: 'forward' | 'backward'): boolean {
    const step = from.at(-1)
    if (!step) return false
    const apply = () => {
      from.pop()
      const edits = step[direction]
      const now = new Date().toISOString()
      const s = edits.reduce((acc, e) => applyCorpusEdit(acc, this.articleId, e, now), this.state)
      to.push(step)
      this.commit(s, edits)
    }
    if (
      step[direction].some((e) => e.type === 'removeArticles' && e.ids.includes(this.articleId))
    ) {
      // The step removes the open article: show a neighbour first.
      void this.leaveIfRemoved(step[direction]).then((left) => {
        if (!left || from.at(-1) !== step) return
        this.undoneIn = null
        apply()
      })
      return true
    }
    if (step.articleId === null || step.articleId === this.articleId) {
      this.undoneIn = null
      apply()
      return true
    }
    // The step belongs to another article: show it first, then undo there.
    const target = step.articleId
    void this.switchArticle(target).then((switched) => {
      if (!switched || from.at(-1) !== step) return
      this.undoneIn = this.state.meta.articles.find((a) => a.id === target)?.title ?? null
      apply()
    })
    return true
  }

  private commit(next: CorpusState, edits: CorpusEdit[]): void {
    this.state = next
    this.pending++
    this.status = { kind: 'saving' }
    this.emit()
    const sessionId = next.id
    const articleId = this.articleId
    this.queue = this.queue.then(async () => {
      let error: GlossError | null = null
      let at: string | null = null
      try {
        const r = await this.api.applyEdits(sessionId, articleId, edits)
        if (r.ok) at = r.value.savedAt
        else error = r.error
      } catch (e) {
        error = { code: 'internal', message: e instanceof Error ? e.message : String(e) }
      }
      this.pending--
      if (error) {
        this.status = { kind: 'failed', reason: error.message, error }
        // Main keeps the edit in memory when only the write failed: ask it to
        // write again later. Any new edit retries too.
        if (error.code === 'write-failed') this.scheduleRetry()
      } else if (this.pending === 0) {
        // Main writes what is pending each time, so one success covers earlier failures.
        this.status = { kind: 'saved', at }
      }
      this.emit()
    })
  }

  private scheduleRetry(): void {
    clearTimeout(this.retryTimer)
    this.retryTimer = setTimeout(() => {
      const ui = this.state.articles.get(this.articleId)?.ui
      if (this.status.kind === 'failed' && ui) this.editQuietly([{ type: 'setUi', ui }])
    }, RETRY_MS)
  }

  private viewCache: { key: readonly unknown[]; view: Session } | null = null

  /** The open article's view, the same object while nothing it shows has changed. */
  private view(): Session {
    const article = this.state.articles.get(this.articleId)
    const entry = this.state.meta.articles.find((a) => a.id === this.articleId)
    const key = [article, entry?.title, entry?.sha256, this.state.meta.codebook, this.state.id]
    const cached = this.viewCache
    if (cached && cached.key.every((k, i) => k === key[i])) return cached.view
    const view = articleView(this.state, this.articleId)
    this.viewCache = { key, view }
    return view
  }

  private makeSnapshot(): SessionSnapshot {
    return {
      session: this.view(),
      articleId: this.articleId,
      meta: this.state.meta,
      canUndo: this.undoStack.length > 0,
      canRedo: this.redoStack.length > 0,
      status: this.status,
      undoneIn: this.undoneIn,
    }
  }

  private emit(): void {
    this.snapshot = this.makeSnapshot()
    for (const l of this.listeners) l()
  }
}

/** A one-article session as tests and older callers give it. */
function oneArticle(session: Session): StoreInit {
  const articleId = 'article'
  return {
    session,
    articleId,
    meta: {
      codebook: session.codebook,
      themeGroups: [],
      attributeDefs: [],
      articles: [
        {
          id: articleId,
          title: session.document.title,
          sourceFileName: session.document.sourceFileName,
          sha256: session.document.sha256,
          chars: session.document.text.length,
          addedAt: session.createdAt,
          attributes: {},
          passageCount: session.passages.length,
        },
      ],
    },
  }
}

function stateOf({ session, articleId, meta }: StoreInit): CorpusState {
  return {
    id: session.id,
    createdAt: session.createdAt,
    updatedAt: session.updatedAt,
    meta,
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
