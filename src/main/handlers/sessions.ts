// Opening, switching, editing and closing sessions, and the settings.
import { fail, ok } from '@shared/api'
import { mainMessage } from '@shared/main-messages'
import { ARTICLE_EXTENSIONS, readArticle } from '../import/article'
import { openChosenSession } from '../sessions/portable-copy'
import type { HandlerGroup } from './context'

export const SAMPLE_TITLE = 'OpenAI, vue de l’intérieur (exemple)'

export const sessionHandlers: HandlerGroup<
  | 'openSample'
  | 'openArticle'
  | 'openSession'
  | 'openBackup'
  | 'openRecent'
  | 'listRecent'
  | 'getSettings'
  | 'updateSettings'
  | 'switchArticle'
  | 'applyEdits'
  | 'closeSession'
> = ({ sessions, dialogs, words, now, settings, samplePath, parser, onSettingsChange }) => {
  /** Asks for a file to open; null when cancelled. */
  async function askOpenPath(kind: 'article' | 'session'): Promise<string | null> {
    const text = await words()
    return kind === 'article'
      ? dialogs.openFile({
          title: text('dialog.openArticle'),
          filters: [{ name: text('filter.articles'), extensions: [...ARTICLE_EXTENSIONS] }],
        })
      : dialogs.openFile({
          title: text('dialog.openSession'),
          // session.json of a folder, a one-file copy (.gloss.zip), an older .gloss.json.
          filters: [{ name: text('filter.sessions'), extensions: ['json', 'zip'] }],
        })
  }
  return {
    openSample: async () => ok(await sessions.create(await readArticle(samplePath, SAMPLE_TITLE))),
    openArticle: async () => {
      const filePath = await askOpenPath('article')
      if (!filePath) return ok(null)
      const keep = (await settings.get()).keepOriginals
      let original: Uint8Array | undefined
      const article = await readArticle(filePath, {
        parser,
        ...(keep && { onBytes: (bytes: Uint8Array) => void (original = Uint8Array.from(bytes)) }),
      })
      return ok(await sessions.create(article, article.attributes, article.source, original))
    },
    openSession: async () => {
      const filePath = await askOpenPath('session')
      return ok(filePath ? await openChosenSession(sessions, filePath) : null)
    },
    openBackup: (token) => sessions.openBackup(token),
    openRecent: async (sessionId) => {
      const entry = await sessions.recent.get(sessionId)
      if (!entry) return fail('not-found', mainMessage('main.session.notInRecent'))
      return ok(await sessions.openPath(entry.filePath))
    },
    listRecent: async () => ok(await sessions.recent.list()),
    getSettings: async () => ok(await settings.get()),
    updateSettings: async (change) => {
      const updated = await settings.update(change)
      onSettingsChange?.(updated)
      return ok(updated)
    },
    switchArticle: (sessionId, articleId) => sessions.openArticle(sessionId, articleId),
    applyEdits: (sessionId, articleId, edits) =>
      sessions.withEditable(sessionId, articleId, edits, async (entry) => {
        // All or nothing: a bad edit leaves the session as it was.
        await sessions.applyEdits(entry, articleId, edits)
        return ok({ savedAt: now() })
      }),
    closeSession: (sessionId) => sessions.close(sessionId),
  }
}
