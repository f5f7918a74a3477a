// The coders of the open session with their passages: main's count over
// every article (IPC `coders`), asked again once edits are on disk whenever
// the index or the number of the open article's passages changes, merged
// with what the renderer sees itself (the index's coders and the open
// article's authors), so that a coder is known from the first render and
// one who just made a first passage is shown at once.
import { useEffect, useMemo, useState } from 'react'
import type { CoderCount } from '@shared/model/session-coders'
import { codersOf, countAuthors } from '@shared/model/session-coders'
import type { CorpusMeta } from '@shared/model/corpus'
import type { Passage } from '@shared/model/schema'
import { useLatest } from '@renderer/lib/use-latest'

export function useSessionCoders(
  sessionId: string,
  meta: CorpusMeta,
  passages: readonly Passage[],
  drained: () => Promise<void>,
): readonly CoderCount[] {
  const [counted, setCounted] = useState<readonly CoderCount[]>([])
  const latestDrained = useLatest(drained)
  const count = passages.length
  useEffect(() => {
    let live = true
    void (async () => {
      await latestDrained.current()
      const r = await window.gloss.coders(sessionId)
      if (live && r.ok) setCounted(r.value)
    })()
    return () => {
      live = false
    }
  }, [sessionId, meta, count, latestDrained])

  return useMemo(() => {
    const known = new Map(counted.map((c) => [c.name, c]))
    const here = countAuthors([passages])
    const names = codersOf(
      meta,
      passages,
      counted.map((c) => ({ author: c.name })),
    )
    // Main's counts lag an edit behind: the open article's own count is a floor.
    return names.map((name) => {
      const main = known.get(name)
      const mine = here.get(name) ?? 0
      if (main) return mine > main.passages ? { ...main, passages: mine } : main
      return {
        name,
        passages: mine,
        articlesOpened: meta.coders?.find((c) => c.name === name)?.opened.length ?? 0,
      }
    })
  }, [counted, meta, passages])
}
