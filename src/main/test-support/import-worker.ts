// The import worker (src/main/import/parse-worker.ts) built from the
// sources for code that runs them without electron-vite: Vitest, the e2e
// harness and the bench. Vite bundles it as electron-vite does for the app
// (our modules inlined, the packages imported from node_modules), into
// node_modules/.cache so that Node finds those packages; the folder is
// named by the bundle's hash, so a run reuses an identical build and a
// changed source gets its own. Tests then run the real worker thread.
// It must never: be imported by the app's code.
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build, type Rolldown } from 'vite'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
const ENTRY = join(ROOT, 'src/main/import/parse-worker.ts')
const CACHE = join(ROOT, 'node_modules/.cache/gloss-import-worker')
const NAME = 'parse-worker.mjs'

let built: Promise<string> | undefined

/** The built worker's path (built once per process). */
export function importWorkerPath(): Promise<string> {
  built ??= buildImportWorker()
  return built
}

async function buildImportWorker(): Promise<string> {
  const result = (await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    resolve: { alias: { '@shared': join(ROOT, 'src/shared') } },
    build: {
      ssr: true,
      write: false,
      minify: false,
      copyPublicDir: false,
      target: 'node20',
      rolldownOptions: {
        input: { 'parse-worker': ENTRY },
        output: { format: 'es', entryFileNames: NAME, chunkFileNames: '[name]-[hash].mjs' },
      },
    },
  })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[]
  const chunks = [result]
    .flat()
    .flatMap((r) => r.output)
    .filter((o): o is Rolldown.OutputChunk => o.type === 'chunk')
  const hash = createHash('sha256')
  for (const c of chunks) hash.update(c.fileName).update('\0').update(c.code)
  const dir = join(CACHE, hash.digest('hex').slice(0, 16))
  if (!existsSync(join(dir, NAME))) {
    // Written aside, then renamed: test files building at once never see half a bundle.
    const tmp = `${dir}.${process.pid}.${Date.now()}`
    await mkdir(tmp, { recursive: true })
    for (const c of chunks) await writeFile(join(tmp, c.fileName), c.code)
    await rename(tmp, dir).catch(async () => rm(tmp, { recursive: true, force: true }))
  }
  return join(dir, NAME)
}
