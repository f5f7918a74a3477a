// Test support: bundles a TypeScript entry (and what it imports from src/)
// into one .mjs that a plain `node` child process runs, with Vite's build.
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'
import { build } from 'vite'

export async function bundleEntry(entryUrl: URL, outDir: string, name: string): Promise<string> {
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      ssr: fileURLToPath(entryUrl),
      outDir,
      write: true,
      emptyOutDir: false,
      minify: false,
      rollupOptions: { output: { format: 'es', entryFileNames: name } },
    },
    ssr: { noExternal: true, target: 'node' },
  })
  return join(outDir, name)
}
