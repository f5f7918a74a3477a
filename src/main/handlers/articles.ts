// Adding articles to an open session: "Add articles…" (a multi-select
// dialog), files dropped on the window, and "Paste as new article". One
// batch at a time per session; cancelAddArticles stops it after the file
// being read (what was added stays). Progress goes to the renderer as
// onAddArticlesProgress events.
import { fail, ok, type AddArticlesResult } from '@shared/api'
import { mainMessage } from '@shared/main-messages'
import { MAX_ARTICLES } from '@shared/model/corpus'
import { pastedTitle } from '@shared/model/pasted-article'
import { normalizeText } from '@shared/model/text'
import { addArticleBatch, newArticle } from '../import/add-articles'
import { ARTICLE_EXTENSIONS } from '../import/article'
import { StoreError } from '../store/session-file'
import { sha256Hex } from '../store/hash'
import type { OpenEntry } from '../sessions/registry'
import type { HandlerGroup } from './context'

export const articleHandlers: HandlerGroup<
  'addArticles' | 'addArticleFiles' | 'pasteArticle' | 'cancelAddArticles'
> = ({ sessions, dialogs, words, now, onAddArticlesProgress }) => {
  /** The running batch of each session: whether it was cancelled. */
  const batches = new Map<string, { cancelled: boolean }>()

  const runBatch = async (sessionId: string, entry: OpenEntry, paths: readonly string[]) => {
    const batch = { cancelled: false }
    batches.set(sessionId, batch)
    try {
      return ok(
        await addArticleBatch(paths, {
          existing: () => entry.state.meta.articles,
          commit: async (added) => {
            // Closed meanwhile: its folder is no longer this Gloss's to write.
            if (sessions.get(sessionId) !== entry)
              throw new StoreError('write-failed', mainMessage('main.session.notOpen'))
            await sessions.addArticles(entry, added)
          },
          now,
          cancelled: () => batch.cancelled,
          onProgress: (p) => onAddArticlesProgress?.({ sessionId, ...p }),
        }),
      )
    } finally {
      batches.delete(sessionId)
    }
  }

  const busy = () => fail('invalid-argument', mainMessage('main.add.busy'))

  return {
    addArticles: (sessionId) =>
      sessions.withWritable(sessionId, async (entry) => {
        if (batches.has(sessionId)) return busy()
        const text = await words()
        const paths = await dialogs.openFiles({
          title: text('dialog.addArticles'),
          filters: [{ name: text('filter.articles'), extensions: [...ARTICLE_EXTENSIONS] }],
        })
        if (!paths) return ok(null)
        // Asked twice while the dialog was open: one batch only.
        if (batches.has(sessionId)) return busy()
        return runBatch(sessionId, entry, paths)
      }),
    addArticleFiles: (sessionId, paths) =>
      sessions.withWritable(sessionId, async (entry) =>
        batches.has(sessionId) ? busy() : runBatch(sessionId, entry, paths),
      ),
    pasteArticle: (sessionId, pasted, title) =>
      sessions.withWritable(sessionId, async (entry) => {
        const text = normalizeText(pasted)
        if (!text) return fail('invalid-argument', mainMessage('main.add.pasteEmpty'))
        const sha256 = sha256Hex(text)
        const same = entry.state.meta.articles.find((a) => a.sha256 === sha256)
        const result: AddArticlesResult = {
          added: [],
          duplicates: [],
          failures: [],
          cancelled: false,
        }
        if (same) return ok({ ...result, duplicates: [{ file: '', title: same.title }] })
        if (entry.state.meta.articles.length >= MAX_ARTICLES)
          return ok({
            ...result,
            failures: [{ file: '', reason: mainMessage('main.add.full', { max: MAX_ARTICLES }) }],
          })
        const added = newArticle(
          { title: title?.trim() || pastedTitle(text), sourceFileName: '', text, sha256 },
          now(),
        )
        await sessions.addArticles(entry, [added])
        return ok({ ...result, added: [added.entry] })
      }),
    cancelAddArticles: (sessionId) => {
      const batch = batches.get(sessionId)
      if (batch) batch.cancelled = true
      return Promise.resolve(ok(null))
    },
  }
}
