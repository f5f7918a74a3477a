// The public e2e fixture: `test` gives every spec an `app` (see
// test-support/harness/types.ts and the README's Testing section) on a fresh temp data
// folder, in Chromium with the real handlers, or in real Electron.
import { test as base, expect, type Browser } from '@playwright/test'
import { mkdtemp, rm } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { launchChromiumApp } from '../test-support/harness/chromium-app'
import { findElectron, launchElectronApp } from '../test-support/harness/electron-app'
import { serveDirectory } from '../test-support/harness/static-server'
import type { GlossApp } from '../test-support/harness/types'

export type { GlossApp }

const RENDERER_DIR = resolve('out/renderer')

export const test = base.extend<
  { app: GlossApp; systemLocale: string },
  { rendererUrl: string; launchBrowser: () => Promise<Browser> }
>({
  // Chromium is launched only by the projects that use it (not by 'electron').
  launchBrowser: [
    async ({ playwright }, use, workerInfo) => {
      let browser: Promise<Browser> | undefined
      await use(
        () => (browser ??= playwright.chromium.launch(workerInfo.project.use.launchOptions)),
      )
      if (browser) await (await browser).close()
    },
    { scope: 'worker' },
  ],

  rendererUrl: [
    async ({ browserName: _ }, use) => {
      if (!existsSync(join(RENDERER_DIR, 'index.html')))
        throw new Error('out/renderer is missing: run `npm run build` first (npm test does).')
      const server = await serveDirectory(RENDERER_DIR)
      await use(server.url)
      await server.close()
    },
    { scope: 'worker' },
  ],

  // The operating system's language as Gloss sees it; a spec may pick another
  // with test.use({ systemLocale: 'fr-FR' }).
  systemLocale: ['en-GB', { option: true }],

  app: async ({ launchBrowser, rendererUrl, systemLocale }, use, testInfo) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'gloss-e2e-'))
    let app: GlossApp & { close(): Promise<void> }
    if (testInfo.project.name === 'electron') {
      const electron = findElectron()
      test.skip(
        'missing' in electron,
        `Electron project skipped: ${'missing' in electron ? electron.missing : ''}`,
      )
      app = await launchElectronApp((electron as { path: string }).path, dataDir, systemLocale)
    } else {
      app = await launchChromiumApp(await launchBrowser(), rendererUrl, dataDir, systemLocale)
    }
    await use(app)
    await app.close()
    await rm(dataDir, { recursive: true, force: true })
  },
})

export { expect }
