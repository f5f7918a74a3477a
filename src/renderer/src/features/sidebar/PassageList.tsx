// Every passage in document order, with filters (themes, ANY or ALL of them;
// has a note; untagged; text in the quote or note; with two or more coders
// shown, the coders) and the count shown/total; each row then names its coder.
// Clicking an item selects the passage and scrolls the article to it. The
// list is one tab stop: ArrowDown/ArrowUp (and Home/End) move the selection
// and the focus; the session's J/K do the same from anywhere, and the focus
// follows the selection while it is in the list.
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { Passage, Theme } from '@shared/model/schema'
import { isFiltering, NO_FILTER, type PassageFilter } from '@shared/model/passage-filter'
import { CoderName, type CoderDisplay } from '@renderer/features/coder-layers'
import { excerpt } from '@renderer/lib/format'
import { useI18n } from '@renderer/i18n/i18n'
import { FilterText } from '@renderer/lib/filter-text'
import { ThemeChip } from './ThemeChip'
import { ThemeToggle } from './ThemeToggle'

/** Theme chips shown in a row (one line); more are counted in a "+n" chip. */
const MAX_CHIPS = 4
/**
 * Row heights (px, with the 6 px gap below): padding and border 18, two lines
 * of quote 40, gap 6, themes 18, gap 6; a note adds one 16 px line and a gap.
 */
const ROW = 94
const ROW_WITH_NOTE = ROW + 22

interface Props {
  /** Every passage of the session, in document order. */
  passages: readonly Passage[]
  /** The passages the filter keeps (see shared/model/passage-filter.ts). */
  shown: readonly Passage[]
  filter: PassageFilter
  onFilter: (filter: PassageFilter) => void
  codebook: readonly Theme[]
  selectedId: string | null
  onPick: (id: string) => void
  /** The coders shown, when two or more are: a coder filter, and each row's coder. */
  coders?: CoderDisplay | null
}

/** Up to this many themes, the theme filter offers every theme of the codebook. */
const FILTER_ALL_THEMES = 12

export function PassageList({
  passages,
  shown,
  filter,
  onFilter,
  codebook,
  selectedId,
  onPick,
  coders = null,
}: Props) {
  const { t, formatNumber } = useI18n()
  const byId = useMemo(() => new Map(codebook.map((th) => [th.id, th])), [codebook])
  // A long codebook offers only the themes this article's passages use (and those filtered on).
  const filterThemes = useMemo(() => {
    if (codebook.length <= FILTER_ALL_THEMES) return codebook
    const used = new Set(passages.flatMap((p) => p.themeIds))
    return codebook.filter((th) => used.has(th.id) || filter.themeIds.includes(th.id))
  }, [codebook, passages, filter.themeIds])
  const filtering = isFiltering(filter)

  const set = (change: Partial<PassageFilter>) => onFilter({ ...filter, ...change })
  const toggleTheme = (id: string) =>
    set({
      themeIds: filter.themeIds.includes(id)
        ? filter.themeIds.filter((x) => x !== id)
        : [...filter.themeIds, id],
    })
  const toggleCoder = (name: string) =>
    set({
      coders: filter.coders.includes(name)
        ? filter.coders.filter((x) => x !== name)
        : [...filter.coders, name],
    })

  return (
    <section className="passages" aria-labelledby="passages-title">
      <div className="passages-head">
        <h2 id="passages-title">{t('passages.title')}</h2>
        <span className="muted passages-count" aria-live="polite">
          {filtering
            ? t('passages.shownOf', {
                shown: formatNumber(shown.length),
                total: formatNumber(passages.length),
              })
            : formatNumber(passages.length)}
        </span>
      </div>
      <div className="passage-filters">
        <FilterText
          label={t('filter.text')}
          placeholder={t('filter.text.placeholder')}
          value={filter.text}
          onChange={(text) => set({ text })}
        />
        <div className="filter" role="group" aria-label={t('filter.byTheme')}>
          {filterThemes.map((th) => (
            <ThemeToggle
              key={th.id}
              theme={th}
              on={filter.themeIds.includes(th.id)}
              small
              onClick={() => toggleTheme(th.id)}
            />
          ))}
        </div>
        {coders && (
          <div className="filter" role="group" aria-label={t('filter.byCoder')}>
            {coders.names.map((name) => (
              <button
                key={name}
                type="button"
                className={
                  filter.coders.includes(name) ? 'toggle small on-neutral' : 'toggle small'
                }
                aria-pressed={filter.coders.includes(name)}
                onClick={() => toggleCoder(name)}
              >
                <CoderName label={coders.label(name)} slot={coders.slotOf(name)} />
              </button>
            ))}
          </div>
        )}
        <div className="filter filter-more">
          <div className="segmented" role="group" aria-label={t('filter.themeMode')}>
            <button
              type="button"
              aria-pressed={filter.themeMode === 'any'}
              aria-label={t('filter.any.label')}
              title={t('filter.any.help')}
              onClick={() => set({ themeMode: 'any' })}
            >
              {t('filter.any')}
            </button>
            <button
              type="button"
              aria-pressed={filter.themeMode === 'all'}
              aria-label={t('filter.all.label')}
              title={t('filter.all.help')}
              onClick={() => set({ themeMode: 'all' })}
            >
              {t('filter.all')}
            </button>
          </div>
          <button
            type="button"
            className={filter.hasNote ? 'toggle small on-neutral' : 'toggle small'}
            aria-pressed={filter.hasNote}
            onClick={() => set({ hasNote: !filter.hasNote })}
          >
            {t('filter.hasNote')}
          </button>
          <button
            type="button"
            className={filter.untagged ? 'toggle small on-neutral' : 'toggle small'}
            aria-pressed={filter.untagged}
            onClick={() => set({ untagged: !filter.untagged })}
          >
            {t('filter.untagged')}
          </button>
          {filtering && (
            <button type="button" className="link small" onClick={() => onFilter(NO_FILTER)}>
              {t('filter.clear')}
            </button>
          )}
        </div>
      </div>
      {passages.length === 0 && <p className="muted empty">{t('passages.empty')}</p>}
      {passages.length > 0 && shown.length === 0 && (
        <p className="muted empty">{t('passages.noneShown')}</p>
      )}
      <PassageRows
        shown={shown}
        byId={byId}
        selectedId={selectedId}
        onPick={onPick}
        coders={coders}
      />
    </section>
  )
}

interface RowsProps {
  shown: readonly Passage[]
  byId: ReadonlyMap<string, Theme>
  selectedId: string | null
  onPick: (id: string) => void
  coders: CoderDisplay | null
}

/**
 * The list itself, virtualized: only the rows in view are in the DOM
 * (sessions may hold 100,000 passages). A component of its own, so that
 * scrolling re-renders the rows only, not the filters above them.
 */
const PassageRows = memo(function PassageRows({
  shown,
  byId,
  selectedId,
  onPick,
  coders,
}: RowsProps) {
  const { t } = useI18n()
  const scrollerRef = useRef<HTMLDivElement>(null)
  // Fixed heights (see .passage-item in styles.css): no row is measured. The
  // virtualizer recomputes its row positions (O(n)) when keyOf changes, so
  // both change with the list only, not on every scroll.
  const sizeOf = useCallback((i: number) => (shown[i]!.note ? ROW_WITH_NOTE : ROW), [shown])
  const keyOf = useCallback((i: number) => shown[i]!.id, [shown])
  // Gloss does not use the React Compiler, which is what this rule guards;
  // the virtualizer's methods are read fresh on every render.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scrollerRef.current,
    estimateSize: sizeOf,
    overscan: 6,
    getItemKey: keyOf,
    // Scrolling re-renders in React's own time, not synchronously in the scroll event.
    useFlushSync: false,
  })
  const selectedIndex = useMemo(
    () => (selectedId ? shown.findIndex((p) => p.id === selectedId) : -1),
    [shown, selectedId],
  )
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' })
  }, [selectedIndex, virtualizer])

  // Keyboard focus follows the selection while it is in the list (J/K, arrows),
  // and comes back to the list when the focused item goes away (deleted).
  const focusInList = useRef(false)
  const focusWanted = useRef<string | null>(null)
  const lastSelected = useRef(selectedId)
  useLayoutEffect(() => {
    const scroller = scrollerRef.current
    if (!scroller) return
    if (selectedId !== lastSelected.current) {
      lastSelected.current = selectedId
      if (selectedId && scroller.contains(document.activeElement)) focusWanted.current = selectedId
    }
    const active = document.activeElement
    if (focusWanted.current) {
      const button = scroller.querySelector<HTMLElement>(
        `[data-passage-id="${CSS.escape(focusWanted.current)}"]`,
      )
      if (button) {
        if (active !== button) button.focus()
        focusWanted.current = null
      }
    } else if (focusInList.current && (!active || active === document.body)) {
      scroller.querySelector<HTMLElement>('.passage-item[tabindex="0"]')?.focus()
    }
  })

  const items = virtualizer.getVirtualItems()
  // The one tab stop of the list: the selected item, else the first in view.
  const tabStop = items.some((row) => row.index === selectedIndex)
    ? selectedIndex
    : (items[0]?.index ?? -1)

  const moveTo = (index: number) => {
    const p = shown[Math.max(0, Math.min(shown.length - 1, index))]
    if (!p) return
    focusWanted.current = p.id
    if (p.id === selectedId) {
      const at = shown.indexOf(p)
      virtualizer.scrollToIndex(at, { align: 'auto' })
    } else onPick(p.id)
  }

  const onListKey = (e: React.KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return
    const li = (e.target as HTMLElement).closest<HTMLElement>('li[data-index]')
    const at = li ? Number(li.dataset.index) : selectedIndex
    let to: number | null = null
    if (e.key === 'ArrowDown') to = at < 0 ? 0 : at + 1
    else if (e.key === 'ArrowUp') to = at < 0 ? 0 : at - 1
    else if (e.key === 'Home') to = 0
    else if (e.key === 'End') to = shown.length - 1
    if (to === null) return
    e.preventDefault()
    moveTo(to)
  }

  return (
    <div
      className="passage-scroller"
      ref={scrollerRef}
      onFocus={() => (focusInList.current = true)}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget)) focusInList.current = false
      }}
    >
      <ol
        className="passage-list"
        aria-label={t('passages.title')}
        style={{ height: virtualizer.getTotalSize() }}
        onKeyDown={onListKey}
      >
        {items.map((row) => {
          const p = shown[row.index]!
          return (
            <PassageRow
              key={row.key}
              passage={p}
              index={row.index}
              start={row.start}
              setSize={shown.length}
              selected={p.id === selectedId}
              tabStop={row.index === tabStop}
              byId={byId}
              untaggedLabel={t('passages.untagged')}
              size={row.size}
              onPick={onPick}
              coder={coders && coders.label(p.author)}
              coderSlot={coders ? coders.slotOf(p.author) : 0}
            />
          )
        })}
      </ol>
    </div>
  )
})

interface RowProps {
  passage: Passage
  index: number
  /** Offset of the row in the list (px). */
  start: number
  setSize: number
  selected: boolean
  tabStop: boolean
  byId: ReadonlyMap<string, Theme>
  untaggedLabel: string
  /** Height of the row (px), the gap below it included. */
  size: number
  onPick: (id: string) => void
  /** The passage's coder, named (two or more coders shown), and its mark. */
  coder: string | null
  coderSlot: number
}

/** One passage of the list; re-renders only when its own props change (not on every scroll). */
const PassageRow = memo(function PassageRow({
  passage: p,
  index,
  start,
  setSize,
  selected,
  tabStop,
  byId,
  untaggedLabel,
  size,
  onPick,
  coder,
  coderSlot,
}: RowProps) {
  const themes = p.themeIds.flatMap((id) => byId.get(id) ?? [])
  const { t } = useI18n()
  return (
    <li
      data-index={index}
      aria-setsize={setSize}
      aria-posinset={index + 1}
      style={{ transform: `translateY(${start}px)`, height: size }}
    >
      <button
        type="button"
        className={selected ? 'passage-item is-selected' : 'passage-item'}
        data-passage-id={p.id}
        aria-current={selected ? 'true' : undefined}
        tabIndex={tabStop ? 0 : -1}
        onClick={() => onPick(p.id)}
      >
        <span className="passage-quote">
          {t('passages.quote', { quote: excerpt(p.quote, 140) })}
        </span>
        <span className="passage-chips">
          {p.themeIds.length === 0 && <span className="chip chip-untagged">{untaggedLabel}</span>}
          {themes.slice(0, MAX_CHIPS).map((th) => (
            <ThemeChip key={th.id} theme={th} />
          ))}
          {themes.length > MAX_CHIPS && (
            <span
              className="chip chip-more"
              title={themes
                .slice(MAX_CHIPS)
                .map((th) => th.name)
                .join(', ')}
            >
              +{themes.length - MAX_CHIPS}
            </span>
          )}
          {coder !== null && <CoderName className="passage-coder" label={coder} slot={coderSlot} />}
        </span>
        {p.note && <span className="passage-note">{excerpt(p.note, 120)}</span>}
      </button>
    </li>
  )
})
