import type { Theme } from '@shared/model/schema'
import { hexToRgba } from '@renderer/lib/colour'

/** A theme's name on a tint of its colour: colour never carries meaning alone. */
export function ThemeChip({ theme }: { theme: Theme }) {
  return (
    <span
      className="chip"
      style={{ backgroundColor: hexToRgba(theme.colour, 0.18), borderColor: theme.colour }}
    >
      <span className="swatch" style={{ backgroundColor: theme.colour }} aria-hidden="true" />
      {theme.name}
    </span>
  )
}
