// Adding articles from the renderer's side: one batch at a time (the
// dialog, dropped files or pasted text), its progress from main's events,
// Cancel, and the result turned into one undo step (main has already added
// the articles: the store records the step without sending it again) and a
// report for the analyst.
import { useCallback, useEffect, useRef, useState } from 'react'
import type {
  AddArticlesProgress,
  AddArticlesResult,
  GlossError,
  Result,
  TableMapping,
} from '@shared/api'
import type { AttributeDef } from '@shared/model/corpus'
import type { CorpusEdit } from '@shared/model/corpus-edits'
import type { SessionStore } from '@renderer/state/session-store'

/** A batch under way: how far main is. */
export interface BatchState {
  done: number
  total: number
  file: string
  /** Inside the file being read (pages of a PDF), when main says. */
  part?: { done: number; total: number }
  cancelling: boolean
}

/** What a finished add reports: main's result plus files the renderer could not send. */
export type AddReport = AddArticlesResult

interface Options {
  store: SessionStore
  sessionId: string
  /** A finished add: its report (with what was added already in the store). Not called for a table's rows: their caller reports. */
  onDone: (report: AddReport, how: 'files' | 'paste') => void
  onError: (error: GlossError) => void
}

/** Two reports of one add as one (the files, then a table's rows). */
export function mergeReports(a: AddReport, b: AddReport): AddReport {
  const notes = [...(a.notes ?? []), ...(b.notes ?? [])]
  return {
    added: [...a.added, ...b.added],
    duplicates: [...a.duplicates, ...b.duplicates],
    failures: [...a.failures, ...b.failures],
    ...(notes.length && { notes }),
    cancelled: a.cancelled || b.cancelled,
    ...((a.stoppedBy ?? b.stoppedBy) !== undefined
      ? { stoppedBy: a.stoppedBy ?? b.stoppedBy }
      : {}),
  }
}

/**
 * The undo step of articles main added at the end of the list, with the
 * custom attributes it made for them (a table's columns): made before the
 * articles come back, taken away after they go.
 */
export function addStep(
  listLength: number,
  added: AddArticlesResult['added'],
  defs?: { before: AttributeDef[]; after: AttributeDef[] },
): { forward: CorpusEdit[]; backward: CorpusEdit[] } {
  const restore: CorpusEdit = {
    type: 'restoreArticles',
    articles: added.map((entry, i) => ({ entry, at: listLength + i })),
  }
  const remove: CorpusEdit = { type: 'removeArticles', ids: added.map((a) => a.id) }
  if (!defs) return { forward: [restore], backward: [remove] }
  return {
    forward: [{ type: 'setArticleMeta', attributeDefs: defs.after, articles: [] }, restore],
    backward: [remove, { type: 'setArticleMeta', attributeDefs: defs.before, articles: [] }],
  }
}

export function useAddArticles({ store, sessionId, onDone, onError }: Options) {
  const [batch, setBatch] = useState<BatchState | null>(null)
  const running = useRef(false)

  // Main's progress reports of this session's batch.
  useEffect(
    () =>
      window.gloss.onAddArticlesProgress((p: AddArticlesProgress) => {
        if (p.sessionId !== sessionId || !running.current) return
        setBatch((b) => ({
          done: p.done,
          total: p.total,
          file: p.file,
          ...(p.part && { part: p.part }),
          cancelling: b?.cancelling ?? false,
        }))
      }),
    [sessionId],
  )

  const finish = useCallback(
    (
      r: Result<AddArticlesResult | null>,
      how: 'files' | 'paste' | 'table',
      extra: AddReport['failures'],
    ) => {
      if (!r.ok) {
        onError(r.error)
        return null
      }
      if (!r.value) return null
      const report = { ...r.value, failures: [...r.value.failures, ...extra] }
      if (report.added.length) {
        const { meta } = store.getSnapshot()
        const { forward, backward } = addStep(
          meta.articles.length,
          report.added,
          report.attributeDefs && { before: meta.attributeDefs, after: report.attributeDefs },
        )
        store.recordApplied(forward, backward)
      }
      if (how !== 'table') onDone(report, how)
      return report
    },
    [store, onDone, onError],
  )

  /** Runs one add; a second one while the first runs is ignored (false). */
  const run = useCallback(
    async (
      call: () => Promise<Result<AddArticlesResult | null>>,
      how: 'files' | 'paste' | 'table',
      extra: AddReport['failures'] = [],
    ): Promise<AddReport | null> => {
      if (running.current) return null
      running.current = true
      try {
        return finish(await call(), how, extra)
      } catch (e) {
        onError({ code: 'internal', message: e instanceof Error ? e.message : String(e) })
        return null
      } finally {
        running.current = false
        setBatch(null)
      }
    },
    [finish, onError],
  )

  const cancel = useCallback(() => {
    setBatch((b) => b && { ...b, cancelling: true })
    void window.gloss.cancelAddArticles(sessionId)
  }, [sessionId])

  return {
    batch,
    /** True while an add runs. */
    busy: () => running.current,
    addFromDialog: () => run(() => window.gloss.addArticles(sessionId), 'files'),
    addFiles: (paths: string[], notOnDisk: AddReport['failures']) =>
      paths.length
        ? run(() => window.gloss.addArticleFiles(sessionId, paths), 'files', notOnDisk)
        : run(
            () =>
              Promise.resolve({
                ok: true,
                value: { added: [], duplicates: [], failures: [], cancelled: false },
              }),
            'files',
            notOnDisk,
          ),
    paste: (text: string, title: string) =>
      run(() => window.gloss.pasteArticle(sessionId, text, title || undefined), 'paste'),
    /** Adds the rows of a table an add found, as the analyst mapped its columns. */
    addTable: (token: string, mapping: TableMapping) =>
      run(() => window.gloss.addArticleTable(sessionId, token, mapping), 'table'),
    cancel,
  }
}
