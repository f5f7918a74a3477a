// A stand-in for the main process behind `window.gloss.applyEdits`, for tests
// of the renderer's session store without Electron. Every call is recorded
// and waits until the test answers it (saved, a failure, a thrown error), so
// that tests see the order of calls and what the store shows meanwhile.
// Test support only: never imported by the application.
import type { GlossApi, GlossError, Result, SaveReceipt } from '@shared/api'
import type { CorpusEdit } from '@shared/model/corpus-edits'
import { SCHEMA_VERSION, type Passage, type Session } from '@shared/model/schema'
import { DEFAULT_CODEBOOK } from '@shared/model/codebook'

export interface ApplyEditsCall {
  sessionId: string
  articleId: string | null
  edits: CorpusEdit[]
  answered: boolean
}

export class FakeEditsApi implements Pick<GlossApi, 'applyEdits'> {
  readonly calls: ApplyEditsCall[] = []
  private readonly waiting: {
    call: ApplyEditsCall
    settle: (r: Result<SaveReceipt> | Error) => void
  }[] = []

  applyEdits = (
    sessionId: string,
    articleId: string | null,
    edits: CorpusEdit[],
  ): Promise<Result<SaveReceipt>> =>
    new Promise((resolve, reject) => {
      const call = { sessionId, articleId, edits, answered: false }
      this.calls.push(call)
      this.waiting.push({
        call,
        settle: (r) => {
          call.answered = true
          if (r instanceof Error) reject(r)
          else resolve(r)
        },
      })
    })

  /** How many calls wait for an answer. */
  get unanswered(): number {
    return this.waiting.length
  }

  /** Answers the oldest waiting call, then lets the store react to it. */
  async answer(result: Result<SaveReceipt> | Error): Promise<void> {
    const next = this.waiting.shift()
    if (!next) throw new Error('no applyEdits call is waiting for an answer')
    next.settle(result)
    await settle()
  }

  /** Answers every waiting call (and those they lead to) as saved. */
  async saveAll(savedAt = SAVED_AT): Promise<void> {
    await settle()
    while (this.waiting.length) await this.answer(saved(savedAt))
  }
}

export const SAVED_AT = '2026-12-01T10:00:00.000Z'

export const saved = (savedAt = SAVED_AT): Result<SaveReceipt> => ({
  ok: true,
  value: { savedAt },
})

export const failed = (
  code: GlossError['code'],
  message = `fake ${code}`,
): Result<SaveReceipt> => ({ ok: false, error: { code, message } })

/** Lets pending promise callbacks (the store's queue) run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 100; i++) await Promise.resolve()
}

/** A minimal valid session over `text`, with the default codebook. */
export function sessionOf(text: string, passages: Passage[] = []): Session {
  return {
    schemaVersion: SCHEMA_VERSION,
    id: 'session-1',
    createdAt: SAVED_AT,
    updatedAt: SAVED_AT,
    document: { title: 'Test', sourceFileName: 'test.txt', text, sha256: '0'.repeat(64) },
    codebook: DEFAULT_CODEBOOK.map((t) => ({ ...t })),
    passages,
    ui: { scrollTop: 0 },
  }
}
