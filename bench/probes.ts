// In-page measuring tools, the same for Gloss and for the peers. Gloss gets
// them through page.evaluate(installProbes); the peer pages import and call
// installProbes themselves. Self-contained: the function is serialized.
//
// "Next paint" is measured the usual way: the operation ends after the frame
// that shows its result, i.e. after requestAnimationFrame + setTimeout(0).

export interface LongTask {
  start: number
  duration: number
}

/** A long animation frame (> 50 ms): where its time went. */
export interface LongFrame {
  start: number
  duration: number
  /** Time in scripts (event handlers, callbacks, microtasks)… */
  script: number
  /** …of which style and layout forced by scripts (reading geometry after a change). */
  forcedLayout: number
  /** From the start of the rendering steps (rAF callbacks, style, layout, paint) to the end. */
  render: number
  /** Style and layout to the end of the frame. */
  styleLayout: number
}

export interface Probes {
  longTasks: LongTask[]
  longFrames: LongFrame[]
  /** Resolves (with performance.now()) once the next frame has been painted. */
  afterNextPaint(): Promise<number>
  /**
   * Resolves with performance.now() after the paint of the first frame in
   * which every condition holds; one time per condition. When `root` is given,
   * DOM changes under it are also checked as they happen (a library that
   * renders in its own requestAnimationFrame callback is then not a frame late).
   */
  paintTimes(
    conds: (() => boolean)[],
    options?: { root?: Node | null; timeoutMs?: number },
  ): Promise<number[]>
  /** Rough fingerprint of what the article paints: CSS highlights and their ranges. */
  highlightState(): { sizes: string; firsts: Set<AbstractRange>; total: number }
  /** Scrolls `el` by `step` px per frame for `frames` frames; frame durations (rAF deltas). */
  scrollFrames(el: Element, frames: number, step: number): Promise<number[]>
  /** A pending measurement armed before a Playwright action and read after it. */
  pending: Promise<unknown> | null
}

declare global {
  interface Window {
    __bp: Probes
  }
}

export function installProbes(): void {
  if (window.__bp) return
  const longTasks: LongTask[] = []
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        longTasks.push({ start: e.startTime, duration: e.duration })
    }).observe({ type: 'longtask', buffered: true })
  } catch {
    // No long task API: the list stays empty.
  }

  const longFrames: LongFrame[] = []
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & {
        renderStart: number
        styleAndLayoutStart: number
        scripts: { duration: number; forcedStyleAndLayoutDuration?: number }[]
      })[]) {
        const end = e.startTime + e.duration
        longFrames.push({
          start: e.startTime,
          duration: e.duration,
          script: e.scripts.reduce((sum, x) => sum + x.duration, 0),
          forcedLayout: e.scripts.reduce(
            (sum, x) => sum + (x.forcedStyleAndLayoutDuration ?? 0),
            0,
          ),
          render: e.renderStart ? end - e.renderStart : 0,
          styleLayout: e.styleAndLayoutStart ? end - e.styleAndLayoutStart : 0,
        })
      }
    }).observe({ type: 'long-animation-frame', buffered: true })
  } catch {
    // No long animation frame API.
  }

  const afterNextPaint = () =>
    new Promise<number>((resolve) =>
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0)),
    )

  const paintTimes: Probes['paintTimes'] = (conds, options = {}) =>
    new Promise((resolve, reject) => {
      const timeoutMs = options.timeoutMs ?? 60_000
      const started = performance.now()
      const times: (number | null)[] = conds.map(() => null)
      const seen = conds.map(() => false)
      let remaining = conds.length
      let inFrame = false
      let done = false
      let observer: MutationObserver | null = null
      const stamp = (i: number) => {
        times[i] = performance.now()
        if (--remaining === 0 && !done) {
          done = true
          observer?.disconnect()
          resolve(times as number[])
        }
      }
      // viaFrame: we are inside the rendering steps of a frame, which paints
      // right after them; otherwise the next frame paints.
      const check = (viaFrame: boolean) => {
        conds.forEach((cond, i) => {
          if (seen[i]) return
          let ok: boolean
          try {
            ok = cond()
          } catch {
            ok = false
          }
          if (!ok) return
          seen[i] = true
          if (viaFrame) setTimeout(() => stamp(i), 0)
          else requestAnimationFrame(() => setTimeout(() => stamp(i), 0))
        })
      }
      const tick = () => {
        if (done || seen.every(Boolean)) return
        inFrame = true
        setTimeout(() => (inFrame = false), 0)
        check(true)
        if (seen.every(Boolean)) return
        if (performance.now() - started > timeoutMs) {
          done = true
          observer?.disconnect()
          reject(new Error(`no paint within ${timeoutMs} ms`))
          return
        }
        requestAnimationFrame(tick)
      }
      if (options.root) {
        observer = new MutationObserver(() => check(inFrame))
        observer.observe(options.root, {
          childList: true,
          subtree: true,
          attributes: true,
          characterData: true,
        })
      }
      check(false)
      requestAnimationFrame(tick)
    })

  const highlightState = () => {
    let sizes = ''
    let total = 0
    const firsts = new Set<AbstractRange>()
    const registry = (CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> }).highlights
    registry?.forEach((h, name) => {
      sizes += `${name}:${h.size};`
      total += h.size
      for (const r of h) {
        firsts.add(r)
        break
      }
    })
    return { sizes, firsts, total }
  }

  const scrollFrames = (el: Element, frames: number, step: number) =>
    new Promise<number[]>((resolve) => {
      const deltas: number[] = []
      let last: number | null = null
      let n = 0
      const tick = (ts: number) => {
        if (last !== null) deltas.push(ts - last)
        last = ts
        if (n++ < frames) {
          el.scrollTop += step
          requestAnimationFrame(tick)
        } else resolve(deltas)
      }
      requestAnimationFrame(tick)
    })

  window.__bp = {
    longTasks,
    longFrames,
    afterNextPaint,
    paintTimes,
    highlightState,
    scrollFrames,
    pending: null,
  }
}

/**
 * Seeded points over the visible part of the article's text column: the same
 * points for every contender (Gloss gets this function's source through page.evaluate).
 */
export function randomPoints(n: number): { x: number; y: number }[] {
  let a = 12345
  const rnd = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32
  }
  const art = document.querySelector('article[aria-label="Article"]')!.getBoundingClientRect()
  const box = document.querySelector('.article-scroller')!.getBoundingClientRect()
  const left = art.left + 32
  const right = art.right - 32
  const top = Math.max(box.top, art.top) + 8
  const bottom = Math.min(box.bottom, art.bottom) - 8
  return Array.from({ length: n }, () => ({
    x: left + rnd() * (right - left),
    y: top + rnd() * (bottom - top),
  }))
}
