// Opening a corpus session the way an analyst does: a session folder on
// disk (test-support/corpus-session.ts writes it in the real format),
// "Open session…" on the start screen, its session.json picked in the dialog.
import type { CorpusState } from '@shared/model/corpus-edits'
import { writeCorpusSession } from '../../test-support/corpus-session'
import type { GlossApp } from '../fixtures'

/** Writes `state` as `<dataDir>/<name>.gloss` and opens it; resolves once its article shows. */
export async function openCorpus(app: GlossApp, state: CorpusState, name: string): Promise<string> {
  const index = await writeCorpusSession(app.dataDir, name, state)
  await app.answerNextDialog(index)
  await app.page.getByRole('button', { name: 'Open session…' }).click()
  await app.page.getByRole('article', { name: 'Article' }).waitFor()
  return index
}
