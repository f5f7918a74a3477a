// The theme map: one strip per theme along the article, from its start (left)
// to its end (right), with a mark wherever the theme covers text (position
// proportional to the offset). Every mark is a button named after its theme
// and the words it starts on; clicking one jumps to that place in the article.
import { useMemo } from 'react'
import { mapMarks } from '@shared/model/stats'
import { excerpt } from '@renderer/lib/format'
import { useI18n } from '@renderer/i18n/i18n'
import type { SummaryRow } from './summary-rows'

interface Props {
  rows: readonly SummaryRow[]
  text: string
  onJump: (passageId: string) => void
}

/** At most this many marks per strip: closer runs merge into one mark. */
const RESOLUTION = 240

const percent = (n: number, of: number) => `${of ? (n / of) * 100 : 0}%`

export function ThemeMap({ rows, text, onJump }: Props) {
  const { t, formatNumber } = useI18n()
  const marks = useMemo(
    () => rows.map((r) => mapMarks(r.runs, Math.max(1, text.length / RESOLUTION))),
    [rows, text.length],
  )
  return (
    <section className="summary-section" aria-labelledby="theme-map-title">
      <h3 id="theme-map-title">{t('summary.map.title')}</h3>
      <p className="muted">{t('summary.map.help')}</p>
      <div className="theme-map">
        {rows.map((r, i) => (
          <div
            className="theme-map-row"
            key={r.key}
            role="group"
            aria-label={t('summary.map.row', { theme: r.name })}
          >
            <span className="theme-map-name" title={r.name}>
              <span className="swatch" style={{ backgroundColor: r.colour }} aria-hidden="true" />
              {r.name}
            </span>
            <div className={r.untagged ? 'theme-map-track untagged' : 'theme-map-track'}>
              {marks[i]!.map((m) => {
                const where = Math.round((m.start / Math.max(1, text.length)) * 100)
                const words = excerpt(text.slice(m.start, Math.min(m.end, m.start + 80)), 40)
                const label = t('summary.map.mark', {
                  theme: r.name,
                  words,
                  where: formatNumber(where / 100, { style: 'percent' }),
                })
                return (
                  <button
                    type="button"
                    key={m.start}
                    className="theme-map-mark"
                    style={{
                      left: percent(m.start, text.length),
                      width: percent(m.end - m.start, text.length),
                      backgroundColor: r.colour,
                    }}
                    aria-label={label}
                    title={label}
                    onClick={() => onJump(m.passageId)}
                  />
                )
              })}
            </div>
          </div>
        ))}
        <div className="theme-map-scale" aria-hidden="true">
          <span>{t('summary.map.start')}</span>
          <span>{t('summary.map.end')}</span>
        </div>
      </div>
    </section>
  )
}
