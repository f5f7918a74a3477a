// The small toolbar shown under a text selection: one button per theme,
// each with its colour, its name and its key.
import { useLayoutEffect, useRef, useState, type CSSProperties } from 'react'
import type { Theme } from '../../../../shared/model/schema'
import { useI18n } from '../../i18n/i18n'

interface Props {
  codebook: readonly Theme[]
  top: number
  left: number
  onTag(themeId: string): void
}

export function ThemeToolbar({ codebook, top, left, onTag }: Props) {
  const { t: tr } = useI18n()
  const ref = useRef<HTMLDivElement>(null)
  const [shift, setShift] = useState(0)
  // Keep the whole toolbar inside the article pane.
  useLayoutEffect(() => {
    const el = ref.current
    const pane = el?.offsetParent as HTMLElement | null
    if (!el || !pane) return
    setShift(Math.min(0, pane.clientWidth - 8 - (left + el.offsetWidth)))
  }, [left])
  const position: CSSProperties = { top, left: Math.max(8, left + shift) }
  return (
    <div
      ref={ref}
      className="theme-toolbar"
      role="toolbar"
      aria-label={tr('toolbar.label')}
      style={position}
    >
      {codebook.map((t) => (
        <button
          key={t.id}
          type="button"
          className="theme-button"
          aria-label={tr('toolbar.tagAs', { theme: t.name })}
          aria-keyshortcuts={t.key}
          title={`${tr('toolbar.tagAs', { theme: t.name })} (${t.key})${t.description ? `\n${t.description}` : ''}`}
          // Keep the text selection: act on mouse down, before focus moves.
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onTag(t.id)}
        >
          <span className="swatch" style={{ backgroundColor: t.colour }} aria-hidden="true" />
          {t.name}
          <kbd>{t.key}</kbd>
        </button>
      ))}
    </div>
  )
}
