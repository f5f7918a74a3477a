// The renderer's copy of the open session: applies edits optimistically with
// the same pure functions main uses, keeps the undo/redo history, and sends
// every edit, in order, to the main process, which saves it. Save status
// follows what main reports.
import type { GlossApi, GlossError } from '@shared/api'
import { applyEdit, invertEdit, type Edit } from '@shared/model/edits'
import type { Session } from '@shared/model/schema'

export type SaveStatus =
  | { kind: 'saved'; at: string | null }
  | { kind: 'saving' }
  | { kind: 'failed'; reason: string; error: GlossError }

interface Step {
  forward: Edit[]
  backward: Edit[]
}

export interface SessionSnapshot {
  session: Session
  canUndo: boolean
  canRedo: boolean
  status: SaveStatus
}

const RETRY_MS = 3000
const HISTORY_LIMIT = 500

export class SessionStore {
  private session: Session
  private undoStack: Step[] = []
  private redoStack: Step[] = []
  private status: SaveStatus = { kind: 'saved', at: null }
  private pending = 0
  private queue: Promise<void> = Promise.resolve()
  private retryTimer: ReturnType<typeof setTimeout> | undefined
  private snapshot: SessionSnapshot
  private listeners = new Set<() => void>()

  constructor(
    initial: Session,
    private readonly api: Pick<GlossApi, 'applyEdits'>,
  ) {
    this.session = initial
    this.snapshot = this.makeSnapshot()
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  getSnapshot = () => this.snapshot

  /** Applies edits as one undoable step. Throws (and changes nothing) if one does not fit. */
  edit(edits: Edit[]): void {
    const backward: Edit[] = []
    let s = this.session
    for (const e of edits) {
      backward.unshift(invertEdit(s, e))
      s = applyEdit(s, e, new Date().toISOString())
    }
    this.undoStack.push({ forward: edits, backward })
    if (this.undoStack.length > HISTORY_LIMIT) this.undoStack.shift()
    this.redoStack = []
    this.commit(s, edits)
  }

  /** Applies edits that do not enter the history (scroll position). */
  editQuietly(edits: Edit[]): void {
    const s = edits.reduce((acc, e) => applyEdit(acc, e, new Date().toISOString()), this.session)
    this.commit(s, edits)
  }

  undo(): boolean {
    return this.travel(this.undoStack, this.redoStack, 'backward')
  }

  redo(): boolean {
    return this.travel(this.redoStack, this.undoStack, 'forward')
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

  private travel(from: Step[], to: Step[], direction: 'forward' | 'backward'): boolean {
    const step = from.pop()
    if (!step) return false
    const edits = step[direction]
    const s = edits.reduce((acc, e) => applyEdit(acc, e, new Date().toISOString()), this.session)
    to.push(step)
    this.commit(s, edits)
    return true
  }

  private commit(next: Session, edits: Edit[]): void {
    this.session = next
    this.pending++
    this.status = { kind: 'saving' }
    this.emit()
    const sessionId = next.id
    this.queue = this.queue.then(async () => {
      let error: GlossError | null = null
      let at: string | null = null
      try {
        const r = await this.api.applyEdits(sessionId, edits)
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
        // Main writes the whole session each time, so one success covers earlier failures.
        this.status = { kind: 'saved', at }
      }
      this.emit()
    })
  }

  private scheduleRetry(): void {
    clearTimeout(this.retryTimer)
    this.retryTimer = setTimeout(() => {
      if (this.status.kind === 'failed') this.editQuietly([{ type: 'setUi', ui: this.session.ui }])
    }, RETRY_MS)
  }

  private makeSnapshot(): SessionSnapshot {
    return {
      session: this.session,
      canUndo: this.undoStack.length > 0,
      canRedo: this.redoStack.length > 0,
      status: this.status,
    }
  }

  private emit(): void {
    this.snapshot = this.makeSnapshot()
    for (const l of this.listeners) l()
  }
}
