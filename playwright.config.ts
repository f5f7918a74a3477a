import { defineConfig } from '@playwright/test'
import { findElectron } from './test-support/harness/electron-app'

const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
// Workers load this file too: the runner alone gets the Electron binary the
// way `npm start` does (downloading it once where it can) and says once why
// the Electron project is skipped where it cannot.
if (process.env.TEST_WORKER_INDEX === undefined) {
  const electron = findElectron({ download: true })
  if ('missing' in electron)
    console.log(`[gloss e2e] Electron project will be skipped: ${electron.missing}`)
}

export default defineConfig({
  // The path aliases (@shared) come from the e2e tsconfig.
  tsconfig: './tsconfig.e2e.json',
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? [['list']] : [['list']],
  timeout: 30_000,
  use: {
    // A trace costs every test its recording (a quarter of the suite's time
    // on a 2-core machine); CI keeps only what the run prints, so it records none.
    trace: process.env.CI ? 'off' : 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: chromiumPath,
          // No network on our machines: keep Chromium from reaching out at all.
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
    },
    { name: 'electron', testIgnore: ['bundle.spec.ts', 'docs-screenshots.spec.ts'] },
  ],
})
