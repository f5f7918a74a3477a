// "Save a copy of the original file…": writes the copy of an article's
// original file that the session kept (store/originals.ts) where the save
// dialog says, under the file's own name by default.
import { extname } from 'node:path'
import { fail, ok } from '@shared/api'
import { mainMessage } from '@shared/main-messages'
import { readOriginal } from '../store/originals'
import { writeFileDurably } from '../store/durable-file'
import type { HandlerGroup } from './context'

export const originalHandlers: HandlerGroup<'saveOriginal'> = ({ sessions, dialogs, words }) => ({
  saveOriginal: (sessionId, articleId) =>
    sessions.withOpen(sessionId, async (entry) => {
      const article = entry.state.meta.articles.find((a) => a.id === articleId)
      if (!article) return fail('not-found', mainMessage('main.article.notInSession'))
      const name = article.source?.original
      if (!name) return fail('not-found', mainMessage('main.article.noOriginal'))
      const bytes = await readOriginal(entry.folder.dir, name)
      if (!bytes) return fail('not-found', mainMessage('main.article.originalGone'))
      const text = await words()
      const ext = extname(article.sourceFileName).slice(1)
      const filePath = await dialogs.saveFile({
        title: text('dialog.saveOriginal'),
        defaultFileName: article.sourceFileName,
        filters: ext ? [{ name: ext.toUpperCase(), extensions: [ext] }] : [],
      })
      if (!filePath) return ok(null)
      await writeFileDurably(filePath, bytes)
      return ok({ filePath })
    }),
})
