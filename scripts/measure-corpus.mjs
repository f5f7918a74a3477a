// Measures, by hand, the corpus summary and the corpus exports in main at
// the size issue 12 sets (2,000 articles of 2–10 KB, 200,000 passages, 40
// themes in 6 groups, 8 attributes), through the real handlers on a real
// session folder (test-support/corpus-session.ts), with the native dialogs
// answered by the test fake. Prints medians and maxima; writes nothing
// outside a temp folder it removes.
//
//   node scripts/measure-corpus.mjs [articles] [passages per article] [runs]
//
// Plain Node 20: the TypeScript sources are loaded with Vite's module runner.
import console from 'node:console'
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises'
import { performance } from 'node:perf_hooks'
import { loadavg, tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { runnerImport } from 'vite'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const [articles = 2000, perArticle = 100, runs = 5] = process.argv.slice(2).map(Number)

const load = async (path) =>
  (
    await runnerImport(join(ROOT, path), {
      configFile: false,
      logLevel: 'silent',
      resolve: { alias: { '@shared': join(ROOT, 'src/shared') } },
    })
  ).module

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const ms = (x) => `${x.toFixed(0)} ms`

/**
 * Runs `f` `runs` times; prints wall-clock medians and maxima, and the
 * process's CPU time (user + system), which a machine shared with other
 * work inflates less than the wall clock.
 */
async function time(label, runs, f) {
  const times = []
  const cpu = []
  let last
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage()
    const t0 = performance.now()
    last = await f(i)
    times.push(performance.now() - t0)
    const c = process.cpuUsage(c0)
    cpu.push((c.user + c.system) / 1000)
  }
  console.log(
    `${label.padEnd(46)} wall median ${ms(median(times)).padStart(8)} max ${ms(Math.max(...times)).padStart(8)} · cpu median ${ms(median(cpu)).padStart(8)}  (wall ${times.map((t) => t.toFixed(0)).join(', ')}; cpu ${cpu.map((t) => t.toFixed(0)).join(', ')})`,
  )
  return last
}

const { generateCorpus, writeCorpusSession } = await load('test-support/corpus-session.ts')
const { createHandlers } = await load('src/main/handlers.ts')
const { FakeDialogs } = await load('src/main/test-support/fake-dialogs.ts')

const dir = await mkdtemp(join(tmpdir(), 'gloss-measure-corpus-'))
try {
  console.log(
    `load average at start: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  )
  let t0 = performance.now()
  const state = generateCorpus({
    articles,
    passagesPerArticle: perArticle,
    themes: 40,
    undatedEvery: 50,
  })
  let passages = 0
  let chars = 0
  for (const a of state.articles.values()) {
    passages += a.passages.length
    chars += a.text.length
  }
  console.log(
    `corpus: ${articles} articles, ${passages} passages, ${(chars / 1e6).toFixed(1)} M characters, ${state.meta.codebook.length} themes (generated in ${ms(performance.now() - t0)})`,
  )
  t0 = performance.now()
  const index = await writeCorpusSession(dir, 'mesure', state)
  console.log(`written as a session folder in ${ms(performance.now() - t0)}`)

  const dialogs = new FakeDialogs()
  await mkdir(join(dir, 'data'))
  const handlers = createHandlers({
    dataDir: join(dir, 'data'),
    dialogs,
    samplePath: join(ROOT, 'resources/sample-article-fr.txt'),
    author: 'measure',
  })
  dialogs.answer(index)
  t0 = performance.now()
  const opened = await handlers.openSession()
  if (!opened.ok || !opened.value) throw new Error('the corpus did not open')
  console.log(`opened in main in ${ms(performance.now() - t0)}`)
  const id = opened.value.session.id
  const value = (r) => {
    if (!r.ok) throw new Error(r.error.message)
    return r.value
  }

  console.log(
    `\nsummary (${runs} runs; the first computes every article's numbers, later ones reuse them):`,
  )
  await time('corpusSummary themes × outlet, by month', runs, async () =>
    value(await handlers.corpusSummary(id, { attribute: 'outlet', bin: 'month' })),
  )
  await time('corpusSummary themes × outlet, by week, split', runs, async () =>
    value(await handlers.corpusSummary(id, { attribute: 'outlet', bin: 'week', split: 'outlet' })),
  )
  const filter = {
    title: '',
    coded: 'any',
    conditions: [{ attribute: 'outlet', kind: 'in', values: ['Le Monde', 'Libération'] }],
  }
  await time('corpusSummary, filtered (2 outlets)', runs, async () =>
    value(await handlers.corpusSummary(id, { filter, attribute: 'attr-genre', bin: 'month' })),
  )

  console.log(`\nexports (${runs} runs each, written durably to ${tmpdir()}):`)
  for (const [label, method] of [
    ['exportCsv (one row per passage)', 'exportCsv'],
    ['exportTidyCsv (per passage and theme)', 'exportTidyCsv'],
    ['exportMatrixCsv (per article)', 'exportMatrixCsv'],
  ]) {
    const target = join(dir, `${method}.csv`)
    const receipt = await time(label, runs, async () => {
      dialogs.answer(target)
      return value(await handlers[method](id))
    })
    console.log(
      `${''.padEnd(46)} ${receipt.rows} rows, ${((await stat(target)).size / 1e6).toFixed(1)} MB`,
    )
  }
  await handlers.shutdown()
  console.log(
    `\nload average at end: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  )
} finally {
  await rm(dir, { recursive: true, force: true })
}
