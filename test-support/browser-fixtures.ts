// Test fixtures saved by a real browser: Debian's Chromium (through
// Playwright) loads a page we write as text, served at its own URL with
// every other request refused (no network: images, styles and scripts from
// elsewhere fail as they would offline), then saves it twice, as a saved
// page does it: the live document serialized (`page.content()`, what "Save
// page as… HTML" keeps) and an MHTML written by Chrome's own writer
// (`Page.captureSnapshot`, what "Save as single file" writes). Nothing
// binary is committed: the saved files are cached by the hash of the page,
// under node_modules/.cache, so a test run launches Chromium once at most.
// Needs Chromium (CHROMIUM_PATH or /usr/bin/chromium; .ci/run installs it).
import { chromium } from '@playwright/test'
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
/** Tests run from the repository's root. */
const CACHE = resolve('node_modules', '.cache', 'gloss-browser-fixtures')

export interface PageToSave {
  /** A short name for the cached files (`courrier-du-matin`). */
  name: string
  /** The address the page is served at (nothing is fetched: the browser gets `body` for it). */
  url: string
  body: string | Uint8Array
  /** The response's Content-Type (default `text/html`, no charset: the page's own <meta> decides). */
  contentType?: string
}

export interface SavedPage {
  /** `page.content()` written as UTF-8, as a "save page" extension writes it. */
  html: Uint8Array
  /** Chrome's MHTML snapshot, byte for byte. */
  mhtml: Uint8Array
}

function cachePaths(page: PageToSave): { html: string; mhtml: string } {
  const key = createHash('sha256')
    .update(page.url)
    .update('\0')
    .update(page.contentType ?? '')
    .update('\0')
    .update(page.body)
    .digest('hex')
    .slice(0, 20)
  return {
    html: join(CACHE, `${page.name}-${key}.html`),
    mhtml: join(CACHE, `${page.name}-${key}.mhtml`),
  }
}

/** The pages as Chromium saves them, in the order given. */
export async function savedByChromium(pages: PageToSave[]): Promise<SavedPage[]> {
  const missing = pages.filter((p) => {
    const paths = cachePaths(p)
    return !existsSync(paths.html) || !existsSync(paths.mhtml)
  })
  if (missing.length) await saveWithChromium(missing)
  return Promise.all(
    pages.map(async (p) => {
      const paths = cachePaths(p)
      return {
        html: new Uint8Array(await readFile(paths.html)),
        mhtml: new Uint8Array(await readFile(paths.mhtml)),
      }
    }),
  )
}

async function saveWithChromium(pages: PageToSave[]): Promise<void> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `${CHROMIUM} not found: these fixtures are saved by Chromium (apt-get install chromium)`,
    )
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  try {
    await mkdir(CACHE, { recursive: true })
    for (const page of pages) {
      const context = await browser.newContext()
      const tab = await context.newPage()
      await context.route('**/*', (route) =>
        route.request().url() === page.url
          ? route.fulfill({
              status: 200,
              contentType: page.contentType ?? 'text/html',
              body: Buffer.from(page.body),
            })
          : route.abort('internetdisconnected'),
      )
      await tab.goto(page.url, { waitUntil: 'load' })
      const html = await tab.content()
      const cdp = await context.newCDPSession(tab)
      const { data } = await cdp.send('Page.captureSnapshot', { format: 'mhtml' })
      await context.close()
      const paths = cachePaths(page)
      // Renamed into place: a parallel test reading the same fixture never reads half a file.
      await writeAtomically(paths.html, Buffer.from(html, 'utf8'))
      // Chrome's MHTML is 7-bit (its parts are quoted-printable or base64): one byte per character.
      await writeAtomically(paths.mhtml, Buffer.from(data, 'latin1'))
    }
  } finally {
    await browser.close()
  }
}

async function writeAtomically(path: string, data: Buffer): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`
  await writeFile(temp, data)
  await rename(temp, path)
}
