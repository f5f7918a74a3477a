// `npm run bench`: Gloss against its peers in one run, on identical input.
// Not part of `npm test` (the e2e config's testDir is e2e/). One worker: the
// machine has two cores, and the browser needs them.
import { defineConfig } from '@playwright/test'
import { VIEWPORT } from './config'

export default defineConfig({
  // The path aliases (@shared) come from the e2e tsconfig.
  tsconfig: '../tsconfig.e2e.json',
  testDir: '.',
  testMatch: '*.bench.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  timeout: 30 * 60_000,
  globalSetup: './global-setup.ts',
  globalTeardown: './global-teardown.ts',
  outputDir: '../test-results/bench',
  use: {
    browserName: 'chromium',
    viewport: VIEWPORT,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      // As the e2e config: no network on our machines.
      args: [
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
})
