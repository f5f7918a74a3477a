// "Import codebook…" up to the plan: asks for a CSV file, reads it against
// the session's codebook and groups (merge by name) and checks that the
// planned edit applies to the whole corpus. The renderer applies the edit
// itself, so that it is one undo step, and main checks it again then.
// It must never change the session or write anything: it only plans.
import type { CodebookImport } from '@shared/api'
import { applyCorpusEdit, type CorpusState } from '@shared/model/corpus-edits'
import type { DialogWords } from '../dialog-words'
import type { Dialogs } from '../dialogs'
import { readCodebookFile } from './codebook-csv'

export interface CodebookPlanDeps {
  dialogs: Dialogs
  words: () => Promise<DialogWords>
  /** The current time, as an ISO string. */
  now: () => string
}

/** The plan of importing a codebook CSV into the session `state`; null when the analyst cancels. */
export async function planCodebookImport(
  deps: CodebookPlanDeps,
  state: CorpusState,
): Promise<CodebookImport | null> {
  const text = await deps.words()
  const filePath = await deps.dialogs.openFile({
    title: text('dialog.importCodebook'),
    filters: [{ name: text('filter.csv'), extensions: ['csv', 'txt'] }],
  })
  if (!filePath) return null
  const plan = await readCodebookFile(filePath, state.meta, deps.now())
  // A plan whose edit would not apply is a bug here, not the analyst's file: it throws.
  if (plan.edit) applyCorpusEdit(state, null, plan.edit, deps.now())
  return { filePath, ...plan }
}
