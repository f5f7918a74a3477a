// Article attributes that need main: importing a CSV of attributes (a
// native dialog, then reading the file against the session's index). It
// plans only: the renderer applies the returned edit itself, so that the
// import is one undo step, and main checks the edit again then.
// It must never change the session or write anything.
import { ok } from '@shared/api'
import { applyCorpusEdit } from '@shared/model/corpus-edits'
import { readAttributesFile } from '../import/attributes-csv'
import type { HandlerGroup } from './context'

export const attributeHandlers: HandlerGroup<'importAttributesCsv'> = ({
  sessions,
  dialogs,
  words,
  now,
}) => ({
  importAttributesCsv: (sessionId) =>
    sessions.withWritable(sessionId, async ({ state }) => {
      const text = await words()
      const filePath = await dialogs.openFile({
        title: text('dialog.importAttributes'),
        filters: [{ name: text('filter.csv'), extensions: ['csv', 'txt'] }],
      })
      if (!filePath) return ok(null)
      const plan = await readAttributesFile(filePath, state.meta)
      // A planned edit that does not apply is a bug here, not the analyst's file: it throws.
      if (plan.edit) applyCorpusEdit(state, null, plan.edit, now())
      return ok({ filePath, ...plan })
    }),
})
