// Importing, in main (Node), through the "Add articles…" handler as the
// window calls it: 500 saved web pages of about 200 KB of markup each (the
// three news layouts of the web import tests, each copy with its own text
// and a page's worth of navigation, scripts, comments and related links),
// and one 300-page PDF written by LibreOffice, parsed by the import worker
// (built from the sources, as the app's). For each: the whole batch,
// and the longest time the event loop was held (IPC and saves wait that
// long at most), beside the longest delay of an idle thread of the same
// process (what the machine's scheduling alone costs: on a shared machine
// it is most of the first), and how long saves of the open session took
// meanwhile. Rows in bench/results/latest.json.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { Worker } from 'node:worker_threads'
import { test } from '@playwright/test'
import { createHandlers } from '../src/main/handlers'
import { FakeDialogs } from '../src/main/test-support/fake-dialogs'
import { importWorkerPath } from '../src/main/test-support/import-worker'
import { officeFixture } from '../test-support/office-fixtures'
import { articleFodt, longArticle } from '../test-support/pdf-fixtures'
import { WEB_PAGES, webSource, type WebPage } from '../test-support/web-pages'
import { record, row, type Row } from './results'
import { Problems } from './util'

const PAGES = 500
/** Markup per page, about. */
const PAGE_BYTES = 200 * 1024
/** About 2.6 pages a copy: a little over 300 pages. */
const PDF_COPIES = 116

/** A news page's clutter around the article: navigation, a script, comments, related links. */
function clutter(n: number, bytes: number): { head: string; tail: string } {
  const links = Array.from(
    { length: 40 },
    (_, i) => `<li><a href="/rubrique/${n}/${i}">Rubrique ${i} de la page ${n}</a></li>`,
  ).join('')
  const script = `<script>window.__state=${JSON.stringify({ page: n, items: Array.from({ length: 200 }, (_, i) => ({ id: i, slug: `article-${n}-${i}` })) })}</script>`
  const head = `<nav class="menu"><ul>${links}</ul></nav>${script}`
  let tail = '<section class="comments">'
  for (let i = 0; tail.length + head.length < bytes; i++)
    tail += `<div class="comment"><p class="author">Lecteur ${i}</p><p>Commentaire ${i} sur la page ${n} : je ne suis pas d’accord avec la direction.</p></div><aside class="related"><a href="/a/${i}">Lire aussi ${i}</a></aside>`
  return { head, tail: `${tail}</section>` }
}

/** Copy `n` of a layout: its own text (no two pages are duplicates) and its own clutter. */
function pageCopy(source: string, n: number): string {
  const { head, tail } = clutter(n, PAGE_BYTES - source.length)
  return (
    source
      .replace(/<body([^>]*)>/i, `<body$1>${head}`)
      .replace(/<\/body>/i, `${tail}</body>`)
      // Every page is about Nébula: each copy is about its own company, so no two texts are the same.
      .replace(/N[ée]bula/g, (name) => `${name} ${n}`)
  )
}

/** A thread that does nothing but measure its own event-loop delay: the machine's share of main's. */
function idleThread(): { stop(): Promise<number> } {
  const worker = new Worker(
    `const { parentPort } = require('node:worker_threads')
     const { monitorEventLoopDelay } = require('node:perf_hooks')
     const delay = monitorEventLoopDelay({ resolution: 10 })
     delay.enable()
     parentPort.once('message', () => parentPort.postMessage(delay.max / 1e6))`,
    { eval: true },
  )
  return {
    async stop() {
      const max = new Promise<number>((resolve) => worker.once('message', resolve))
      worker.postMessage('stop')
      const ms = await max
      await worker.terminate()
      return ms
    },
  }
}

test('Gloss main: importing web pages and a long PDF', async () => {
  test.setTimeout(30 * 60_000)
  const rows: Row[] = []
  const problems = new Problems()
  const work = await mkdtemp(join(tmpdir(), 'gloss-bench-import-'))
  const dialogs = new FakeDialogs()
  const handlers = createHandlers({
    dataDir: join(work, 'data'),
    dialogs,
    samplePath: resolve('resources/sample-article-fr.txt'),
    importWorker: await importWorkerPath(),
    author: 'bench',
  })
  try {
    const opened = await handlers.openSample()
    if (!opened.ok) throw new Error(opened.error.message)
    const sessionId = opened.value.session.id

    const articleId = opened.value.articleId

    /**
     * Adds files through the handler: the batch's time, the longest event-loop
     * block, an idle thread's longest delay meanwhile, and the longest save
     * of the open article (one every 250 ms while the batch runs).
     */
    const add = async (paths: string[]) => {
      const idle = idleThread()
      const delay = monitorEventLoopDelay({ resolution: 10 })
      delay.enable()
      const start = performance.now()
      const adding = handlers.addArticleFiles(sessionId, paths)
      let done = false
      void adding.finally(() => (done = true))
      const saves: number[] = []
      for (let n = 1; !done; n++) {
        const t = performance.now()
        const saved = await handlers.applyEdits(sessionId, articleId, [
          { type: 'setUi', ui: { scrollTop: n } },
        ])
        if (!saved.ok) throw new Error(saved.error.message)
        saves.push(performance.now() - t)
        await Promise.race([adding, new Promise((r) => setTimeout(r, 250))])
      }
      const r = await adding
      const ms = performance.now() - start
      delay.disable()
      const idleMs = await idle.stop()
      if (!r.ok) throw new Error(r.error.message)
      if (r.value.failures.length || r.value.duplicates.length)
        throw new Error(
          `not added: ${JSON.stringify([...r.value.failures, ...r.value.duplicates].slice(0, 3))}`,
        )
      return {
        ms,
        block: delay.max / 1e6,
        idleMs,
        save: Math.max(...saves),
        added: r.value.added.length,
      }
    }

    await problems.run(
      'importWebPages',
      async () => {
        const dir = join(work, 'pages')
        await mkdir(dir)
        const layouts = Object.keys(WEB_PAGES) as WebPage[]
        const sources = layouts.map((p) => new TextDecoder().decode(webSource(p)))
        const paths: string[] = []
        for (let n = 0; n < PAGES; n++) {
          const path = join(dir, `page-${n}.html`)
          await writeFile(path, pageCopy(sources[n % sources.length]!, n))
          paths.push(path)
        }
        const { ms, block, idleMs, save, added } = await add(paths)
        const note = `${added} added; ${(PAGE_BYTES / 1024).toFixed(0)} KB of markup each`
        rows.push(
          row('importWebPages', 'gloss', PAGES, [ms], note),
          row('importWebPagesBlock', 'gloss', PAGES, [block]),
          row('importWebPagesIdle', 'gloss', PAGES, [idleMs]),
          row('importWebPagesSave', 'gloss', PAGES, [save]),
        )
      },
      (message) => rows.push(row('importWebPages', 'gloss', PAGES, null, `error: ${message}`)),
    )

    await problems.run(
      'importPdf',
      async () => {
        const pdf = await officeFixture({
          name: 'report.fodt',
          source: articleFodt(longArticle(PDF_COPIES)),
          to: 'pdf',
        })
        const size = (await readFile(pdf)).length
        const { ms, block, idleMs } = await add([pdf])
        rows.push(
          row('importPdf', 'gloss', 300, [ms], `${(size / 2 ** 20).toFixed(1)} MiB`),
          row('importPdfBlock', 'gloss', 300, [block]),
          row('importPdfIdle', 'gloss', 300, [idleMs]),
        )
      },
      (message) => rows.push(row('importPdf', 'gloss', 300, null, `error: ${message}`)),
    )
  } finally {
    await handlers.shutdown()
    await rm(work, { recursive: true, force: true })
  }
  record(rows)
  problems.throwIfAny()
})
