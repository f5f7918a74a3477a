// The corpus summary: its numbers over the session's articles (all, or
// those passing a filter), computed here since main holds every article and
// the renderer only the open one; and each of its tables saved as CSV.
import { fail, ok, type Result } from '@shared/api'
import type { CorpusSummaryRequest } from '@shared/ipc/methods'
import { mainMessage } from '@shared/main-messages'
import { isBuiltinAttribute, type ArticleEntry, type CorpusMeta } from '@shared/model/corpus'
import type { CorpusState } from '@shared/model/corpus-edits'
import { MAX_TIME_BINS, summarizeCorpus, type CorpusSummary } from '@shared/model/corpus-stats'
import { corpusSummaryCsv } from '../export/corpus-summary-csv'
import { EXPORT_KINDS } from '../export/save-export'
import type { HandlerGroup } from './context'
import { withScope } from './exports'

/** The attributes a summary may group by: the title, the builtins and the session's own. */
function attributeProblem(meta: CorpusMeta, attribute: string | null | undefined) {
  if (!attribute || attribute === 'title' || isBuiltinAttribute(attribute)) return null
  if (meta.attributeDefs.some((d) => d.id === attribute)) return null
  return fail('invalid-argument', mainMessage('main.summary.unknownAttribute', { attribute }))
}

function summarize(
  state: CorpusState,
  articles: readonly ArticleEntry[],
  request: CorpusSummaryRequest,
): Result<CorpusSummary> {
  const problem =
    attributeProblem(state.meta, request.attribute) ?? attributeProblem(state.meta, request.split)
  if (problem) return problem
  return ok(
    summarizeCorpus(state.meta, state.articles, articles, {
      attribute: request.attribute ?? null,
      bin: request.bin ?? null,
      split: request.split ?? null,
    }),
  )
}

/** The name of an attribute for a file name. */
const attributeName = (meta: CorpusMeta, attribute: string | null | undefined) =>
  meta.attributeDefs.find((d) => d.id === attribute)?.name ?? attribute ?? ''

export const corpusSummaryHandlers: HandlerGroup<'corpusSummary' | 'exportCorpusSummaryCsv'> = ({
  sessions,
  saveExport,
}) => ({
  corpusSummary: (sessionId, request) =>
    withScope(sessions, sessionId, request.filter, undefined, ({ state }, articles) =>
      Promise.resolve(summarize(state, articles, request)),
    ),
  exportCorpusSummaryCsv: (sessionId, request, table) =>
    withScope(
      sessions,
      sessionId,
      request.filter,
      undefined,
      async ({ state }, articles, subject) => {
        if (
          (table === 'byAttribute' && !request.attribute) ||
          (table === 'overTime' && !request.bin)
        )
          return fail('invalid-argument', mainMessage('main.summary.noTable'))
        const summary = summarize(state, articles, {
          attribute: table === 'byAttribute' ? request.attribute : null,
          bin: table === 'overTime' ? request.bin : null,
          split: table === 'overTime' ? request.split : null,
        })
        if (!summary.ok) return summary
        const tooMany = summary.value.overTime?.tooMany
        if (tooMany)
          return fail(
            'invalid-argument',
            mainMessage('main.summary.tooManyBins', { count: tooMany, max: MAX_TIME_BINS }),
          )
        const kind = {
          themes: EXPORT_KINDS.themesCsv,
          byAttribute: {
            ...EXPORT_KINDS.byAttributeCsv,
            detail: attributeName(state.meta, request.attribute),
          },
          overTime: EXPORT_KINDS.overTimeCsv,
        }[table]
        return ok(
          await saveExport(subject, kind, () => {
            const { csv, rows } = corpusSummaryCsv(summary.value, table, state.meta)
            return { content: csv, rows }
          }),
        )
      },
    ),
})
