// Gloss in Chromium, the way the e2e suite runs it: the built renderer served
// with the app's CSP, window.gloss routed to the real createHandlers in this
// process (e2e/harness). Everything is driven through the UI (the open
// dialog, a text selection and a theme key, the note field, the theme filter)
// and timed inside the page with the same probes as the peers. Measurements
// rely on stable hooks only: article[aria-label="Article"] in
// .article-scroller, .passage-scroller, roles and labels.
import { test, type Browser, type Page } from '@playwright/test'
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { launchChromiumApp } from '../test-support/harness/chromium-app'
import { serveDirectory, type StaticServer } from '../test-support/harness/static-server'
import type { Session } from '../src/shared/model/schema'
import {
  ADDS,
  addsFile,
  FILTER_TOGGLES,
  HIT_POINTS,
  INTERACTIVE_SIZE,
  KEYSTROKES,
  OPEN_SIZES,
  runsFor,
  sessionFile,
  withCap,
} from './config'
import type { Add } from '../test-support/generate'
import {
  armArticleChange,
  describeSplit,
  frameSplit,
  revealAndSelect,
  waitSaved,
  type Split,
} from './gloss-page'
import { installProbes, randomPoints } from './probes'
import { record, row, type Row, type Scenario } from './results'
import { heapUsedMB, hitRow, Problems, scrollRuns } from './util'

declare global {
  interface Window {
    __glossReplyTimes: number[]
    __glossTransportMs: number[]
  }
}

interface OpenResult {
  article: number
  highlights: number
  reply: number
  /** How long the reply travelled through the test transport (not Electron's IPC). */
  transport: number
  longestTask: number
  elements: number
  window: [number, number]
  split?: Split
}

test.describe.configure({ mode: 'serial' })

let server: StaticServer
test.beforeAll(async () => {
  server = await serveDirectory(resolve('out/renderer'))
})
test.afterAll(async () => {
  await server?.close()
})

/** Launches Gloss on a fresh data folder holding a copy of the n-passage session. */
async function launch(browser: Browser, n: number) {
  const dataDir = await mkdtemp(join(tmpdir(), 'gloss-bench-app-'))
  const file = join(dataDir, `bench-${n}.gloss.json`)
  await copyFile(sessionFile(n), file)
  // The generated passages' author: the session stays of one coder as passages are added.
  const app = await launchChromiumApp(browser, server.url, dataDir, undefined, 'bench')
  await app.page.evaluate(installProbes)
  return {
    app,
    file,
    async close() {
      await withCap(app.close(), 30_000)
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}

/** Opens the session through the UI: from the click on "Open session…" to the first paints. */
async function openSession(page: Page, answer: () => Promise<void>, n: number) {
  await page.evaluate((expectHighlights) => {
    const bp = window.__bp
    bp.pending = new Promise((resolve, reject) => {
      const onClick = (e: Event) => {
        const button = (e.target as Element).closest('button')
        if (!button || !button.textContent?.includes('Open session')) return
        window.removeEventListener('click', onClick, true)
        const t0 = performance.now()
        const replies = window.__glossReplyTimes.length
        const tasks = bp.longTasks.length
        const article = () => document.querySelector('article[aria-label="Article"]')
        const hasText = () => !!article()?.querySelector('p')
        // Highlights: CSS Custom Highlight ranges, or painted elements (older renderers).
        const hasHighlights = () =>
          hasText() &&
          (!expectHighlights ||
            bp.highlightState().total > 0 ||
            article()!.querySelector('[style*="background"], .hl, mark') !== null)
        // The app showing an error (error boundary, start screen alert) ends the wait.
        let settled = false
        const failed = () => {
          if (settled) return
          const alert = document.querySelector('[role="alert"]')
          if (alert) reject(new Error(`Gloss shows an error: ${alert.textContent?.slice(0, 200)}`))
          else if (performance.now() - t0 < 60_000) requestAnimationFrame(failed)
        }
        requestAnimationFrame(failed)
        bp.paintTimes([hasText, hasHighlights], { timeoutMs: 60_000 }).then(
          ([ta, th]) => {
            settled = true
            resolve({
              article: ta! - t0,
              highlights: th! - t0,
              reply: (window.__glossReplyTimes[replies] ?? NaN) - t0,
              transport: window.__glossTransportMs[replies] ?? NaN,
              longestTask: Math.max(0, ...bp.longTasks.slice(tasks).map((t) => t.duration)),
              elements: article()!.getElementsByTagName('*').length,
              window: [t0, th!],
            })
          },
          (e: unknown) => {
            settled = true
            reject(e instanceof Error ? e : new Error(String(e)))
          },
        )
      }
      window.addEventListener('click', onClick, true)
    })
  }, n > 0)
  await answer()
  await page.getByRole('button', { name: 'Open session…' }).click()
  const result = await withCap(page.evaluate(() => window.__bp.pending as Promise<OpenResult>))
  if (result !== 'timeout') {
    await page.waitForTimeout(100) // long animation frames are reported after the frame
    result.split = (await page.evaluate(frameSplit, [result.window]))[0]!
  }
  return result
}

test('Gloss: open a session (IPC + parse + validate + render)', async ({ browser }) => {
  test.setTimeout(20 * 60_000)
  const rows: Row[] = []
  const problems = new Problems()
  const elementsAt = new Map<number, number>()
  // One unrecorded warm-up open.
  {
    const g = await launch(browser, 1_000)
    await openSession(g.app.page, () => g.app.answerNextDialog(g.file), 1_000)
    await g.close()
  }
  // Runs interleave the sizes, so that a change of load on the machine
  // spreads over all of them instead of skewing one.
  const resultsAt = new Map(OPEN_SIZES.map((n) => [n, [] as OpenResult[]]))
  const timedOutAt = new Set<number>()
  for (let run = 0; run < Math.max(...OPEN_SIZES.map(runsFor)); run++)
    for (const n of OPEN_SIZES) {
      if (run >= runsFor(n) || timedOutAt.has(n)) continue
      const g = await launch(browser, n)
      try {
        const r = await openSession(g.app.page, () => g.app.answerNextDialog(g.file), n)
        if (r === 'timeout') timedOutAt.add(n)
        else resultsAt.get(n)!.push(r)
      } catch (e) {
        problems.add(`open ${n}`, e)
      } finally {
        await g.close()
      }
    }
  for (const n of OPEN_SIZES) {
    const results = resultsAt.get(n)!
    const timedOut = timedOutAt.has(n)
    const note = timedOut ? 'timeout' : undefined
    const longest = Math.max(0, ...results.map((r) => r.longestTask))
    rows.push(
      row(
        'open',
        'gloss',
        n,
        results.map((r) => r.highlights),
        note ??
          `longest task ${Math.round(longest)} ms; ${describeSplit(results.map((r) => r.split))}`,
      ),
      row(
        'openArticle',
        'gloss',
        n,
        results.map((r) => r.article),
        note,
      ),
      row(
        'openReply',
        'gloss',
        n,
        results.map((r) => r.reply).filter((x) => Number.isFinite(x)),
        note,
      ),
      row(
        'openLongestTask',
        'gloss',
        n,
        results.map((r) => r.longestTask),
        note ?? '0: no task over 50 ms (the Long Tasks API reports none shorter)',
      ),
      row(
        'openTransport',
        'gloss',
        n,
        results.map((r) => r.transport).filter((x) => Number.isFinite(x)),
        note,
      ),
      row(
        'openOwn',
        'gloss',
        n,
        results.map((r) => r.highlights - r.transport).filter((x) => Number.isFinite(x)),
        note ?? 'per run: open − the transport of its reply; add the structured clone for Electron',
      ),
    )
    if (results.length) elementsAt.set(n, results.at(-1)!.elements)
  }
  const base = elementsAt.get(0)
  for (const [n, count] of elementsAt)
    if (n > 0 && base !== undefined)
      rows.push(row('domNodes', 'gloss', n, [count - base], `${count} vs ${base} with 0 passages`))
  record(rows)
  problems.throwIfAny()
})

test('Gloss: working in a 10,000-passage session', async ({ browser }) => {
  test.setTimeout(20 * 60_000)
  const n = INTERACTIVE_SIZE
  const rows: Row[] = []
  const problems = new Problems()
  const session = JSON.parse(await readFile(sessionFile(n), 'utf8')) as Session
  const adds = JSON.parse(await readFile(addsFile(), 'utf8')) as Add[]
  const attempt = (key: Scenario, body: () => Promise<void>) =>
    problems.run(key, body, (message) => rows.push(row(key, 'gloss', n, null, `error: ${message}`)))
  const g = await launch(browser, n)
  const page = g.app.page
  try {
    const opened = await openSession(page, () => g.app.answerNextDialog(g.file), n)
    if (opened === 'timeout') throw new Error('the session did not open within the cap')
    await page.evaluate((text) => (window.__benchText = text), session.document.text)
    await page.waitForTimeout(1000)

    // JS heap with the session open.
    await attempt('heap', async () => {
      rows.push(row('heap', 'gloss', n, [await heapUsedMB(page)]))
    })

    // Add: select words in the article (a DOM selection on its text nodes),
    // wait for the theme toolbar, press "1"; keydown → next paint with it.
    await attempt('add', async () => {
      const times: number[] = []
      const windows: [number, number][] = []
      for (const a of adds.slice(0, ADDS)) {
        await page.evaluate(revealAndSelect, a)
        await page.getByRole('toolbar', { name: 'Tag selection' }).waitFor({ timeout: 10_000 })
        await page.evaluate(armArticleChange)
        await page.keyboard.press('1')
        const r = await withCap(
          page.evaluate(() => window.__bp.pending as Promise<{ ms: number; t0: number }>),
        )
        if (r === 'timeout') throw new Error('no paint after adding a passage')
        times.push(r.ms)
        windows.push([r.t0, r.t0 + r.ms])
        await waitSaved(page)
      }
      const splits = await page.evaluate(frameSplit, windows)
      rows.push(row('add', 'gloss', n, times, describeSplit(splits)))
    })

    // Unrelated update 1: typing in the note of the selected passage.
    await attempt('typeNote', async () => {
      const note = page.getByRole('textbox', { name: 'Note' })
      if (!(await note.isVisible()))
        await page
          .getByRole('list', { name: 'Passages' })
          .getByRole('listitem')
          .first()
          .getByRole('button')
          .click()
      await page.waitForTimeout(1500) // past the flash of a picked passage
      await note.click()
      const times: number[] = []
      for (let k = 0; k < KEYSTROKES; k++) {
        await page.evaluate(armInput)
        await page.keyboard.press(k % 6 === 5 ? 'Space' : 'a')
        times.push((await page.evaluate(() => window.__bp.pending)) as number)
        await page.waitForTimeout(60) // typing speed: below the note's 400 ms commit pause
      }
      rows.push(row('typeNote', 'gloss', n, times))
      await page.keyboard.press('Escape')
      await page.keyboard.press('Escape')
      await waitSaved(page)
    })

    // Unrelated update 2: the sidebar's theme filter.
    await attempt('filter', async () => {
      const button = page
        .getByRole('group', { name: 'Filter by theme' })
        .getByRole('button', { name: session.codebook[0]!.name })
      const times: number[] = []
      for (let k = 0; k < FILTER_TOGGLES; k++) {
        await page.evaluate(armSidebarChange)
        await button.click()
        const ms = await withCap(page.evaluate(() => window.__bp.pending as Promise<number>))
        if (ms === 'timeout') throw new Error('no paint after toggling the filter')
        times.push(ms)
        await page.waitForTimeout(150)
      }
      rows.push(row('filter', 'gloss', n, times))
    })

    // Hit-test: caretPositionFromPoint + a lookup over the session's passages.
    await attempt('hitTest', async () => {
      await page.locator('.article-scroller').evaluate((el) => {
        el.scrollTop = el.scrollHeight * 0.4
      })
      await page.waitForTimeout(300)
      const points = await page.evaluate(`(${randomPoints.toString()})(${HIT_POINTS})`)
      const hit = await page.evaluate(glossHitTest, {
        points: points as { x: number; y: number }[],
        starts: session.passages.map((p) => p.start),
        ends: session.passages.map((p) => p.end),
      })
      rows.push(hitRow('gloss', n, hit))
    })

    // Scrolling: the article, then the passage list.
    await attempt('scroll', async () => {
      const { over, max } = await scrollRuns(page, '.article-scroller')
      rows.push(row('scroll', 'gloss', n, over), row('scrollMax', 'gloss', n, max))
    })
    await attempt('sidebarScroll', async () => {
      const { over } = await scrollRuns(page, '.passage-scroller')
      rows.push(row('sidebarScroll', 'gloss', n, over))
    })
  } finally {
    await g.close()
  }
  record(rows)
  problems.throwIfAny()
})

// ---- In-page functions (serialized by page.evaluate: self-contained) ----

/** keydown → the frame after the text field's input event. */
function armInput() {
  const bp = window.__bp
  bp.pending = new Promise((resolve) => {
    let t0 = 0
    window.addEventListener('keydown', () => (t0 = performance.now()), {
      capture: true,
      once: true,
    })
    document.addEventListener(
      'input',
      () => requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0)),
      { capture: true, once: true },
    )
  })
}

/** click → the first painted frame after the sidebar's DOM changed. */
function armSidebarChange() {
  const bp = window.__bp
  const aside = document.querySelector('aside') ?? document.body
  bp.pending = new Promise((resolve, reject) => {
    window.addEventListener(
      'click',
      () => {
        const t0 = performance.now()
        let mutated = false
        const observer = new MutationObserver(() => (mutated = true))
        observer.observe(aside, {
          childList: true,
          subtree: true,
          attributes: true,
          characterData: true,
        })
        bp.paintTimes([() => mutated], { timeoutMs: 30_000 }).then(([t]) => {
          observer.disconnect()
          resolve(t! - t0)
        }, reject)
      },
      { capture: true, once: true },
    )
  })
}

/**
 * Which passages lie under each point: document.caretPositionFromPoint, then
 * the caret's text offset (text node → offset table built once, untimed), then
 * Gloss's own lookup (passagesAtPoint: filter every passage, innermost first).
 */
function glossHitTest(input: {
  points: { x: number; y: number }[]
  starts: number[]
  ends: number[]
}) {
  const text = window.__benchText
  const article = document.querySelector('article[aria-label="Article"]')!
  const offsets = new Map<Node, number>()
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT)
  let cursor = 0
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (!node.data) continue
    const at = text.indexOf(node.data, cursor)
    if (at < 0) throw new Error('the article text nodes do not follow the session text')
    offsets.set(node, at)
    cursor = at + node.data.length
  }
  const { starts, ends } = input
  const hit = (x: number, y: number) => {
    const pos = document.caretPositionFromPoint(x, y)
    if (!pos) return 0
    const base = offsets.get(pos.offsetNode)
    if (base === undefined) return 0
    const offset = base + pos.offset
    const found: number[] = []
    for (let i = 0; i < starts.length; i++)
      if (starts[i]! <= offset && offset < ends[i]!) found.push(i)
    found.sort((a, b) => ends[a]! - starts[a]! - (ends[b]! - starts[b]!))
    return found.length
  }
  const perPoint: number[] = []
  let hits = 0
  for (const { x, y } of input.points) {
    const t = performance.now()
    hits += hit(x, y)
    perPoint.push(performance.now() - t)
  }
  const batchMeans: number[] = []
  for (let b = 0; b < input.points.length; b += 100) {
    const batch = input.points.slice(b, b + 100)
    const t = performance.now()
    for (const { x, y } of batch) hit(x, y)
    batchMeans.push((performance.now() - t) / batch.length)
  }
  return { perPoint, batchMeans, hits }
}
