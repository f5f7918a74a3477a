// Run by bench/corpus-node.bench.ts in a child Node process (bundled, with
// --expose-gc): opens the corpus session with the real SessionRegistry, as
// Gloss's main process does, waits until every article is read, and prints
// the process's memory before and after (after a garbage collection), so
// that nothing of the benchmark's own process is counted.
import { SessionRegistry } from '../src/main/sessions/registry'
import { SettingsStore } from '../src/main/store/settings'

async function main(): Promise<void> {
  const [dataDir, index] = process.argv.slice(2)
  const gc = (globalThis as { gc?: () => void }).gc
  if (!dataDir || !index || !gc)
    throw new Error('usage: node --expose-gc corpus-memory.mjs <data dir> <session.json>')
  gc()
  const before = process.memoryUsage()
  const registry = new SessionRegistry({
    dataDir,
    author: 'bench',
    now: () => new Date().toISOString(),
    settings: new SettingsStore(dataDir),
  })
  const opened = await registry.openPath(index)
  await registry.get(opened.session.id)!.loaded
  gc()
  const after = process.memoryUsage()
  process.stdout.write(`${JSON.stringify({ before, after })}\n`)
  await registry.shutdown()
}

main().catch((e: unknown) => {
  process.stderr.write(`corpus-memory: ${e instanceof Error ? e.stack : String(e)}\n`)
  process.exit(1)
})
