// The rows of a result that lives in main (a passage query, a corpus
// search), fetched a page at a time as the virtualized list shows them. A
// row not fetched yet reads as undefined (the list shows a placeholder) and
// is asked for once; pages come back in any order. A new result (another
// source) starts from the rows its first answer carried. A result that grows
// while it is read (a search still running) has its last, short page asked
// for again once more rows exist.
import { useEffect, useMemo, useState } from 'react'
import type { Result } from '@shared/api'

export const PAGE = 100

export interface RowSource<T> {
  /** The first rows, given with the result. */
  first: readonly T[]
  fetch: (from: number, to: number) => Promise<Result<T[]>>
  /** Told when main no longer has the result (to run it again). */
  onGone?: () => void
}

/** The pages of one result; lives as long as its source. */
class RowPages<T> {
  private readonly pages = new Map<number, readonly T[]>()
  private readonly asked = new Set<number>()
  private live = true

  constructor(
    private readonly source: RowSource<T>,
    private readonly changed: () => void,
  ) {
    for (let p = 0; p * PAGE < source.first.length; p++)
      this.pages.set(p, source.first.slice(p * PAGE, (p + 1) * PAGE))
  }

  rowAt(index: number): T | undefined {
    return this.pages.get(Math.floor(index / PAGE))?.[index % PAGE]
  }

  want(from: number, to: number, count: number): void {
    const last = Math.min(to, count)
    for (let p = Math.floor(Math.max(0, from) / PAGE); p * PAGE < last; p++) {
      const have = this.pages.get(p)
      if (have && (have.length === PAGE || p * PAGE + have.length >= count)) continue
      if (this.asked.has(p)) continue
      this.asked.add(p)
      void this.source.fetch(p * PAGE, (p + 1) * PAGE).then((r) => {
        this.asked.delete(p)
        if (!this.live) return
        if (!r.ok) {
          if (r.error.code === 'not-found') this.source.onGone?.()
          return
        }
        this.pages.set(p, r.value)
        this.changed()
      })
    }
  }

  dispose(): void {
    this.live = false
  }
}

export interface RowWindow<T> {
  rowAt: (index: number) => T | undefined
  /** Asks for the missing rows among [from, to) of the `count` the result has. */
  want: (from: number, to: number, count: number) => void
  /** Changes each time rows arrive. */
  version: number
}

export function useRowWindow<T>(source: RowSource<T> | null): RowWindow<T> {
  const [version, setVersion] = useState(0)
  const pages = useMemo(
    () => (source ? new RowPages(source, () => setVersion((v) => v + 1)) : null),
    [source],
  )
  useEffect(() => () => pages?.dispose(), [pages])
  return useMemo(
    () => ({
      rowAt: (index: number) => pages?.rowAt(index),
      want: (from: number, to: number, count: number) => pages?.want(from, to, count),
      version,
    }),
    [pages, version],
  )
}
