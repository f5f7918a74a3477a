// The CSV and PNG exports of a session. The passage, tidy and matrix CSVs
// cover the session's articles (all of them, those passing a filter, or
// one) and their passages (every coder's, or those of the coders given),
// streamed to disk with progress; the summary CSV and PNG of one article
// are the open article's.
import { fail, ok, type Result } from '@shared/api'
import { mainMessage } from '@shared/main-messages'
import type { ArticleEntry } from '@shared/model/corpus'
import { articleMatcher, type ArticleFilter } from '@shared/model/corpus-query'
import type { Session } from '@shared/model/schema'
import {
  corpusTidyRowCount,
  corpusToCsvChunks,
  corpusToTidyCsvChunks,
  passageCount,
} from '../export/corpus-csv'
import { withCodersOnly } from '../export/coder-scope'
import { matrixCsvChunks } from '../export/matrix-csv'
import { EXPORT_KINDS, type ExportSubject } from '../export/save-export'
import { sessionToSummaryCsv } from '../export/summary-csv'
import type { OpenEntry, SessionRegistry } from '../sessions/registry'
import type { HandlerGroup } from './context'

/** A CSV writer's output as an export's content and row count. */
const csvOf = ({ csv, rows }: { csv: string; rows: number }) => ({ content: csv, rows })

/** The articles an export covers, in list order: those passing `filter`, or only `articleId`. */
export function articlesInScope(
  entry: OpenEntry,
  filter?: ArticleFilter,
  articleId?: string,
): ArticleEntry[] {
  const { meta } = entry.state
  const match = filter ? articleMatcher(filter, meta.attributeDefs) : () => true
  return meta.articles.filter((a) => (articleId === undefined || a.id === articleId) && match(a))
}

/**
 * Runs `f` on the articles in scope with the export's subject (named after
 * the session, or the one article); fails when `articleId` is not in the
 * session. With `coders`, `f` is given the session's state with only those
 * coders' passages in the articles in scope.
 */
export function withScope<T>(
  sessions: SessionRegistry,
  sessionId: string,
  filter: ArticleFilter | null | undefined,
  articleId: string | null | undefined,
  f: (
    entry: Pick<OpenEntry, 'state'>,
    articles: ArticleEntry[],
    subject: ExportSubject,
  ) => Promise<Result<T>>,
  coders?: readonly string[] | null,
): Promise<Result<T>> {
  return sessions.withOpen(sessionId, (entry) => {
    const one = articleId && entry.state.meta.articles.find((a) => a.id === articleId)
    if (articleId && !one)
      return Promise.resolve(fail('not-found', mainMessage('main.article.notInSession')))
    const articles = articlesInScope(entry, filter ?? undefined, articleId ?? undefined)
    const title = one ? one.title : sessions.sessionTitle(entry)
    const state = withCodersOnly(entry.state, articles, coders)
    return f({ state }, articles, { title, passages: passageCount(state, articles) })
  })
}

export const exportHandlers: HandlerGroup<
  'exportCsv' | 'exportTidyCsv' | 'exportMatrixCsv' | 'exportSummaryCsv' | 'saveSummaryPng'
> = ({ sessions, saveExport }) => {
  /** Runs `f` on the open article of a session. */
  const withView = <T>(sessionId: string, f: (session: Session) => Promise<Result<T>>) =>
    sessions.withOpen(sessionId, (entry) => f(sessions.view(entry)))
  return {
    exportCsv: (sessionId, filter, articleId, coders) =>
      withScope(
        sessions,
        sessionId,
        filter,
        articleId,
        async ({ state }, articles, subject) =>
          ok(
            await saveExport(subject, EXPORT_KINDS.passagesCsv, (report) => ({
              content: corpusToCsvChunks(state, articles, report),
              rows: subject.passages,
            })),
          ),
        coders,
      ),
    exportTidyCsv: (sessionId, filter, articleId, coders) =>
      withScope(
        sessions,
        sessionId,
        filter,
        articleId,
        async ({ state }, articles, subject) =>
          ok(
            await saveExport(subject, EXPORT_KINDS.tidyCsv, (report) => ({
              content: corpusToTidyCsvChunks(state, articles, report),
              rows: corpusTidyRowCount(state, articles),
            })),
          ),
        coders,
      ),
    exportMatrixCsv: (sessionId, filter, articleId, coders) =>
      withScope(
        sessions,
        sessionId,
        filter,
        articleId,
        async ({ state }, articles, subject) =>
          ok(
            await saveExport(subject, EXPORT_KINDS.matrixCsv, (report) => ({
              content: matrixCsvChunks(state, articles, report),
              rows: articles.filter((a) => state.articles.has(a.id)).length,
            })),
          ),
        coders,
      ),
    exportSummaryCsv: (sessionId) =>
      withView(sessionId, async (session) =>
        ok(
          await saveExport(session, EXPORT_KINDS.summaryCsv, () =>
            csvOf(sessionToSummaryCsv(session)),
          ),
        ),
      ),
    saveSummaryPng: (sessionId, pngBase64, chartName) =>
      sessions.withOpen(sessionId, async (entry) => {
        const chart = chartName ?? 'article'
        const subject =
          chart === 'article'
            ? sessions.view(entry)
            : { title: sessions.sessionTitle(entry), passages: 0 }
        const kind = {
          article: EXPORT_KINDS.summaryPng,
          themes: EXPORT_KINDS.themesPng,
          byAttribute: EXPORT_KINDS.byAttributePng,
          overTime: EXPORT_KINDS.overTimePng,
        }[chart]
        return ok(
          await saveExport(subject, kind, () => ({ content: Buffer.from(pngBase64, 'base64') })),
        )
      }),
  }
}
