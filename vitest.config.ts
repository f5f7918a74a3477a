// Two Vitest projects: `node` for pure modules and the renderer's logic that
// needs no DOM (src/**/*.test.ts, and the scripts' tests), and `dom` for
// renderer code that needs a real document (src/**/*.dom.test.ts), run in Debian's Chromium by Vitest's
// browser mode through Playwright. Nothing is downloaded: the browser is the
// system's, like the e2e suite's (CHROMIUM_PATH or /usr/bin/chromium).
import { configDefaults, defineConfig } from 'vitest/config'
import { playwright } from '@vitest/browser-playwright'
import { resolve } from 'node:path'

const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const DOM_TESTS = 'src/**/*.dom.test.ts'

export default defineConfig({
  // The path aliases of tsconfig.base.json.
  resolve: {
    alias: {
      '@shared': resolve('src/shared'),
      '@renderer': resolve('src/renderer/src'),
    },
  },
  test: {
    // Property tests run thousands of cases: on a loaded 2-core machine the
    // default 5 s is not enough. This is a hang guard, not a timing target.
    testTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: [...configDefaults.exclude, DOM_TESTS],
          environment: 'node',
        },
      },
      {
        extends: true,
        // Bundled before the first test, so that Vite does not reload a test midway.
        optimizeDeps: { include: ['react', 'react-dom', 'react-dom/client'] },
        test: {
          name: 'dom',
          include: [DOM_TESTS],
          browser: {
            enabled: true,
            headless: true,
            // One page at a time: the machine is small and shared.
            fileParallelism: false,
            // Failures are reported as text; no screenshots written into src/.
            screenshotFailures: false,
            provider: playwright({
              launchOptions: {
                executablePath: chromiumPath,
                // No network on our machines: keep Chromium from reaching out at all.
                args: [
                  '--disable-gpu',
                  '--no-first-run',
                  '--disable-background-networking',
                  '--disable-component-update',
                  '--disable-sync',
                ],
              },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
})
