// What the virtualized result lists (the Passages table, the corpus search's
// results) share: fixed-height rows rendered as they scroll into view (nothing
// is measured), the rows in view asked of main (useRowWindow), the keyboard of
// useGridKeys, the row last opened focused again when the list comes back, and
// the one tab stop. The list renders the rows; this hook places them.
import { useEffect, useRef } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useGridKeys } from './use-grid-keys'
import type { RowWindow } from './use-row-window'

export function useVirtualRows<T>(options: {
  count: number
  rows: RowWindow<T>
  /** Row height (px), as the list's CSS has it. */
  rowHeight: number
  /** Rows asked for past the last one in view. */
  extra: number
  /** The list's height assumed before it is laid out (Page Down/Up). */
  viewHeight: number
  onOpen: (index: number) => void
  /** The row to show and focus first (coming back to the view). */
  initialRow: number
  focusFirst: boolean
}) {
  const { count, rows, rowHeight, extra, initialRow } = options
  const scroller = useRef<HTMLDivElement>(null)
  const grid = useRef<HTMLDivElement>(null)
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 6,
    useFlushSync: false,
    initialOffset: Math.max(0, initialRow - 2) * rowHeight,
  })
  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items.at(-1)?.index ?? -1
  const { want } = rows
  useEffect(() => want(first, last + 1 + extra, count), [want, first, last, extra, count])

  const keys = useGridKeys({
    count,
    page: Math.max(
      1,
      Math.floor((scroller.current?.clientHeight ?? options.viewHeight) / rowHeight) - 1,
    ),
    scrollTo: (row) => virtualizer.scrollToIndex(row, { align: 'auto' }),
    container: grid,
    onOpen: options.onOpen,
    initial: initialRow,
  })

  // Coming back: the row last opened takes the focus once it is rendered.
  const focused = useRef(!options.focusFirst)
  useEffect(() => {
    if (focused.current) return
    const el = grid.current?.querySelector<HTMLElement>(`[data-row="${keys.active}"]`)
    if (el) {
      focused.current = true
      el.focus()
    }
  })

  // The one tab stop: the active row, or the first in view when it is scrolled away.
  const tabStop = items.some((item) => item.index === keys.active)
    ? keys.active
    : (items[0]?.index ?? -1)

  return { scroller, grid, virtualizer, items, keys, tabStop }
}
