// Helpers shared by the bench files (Node side).
import type { Page } from '@playwright/test'
import { SCROLL_FRAMES, SCROLL_RUNS, SCROLL_STEP, SLOW_FRAME_MS } from './config'
import { row, type Row } from './results'

/** JSHeapUsedSize after a forced garbage collection, in MiB (CDP). */
export async function heapUsedMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page)
  try {
    await cdp.send('HeapProfiler.collectGarbage')
    await cdp.send('Performance.enable')
    const { metrics } = await cdp.send('Performance.getMetrics')
    const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value
    if (used === undefined) throw new Error('no JSHeapUsedSize metric')
    return used / 2 ** 20
  } finally {
    await cdp.detach()
  }
}

/** Failures of single scenarios: the others still run; the test fails at the end. */
export class Problems {
  private readonly list: string[] = []
  add(what: string, e: unknown): string {
    const message = e instanceof Error ? e.message.split('\n')[0]! : String(e)
    this.list.push(`${what}: ${message}`)
    console.warn(`  [bench] ${what} failed: ${message}`)
    return message
  }
  /** Runs one scenario; on failure, records it and calls onError (to add an error row). */
  async run(what: string, body: () => Promise<void>, onError?: (message: string) => void) {
    try {
      await body()
    } catch (e) {
      onError?.(this.add(what, e))
    }
  }
  get messages(): readonly string[] {
    return this.list
  }
  throwIfAny() {
    if (this.list.length) throw new Error(`bench scenarios failed:\n${this.list.join('\n')}`)
  }
}

export function hitRow(
  contender: Row['contender'],
  n: number,
  hit: { perPoint: number[]; batchMeans: number[]; hits: number },
): Row {
  const r = row('hitTest', contender, n, hit.batchMeans)
  const per = [...hit.perPoint].sort((a, b) => a - b)
  const p95 = per[Math.ceil(per.length * 0.95) - 1] ?? null
  return {
    ...r,
    p95_ms: p95 === null ? null : Math.round(p95 * 1000) / 1000,
    runs: hit.perPoint.length,
    note: `median of ${hit.batchMeans.length} batch means; p95 per point (0.1 ms timer); ${hit.hits} hits over ${hit.perPoint.length} points`,
  }
}

export async function scrollRuns(page: Page, selector: string) {
  const over: number[] = []
  const max: number[] = []
  for (let run = 0; run < SCROLL_RUNS; run++) {
    const deltas = await page.locator(selector).evaluate(
      async (el, [frames, step]) => {
        el.scrollTop = 0
        await window.__bp.afterNextPaint()
        await window.__bp.afterNextPaint()
        return window.__bp.scrollFrames(el, frames!, step!)
      },
      [SCROLL_FRAMES, SCROLL_STEP],
    )
    over.push(deltas.filter((d) => d > SLOW_FRAME_MS).length)
    max.push(Math.max(...deltas))
    await page.waitForTimeout(600)
  }
  return { over, max }
}
