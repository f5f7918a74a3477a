// Inter-coder agreement (the Agreement view): the figures computed here,
// where every article is, a slice of time at a time (agreement/run.ts), with
// progress sent as onAgreementProgress and Cancel; and its exports (the
// agreement table CSV, the agreement units CSV, the report as PNG) through
// save-export.ts. One computation per session: a new one, or
// cancelAgreement, stops the one running, whose call then answers null.
// The last report of each session is kept (for the table CSV of what the
// view shows) while the session's state is the same. Never changes a session.
import { fail, ok, type Result } from '@shared/api'
import {
  planAgreement,
  type AgreementInput,
  type AgreementProblem,
  type AgreementReport,
  type AgreementRequest,
} from '@shared/agreement/report'
import type { CorpusState } from '@shared/model/corpus-edits'
import { mainMessage } from '@shared/main-messages'
import { buildUnitsInSteps, runAgreement } from '../agreement/run'
import { agreementTableCsv } from '../export/agreement-table-csv'
import { agreementUnitsCsvChunks, agreementUnitsRowCount } from '../export/agreement-units-csv'
import { EXPORT_KINDS } from '../export/save-export'
import type { OpenEntry } from '../sessions/registry'
import type { HandlerGroup } from './context'

function problemMessage(problem: AgreementProblem) {
  switch (problem.kind) {
    case 'fewer-than-two-coders':
      return mainMessage('main.agreement.twoCoders')
    case 'coder-twice':
      return mainMessage('main.agreement.coderTwice', { coder: problem.coder })
    case 'unknown-theme':
      return mainMessage('main.agreement.unknownTheme')
    case 'unknown-article':
      return mainMessage('main.agreement.unknownArticle')
    case 'no-themes':
      return mainMessage('main.agreement.noThemes')
  }
}

/** The request checked against the session, or why it cannot be computed. */
function plan(entry: OpenEntry, request: AgreementRequest): Result<AgreementInput> {
  const planned = planAgreement(request, entry.state.meta, entry.state.articles)
  return planned.ok ? ok(planned.input) : fail('invalid-argument', problemMessage(planned.problem))
}

const keyOf = (request: AgreementRequest) =>
  JSON.stringify([
    request.unit,
    request.coders,
    request.themeIds ?? null,
    request.articleIds ?? null,
  ])

export const agreementHandlers: HandlerGroup<
  | 'agreement'
  | 'cancelAgreement'
  | 'exportAgreementCsv'
  | 'exportAgreementUnitsCsv'
  | 'saveAgreementPng'
> = ({ sessions, saveExport, onAgreementProgress }) => {
  /** The computation running for each session. */
  const running = new Map<string, { cancelled: boolean }>()
  /** The last report of each open session, for the state and request it answers. */
  const last = new WeakMap<
    OpenEntry,
    { state: CorpusState; key: string; report: AgreementReport }
  >()

  const stop = (sessionId: string) => {
    const run = running.get(sessionId)
    if (run) run.cancelled = true
    running.delete(sessionId)
  }

  /** The report of `request`: the one kept when it answers the same question of the same state. */
  const reportOf = async (
    entry: OpenEntry,
    request: AgreementRequest,
    onProgress?: Parameters<typeof runAgreement>[1]['onProgress'],
    run: { cancelled: boolean } = { cancelled: false },
  ): Promise<Result<AgreementReport | null>> => {
    const key = keyOf(request)
    const { state } = entry
    const kept = last.get(entry)
    if (kept && kept.state === state && kept.key === key) return ok(kept.report)
    const input = plan(entry, request)
    if (!input.ok) return input
    const report = await runAgreement(input.value, {
      cancelled: () => run.cancelled,
      ...(onProgress && { onProgress }),
    })
    if (report) last.set(entry, { state, key, report })
    return ok(report)
  }

  return {
    agreement: (sessionId, request) =>
      sessions.withOpen(sessionId, async (entry) => {
        stop(sessionId)
        const run = { cancelled: false }
        running.set(sessionId, run)
        try {
          return await reportOf(
            entry,
            request,
            (step) => onAgreementProgress?.({ sessionId, ...step }),
            run,
          )
        } finally {
          if (running.get(sessionId) === run) running.delete(sessionId)
        }
      }),
    cancelAgreement: (sessionId) => {
      stop(sessionId)
      return Promise.resolve(ok(null))
    },
    exportAgreementCsv: (sessionId, request) =>
      sessions.withOpen(sessionId, async (entry) => {
        const report = await reportOf(entry, request)
        if (!report.ok || !report.value) return report as Result<null>
        const { codebook } = entry.state.meta
        const subject = { title: sessions.sessionTitle(entry), passages: 0 }
        const table = report.value
        return ok(
          await saveExport(subject, EXPORT_KINDS.agreementCsv, () => {
            const { csv, rows } = agreementTableCsv(table, codebook)
            return { content: csv, rows }
          }),
        )
      }),
    exportAgreementUnitsCsv: (sessionId, request) =>
      sessions.withOpen(sessionId, async (entry) => {
        const input = plan(entry, request)
        if (!input.ok) return input
        const units = await buildUnitsInSteps(input.value, { cancelled: () => false })
        if (!units) return ok(null)
        const rows = agreementUnitsRowCount(units)
        const subject = { title: sessions.sessionTitle(entry), passages: rows }
        const themes = entry.state.meta.codebook
        return ok(
          await saveExport(subject, EXPORT_KINDS.agreementUnitsCsv, (report) => ({
            content: agreementUnitsCsvChunks(
              units,
              { themes, articles: input.value.articles },
              report,
            ),
            rows,
          })),
        )
      }),
    saveAgreementPng: (sessionId, pngBase64) =>
      sessions.withOpen(sessionId, async (entry) => {
        const subject = { title: sessions.sessionTitle(entry), passages: 0 }
        return ok(
          await saveExport(subject, EXPORT_KINDS.agreementPng, () => ({
            content: Buffer.from(pngBase64, 'base64'),
          })),
        )
      }),
  }
}
