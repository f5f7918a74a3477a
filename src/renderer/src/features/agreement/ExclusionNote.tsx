// What was compared and what was left out, and why, under the figures: the
// units compared, then each coder's articles not coded and the articles no
// chosen coder coded. Never leaves units out silently. The same words go in
// the report image (exclusionTexts).
import type { AgreementReport } from '@shared/agreement/report'
import { useI18n, type I18n } from '@renderer/i18n/i18n'

/** The summary sentence, and one reason per coder (and for articles nobody coded). */
export function exclusionTexts(
  report: AgreementReport,
  { t, plural }: Pick<I18n, 't' | 'plural'>,
): { summary: string; reasons: string[] } {
  const { exclusions: x, unit } = report
  const units = (count: number) => plural(`agreement.kind.${unit}`, count)
  const articles = (count: number) => plural('agreement.kind.article', count)
  const reasons = [
    ...x.byCoder
      .filter((c) => c.articles > 0)
      .map((c) =>
        unit === 'characters'
          ? t('agreement.excluded.coderArticles', {
              coder: c.coder,
              articles: articles(c.articles),
            })
          : t('agreement.excluded.coder', {
              coder: c.coder,
              articles: articles(c.articles),
              units: units(c.units),
            }),
      ),
    ...(x.uncoded.articles > 0
      ? [
          unit === 'characters'
            ? t('agreement.excluded.uncodedArticles', { articles: articles(x.uncoded.articles) })
            : t('agreement.excluded.uncoded', {
                articles: articles(x.uncoded.articles),
                units: units(x.uncoded.units),
              }),
        ]
      : []),
  ]
  const compared = t('agreement.compared', {
    units: units(x.compared),
    articles: articles(report.articles),
    coders: plural('agreement.coderCount', report.coders.length),
  })
  const left =
    x.excluded === 0
      ? t('agreement.excluded.none')
      : t('agreement.excluded.some', { units: units(x.excluded) })
  return { summary: `${compared} ${left}`, reasons: x.excluded > 0 ? reasons : [] }
}

export function ExclusionNote({ report }: { report: AgreementReport }) {
  const i18n = useI18n()
  const { summary, reasons } = exclusionTexts(report, i18n)
  return (
    <div className="agreement-exclusions" role="note">
      <p>{summary}</p>
      {reasons.length > 0 && (
        <ul>
          {reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
    </div>
  )
}
