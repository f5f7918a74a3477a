// "Save a copy as one file…": the session as one zip to mail or carry
// (sessions/portable-copy.ts; packed and written by sessions/copy-writer.ts),
// written where the save dialog says. Opening such a copy goes through
// "Open session…" (handlers/sessions.ts).
import { ok } from '@shared/api'
import { writeSessionZip } from '../sessions/copy-writer'
import { slug } from '../sessions/file-names'
import { COPY_EXTENSION, packSessionCopy } from '../sessions/portable-copy'
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
      await writeSessionZip(filePath, await packSessionCopy(entry))
      return ok({ filePath })
    }),
})
