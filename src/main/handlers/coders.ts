// Coders: who codes here (coderIdentity, for the Settings dialog and the
// session view), and "Make coder copies…" (a folder chooser, then one copy
// per coder through sessions/coder-copies.ts, with progress as
// onCoderCopiesProgress and a Cancel). One making at a time per session.
// Making copies never writes the session it copies (a read-only session
// can be copied too), and is refused in a coder copy: a copy of a copy
// would not come back to the session it was made from.
import { fail, ok } from '@shared/api'
import { coderKey } from '@shared/model/coders'
import { mainMessage } from '@shared/main-messages'
import { makeCoderCopies } from '../sessions/coder-copies'
import type { HandlerGroup } from './context'

export const coderHandlers: HandlerGroup<
  'coderIdentity' | 'makeCoderCopies' | 'cancelCoderCopies'
> = ({ sessions, dialogs, words, now, settings, onCoderCopiesProgress }) => {
  /** The making under way of each session: whether it was cancelled. */
  const makings = new Map<string, { cancelled: boolean }>()
  const busy = () => fail('invalid-argument', mainMessage('main.coders.busy'))

  return {
    coderIdentity: async (sessionId) => {
      const entry = sessionId ? sessions.get(sessionId) : undefined
      if (sessionId && !entry) return fail('not-found', mainMessage('main.session.notOpen'))
      return ok({
        systemUser: sessions.systemUser,
        coderName: (await settings.get()).coderName,
        copy: entry?.state.meta.coderCopy ?? null,
        author: await sessions.authorOf(entry),
      })
    },
    makeCoderCopies: (sessionId, coders, { includeMine }) =>
      sessions.withOpen(sessionId, async (entry) => {
        const copy = entry.state.meta.coderCopy
        if (copy)
          return fail('invalid-argument', mainMessage('main.coders.fromCopy', { name: copy.coder }))
        const broken = entry.problems[0]
        if (broken)
          return fail(
            'unreadable',
            mainMessage('main.copy.cannotSave', {
              problem: mainMessage('main.copy.brokenArticle', { title: broken.title }),
            }),
          )
        const seen = new Set<string>()
        for (const coder of coders) {
          if (seen.has(coderKey(coder)))
            return fail('invalid-argument', mainMessage('main.coders.twice', { name: coder }))
          seen.add(coderKey(coder))
        }
        if (makings.has(sessionId)) return busy()
        const text = await words()
        const folder = await dialogs.openFolder({ title: text('dialog.coderCopies') })
        if (!folder) return ok(null)
        // Asked twice while the dialog was open: one making only.
        if (makings.has(sessionId)) return busy()
        const making = { cancelled: false }
        makings.set(sessionId, making)
        try {
          return ok(
            await makeCoderCopies(entry.state, {
              folder,
              coders,
              mine: includeMine ? await sessions.authorOf(entry) : null,
              title: sessions.titleOf(entry),
              madeAt: now(),
              cancelled: () => making.cancelled,
              onProgress: (progress) =>
                onCoderCopiesProgress?.({ sessionId, ...progress, copies: coders.length }),
            }),
          )
        } finally {
          makings.delete(sessionId)
        }
      }),
    cancelCoderCopies: (sessionId) => {
      const making = makings.get(sessionId)
      if (making) making.cancelled = true
      return Promise.resolve(ok(null))
    },
  }
}
