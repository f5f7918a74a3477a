// The article pages of the web import tests (src/main/import/fixtures/web):
// written by us, modelled on a French daily, an English broadcaster and a
// WordPress blog, each served at its own address and saved by Chromium
// (browser-fixtures.ts) as HTML and as MHTML; and iconv, which writes the
// legacy encodings of the encoding tests.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { savedByChromium, type SavedPage } from './browser-fixtures'

export const WEB_FIXTURES = 'src/main/import/fixtures/web'

export const WEB_PAGES = {
  courrier: {
    name: 'courrier-du-matin',
    url: 'https://www.courrier-du-matin.example/economie/article/2025/03/14/chez-nebula-la-culture-du-secret-a-l-epreuve-de-la-croissance_6548213_3234.html',
  },
  nbs: { name: 'nbs-news', url: 'https://www.nbs.example/news/articles/c4g7x2d1k9zo' },
  blog: {
    name: 'field-notes-blog',
    url: 'https://fieldnotes.example/2024/11/20/what-i-learned-covering-nebula/',
  },
} as const

export type WebPage = keyof typeof WEB_PAGES

/** A page's source as we wrote it (what the server sends). */
export function webSource(page: WebPage): Uint8Array {
  return new Uint8Array(readFileSync(`${WEB_FIXTURES}/${WEB_PAGES[page].name}.html`))
}

/** Every page as Chromium saves it (HTML and MHTML). */
export async function savedWebPages(): Promise<Record<WebPage, SavedPage>> {
  const keys = Object.keys(WEB_PAGES) as WebPage[]
  const saved = await savedByChromium(keys.map((k) => ({ ...WEB_PAGES[k], body: webSource(k) })))
  return Object.fromEntries(keys.map((k, i) => [k, saved[i]!])) as Record<WebPage, SavedPage>
}

/** The bytes iconv (glibc) writes for a UTF-8 text in another encoding (`WINDOWS-1252`, `UTF-16`…). */
export function iconv(text: string, to: string): Uint8Array {
  const run = spawnSync('iconv', ['-f', 'UTF-8', '-t', to], { input: text })
  if (run.status !== 0) throw new Error(`iconv to ${to} failed: ${run.stderr.toString()}`)
  return new Uint8Array(run.stdout)
}
