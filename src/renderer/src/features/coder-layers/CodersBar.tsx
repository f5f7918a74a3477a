// The Coders control, above the article in a session of two or more coders:
// a checkbox per coder (in the session's order, consensus first) and one for
// all of them, each coder's name underlined with its mark (the legend of the
// article's underlines) and its passages over the session. Hiding a coder
// hides its passages from the article, the passage list and the keys; it is
// remembered per session while Gloss runs. Renders nothing for one coder.
import { useEffect, useRef } from 'react'
import type { CoderCount } from '@shared/model/session-coders'
import { useI18n } from '@renderer/i18n/i18n'
import type { MessageKey } from '@renderer/i18n/messages-en'
import { CoderName } from './CoderName'
import type { CoderLayers } from './use-coder-layers'

type Props = Pick<CoderLayers, 'coders' | 'hidden' | 'setHidden' | 'display'>

export function CodersBar({ coders, hidden, setHidden, display }: Props) {
  const { t, plural, formatNumber } = useI18n()
  const all = useRef<HTMLInputElement>(null)
  const hiddenHere = coders.filter((c) => hidden.has(c.name)).length
  useEffect(() => {
    if (all.current) all.current.indeterminate = hiddenHere > 0 && hiddenHere < coders.length
  }, [hiddenHere, coders.length])
  if (!display) return null

  const toggle = (c: CoderCount) => {
    const next = new Set(hidden)
    if (next.has(c.name)) next.delete(c.name)
    else next.add(c.name)
    setHidden(next)
  }
  return (
    <div
      className="coders-bar"
      role="group"
      aria-label={t('coders.label')}
      title={t('coders.help')}
    >
      <span className="coders-title">{t('coders.label')}</span>
      <label className="coder-toggle">
        <input
          ref={all}
          type="checkbox"
          checked={hiddenHere === 0}
          onChange={() =>
            setHidden(hiddenHere === 0 ? new Set(coders.map((c) => c.name)) : new Set())
          }
        />
        {t('coders.all')}
      </label>
      {coders.map((c) => {
        const label = display.label(c.name)
        const slot = display.slotOf(c.name)
        return (
          <label
            key={c.name}
            className="coder-toggle"
            title={t('coders.toggle', {
              coder: label,
              passages: plural('count.passages', c.passages),
              mark: t(`coders.mark.${slot}` as MessageKey),
            })}
          >
            <input
              type="checkbox"
              aria-label={label}
              checked={!hidden.has(c.name)}
              onChange={() => toggle(c)}
            />
            <CoderName label={label} slot={slot} />
            <span className="muted coder-count">{formatNumber(c.passages)}</span>
          </label>
        )
      })}
    </div>
  )
}
