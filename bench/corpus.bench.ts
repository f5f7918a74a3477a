// A session holding a corpus (2,000 articles, 200,000 passages) in Gloss's
// window, driven through the UI as gloss.bench.ts does: "Open session…" →
// the articles list and the first article painted with its highlights (and
// the longest task), the renderer's JS heap with the corpus open, switching
// article (Alt+→, the next article of the list) → the new article's text and
// highlights painted, and adding a passage → next paint. Rows in
// bench/results/latest.json.
import { test } from '@playwright/test'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { ArticleFile, CorpusIndex } from '../src/shared/model/corpus'
import { launchChromiumApp } from '../test-support/harness/chromium-app'
import { serveDirectory, type StaticServer } from '../test-support/harness/static-server'
import { generateAdds } from '../test-support/generate'
import {
  CORPUS_ADDS,
  CORPUS_OPEN_RUNS,
  CORPUS_PASSAGES,
  CORPUS_SWITCHES,
  corpusFolder,
  corpusIndex,
  withCap,
} from './config'
import {
  armArticleChange,
  describeSplit,
  frameSplit,
  revealAndSelect,
  waitSaved,
} from './gloss-page'
import { installProbes } from './probes'
import { record, row, type Row } from './results'
import { heapUsedMB, Problems } from './util'

const N = CORPUS_PASSAGES

declare global {
  interface Window {
    /** The harness's transport time of each reply (test-support/harness/chromium-app.ts). */
    __glossTransportMs: number[]
  }
}

test.describe.configure({ mode: 'serial' })

let server: StaticServer
test.beforeAll(async () => {
  server = await serveDirectory(resolve('out/renderer'))
})
test.afterAll(async () => {
  await server?.close()
})

interface OpenTimes {
  article: number
  highlights: number
  /** The articles list shown too. */
  interactive: number
  longestTask: number
  /** How long the reply travelled through the test transport (Electron uses IPC instead). */
  transport: number
}

/** Arms the open measurement: from the click on "Open session…" to the article painted with highlights. */
function armOpen() {
  const bp = window.__bp
  bp.pending = new Promise((resolve, reject) => {
    const onClick = (e: Event) => {
      const button = (e.target as Element).closest('button')
      if (!button?.textContent?.includes('Open session')) return
      window.removeEventListener('click', onClick, true)
      const t0 = performance.now()
      const tasks = bp.longTasks.length
      const replies = window.__glossTransportMs.length
      const article = () => document.querySelector('article[aria-label="Article"]')
      const hasText = () => !!article()?.querySelector('p')
      const hasHighlights = () => hasText() && bp.highlightState().total > 0
      const hasList = () =>
        !!document.querySelector('ol[aria-label="Articles of the session"] li') && hasHighlights()
      bp.paintTimes([hasText, hasHighlights, hasList], { timeoutMs: 60_000 }).then(
        ([ta, th, tl]) => {
          resolve({
            article: ta! - t0,
            highlights: th! - t0,
            interactive: tl! - t0,
            longestTask: Math.max(0, ...bp.longTasks.slice(tasks).map((t) => t.duration)),
            transport: window.__glossTransportMs[replies] ?? NaN,
          })
        },
        reject,
      )
    }
    window.addEventListener('click', onClick, true)
  })
}

/** Arms the switch measurement: from a key to another article's text and highlights painted. */
function armSwitch() {
  const bp = window.__bp
  const article = () => document.querySelector('article[aria-label="Article"]')
  const before = article()?.textContent?.slice(0, 200) ?? ''
  bp.pending = new Promise((resolve, reject) => {
    window.addEventListener(
      'keydown',
      () => {
        const t0 = performance.now()
        const switched = () => {
          const now = article()
          return (
            !!now?.querySelector('p') &&
            now.textContent.slice(0, 200) !== before &&
            bp.highlightState().total > 0
          )
        }
        bp.paintTimes([switched], { timeoutMs: 30_000 }).then(([t]) => resolve(t! - t0), reject)
      },
      { capture: true, once: true },
    )
  })
}

/** Launches Gloss on a fresh data folder and opens the corpus through "Open session…". */
async function openCorpus(browser: Parameters<typeof launchChromiumApp>[0]) {
  const dataDir = await mkdtemp(join(tmpdir(), 'gloss-bench-corpus-app-'))
  // The generated passages' author: the session stays of one coder as passages are added.
  const app = await launchChromiumApp(browser, server.url, dataDir, undefined, 'generator')
  await app.page.evaluate(installProbes)
  await app.page.evaluate(armOpen)
  await app.answerNextDialog(corpusIndex())
  await app.page.getByRole('button', { name: 'Open session…' }).click()
  const times = await withCap(app.page.evaluate(() => window.__bp.pending as Promise<OpenTimes>))
  return {
    app,
    times,
    async close() {
      await withCap(app.close(), 30_000)
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}

test('Gloss: a session holding a corpus (2,000 articles, 200,000 passages)', async ({
  browser,
}) => {
  test.setTimeout(30 * 60_000)
  const rows: Row[] = []
  const problems = new Problems()
  const opens: OpenTimes[] = []
  let kept: Awaited<ReturnType<typeof openCorpus>> | null = null
  try {
    // One unrecorded warm-up, then the runs; the last stays open for the rest.
    for (let run = 0; run <= CORPUS_OPEN_RUNS; run++) {
      const g = await openCorpus(browser)
      if (g.times === 'timeout') {
        await g.close()
        throw new Error('the corpus did not open within the cap')
      }
      if (run > 0) opens.push(g.times)
      if (run < CORPUS_OPEN_RUNS) await g.close()
      else kept = g
    }
    rows.push(
      row(
        'corpusOpen',
        'gloss',
        N,
        opens.map((o) => o.interactive),
        `the articles list and the article with its highlights; the article alone at ${Math.round(opens.map((o) => o.article).sort((a, b) => a - b)[opens.length >> 1]!)} ms (median); DevTools transport of the reply included`,
      ),
      row(
        'corpusOpenOwn',
        'gloss',
        N,
        opens.map((o) => o.interactive - o.transport).filter((x) => Number.isFinite(x)),
        'per run: open − the test transport of its reply; Electron adds the structured clone (corpus, main)',
      ),
      row(
        'corpusOpenLongestTask',
        'gloss',
        N,
        opens.map((o) => o.longestTask),
        '0: no task over 50 ms',
      ),
    )
    const page = kept!.app.page
    await page.waitForTimeout(1000)

    await problems.run('corpusHeap', async () => {
      rows.push(row('corpusHeap', 'gloss', N, [await heapUsedMB(page)], 'the open article only'))
    })

    // Add: select words in the open article, press "1"; keydown → the next paint.
    await problems.run('corpusAdd', async () => {
      const index = JSON.parse(await readFile(corpusIndex(), 'utf8')) as CorpusIndex
      const open = index.articles.find((a) => a.id === index.ui.articleId) ?? index.articles[0]!
      const file = JSON.parse(
        await readFile(join(corpusFolder(), open.file), 'utf8'),
      ) as ArticleFile
      await page.evaluate((text) => (window.__benchText = text), file.text)
      const times: number[] = []
      const windows: [number, number][] = []
      for (const a of generateAdds(file.text, CORPUS_ADDS)) {
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
      rows.push(row('corpusAdd', 'gloss', N, times, describeSplit(splits)))
    })

    // Switch: Alt+→ opens the next article of the list.
    await problems.run('corpusSwitch', async () => {
      const times: number[] = []
      for (let i = 0; i < CORPUS_SWITCHES; i++) {
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
        await page.evaluate(armSwitch)
        await page.keyboard.press('Alt+ArrowRight')
        const ms = await withCap(page.evaluate(() => window.__bp.pending as Promise<number>))
        if (ms === 'timeout') throw new Error('the next article was not painted')
        times.push(ms)
        await page.waitForTimeout(200)
      }
      rows.push(row('corpusSwitch', 'gloss', N, times, 'Alt+→: the next article of the list'))
    })
  } finally {
    await kept?.close()
  }
  record(rows)
  problems.throwIfAny()
})
