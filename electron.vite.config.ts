// Build config for the three Electron bundles. The renderer is also what the
// e2e harness serves to Chromium, so its build must not depend on Electron.
import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

// The path aliases of tsconfig.base.json (vitest.config.ts has the same two).
const shared = { '@shared': resolve('src/shared') }
const renderer = { ...shared, '@renderer': resolve('src/renderer/src') }

export default defineConfig({
  main: {
    resolve: { alias: shared },
    build: {
      rollupOptions: { input: { index: resolve('src/main/index.ts') } },
    },
  },
  preload: {
    resolve: { alias: shared },
    build: {
      // Sandboxed preloads cannot be ES modules.
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    base: './',
    resolve: { alias: renderer },
    build: {
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
    plugins: [react()],
  },
})
