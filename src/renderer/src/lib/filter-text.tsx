// The text box of a list's filter (passages, articles): no spell check or
// autocomplete; Esc empties it first, and once empty is the session's Escape.

interface Props {
  type?: 'text' | 'search'
  label: string
  placeholder: string
  value: string
  onChange: (value: string) => void
}

export function FilterText({ type = 'text', label, placeholder, value, onChange }: Props) {
  return (
    <input
      type={type}
      className="filter-text"
      aria-label={label}
      placeholder={placeholder}
      value={value}
      spellCheck={false}
      autoComplete="off"
      onChange={(e) => onChange(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && value) {
          e.stopPropagation()
          onChange('')
        }
      }}
    />
  )
}
