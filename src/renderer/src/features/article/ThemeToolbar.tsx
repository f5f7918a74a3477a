// The small toolbar shown under a text selection: one button per theme,
// each with its colour, its name and its key.
import type { CSSProperties } from 'react'
import type { Theme } from '../../../../shared/model/schema'

interface Props {
  codebook: readonly Theme[]
  top: number
  left: number
  onTag(themeId: string): void
}

export function ThemeToolbar({ codebook, top, left, onTag }: Props) {
  const position: CSSProperties = { top, left }
  return (
    <div className="theme-toolbar" role="toolbar" aria-label="Tag selection" style={position}>
      {codebook.map((t) => (
        <button
          key={t.id}
          type="button"
          className="theme-button"
          aria-label={`Tag as ${t.name}`}
          aria-keyshortcuts={t.key}
          title={`Tag as ${t.name} (${t.key})`}
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
