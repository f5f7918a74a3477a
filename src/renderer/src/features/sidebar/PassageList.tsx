// Every passage in document order, with a theme filter. Clicking an item
// selects the passage and scrolls the article to it.
import { useEffect, useMemo, useRef, useState } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { Passage, Theme } from '../../../../shared/model/schema'
import { excerpt } from '../../format'
import { ThemeChip } from './ThemeChip'

interface Props {
  passages: readonly Passage[]
  codebook: readonly Theme[]
  selectedId: string | null
  onPick(id: string): void
}

export function PassageList({ passages, codebook, selectedId, onPick }: Props) {
  const [filter, setFilter] = useState<ReadonlySet<string>>(new Set())
  const byId = useMemo(() => new Map(codebook.map((t) => [t.id, t])), [codebook])
  const shown = useMemo(
    () =>
      filter.size === 0 ? passages : passages.filter((p) => p.themeIds.some((t) => filter.has(t))),
    [passages, filter],
  )

  // Only the items in view are in the DOM: sessions may hold 100,000 passages.
  const scrollerRef = useRef<HTMLDivElement>(null)
  // Gloss does not use the React Compiler, which is what this rule guards;
  // the virtualizer's methods are read fresh on every render.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scrollerRef.current,
    estimateSize: () => 84,
    overscan: 6,
    getItemKey: (i) => shown[i]!.id,
  })
  const selectedIndex = useMemo(
    () => (selectedId ? shown.findIndex((p) => p.id === selectedId) : -1),
    [shown, selectedId],
  )
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' })
  }, [selectedIndex, virtualizer])

  const toggle = (id: string) =>
    setFilter((f) => {
      const next = new Set(f)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })

  return (
    <section className="passages" aria-labelledby="passages-title">
      <div className="passages-head">
        <h2 id="passages-title">Passages</h2>
        <span className="muted" aria-live="polite">
          {filter.size ? `${shown.length} of ${passages.length}` : passages.length}
        </span>
      </div>
      <div className="filter" role="group" aria-label="Filter by theme">
        {codebook.map((t) => (
          <button
            key={t.id}
            type="button"
            className={filter.has(t.id) ? 'toggle small on' : 'toggle small'}
            aria-pressed={filter.has(t.id)}
            style={
              filter.has(t.id)
                ? { backgroundColor: t.colour, borderColor: t.colour }
                : { borderColor: t.colour }
            }
            onClick={() => toggle(t.id)}
          >
            {t.name}
          </button>
        ))}
      </div>
      {passages.length === 0 && (
        <p className="muted empty">
          Select text in the article, then pick a theme (or press its number key) to tag a passage.
        </p>
      )}
      {passages.length > 0 && shown.length === 0 && (
        <p className="muted empty">No passage has the selected themes.</p>
      )}
      <div className="passage-scroller" ref={scrollerRef}>
        <ol
          className="passage-list"
          aria-label="Passages"
          style={{ height: virtualizer.getTotalSize() }}
        >
          {virtualizer.getVirtualItems().map((row) => {
            const p = shown[row.index]!
            return (
              <li
                key={row.key}
                data-index={row.index}
                ref={virtualizer.measureElement}
                aria-setsize={shown.length}
                aria-posinset={row.index + 1}
                style={{ transform: `translateY(${row.start}px)` }}
              >
                <button
                  type="button"
                  className={p.id === selectedId ? 'passage-item is-selected' : 'passage-item'}
                  aria-current={p.id === selectedId ? 'true' : undefined}
                  onClick={() => onPick(p.id)}
                >
                  <span className="passage-quote">“{excerpt(p.quote, 140)}”</span>
                  <span className="passage-chips">
                    {p.themeIds.length === 0 && (
                      <span className="chip chip-untagged">Untagged</span>
                    )}
                    {p.themeIds.map((id) => {
                      const t = byId.get(id)
                      return t ? <ThemeChip key={id} theme={t} /> : null
                    })}
                  </span>
                  {p.note && <span className="passage-note">{excerpt(p.note, 120)}</span>}
                </button>
              </li>
            )
          })}
        </ol>
      </div>
    </section>
  )
}
