// Measures, by hand, the agreement coefficients at the size of a large
// reliability study: unitizing alpha for 40 themes over 2,000 articles coded
// by 3 coders, about 50 spans per article, coder and theme (12 million
// spans), and Krippendorff's alpha for the same 40 themes as coded units
// (3 coders × 2,000 articles). Seeded input; prints medians and maxima of the
// wall clock and of the process's CPU time, which a shared machine inflates
// less. Writes nothing.
//
//   node scripts/measure-agreement.mjs [articles] [spans per article, coder and theme] [runs]
//
// Plain Node 20: the TypeScript sources are loaded with Vite's module runner.
import console from 'node:console'
import { performance } from 'node:perf_hooks'
import { loadavg } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { runnerImport } from 'vite'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const [articles = 2000, spansPerCoder = 50, runs = 5] = process.argv.slice(2).map(Number)
const THEMES = 40
const CODERS = 3

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

function time(label, f) {
  const wall = []
  const cpu = []
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage()
    const t0 = performance.now()
    f()
    wall.push(performance.now() - t0)
    const c = process.cpuUsage(c0)
    cpu.push((c.user + c.system) / 1000)
  }
  console.log(
    `${label.padEnd(52)} wall median ${ms(median(wall)).padStart(7)} max ${ms(Math.max(...wall)).padStart(7)} · cpu median ${ms(median(cpu)).padStart(7)}  (wall ${wall.map((t) => t.toFixed(0)).join(', ')})`,
  )
}

const { prng } = await load('test-support/prng.ts')
const { unitizingAlphaOver } = await load('src/shared/agreement/unitizing.ts')
const { krippendorffAlpha } = await load('src/shared/agreement/coefficients.ts')

/**
 * One theme on one article: spans every coder finds, each coder moving their
 * edges a little, and some spans only one coder has.
 */
function theme(rnd, length) {
  const spans = []
  const step = Math.floor(length / spansPerCoder)
  for (let k = 0; k < spansPerCoder; k++) {
    const start = k * step + Math.floor(rnd() * (step / 4))
    const size = 1 + Math.floor(rnd() * (step / 2))
    for (let coder = 0; coder < CODERS; coder++) {
      if (rnd() < 0.1) continue
      const jitter = () => Math.floor((rnd() - 0.5) * 10)
      const from = Math.max(k * step, start + jitter())
      const to = Math.min((k + 1) * step, start + size + jitter())
      if (to > from) spans.push({ coder, start: from, end: to })
    }
  }
  return { length, coders: CODERS, spans }
}

console.log(
  `load average at start: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
)
const rnd = prng(20_260_611)
const lengths = Array.from({ length: articles }, () => 5_000 + Math.floor(rnd() * 15_000))
const themes = Array.from({ length: THEMES }, () => lengths.map((length) => theme(rnd, length)))
const spans = themes.reduce((n, inputs) => n + inputs.reduce((m, i) => m + i.spans.length, 0), 0)
console.log(
  `${articles} articles, ${THEMES} themes, ${CODERS} coders, ${spans.toLocaleString('en')} spans`,
)

time(`unitizing alpha, ${THEMES} themes over every article`, () => {
  for (const inputs of themes) unitizingAlphaOver(inputs)
})

const coded = themes.map((inputs) =>
  Array.from({ length: CODERS }, (_, coder) =>
    inputs.map((input) => (input.spans.some((s) => s.coder === coder && s.start < 1000) ? 1 : 0)),
  ),
)
time(`Krippendorff's alpha, ${THEMES} themes × ${articles} articles`, () => {
  for (const matrix of coded) krippendorffAlpha(matrix)
})
console.log(
  `load average at end: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
)
