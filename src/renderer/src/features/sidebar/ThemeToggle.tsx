import type { Theme } from '@shared/model/schema'

interface Props {
  theme: Theme
  on: boolean
  onClick: () => void
  /** The small size of the filters. */
  small?: boolean
  disabled?: boolean
  title?: string
}

/**
 * A theme as a toggle button, its border in the theme's colour and filled
 * with it when on (aria-pressed): the name is always written.
 */
export function ThemeToggle({ theme, on, onClick, small = false, disabled, title }: Props) {
  const base = small ? 'toggle small' : 'toggle'
  return (
    <button
      type="button"
      className={on ? `${base} on` : base}
      aria-pressed={on}
      disabled={disabled}
      title={title}
      style={
        on
          ? { backgroundColor: theme.colour, borderColor: theme.colour }
          : { borderColor: theme.colour }
      }
      onClick={onClick}
    >
      {theme.name}
    </button>
  )
}
