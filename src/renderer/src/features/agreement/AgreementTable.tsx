// The Agreement view's figures: one row per theme and a last row for all
// themes; at article, paragraph and sentence units the units compared and
// left out, percent agreement, Fleiss's kappa and Krippendorff's alpha with
// its benchmark, then Cohen's kappa for each pair of coders in a table of
// its own; at characters, the articles compared and unitizing alpha.
import type { AgreementFigures, AgreementReport } from '@shared/agreement/report'
import type { Theme } from '@shared/model/schema'
import { useI18n } from '@renderer/i18n/i18n'
import { Figure } from './figures'

interface Props {
  report: AgreementReport
  themes: ReadonlyMap<string, Theme>
}

export function AgreementTable({ report, themes }: Props) {
  const { t, formatNumber } = useI18n()
  const characters = report.unit === 'characters'
  const { compared, excluded } = report.exclusions
  const name = (id: string) => themes.get(id)?.name ?? id
  const cells = (f: AgreementFigures) =>
    characters ? (
      <td className="num">
        <Figure c={f.unitizing} badge long />
      </td>
    ) : (
      <>
        <td className="num">
          <Figure c={f.percent} percent />
        </td>
        <td className="num">
          <Figure c={f.fleiss} />
        </td>
        <td className="num">
          <Figure c={f.alpha} badge long />
        </td>
      </>
    )
  return (
    <table className="agreement-table" aria-label={t('agreement.table')}>
      <thead>
        <tr>
          <th scope="col">{t('agreement.col.theme')}</th>
          <th scope="col" className="num">
            {t(characters ? 'agreement.col.articles' : 'agreement.col.units')}
          </th>
          <th scope="col" className="num">
            {t('agreement.col.excluded')}
          </th>
          {characters ? (
            <th scope="col" className="num">
              {t('agreement.col.unitizing')}
            </th>
          ) : (
            <>
              <th scope="col" className="num">
                {t('agreement.col.percent')}
              </th>
              <th scope="col" className="num">
                {t('agreement.col.fleiss')}
              </th>
              <th scope="col" className="num">
                {t('agreement.col.alpha')}
              </th>
            </>
          )}
        </tr>
      </thead>
      <tbody>
        {report.themes.map((f) => (
          <tr key={f.themeId}>
            <th scope="row">
              <span
                className="agreement-swatch"
                style={{ background: themes.get(f.themeId)?.colour }}
                aria-hidden="true"
              />
              {name(f.themeId)}
            </th>
            <td className="num">{formatNumber(compared)}</td>
            <td className="num">{formatNumber(excluded)}</td>
            {cells(f)}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th
            scope="row"
            title={t(
              characters ? 'agreement.overall.help.characters' : 'agreement.overall.help.nominal',
            )}
          >
            {t(characters ? 'agreement.overall' : 'agreement.overall.pooled')}
          </th>
          <td className="num">
            {formatNumber(characters ? compared : compared * report.themes.length)}
          </td>
          <td className="num">
            {formatNumber(characters ? excluded : excluded * report.themes.length)}
          </td>
          {cells(report.overall)}
        </tr>
      </tfoot>
    </table>
  )
}

/** Cohen's kappa of each pair of coders (columns) for each theme and all themes (rows). */
export function PairsTable({ report, themes }: Props) {
  const { t } = useI18n()
  const pairs = report.overall.cohen
  if (pairs.length === 0) return null
  return (
    <table className="agreement-table agreement-pairs" aria-label={t('agreement.pairs')}>
      <caption>{t('agreement.pairs')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('agreement.col.theme')}</th>
          {pairs.map((p) => (
            <th scope="col" className="num" key={`${p.coderA}\u0000${p.coderB}`}>
              {t('agreement.col.pair', { a: p.coderA, b: p.coderB })}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {report.themes.map((f) => (
          <tr key={f.themeId}>
            <th scope="row">{themes.get(f.themeId)?.name ?? f.themeId}</th>
            {f.cohen.map((p, i) => (
              <td className="num" key={i}>
                <Figure c={p.kappa} badge />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('agreement.overall.pooled')}</th>
          {pairs.map((p, i) => (
            <td className="num" key={i}>
              <Figure c={p.kappa} badge />
            </td>
          ))}
        </tr>
      </tfoot>
    </table>
  )
}
