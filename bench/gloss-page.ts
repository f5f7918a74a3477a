// What the Gloss bench files share about Gloss's page: waiting for saves,
// where long animation frames went, and in-page functions (serialized by
// page.evaluate: self-contained) that select text and time the paint of
// the article's change. Not a bench file itself (no tests here).
import type { Page } from '@playwright/test'
import { stats } from './results'

declare global {
  interface Window {
    /** The open article's text, for revealAndSelect. */
    __benchText: string
  }
}

/** Waits until the header says every edit is saved. */
export async function waitSaved(page: Page) {
  await page
    .getByRole('status')
    .filter({ hasText: /^Saved$/ })
    .waitFor({ timeout: 30_000 })
}

export interface Split {
  frames: number
  script: number
  forcedLayout: number
  styleLayout: number
}

/**
 * Where the long animation frames (> 50 ms) of the samples went, medians:
 * script (and the style + layout that scripts forced by reading geometry),
 * and the rendering steps' style, layout and paint.
 */
export function describeSplit(splits: (Split | undefined)[]): string {
  const got = splits.filter((s): s is Split => !!s && s.frames > 0)
  if (got.length === 0) return 'no long animation frame'
  const med = (pick: (s: Split) => number) => Math.round(stats(got.map(pick)).median)
  return (
    `long animation frames in ${got.length} of ${splits.length} samples: ` +
    `script ${med((s) => s.script)} ms (of which forced style+layout ${med((s) => s.forcedLayout)} ms), ` +
    `rendering style+layout+paint ${med((s) => s.styleLayout)} ms (medians)`
  )
}

/** For each [t0, t1]: the long animation frames overlapping it, script vs style + layout time. */
export function frameSplit(windows: [number, number][]) {
  return windows.map(([t0, t1]) => {
    const frames = window.__bp.longFrames.filter((f) => f.start < t1 && f.start + f.duration > t0)
    return {
      frames: frames.length,
      script: frames.reduce((sum, f) => sum + f.script, 0),
      forcedLayout: frames.reduce((sum, f) => sum + f.forcedLayout, 0),
      styleLayout: frames.reduce((sum, f) => sum + f.styleLayout, 0),
    }
  })
}

/** Scrolls the words of `a` into view, then selects them on the article's text nodes. */
export async function revealAndSelect(a: { start: number; end: number }) {
  const text = window.__benchText
  const article = document.querySelector('article[aria-label="Article"]')!
  // Align the article's text nodes with the session text (paragraphs drop the "\n").
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT)
  let cursor = 0
  let start: [Node, number] | null = null
  let end: [Node, number] | null = null
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const v = node.data
    if (!v) continue
    const at = text.indexOf(v, cursor)
    if (at < 0 || /[^\n]/.test(text.slice(cursor, at)))
      throw new Error('the article text nodes do not follow the session text')
    if (!start && a.start >= at && a.start < at + v.length) start = [node, a.start - at]
    if (!end && a.end > at && a.end <= at + v.length) end = [node, a.end - at]
    if (start && end) break
    cursor = at + v.length
  }
  if (!start || !end) throw new Error(`offsets ${a.start}–${a.end} are not in the article DOM`)
  start[0].parentElement!.scrollIntoView({ block: 'center' })
  await window.__bp.afterNextPaint()
  await new Promise((r) => setTimeout(r, 60))
  await window.__bp.afterNextPaint()
  window.getSelection()!.setBaseAndExtent(start[0], start[1], end[0], end[1])
}

/** keydown → the first painted frame in which the article's painting changed. */
export function armArticleChange() {
  const bp = window.__bp
  const article = document.querySelector('article[aria-label="Article"]')!
  const before = bp.highlightState()
  bp.pending = new Promise((resolve, reject) => {
    window.addEventListener(
      'keydown',
      () => {
        const t0 = performance.now()
        let mutated = false
        const observer = new MutationObserver(() => (mutated = true))
        observer.observe(article, {
          childList: true,
          subtree: true,
          attributes: true,
          characterData: true,
        })
        const changed = () => {
          if (mutated) return true
          const now = bp.highlightState()
          if (now.sizes !== before.sizes) return true
          for (const r of now.firsts) if (!before.firsts.has(r)) return true
          return false
        }
        bp.paintTimes([changed], { timeoutMs: 30_000 }).then(([t]) => {
          observer.disconnect()
          resolve({ ms: t! - t0, t0 })
        }, reject)
      },
      { capture: true, once: true },
    )
  })
}
