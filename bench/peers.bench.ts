// The peers on the same input, in the same browser, with the same probes:
// Recogito's text annotator (default SPANS renderer), Apache Annotator's
// highlightText (DOM wrapping) and mark.js markRanges. Each page loads the
// generated session file that Gloss opens; see bench/peers/.
import { test, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { join } from 'node:path'
import { serveDirectory, type StaticServer } from '../test-support/harness/static-server'
import {
  ADDS,
  HIT_POINTS,
  INTERACTIVE_SIZE,
  OPEN_SIZES,
  runDir,
  runsFor,
  SLOW_RUN_MS,
  VIEWPORT,
  withCap,
} from './config'
import type { ApplyResult } from './peers/common'
import { record, row, type Contender, type Row, type Scenario } from './results'
import { heapUsedMB, hitRow, Problems, scrollRuns } from './util'

const PEERS: Exclude<Contender, 'gloss'>[] = ['recogito', 'apache', 'markjs']

test.describe.configure({ mode: 'serial' })

let server: StaticServer
test.beforeAll(async () => {
  server = await serveDirectory(join(runDir(), 'peers'))
})
test.afterAll(async () => {
  await server?.close()
})

/** A fresh page of the peer with the n-passage session loaded (nothing applied yet). */
async function openPeer(browser: Browser, peer: string, n: number) {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-GB' })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto(server.url.replace('index.html', `${peer}.html`))
  await page.waitForFunction(() => !!window.__peer)
  await page.evaluate((count) => window.__peer.load(count), n)
  await page.waitForTimeout(300)
  return { context, page, errors }
}

/** Closes a context even when its page is stuck in a long script. */
async function dispose(context: BrowserContext) {
  await withCap(context.close(), 15_000)
}

async function apply(page: Page) {
  return withCap(page.evaluate(() => window.__peer.apply()))
}

for (const peer of PEERS) {
  test(`peer ${peer}`, async ({ browser }) => {
    test.setTimeout(30 * 60_000)
    const rows: Row[] = []
    const problems = new Problems()
    const attempt = (key: Scenario, n: number, body: () => Promise<void>) =>
      problems.run(`${peer} ${key}`, body, (message) =>
        rows.push(row(key, peer, n, null, `error: ${message}`)),
      )

    // Apply every passage to a loaded article → next paint with highlights.
    // Runs interleave the sizes (see gloss.bench.ts); after a timeout, larger
    // sets are skipped; the largest set runs once when a run is very slow.
    const sizes = OPEN_SIZES.filter((n) => n > 0) // nothing to apply at 0: n/a
    const resultsAt = new Map(sizes.map((n) => [n, [] as ApplyResult[]]))
    const stopped = new Map<number, string>()
    for (let run = 0; run < Math.max(...sizes.map(runsFor)); run++)
      for (const n of sizes) {
        if (run >= runsFor(n) || stopped.has(n)) continue
        const smaller = sizes.find((m) => m < n && stopped.get(m)?.startsWith('timeout'))
        if (smaller !== undefined) {
          stopped.set(n, `timeout (skipped after ${smaller})`)
          continue
        }
        const { context, page, errors } = await openPeer(browser, peer, n)
        try {
          const r = await apply(page)
          if (r === 'timeout') stopped.set(n, `timeout (> 60 s) in run ${run + 1} of ${runsFor(n)}`)
          else {
            resultsAt.get(n)!.push(r)
            if (n > INTERACTIVE_SIZE && r.ms > SLOW_RUN_MS)
              stopped.set(n, `${run + 1} run(s) only: a run took > ${SLOW_RUN_MS / 1000} s`)
          }
          if (errors.length) problems.add(`${peer} open ${n}`, errors[0])
        } catch (e) {
          problems.add(`${peer} open ${n}`, e)
        } finally {
          await dispose(context)
        }
      }
    for (const n of sizes) {
      const results = resultsAt.get(n)!
      const last = results.at(-1)
      const longest = Math.max(0, ...results.map((r) => r.longestTask))
      const facts = [
        stopped.get(n),
        last?.note,
        results.length ? `longest task ${Math.round(longest)} ms` : '',
      ]
      const note = facts.filter(Boolean).join('; ') || undefined
      rows.push(
        row(
          'open',
          peer,
          n,
          results.map((r) => r.ms),
          note,
        ),
      )
      if (last)
        rows.push(
          row(
            'domNodes',
            peer,
            n,
            [last.elementsAfter - last.elementsBefore],
            `${last.elementsAfter} vs ${last.elementsBefore} before`,
          ),
        )
      else rows.push(row('domNodes', peer, n, null, note ?? 'n/a'))
    }

    // Working with 10,000 passages applied: not when no run could apply them.
    const n = INTERACTIVE_SIZE
    if (resultsAt.get(n)?.length === 0) {
      for (const key of ['add', 'hitTest', 'scroll', 'heap'] as const)
        rows.push(row(key, peer, n, null, `timeout (applying ${n} took > 60 s)`))
      record(rows)
      problems.throwIfAny()
      return
    }
    const { context, page, errors } = await openPeer(browser, peer, n)
    try {
      const applied = await apply(page)
      if (applied === 'timeout') {
        for (const key of ['add', 'hitTest', 'scroll', 'heap'] as const)
          rows.push(row(key, peer, n, null, 'timeout'))
        return
      }
      await page.waitForTimeout(1000)

      await attempt('heap', n, async () => {
        rows.push(row('heap', peer, n, [await heapUsedMB(page)]))
      })

      await attempt('add', n, async () => {
        const times: number[] = []
        for (let i = 0; i < ADDS; i++) {
          await page.evaluate((k) => window.__peer.reveal(k), i)
          const ms = await withCap(page.evaluate((k) => window.__peer.add(k), i))
          if (ms === 'timeout') throw new Error('add did not paint within the cap')
          times.push(ms)
          await page.waitForTimeout(50)
        }
        rows.push(row('add', peer, n, times))
      })

      await attempt('hitTest', n, async () => {
        await page.locator('.article-scroller').evaluate((el) => {
          el.scrollTop = el.scrollHeight * 0.4
        })
        await page.waitForTimeout(300)
        const hit = await page.evaluate((count) => window.__peer.hitTest(count), HIT_POINTS)
        rows.push(hitRow(peer, n, hit))
      })

      await attempt('scroll', n, async () => {
        const { over, max } = await scrollRuns(page, '.article-scroller')
        rows.push(row('scroll', peer, n, over), row('scrollMax', peer, n, max))
      })
      if (errors.length) problems.add(`${peer} page`, errors[0])
    } finally {
      await dispose(context)
      record(rows)
    }
    problems.throwIfAny()
  })
}
