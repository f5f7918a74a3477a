// "Make coder copies…": one blind copy of a session per coder, each a
// one-file copy (`<title> — <coder>.gloss.zip`, as copy-writer.ts packs and
// writes every copy) that the coder opens with "Open session…" on their
// own machine. A copy is a NEW session (its own id, so that two copies open
// side by side) of the same articles (texts, attributes, sources) and the
// same codebook (theme ids, groups, attribute definitions), with
// `coderCopy` saying where it comes from and whom it is for, no coders
// recorded yet, and no passages, or, when the analyst includes theirs, only
// the passages whose author is the analyst: they stay attributed to the
// analyst, so that bringing the copy back takes only its coder's passages.
// It must never: write over a file (a name taken gets " (2)", " (3)"…),
// leave a half-written copy (a copy is written whole or not at all), or
// change the session it copies.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import type { CoderCopiesResult, CoderCopyFile } from '@shared/api'
import type { ArticleData } from '@shared/model/corpus'
import type { CorpusState } from '@shared/model/corpus-edits'
import { writeFailureReason } from '../errors'
import { freshFolderFiles } from '../store/corpus-folder'
import { StoreError } from '../store/session-file'
import { CopyCancelled, packSessionFiles, writeSessionZip } from './copy-writer'
import { fileNamePart } from './file-names'
import { COPY_EXTENSION } from './portable-copy'

/** What one coder copy says about its making. */
export interface CoderCopyOrigin {
  coder: string
  /** Whose passages the copy holds (null: none). */
  mine: string | null
  /** The session's title, kept in the copy. */
  title: string
  madeAt: string
  /** The copy's session id (new). */
  id: string
}

/** The session a coder copy holds. */
export function coderCopyOf(source: CorpusState, origin: CoderCopyOrigin): CorpusState {
  const { coder, mine, madeAt } = origin
  const articles = new Map<string, ArticleData>()
  const list = source.meta.articles.map((entry) => {
    const article = source.articles.get(entry.id)
    if (!article) throw new Error(`article ${entry.id} is not in memory`)
    const passages = mine === null ? [] : article.passages.filter((p) => p.author === mine)
    // A fresh start: the article opens at its top.
    articles.set(entry.id, {
      id: entry.id,
      text: article.text,
      passages,
      ui: { scrollTop: 0 },
      updatedAt: madeAt,
    })
    return passages.length === entry.passageCount
      ? entry
      : { ...entry, passageCount: passages.length }
  })
  return {
    id: origin.id,
    createdAt: madeAt,
    updatedAt: madeAt,
    meta: {
      ...source.meta,
      articles: list,
      coders: [],
      coderCopy: {
        sessionId: source.id,
        coder,
        madeAt,
        ...(origin.title && { title: origin.title.slice(0, 1000) }),
      },
    },
    articles,
  }
}

/** The file name of a coder's copy: `<title> — <coder>`, then ` (2)`… when taken. */
export function coderCopyName(title: string, coder: string, n = 1): string {
  const base = `${fileNamePart(title, 'session', 90)} — ${fileNamePart(coder, 'coder', 60)}`
  return `${base}${n > 1 ? ` (${n})` : ''}${COPY_EXTENSION}`
}

export interface MakeCoderCopies {
  folder: string
  coders: readonly string[]
  /** The current coder, whose passages each copy holds; null: none. */
  mine: string | null
  title: string
  madeAt: string
  /** Asked between files: true stops after the copy being packed (it is not written). */
  cancelled: () => boolean
  /** Files packed of the total, and the coder whose copy is being made (the `copy`th). */
  onProgress: (progress: { done: number; total: number; coder: string; copy: number }) => void
}

/** How often progress is told, at most. */
const PROGRESS_MS = 100

/**
 * Writes one copy per coder into `folder`, in order. A copy that cannot be
 * written stops the making (those before stay, whole), as a cancel does;
 * the result says which were written.
 */
export async function makeCoderCopies(
  source: CorpusState,
  request: MakeCoderCopies,
): Promise<CoderCopiesResult> {
  const { folder, coders, cancelled, onProgress } = request
  const perCopy = source.meta.articles.length + 1
  const total = coders.length * perCopy
  const files: CoderCopyFile[] = []
  let done = 0
  let toldAt = 0
  const tell = (coder: string, copy: number, force = false) => {
    const now = Date.now()
    if (!force && now - toldAt < PROGRESS_MS) return
    toldAt = now
    onProgress({ done, total, coder, copy })
  }
  const result = (extra: Partial<CoderCopiesResult> = {}): CoderCopiesResult => ({
    folder,
    files,
    cancelled: false,
    ...extra,
  })
  for (const [i, coder] of coders.entries()) {
    done = i * perCopy
    tell(coder, i + 1, true)
    if (cancelled()) return result({ cancelled: true })
    const state = coderCopyOf(source, {
      coder,
      mine: request.mine,
      title: request.title,
      madeAt: request.madeAt,
      id: randomUUID(),
    })
    let bytes: Buffer
    try {
      bytes = await packSessionFiles(freshFolderFiles(state, state.meta.articles[0]?.id ?? null), {
        cancelled,
        onFile: () => {
          done++
          tell(coder, i + 1)
        },
      })
    } catch (e) {
      if (e instanceof CopyCancelled) return result({ cancelled: true })
      throw e
    }
    try {
      const filePath = await writeNewCopy(folder, request.title, coder, bytes)
      const passages = state.meta.articles.reduce((n, a) => n + a.passageCount, 0)
      files.push({ coder, filePath, passages })
    } catch (e) {
      return result({
        stoppedBy: e instanceof StoreError ? (e.ref ?? e.message) : writeFailureReason(e),
      })
    }
  }
  done = total
  tell('', coders.length, true)
  return result()
}

/** Names tried before giving up (" (2)" to " (999)"). */
const MAX_NAMES = 999

/** Writes a copy under the first free name; its path. */
async function writeNewCopy(
  folder: string,
  title: string,
  coder: string,
  bytes: Uint8Array,
): Promise<string> {
  let clash: Error | null = null
  for (let n = 1; n <= MAX_NAMES; n++) {
    const filePath = join(folder, coderCopyName(title, coder, n))
    if (existsSync(filePath)) continue
    try {
      await writeSessionZip(filePath, bytes, { newFile: true })
      return filePath
    } catch (e) {
      // Made meanwhile by someone else: the next name.
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
      clash = e as Error
    }
  }
  throw (
    clash ?? Object.assign(new Error(`EEXIST: ${coderCopyName(title, coder)}`), { code: 'EEXIST' })
  )
}
