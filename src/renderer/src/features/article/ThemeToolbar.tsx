// The small toolbar shown under a text selection: one button per theme that
// has a key (all of them in a small codebook), each with its colour, its
// name and its key, in codebook order; and when some themes have no key,
// "More themes…", which opens the theme picker (also T). One tab stop (the
// WAI-ARIA toolbar pattern): Tab reaches it from the article, the arrow
// keys, Home and End move between the buttons, Enter or Space tags.
import { useLayoutEffect, useRef, useState, type CSSProperties } from 'react'
import type { Theme } from '@shared/model/schema'
import { useI18n } from '@renderer/i18n/i18n'

interface Props {
  codebook: readonly Theme[]
  top: number
  left: number
  onTag: (themeId: string) => void
  /** Opens the theme picker for the selection. */
  onMore: () => void
}

export function ThemeToolbar({ codebook, top, left, onTag, onMore }: Props) {
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
  const [current, setCurrent] = useState(0)
  const keyed = codebook.filter((t) => t.key)
  const more = keyed.length < codebook.length
  const onKeyDown = (e: React.KeyboardEvent) => {
    const n = keyed.length + (more ? 1 : 0)
    const to =
      e.key === 'ArrowRight' || e.key === 'ArrowDown'
        ? (current + 1) % n
        : e.key === 'ArrowLeft' || e.key === 'ArrowUp'
          ? (current - 1 + n) % n
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? n - 1
              : null
    if (to === null) return
    e.preventDefault()
    setCurrent(to)
    ref.current?.querySelectorAll<HTMLElement>('button')[to]?.focus()
  }
  return (
    <div
      ref={ref}
      className="theme-toolbar"
      role="toolbar"
      aria-label={tr('toolbar.label')}
      aria-orientation="horizontal"
      style={position}
      onKeyDown={onKeyDown}
    >
      {keyed.map((t, i) => (
        <button
          key={t.id}
          type="button"
          className="theme-button"
          aria-label={tr('toolbar.tagAs', { theme: t.name })}
          aria-keyshortcuts={t.key}
          tabIndex={i === current ? 0 : -1}
          onFocus={() => setCurrent(i)}
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
      {more && (
        <button
          type="button"
          className="theme-button theme-more"
          aria-keyshortcuts="T"
          title={tr('toolbar.more.title')}
          tabIndex={current === keyed.length ? 0 : -1}
          onFocus={() => setCurrent(keyed.length)}
          onMouseDown={(e) => e.preventDefault()}
          onClick={onMore}
        >
          {tr('toolbar.more')}
          <kbd>T</kbd>
        </button>
      )}
    </div>
  )
}
