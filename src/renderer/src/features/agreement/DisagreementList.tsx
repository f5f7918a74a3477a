// Where the coders disagree, one theme at a time (a select lists each theme
// with its count): a virtualized list of fixed-height rows (nothing is
// measured), each with the article's title, the unit's excerpt and every
// coder's value (gave the theme, did not, did not code the article).
// Clicking a row, or Enter on it, opens the article at that unit.
import { useVirtualizer } from '@tanstack/react-virtual'
import { useMemo, useRef, useState } from 'react'
import type { AgreementReport, CoderValue, Disagreement } from '@shared/agreement/report'
import type { ArticleEntry } from '@shared/model/corpus'
import type { Theme } from '@shared/model/schema'
import { useI18n } from '@renderer/i18n/i18n'

/** Row height (px): see .agreement-row in agreement.css. */
const ROW = 58

interface Props {
  report: AgreementReport
  themes: ReadonlyMap<string, Theme>
  articles: ReadonlyMap<string, ArticleEntry>
  /** The theme shown first. */
  themeId: string | null
  onTheme: (themeId: string) => void
  onOpen: (d: Disagreement, themeId: string) => void
}

const VALUE_KEYS = {
  1: 'agreement.value.gave',
  0: 'agreement.value.notGiven',
  null: 'agreement.value.notCoded',
} as const

function valueKey(v: CoderValue) {
  return VALUE_KEYS[v === null ? 'null' : v]
}

export function DisagreementList({ report, themes, articles, themeId, onTheme, onOpen }: Props) {
  const { t, formatNumber } = useI18n()
  const first = report.themes.find((f) => f.disagreements.total > 0) ?? report.themes[0]
  const [chosen, setChosen] = useState(
    themeId && report.themeIds.includes(themeId) ? themeId : (first?.themeId ?? ''),
  )
  const figures = report.themes.find((f) => f.themeId === chosen)
  const list = useMemo(() => figures?.disagreements.shown ?? [], [figures])
  const scroller = useRef<HTMLDivElement>(null)
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: list.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW,
    overscan: 8,
  })
  const name = (id: string) => themes.get(id)?.name ?? id
  return (
    <section className="agreement-disagreements" aria-labelledby="agreement-disagreements-title">
      <header>
        <h3 id="agreement-disagreements-title">{t('agreement.disagreements')}</h3>
        <label>
          <span>{t('agreement.disagreements.theme')}</span>
          <select
            value={chosen}
            onChange={(e) => {
              setChosen(e.target.value)
              onTheme(e.target.value)
            }}
          >
            {report.themes.map((f) => (
              <option key={f.themeId} value={f.themeId}>
                {t('agreement.disagreements.count', {
                  theme: name(f.themeId),
                  count: formatNumber(f.disagreements.total),
                })}
              </option>
            ))}
          </select>
        </label>
      </header>
      {figures && figures.disagreements.total > list.length && (
        <p className="muted agreement-capped">
          {t('agreement.disagreements.shown', {
            shown: formatNumber(list.length),
            total: formatNumber(figures.disagreements.total),
          })}
        </p>
      )}
      {list.length === 0 ? (
        <p className="muted agreement-none">{t('agreement.disagreements.none')}</p>
      ) : (
        <div
          className="agreement-list"
          ref={scroller}
          role="list"
          aria-label={t('agreement.disagreements')}
        >
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const d = list[item.index]!
              return (
                <div
                  key={item.index}
                  role="listitem"
                  className="agreement-row-item"
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  <button
                    type="button"
                    className="agreement-row"
                    title={t('agreement.disagreements.open')}
                    onClick={() => onOpen(d, chosen)}
                  >
                    <span className="agreement-row-title">
                      {articles.get(d.articleId)?.title ?? d.articleId}
                    </span>
                    <span className="agreement-row-excerpt">
                      {d.context ? (
                        <>
                          {d.context.before && `…${d.context.before}`}
                          <mark>{d.excerpt}</mark>
                          {d.context.after && `${d.context.after}…`}
                        </>
                      ) : (
                        d.excerpt
                      )}
                    </span>
                    <span className="agreement-row-values">
                      {report.coders.map((coder, c) => (
                        <span
                          key={coder}
                          className={`agreement-value-chip v${String(d.values[c])}`}
                        >
                          {coder}: {t(valueKey(d.values[c] ?? null))}
                        </span>
                      ))}
                    </span>
                  </button>
                </div>
              )
            })}
          </div>
        </div>
      )}
    </section>
  )
}
