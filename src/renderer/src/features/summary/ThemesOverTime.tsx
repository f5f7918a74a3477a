// Themes over time: by period of publication (ISO weeks, months, years),
// one line per theme shown, optionally one panel per value of an attribute.
// Articles without a publication date are counted and said, not drawn; too
// many periods for a chart are said too, with the way out (a longer period).
import { useRef } from 'react'
import type { AttributeDef } from '@shared/model/corpus'
import { MAX_TIME_BINS, type OverTime } from '@shared/model/corpus-stats'
import type { Theme } from '@shared/model/schema'
import { TIME_BINS, type TimeBin } from '@shared/model/time-bins'
import { useI18n } from '@renderer/i18n/i18n'
import { CorpusSection } from './CorpusSection'
import { attributeLabel, groupableAttributes, periodLabel, valueLabel } from './corpus-labels'
import type { Measure } from './corpus-measure'
import { MeasureSwitch } from './MeasureSwitch'
import { TimeChart } from './TimeChart'

interface Props {
  codebook: readonly Theme[]
  defs: readonly AttributeDef[]
  time: OverTime | null
  bin: TimeBin
  onBin: (bin: TimeBin) => void
  split: string | null
  onSplit: (split: string | null) => void
  measure: Measure
  onMeasure: (measure: Measure) => void
  shown: readonly number[]
  onShown: (shown: number[]) => void
  scopeLabel: string
  busy: boolean
  onSavePng: (svg: SVGSVGElement | null) => void
  onSaveCsv: () => void
}

/** Panels the chart draws when split; the CSV has every value. */
const PANELS = 12

const BIN_LABELS = {
  week: 'corpus.time.week',
  month: 'corpus.time.month',
  year: 'corpus.time.year',
} as const
const BIN_WORDS = {
  week: 'corpus.time.byWeek',
  month: 'corpus.time.byMonth',
  year: 'corpus.time.byYear',
} as const

export function ThemesOverTime(props: Props) {
  const { codebook, defs, time, bin, split, measure, shown, scopeLabel, busy } = props
  const { t, plural, locale } = useI18n()
  const chart = useRef<SVGSVGElement>(null)
  const drawable = time !== null && time.tooMany === null && time.bins.length > 0
  const splitName = split ? attributeLabel(split, defs, t) : ''
  const title = t('corpus.time.chart.title', { period: t(BIN_WORDS[bin]) })
  const subtitle = t(
    measure === 'articles' ? 'corpus.time.subtitle.articles' : 'corpus.time.subtitle.passages',
    { scope: scopeLabel },
  )
  const toggle = (i: number) =>
    props.onShown(
      shown.includes(i) ? shown.filter((x) => x !== i) : [...shown, i].sort((a, b) => a - b),
    )
  return (
    <CorpusSection
      id="corpus-time-section"
      title={t('corpus.time.title')}
      pngDisabled={busy || !drawable || shown.length === 0}
      csvDisabled={busy || !drawable}
      onSavePng={() => props.onSavePng(chart.current)}
      onSaveCsv={props.onSaveCsv}
    >
      <div className="corpus-controls">
        <label>
          {t('corpus.time.bin')}
          <select value={bin} onChange={(e) => props.onBin(e.target.value as TimeBin)}>
            {TIME_BINS.map((b) => (
              <option key={b} value={b}>
                {t(BIN_LABELS[b])}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('corpus.time.split')}
          <select value={split ?? ''} onChange={(e) => props.onSplit(e.target.value || null)}>
            <option value="">{t('corpus.time.noSplit')}</option>
            {groupableAttributes(defs)
              .filter((a) => a !== 'published')
              .map((a) => (
                <option key={a} value={a}>
                  {attributeLabel(a, defs, t)}
                </option>
              ))}
          </select>
        </label>
        <MeasureSwitch name="corpus-time-measure" value={measure} onChange={props.onMeasure} />
      </div>
      <details className="corpus-details">
        <summary>
          {t('corpus.time.themes', { shown: shown.length, total: codebook.length })}
        </summary>
        <div className="corpus-theme-picks">
          <button type="button" onClick={() => props.onShown(codebook.map((_, i) => i))}>
            {t('corpus.time.all')}
          </button>
          <button type="button" onClick={() => props.onShown([])}>
            {t('corpus.time.none')}
          </button>
          {codebook.map((theme, i) => (
            <label key={theme.id}>
              <input type="checkbox" checked={shown.includes(i)} onChange={() => toggle(i)} />
              <span
                className="swatch"
                style={{ backgroundColor: theme.colour }}
                aria-hidden="true"
              />
              {theme.name}
            </label>
          ))}
        </div>
      </details>
      {time?.tooMany !== null && time?.tooMany !== undefined && (
        <p role="status">{t('corpus.time.tooMany', { count: time.tooMany, max: MAX_TIME_BINS })}</p>
      )}
      {time && time.tooMany === null && time.bins.length === 0 && (
        <p role="status">{t('corpus.time.noDates')}</p>
      )}
      {drawable && (
        <>
          {time.undated > 0 && (
            <p className="muted">{plural('corpus.time.undated', time.undated)}</p>
          )}
          <div className="corpus-chart-frame">
            <TimeChart
              ref={chart}
              codebook={codebook}
              shown={shown}
              time={time}
              panels={PANELS}
              measure={measure}
              title={
                split
                  ? t('corpus.time.chart.titleSplit', {
                      period: t(BIN_WORDS[bin]),
                      attribute: splitName,
                    })
                  : title
              }
              subtitle={subtitle}
              periodName={(key) => periodLabel(key, bin, locale)}
              splitName={(v) => valueLabel(v, t)}
            />
          </div>
          {time.series.length > PANELS && (
            <p className="muted">{plural('corpus.time.morePanels', time.series.length - PANELS)}</p>
          )}
        </>
      )}
    </CorpusSection>
  )
}
