// The Agreement view (Ctrl/Cmd+Shift+K, View › Inter-coder Agreement, or
// "Agreement" in the header when the session has two coders or more): how
// well the session's coders agree, shown in place of the article. The
// choices on the left (unit, coders, themes, articles); main computes
// (progress and Cancel here); the figures per theme and for all themes,
// Cohen's kappa per pair, what was left out and why, Krippendorff's
// benchmarks, and the disagreements, each of which opens its article at the
// unit. Exports: the table CSV, the units CSV, the report as PNG. A coder
// coded an article when the coder opened it or has a passage in it (see
// shared/agreement/report.ts). Never edits the session.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { Disagreement } from '@shared/agreement/report'
import type { AgreementRequestArg as AgreementRequest } from '@shared/ipc/methods'
import type { CorpusMeta } from '@shared/model/corpus'
import type { ArticleFilter } from '@shared/model/corpus-query'
import { useI18n } from '@renderer/i18n/i18n'
import { AgreementControls } from './AgreementControls'
import { AgreementEmpty } from './AgreementEmpty'
import { AgreementHeader } from './AgreementHeader'
import { AgreementReportSvg } from './AgreementReportSvg'
import { AgreementStatus } from './AgreementStatus'
import { AgreementTable, PairsTable } from './AgreementTable'
import {
  filteredArticleIds,
  recallChoices,
  rememberChoices,
  requestOf,
  sessionCoders,
  choicesProblem,
  type AgreementChoices,
} from './agreement-choices'
import { DisagreementList } from './DisagreementList'
import { ExclusionNote } from './ExclusionNote'
import { useAgreement } from './use-agreement'
import { useAgreementExports, type Notice } from './use-agreement-exports'

interface Props {
  sessionId: string
  meta: CorpusMeta
  /** The articles panel's filter (the "filtered articles" scope). */
  filter: ArticleFilter
  drained: () => Promise<void>
  onOpen: (d: Disagreement) => void
  onNotice: (notice: Notice) => void
  onClose: () => void
}

const sameRequest = (a: AgreementRequest | null, b: AgreementRequest) =>
  a !== null && JSON.stringify(a) === JSON.stringify(b)

/** The theme whose disagreements were last looked at, per session. */
const shownTheme = new Map<string, string>()

export function AgreementView(props: Props) {
  const { sessionId, meta, filter, onClose } = props
  const { t } = useI18n()
  const coders = useMemo(() => sessionCoders(meta), [meta])
  const [choices, setChoices] = useState<AgreementChoices>(() => recallChoices(sessionId, meta))
  const agreement = useAgreement(sessionId, props.drained)
  const exports = useAgreementExports(sessionId, props.onNotice)
  const svg = useRef<SVGSVGElement>(null)
  const themes = useMemo(() => new Map(meta.codebook.map((th) => [th.id, th])), [meta.codebook])
  const articles = useMemo(() => new Map(meta.articles.map((a) => [a.id, a])), [meta.articles])
  const filtered = useMemo(() => filteredArticleIds(meta, filter), [meta, filter])
  const request = useMemo(() => requestOf(choices, meta, filter), [choices, meta, filter])
  const { report, compute } = agreement
  const stale = !sameRequest(agreement.answered, request)

  const change = useCallback(
    (next: AgreementChoices) => {
      setChoices(next)
      rememberChoices(sessionId, next)
    },
    [sessionId],
  )
  const run = useCallback(() => {
    if (!choicesProblem(choices)) void compute(request)
  }, [choices, compute, request])

  // Opening the view computes the choices shown (main answers at once what it has just computed).
  const started = useRef(false)
  useEffect(() => {
    if (started.current || coders.length < 2) return
    started.current = true
    run()
  }, [run, coders.length])

  // When the view closes (Esc, Back to the article), the focus comes back where it was.
  useEffect(() => {
    const before = document.activeElement
    return () => {
      if (before instanceof HTMLElement && before.isConnected) before.focus()
    }
  }, [])

  const canExport = !!report && !stale && !exports.busy && !agreement.running

  return (
    <section className="agreement-view" aria-labelledby="agreement-view-title">
      <AgreementHeader
        canExport={canExport}
        saving={exports.busy}
        onTable={() => void exports.saveTable(request)}
        onUnits={() => void exports.saveUnits(request)}
        onPng={() => void exports.savePng(svg.current)}
        onClose={onClose}
      />
      {coders.length < 2 ? (
        <AgreementEmpty coders={coders} />
      ) : (
        <div className="agreement-body">
          <AgreementControls
            choices={choices}
            onChange={change}
            coders={coders}
            codebook={meta.codebook}
            articleCount={meta.articles.length}
            filteredCount={filtered?.length ?? null}
            running={agreement.running}
            stale={stale}
            onCompute={run}
          />
          <div className="agreement-results">
            <AgreementStatus agreement={agreement} hasReport={!!report} stale={stale} />
            {report && (
              <div className={`agreement-figures${stale ? ' is-stale' : ''}`}>
                <ExclusionNote report={report} />
                <AgreementTable report={report} themes={themes} />
                <p className="muted agreement-note">
                  {t(
                    report.unit === 'characters'
                      ? 'agreement.overall.help.characters'
                      : 'agreement.overall.help.nominal',
                  )}
                </p>
                <PairsTable report={report} themes={themes} />
                <p className="muted agreement-note">{t('agreement.benchmarkNote')}</p>
                <DisagreementList
                  key={JSON.stringify(agreement.answered)}
                  report={report}
                  themes={themes}
                  articles={articles}
                  themeId={shownTheme.get(sessionId) ?? null}
                  onTheme={(id) => shownTheme.set(sessionId, id)}
                  onOpen={(d, themeId) => {
                    shownTheme.set(sessionId, themeId)
                    props.onOpen(d)
                  }}
                />
                <div hidden>
                  <AgreementReportSvg ref={svg} report={report} themes={themes} />
                </div>
              </div>
            )}
          </div>
        </div>
      )}
    </section>
  )
}
