// The CSV and PNG exports of a session.
import { ok, type Result } from '@shared/api'
import type { Session } from '@shared/model/schema'
import { sessionToCsvChunks } from '../export/csv'
import { EXPORT_KINDS } from '../export/save-export'
import { sessionToSummaryCsv } from '../export/summary-csv'
import { sessionToTidyCsv } from '../export/tidy-csv'
import type { HandlerGroup } from './context'

/** A CSV writer's output as an export's content and row count. */
const csvOf = ({ csv, rows }: { csv: string; rows: number }) => ({ content: csv, rows })

export const exportHandlers: HandlerGroup<
  'exportCsv' | 'exportTidyCsv' | 'exportSummaryCsv' | 'saveSummaryPng'
> = ({ sessions, saveExport }) => {
  /** Runs `f` on the open article of a session. */
  const withView = <T>(sessionId: string, f: (session: Session) => Promise<Result<T>>) =>
    sessions.withOpen(sessionId, (entry) => f(sessions.view(entry)))
  return {
    exportCsv: (sessionId) =>
      withView(sessionId, async (session) =>
        ok(
          await saveExport(session, EXPORT_KINDS.passagesCsv, (report) => ({
            content: sessionToCsvChunks(session, report),
            rows: session.passages.length,
          })),
        ),
      ),
    exportTidyCsv: (sessionId) =>
      withView(sessionId, async (session) =>
        ok(await saveExport(session, EXPORT_KINDS.tidyCsv, () => csvOf(sessionToTidyCsv(session)))),
      ),
    exportSummaryCsv: (sessionId) =>
      withView(sessionId, async (session) =>
        ok(
          await saveExport(session, EXPORT_KINDS.summaryCsv, () =>
            csvOf(sessionToSummaryCsv(session)),
          ),
        ),
      ),
    saveSummaryPng: (sessionId, pngBase64) =>
      withView(sessionId, async (session) =>
        ok(
          await saveExport(session, EXPORT_KINDS.summaryPng, () => ({
            content: Buffer.from(pngBase64, 'base64'),
          })),
        ),
      ),
  }
}
