// How much each theme is used across every article of the session, as
// main counts it (the renderer holds only the open article). Asked again
// whenever the codebook or the open article's passages change, once every
// edit made so far is on disk, so the numbers are those of the codebook
// shown. null until the first answer.
import { useEffect, useState } from 'react'
import type { ThemeUsageMap } from '@shared/model/theme-usage'
import { useLatest } from '@renderer/lib/use-latest'

export function useThemeUsage(
  sessionId: string,
  drained: () => Promise<void>,
  /** Anything whose change may change the numbers (the codebook, the passages). */
  version: readonly unknown[],
): ThemeUsageMap | null {
  const [usage, setUsage] = useState<ThemeUsageMap | null>(null)
  const latestDrained = useLatest(drained)
  const [codebook, passages] = version
  useEffect(() => {
    let live = true
    void (async () => {
      await latestDrained.current()
      const r = await window.gloss.themeUsage(sessionId)
      if (live && r.ok) setUsage(r.value)
    })()
    return () => {
      live = false
    }
  }, [sessionId, latestDrained, codebook, passages])
  return usage
}
