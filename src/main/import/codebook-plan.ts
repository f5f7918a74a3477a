// "Import codebook…" up to the plan: asks for a CSV file, reads it against
// the session's codebook (merge by name) and checks that the planned edit
// applies. The renderer applies the edit itself, so that it is one undo
// step, and main checks it again then.
// It must never change the session or write anything: it only plans.
import type { CodebookImport } from '@shared/api'
import { assertEditsApply } from '@shared/model/edits'
import type { Session } from '@shared/model/schema'
import type { DialogWords } from '../dialog-words'
import type { Dialogs } from '../dialogs'
import { readCodebookFile } from './codebook-csv'

export interface CodebookPlanDeps {
  dialogs: Dialogs
  words: () => Promise<DialogWords>
  /** The current time, as an ISO string. */
  now: () => string
}

/** The plan of importing a codebook CSV into `session`; null when the analyst cancels. */
export async function planCodebookImport(
  deps: CodebookPlanDeps,
  session: Session,
): Promise<CodebookImport | null> {
  const text = await deps.words()
  const filePath = await deps.dialogs.openFile({
    title: text('dialog.importCodebook'),
    filters: [{ name: text('filter.csv'), extensions: ['csv', 'txt'] }],
  })
  if (!filePath) return null
  const plan = await readCodebookFile(filePath, session, deps.now())
  // A plan whose edit would not apply is a bug here, not the analyst's file: it throws.
  if (plan.edit) assertEditsApply(session, [plan.edit], deps.now())
  return { filePath, ...plan }
}
