// "Bring coders' work back…": the analyst chooses coder copies in a
// multi-select open dialog (their paths stay here, behind a token: paths
// never come from the renderer), then asks for them to be brought back
// (sessions/bring-back.ts). Two calls, so that the window can show that
// main is at work once the dialog has closed. One bring-back at a time per
// session.
import { randomUUID } from 'node:crypto'
import { basename } from 'node:path'
import { fail, ok } from '@shared/api'
import { mainMessage } from '@shared/main-messages'
import { bringBackCopies } from '../sessions/bring-back'
import type { HandlerGroup } from './context'

/** Choices kept, at most (the oldest is forgotten). */
const MAX_CHOICES = 20

export const bringBackHandlers: HandlerGroup<'chooseCoderCopies' | 'bringBackCoders'> = ({
  sessions,
  dialogs,
  words,
  now,
}) => {
  const chosen = new Map<string, { sessionId: string; paths: string[] }>()
  const running = new Set<string>()
  return {
    chooseCoderCopies: (sessionId) =>
      sessions.withWritable(sessionId, async () => {
        const text = await words()
        const paths = await dialogs.openFiles({
          title: text('dialog.bringBack'),
          filters: [{ name: text('filter.coderCopies'), extensions: ['zip'] }],
        })
        if (!paths || paths.length === 0) return ok(null)
        const token = randomUUID()
        chosen.set(token, { sessionId, paths })
        for (const old of chosen.keys()) if (chosen.size > MAX_CHOICES) chosen.delete(old)
        return ok({ token, files: paths.map((p) => basename(p)) })
      }),
    bringBackCoders: (sessionId, token) =>
      sessions.withWritable(sessionId, async (entry) => {
        const choice = chosen.get(token)
        if (!choice || choice.sessionId !== sessionId)
          return fail('not-found', mainMessage('main.bringback.gone'))
        if (running.has(sessionId))
          return fail('invalid-argument', mainMessage('main.bringback.busy'))
        chosen.delete(token)
        running.add(sessionId)
        try {
          return ok(await bringBackCopies(sessions, entry, choice.paths, now))
        } finally {
          running.delete(sessionId)
        }
      }),
  }
}
