// Codebook changes that need the whole corpus (main holds every article):
// planning a merge or a deletion, importing a codebook CSV, exporting it.
import { ok } from '@shared/api'
import { deleteTheme, mergeThemes } from '@shared/model/codebook-ops'
import { corpusPassages } from '@shared/model/corpus-query'
import { codebookToCsv } from '../export/codebook-csv'
import { EXPORT_KINDS } from '../export/save-export'
import { planCodebookImport } from '../import/codebook-plan'
import type { HandlerGroup } from './context'

export const codebookHandlers: HandlerGroup<
  'planCodebookChange' | 'importCodebookCsv' | 'exportCodebookCsv'
> = ({ sessions, dialogs, words, now, saveExport }) => ({
  planCodebookChange: (sessionId, change) =>
    sessions.withWritable(sessionId, ({ state }) => {
      const corpus = { codebook: state.meta.codebook, passages: corpusPassages(state) }
      return Promise.resolve(
        ok(
          change.kind === 'merge'
            ? mergeThemes(corpus, change.fromId, change.intoId, now())
            : deleteTheme(corpus, change.id, now()),
        ),
      )
    }),
  importCodebookCsv: (sessionId) =>
    sessions.withWritable(sessionId, async (entry) =>
      ok(await planCodebookImport({ dialogs, words, now }, sessions.view(entry))),
    ),
  exportCodebookCsv: (sessionId) =>
    sessions.withOpen(sessionId, async (entry) => {
      const session = sessions.view(entry)
      return ok(
        await saveExport(session, EXPORT_KINDS.codebookCsv, () => ({
          content: codebookToCsv(session.codebook),
          rows: session.codebook.length,
        })),
      )
    }),
})
