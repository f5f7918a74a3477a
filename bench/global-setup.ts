// Before the bench files: generate the input once (the same files for every
// contender), check that Gloss accepts it, and build the peer pages; and
// write the corpus of the corpus scenarios as a session folder.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'vite'
import type { CorpusState } from '../src/shared/model/corpus-edits'
import { loadSessionFile } from '../src/main/store/session-file'
import { ADDS, corpusFolder, CSV_SIZE, INTERACTIVE_SIZE, OPEN_SIZES, QUICK } from './config'
import {
  describeInput,
  generateAdds,
  generateArticle,
  generatePassages,
  makeSession,
} from '../test-support/generate'
import { BENCH_CORPUS, generateCorpus } from '../test-support/generate-corpus'
import { writeCorpus } from '../test-support/write-corpus'

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

function sh(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
  } catch (e) {
    return `unavailable (${(e as Error).message.split('\n')[0]})`
  }
}

/** What the corpus scenarios open, in numbers. */
function describeCorpus(state: CorpusState) {
  let passages = 0
  let chars = 0
  for (const a of state.articles.values()) {
    passages += a.passages.length
    chars += a.text.length
  }
  const { codebook, themeGroups, attributeDefs, articles } = state.meta
  return {
    seed: BENCH_CORPUS.seed,
    articles: articles.length,
    passages,
    textMB: Number((chars / 1e6).toFixed(1)),
    themes: codebook.length,
    groups: themeGroups.length,
    attributes: 5 + attributeDefs.length,
  }
}

const dataScript = (json: string) => `window.__benchData = JSON.parse(${JSON.stringify(json)})\n`

export default async function globalSetup() {
  if (!existsSync(resolve('out/renderer/index.html')))
    throw new Error(
      'out/renderer is missing: run `npx electron-vite build` first (npm run bench does).',
    )
  const dir = await mkdtemp(join(tmpdir(), 'gloss-bench-'))
  process.env.BENCH_RUN_DIR = dir
  const peersDir = join(dir, 'peers')

  // The peer pages: one Vite build, three entries.
  const root = resolve('bench/peers')
  await build({
    configFile: false,
    root,
    base: './',
    logLevel: 'warn',
    build: {
      outDir: peersDir,
      emptyOutDir: true,
      target: 'esnext',
      rollupOptions: {
        input: {
          recogito: join(root, 'recogito.html'),
          apache: join(root, 'apache.html'),
          markjs: join(root, 'markjs.html'),
        },
      },
    },
  })

  // The input: one article, passage sets that are prefixes of one stream.
  const dataDir = join(peersDir, 'data')
  await mkdir(dataDir, { recursive: true })
  const text = generateArticle()
  const sizes = [...new Set([...OPEN_SIZES, INTERACTIVE_SIZE])].sort((a, b) => a - b)
  const all = generatePassages(text, Math.max(...sizes))
  const byId = (n: number) => new Set(all.map((p) => p.id).filter((id) => Number(id.slice(1)) < n))
  const input: Record<string, unknown> = {}
  for (const n of sizes) {
    const keep = byId(n)
    const passages = all.filter((p) => keep.has(p.id))
    const file = join(dataDir, `session-${n}.gloss.json`)
    const json = JSON.stringify(makeSession(text, passages, `bench-${n}`))
    await writeFile(file, json)
    // The same bytes for the peer pages, as a script: the CSP they are served
    // with (the app's) allows scripts from 'self' but no fetch.
    await writeFile(join(dataDir, `session-${n}.js`), dataScript(json))
    // The real loader: read, parse, zod, sha256, quotes match the text.
    await loadSessionFile(file)
    input[n] = describeInput(text, passages)
  }
  const adds = JSON.stringify(generateAdds(text, ADDS))
  await writeFile(join(dataDir, 'adds.json'), adds)
  await writeFile(join(dataDir, 'adds.js'), dataScript(adds))

  // The corpus: 2,000 articles, 200,000 passages, as a real session folder.
  const corpus = generateCorpus(BENCH_CORPUS)
  await writeCorpus(corpusFolder(), corpus)
  const corpusInput = describeCorpus(corpus)
  console.log(`[bench] corpus: ${JSON.stringify(corpusInput)}`)

  const machine = {
    date: new Date().toISOString(),
    quick: QUICK,
    cpu: cpus()[0]?.model ?? 'unknown',
    nproc: sh('nproc', []),
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    free: sh('free', ['-h']),
    chromium: sh(CHROMIUM, ['--version']).replace(/^.*?(Chromium)/s, '$1'),
    node: process.version,
    loadAverageAtStart: loadavg().map((x) => Number(x.toFixed(2))),
    playwright: sh('npx', ['playwright', '--version']),
    // BENCH_SOURCE describes a tree that is not a git checkout (a snapshot of a commit).
    gitHead: process.env.BENCH_SOURCE ?? sh('git', ['rev-parse', '--short', 'HEAD']),
    gitDirty: !process.env.BENCH_SOURCE && sh('git', ['status', '--porcelain', '--', 'src']) !== '',
    input,
    corpus: corpusInput,
    csvPassages: CSV_SIZE,
  }
  await writeFile(join(dir, 'machine.json'), JSON.stringify(machine, null, 2))
  console.log(`[bench] input and peer pages in ${dir}`)
  console.log(`[bench] article: ${JSON.stringify(input[sizes[0]!])}`)
}
