// The theme picker: a small modal dialog to choose any theme of the
// codebook by typing part of its name (or of its group's), for a codebook
// too long for one key per theme. ↑/↓ (Home/End, Page Up/Down) move through
// the matches, Enter applies the highlighted one, Esc closes. Opened from
// the selection toolbar (tag the selected text) and from the passage details
// (add or remove a theme of the selected passage), or with T. The input
// keeps the focus (a combobox with aria-activedescendant); the list shows
// the themes under their groups while nothing is typed, the best matches
// first with their group's name once something is.
import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react'
import type { ThemeGroup } from '@shared/model/corpus'
import type { Theme } from '@shared/model/schema'
import { useI18n } from '@renderer/i18n/i18n'
import { useModal } from '@renderer/lib/use-modal'
import { filterThemes } from './theme-filter'
import './codebook.css'

interface Props {
  codebook: readonly Theme[]
  groups: readonly ThemeGroup[]
  /** The themes of the selected passage (it toggles them), or null to tag a text selection. */
  current: readonly string[] | null
  onPick: (themeId: string) => void
  onClose: () => void
}

const PAGE = 8

export function ThemePicker({ codebook, groups, current, onPick, onClose }: Props) {
  const { t, plural } = useI18n()
  const { close, dialogProps } = useModal(onClose)
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const id = useId()
  const shown = useMemo(() => filterThemes(codebook, groups, query), [codebook, groups, query])
  const at = Math.min(active, shown.length - 1)
  const optionId = (i: number) => `${id}-option-${i}`
  const groupName = useMemo(() => new Map(groups.map((g) => [g.id, g.name])), [groups])
  const filtering = query.trim() !== ''

  useEffect(() => {
    if (at >= 0) document.getElementById(optionId(at))?.scrollIntoView({ block: 'nearest' })
  })

  const choose = (theme: Theme | undefined) => {
    if (!theme) return
    close()
    onPick(theme.id)
  }

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const last = shown.length - 1
    const to: Record<string, number> = {
      ArrowDown: at >= last ? 0 : at + 1,
      ArrowUp: at <= 0 ? last : at - 1,
      PageDown: Math.min(last, at + PAGE),
      PageUp: Math.max(0, at - PAGE),
    }
    if (e.key === 'Enter') {
      e.preventDefault()
      choose(shown[at])
    } else if (e.key in to && last >= 0) {
      e.preventDefault()
      setActive(to[e.key]!)
    } else if ((e.key === 'Home' || e.key === 'End') && e.ctrlKey && last >= 0) {
      e.preventDefault()
      setActive(e.key === 'Home' ? 0 : last)
    }
  }

  // While the whole codebook is listed (in its order), its themes come under their groups.
  const sections: { key: string; name: string | null; items: { theme: Theme; index: number }[] }[] =
    []
  shown.forEach((theme, index) => {
    const key = filtering ? '' : (theme.groupId ?? '')
    let section = sections.at(-1)
    if (!section || section.key !== key) {
      const name = filtering ? null : theme.groupId ? (groupName.get(key) ?? '') : null
      sections.push((section = { key, name, items: [] }))
    }
    section.items.push({ theme, index })
  })

  const option = ({ theme, index }: { theme: Theme; index: number }) => (
    <div
      key={theme.id}
      id={optionId(index)}
      role="option"
      aria-selected={index === at}
      className={index === at ? 'theme-picker-option is-active' : 'theme-picker-option'}
      onMouseDown={(e) => e.preventDefault()}
      onMouseMove={() => index !== at && setActive(index)}
      onClick={() => choose(theme)}
    >
      <span className="swatch" style={{ backgroundColor: theme.colour }} aria-hidden="true" />
      <span className="theme-picker-name">
        {theme.name}
        {current?.includes(theme.id) && (
          <>
            {' '}
            <span aria-hidden="true">✓</span>
            <span className="codebook-visually-hidden">{t('picker.on')}</span>
          </>
        )}
      </span>
      {filtering && theme.groupId && (
        <span className="muted theme-picker-group">{groupName.get(theme.groupId)}</span>
      )}
      {theme.key && <kbd>{theme.key}</kbd>}
    </div>
  )

  const title = current ? t('picker.title.passage') : t('picker.title.tag')
  return (
    <dialog {...dialogProps} className="theme-picker" aria-label={title}>
      <h2 className="theme-picker-title">{title}</h2>
      <input
        type="text"
        role="combobox"
        className="theme-picker-input"
        aria-label={t('picker.filter')}
        aria-expanded="true"
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={at >= 0 ? optionId(at) : undefined}
        aria-describedby={`${id}-help`}
        placeholder={t('picker.placeholder')}
        value={query}
        autoFocus
        spellCheck={false}
        onChange={(e) => {
          setQuery(e.target.value)
          setActive(0)
        }}
        onKeyDown={onKeyDown}
      />
      <p id={`${id}-help`} className="muted theme-picker-help">
        <span role="status">
          {shown.length === 0
            ? t('picker.none', { query: query.trim() })
            : plural('picker.count', shown.length)}
        </span>
        {' · '}
        {t('picker.help')}
      </p>
      <div
        id={`${id}-list`}
        role="listbox"
        aria-label={t('picker.themes')}
        className="theme-picker-list"
      >
        {sections.map((section) =>
          section.name === null && (filtering || sections.length === 1) ? (
            section.items.map(option)
          ) : (
            <div
              key={section.key}
              role="group"
              aria-labelledby={`${id}-group-${section.key}`}
              className="theme-picker-section"
            >
              <div id={`${id}-group-${section.key}`} className="theme-picker-heading">
                {section.name ?? t('codebook.noGroup')}
              </div>
              {section.items.map(option)}
            </div>
          ),
        )}
      </div>
    </dialog>
  )
}
