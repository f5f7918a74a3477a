// Adding articles from the renderer's side: one batch at a time (the
// dialog, dropped files or pasted text), its progress from main's events,
// Cancel, and the result turned into one undo step (main has already added
// the articles: the store records the step without sending it again) and a
// report for the analyst.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { AddArticlesProgress, AddArticlesResult, GlossError, Result } from '@shared/api'
import type { CorpusEdit } from '@shared/model/corpus-edits'
import type { SessionStore } from '@renderer/state/session-store'

/** A batch under way: how far main is. */
export interface BatchState {
  done: number
  total: number
  file: string
  cancelling: boolean
}

/** What a finished add reports: main's result plus files the renderer could not send. */
export type AddReport = AddArticlesResult

interface Options {
  store: SessionStore
  sessionId: string
  /** A finished add: its report (with what was added already in the store). */
  onDone: (report: AddReport, how: 'files' | 'paste') => void
  onError: (error: GlossError) => void
}

/** The undo step of articles main added at the end of the list. */
export function addStep(
  listLength: number,
  added: AddArticlesResult['added'],
): { forward: CorpusEdit[]; backward: CorpusEdit[] } {
  return {
    forward: [
      {
        type: 'restoreArticles',
        articles: added.map((entry, i) => ({ entry, at: listLength + i })),
      },
    ],
    backward: [{ type: 'removeArticles', ids: added.map((a) => a.id) }],
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
          cancelling: b?.cancelling ?? false,
        }))
      }),
    [sessionId],
  )

  const finish = useCallback(
    (r: Result<AddArticlesResult | null>, how: 'files' | 'paste', extra: AddReport['failures']) => {
      if (!r.ok) {
        onError(r.error)
        return null
      }
      if (!r.value) return null
      const report = { ...r.value, failures: [...r.value.failures, ...extra] }
      if (report.added.length) {
        const { forward, backward } = addStep(
          store.getSnapshot().meta.articles.length,
          report.added,
        )
        store.recordApplied(forward, backward)
      }
      onDone(report, how)
      return report
    },
    [store, onDone, onError],
  )

  /** Runs one add; a second one while the first runs is ignored (false). */
  const run = useCallback(
    async (
      call: () => Promise<Result<AddArticlesResult | null>>,
      how: 'files' | 'paste',
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
    cancel,
  }
}
