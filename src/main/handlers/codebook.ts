// Codebook changes that need the whole corpus (main holds every article):
// planning a merge or a deletion, the usage of every theme, importing a
// codebook CSV, exporting it.
import { ok } from '@shared/api'
import { deleteTheme, mergeThemes } from '@shared/model/codebook-ops'
import type { CorpusState } from '@shared/model/corpus-edits'
import type { Passage } from '@shared/model/schema'
import { themeUsage } from '@shared/model/theme-usage'
import { codebookToCsv } from '../export/codebook-csv'
import { EXPORT_KINDS } from '../export/save-export'
import { planCodebookImport } from '../import/codebook-plan'
import type { HandlerGroup } from './context'

export const codebookHandlers: HandlerGroup<
  'planCodebookChange' | 'themeUsage' | 'importCodebookCsv' | 'exportCodebookCsv'
> = ({ sessions, dialogs, words, now, saveExport }) => ({
  planCodebookChange: (sessionId, change) =>
    sessions.withWritable(sessionId, ({ state }) => {
      const corpus = {
        codebook: state.meta.codebook,
        themeGroups: state.meta.themeGroups,
        passages: passagesWith(state, change.kind === 'merge' ? change.fromId : change.id),
      }
      return Promise.resolve(
        ok(
          change.kind === 'merge'
            ? mergeThemes(corpus, change.fromId, change.intoId, now())
            : deleteTheme(corpus, change.id, now()),
        ),
      )
    }),
  themeUsage: (sessionId) =>
    sessions.withOpen(sessionId, ({ state }) =>
      Promise.resolve(ok(themeUsage(state.articles.values()))),
    ),
  importCodebookCsv: (sessionId) =>
    sessions.withWritable(sessionId, async (entry) =>
      ok(await planCodebookImport({ dialogs, words, now }, entry.state)),
    ),
  exportCodebookCsv: (sessionId) =>
    sessions.withOpen(sessionId, async (entry) => {
      const session = sessions.view(entry)
      const { codebook, themeGroups } = entry.state.meta
      return ok(
        await saveExport(session, EXPORT_KINDS.codebookCsv, () => ({
          content: codebookToCsv(codebook, themeGroups),
          rows: codebook.length,
        })),
      )
    }),
})

/** The passages of every article that carry `themeId`, with their article's id. */
function* passagesWith(
  state: CorpusState,
  themeId: string,
): Generator<Passage & { articleId: string }> {
  for (const entry of state.meta.articles) {
    const article = state.articles.get(entry.id)
    if (!article) continue
    for (const p of article.passages)
      if (p.themeIds.includes(themeId)) yield { ...p, articleId: entry.id }
  }
}
