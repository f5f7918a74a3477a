// "Save a copy as one file…": the session as one zip to mail or carry
// (sessions/portable-copy.ts), written where the save dialog says. Opening
// such a copy goes through "Open session…" (handlers/sessions.ts).
import { ok } from '@shared/api'
import { mainMessage } from '@shared/main-messages'
import { writeFailureReason } from '../errors'
import { slug } from '../sessions/file-names'
import { COPY_EXTENSION, packSessionCopy } from '../sessions/portable-copy'
import { writeFileDurably } from '../store/durable-file'
import { StoreError } from '../store/session-file'
import type { HandlerGroup } from './context'

export const portableHandlers: HandlerGroup<'saveSessionCopy'> = ({
  sessions,
  dialogs,
  words,
}) => ({
  saveSessionCopy: (sessionId) =>
    sessions.withOpen(sessionId, async (entry) => {
      const text = await words()
      const filePath = await dialogs.saveFile({
        title: text('dialog.saveSessionCopy'),
        defaultFileName: `${slug(sessions.titleOf(entry))}${COPY_EXTENSION}`,
        filters: [{ name: text('filter.sessionCopy'), extensions: ['zip'] }],
      })
      if (!filePath) return ok(null)
      const bytes = await packSessionCopy(entry)
      try {
        await writeFileDurably(filePath, bytes)
      } catch (e) {
        throw new StoreError(
          'write-failed',
          mainMessage('main.write.cannotWrite', { path: filePath, reason: writeFailureReason(e) }),
        )
      }
      return ok({ filePath })
    }),
})
