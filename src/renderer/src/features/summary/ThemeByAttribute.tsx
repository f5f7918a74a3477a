// Theme by attribute: rows are themes, columns the values of the chosen
// attribute (dates by year), cells the share of that value's articles that
// contain the theme, or its passages there. A chart (the first values) and,
// on demand, the table of every value; PNG and CSV (every value) saves.
import { useRef } from 'react'
import type { AttributeDef } from '@shared/model/corpus'
import type { AttributeTable } from '@shared/model/corpus-stats'
import type { Theme } from '@shared/model/schema'
import { useI18n } from '@renderer/i18n/i18n'
import { CorpusSection } from './CorpusSection'
import { HeatmapChart } from './HeatmapChart'
import { attributeLabel, groupableAttributes, valueLabel } from './corpus-labels'
import { cellValue, formatCell, type Measure } from './corpus-measure'
import { MeasureSwitch } from './MeasureSwitch'

interface Props {
  codebook: readonly Theme[]
  defs: readonly AttributeDef[]
  table: AttributeTable | null
  attribute: string
  onAttribute: (attribute: string) => void
  measure: Measure
  onMeasure: (measure: Measure) => void
  scopeLabel: string
  busy: boolean
  onSavePng: (svg: SVGSVGElement | null) => void
  onSaveCsv: () => void
}

/** Values the chart shows; the table shows up to TABLE_COLUMNS, the CSV all of them. */
const CHART_COLUMNS = 16
const TABLE_COLUMNS = 60

export function ThemeByAttribute(props: Props) {
  const { codebook, defs, table, attribute, measure, scopeLabel, busy } = props
  const { t, plural, formatNumber } = useI18n()
  const chart = useRef<SVGSVGElement>(null)
  const name = attributeLabel(attribute, defs, t)
  const more = table ? Math.max(0, table.columns.length - CHART_COLUMNS) : 0
  const subtitle = t(
    measure === 'articles'
      ? 'corpus.byAttribute.subtitle.articles'
      : 'corpus.byAttribute.subtitle.passages',
    { attribute: name, scope: scopeLabel },
  )
  return (
    <CorpusSection
      id="corpus-by-title"
      title={t('corpus.byAttribute.title')}
      pngDisabled={busy || !table?.columns.length}
      csvDisabled={busy || !table}
      onSavePng={() => props.onSavePng(chart.current)}
      onSaveCsv={props.onSaveCsv}
    >
      <div className="corpus-controls">
        <label>
          {t('corpus.byAttribute.attribute')}
          <select value={attribute} onChange={(e) => props.onAttribute(e.target.value)}>
            {groupableAttributes(defs).map((a) => (
              <option key={a} value={a}>
                {attributeLabel(a, defs, t)}
              </option>
            ))}
          </select>
        </label>
        <MeasureSwitch name="corpus-by-measure" value={measure} onChange={props.onMeasure} />
      </div>
      <p className="muted">{t('corpus.byAttribute.help')}</p>
      {table && table.columns.length > 0 && (
        <>
          <div className="corpus-chart-frame">
            <HeatmapChart
              ref={chart}
              codebook={codebook}
              table={table}
              columns={CHART_COLUMNS}
              measure={measure}
              attributeName={name}
              valueName={(v) => valueLabel(v, t)}
              subtitle={subtitle}
            />
          </div>
          {more > 0 && <p className="muted">{plural('corpus.byAttribute.more', more)}</p>}
          <details className="corpus-details">
            <summary>{t('corpus.byAttribute.showTable')}</summary>
            <div className="corpus-table-frame">
              <table
                className="summary-table"
                aria-label={t('corpus.byAttribute.tableLabel', { attribute: name })}
              >
                <thead>
                  <tr>
                    <th scope="col">{t('summary.table.theme')}</th>
                    {table.columns.slice(0, TABLE_COLUMNS).map((col) => (
                      <th scope="col" key={col.value}>
                        {valueLabel(col.value, t)} <br />
                        <span className="muted">
                          {t('corpus.byAttribute.n', { count: formatNumber(col.articles) })}
                        </span>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {codebook.map((theme, r) => (
                    <tr key={theme.id}>
                      <th scope="row">{theme.name}</th>
                      {table.columns.slice(0, TABLE_COLUMNS).map((col, c) => (
                        <td key={col.value}>
                          {formatCell(
                            cellValue(table.cells[r]![c]!, col.articles, measure),
                            measure,
                            formatNumber,
                          )}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
      {table && table.columns.length === 0 && <p>{t('corpus.noArticles')}</p>}
    </CorpusSection>
  )
}
