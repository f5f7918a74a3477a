// Page object for the session's articles: the articles panel, adding
// articles and the report, in an analyst's words. Also writes the article
// files a spec adds (in a temp folder of its own).
import { expect, type Locator, type Page } from '@playwright/test'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export class ArticlesPage {
  readonly panel: Locator
  readonly list: Locator
  readonly rows: Locator
  readonly report: Locator
  readonly progress: Locator
  /** The buttons that sort the list by a column. */
  readonly sortBar: Locator

  constructor(readonly page: Page) {
    this.panel = page.getByRole('region', { name: 'Articles' })
    this.list = page.getByRole('list', { name: 'Articles of the session' })
    this.rows = this.list.getByRole('listitem')
    this.report = page.getByRole('dialog', { name: /Articles added|Adding cancelled/ })
    this.progress = page.getByRole('status').filter({ hasText: /^Adding/ })
    this.sortBar = this.panel.getByRole('group', { name: 'Sort the articles' })
  }

  /** The header's "N articles" button (shows and hides the panel). */
  get toggle(): Locator {
    return this.page.getByRole('button', { name: /^[\d,]+ articles?$/ })
  }

  /** The row of the article titled `title` (its main button). */
  row(title: string | RegExp): Locator {
    return this.list.getByRole('button', {
      name: title instanceof RegExp ? title : new RegExp(`^${escape(title)};`),
    })
  }

  /** The titles of the rows shown, in order. */
  async titles(): Promise<string[]> {
    return this.list.locator('.article-title').allTextContents()
  }

  /** The title of the article shown (the session header's). */
  get shownTitle(): Locator {
    return this.page.locator('.session-title h1')
  }

  async showPanel() {
    if (!(await this.panel.isVisible())) await this.toggle.click()
    await expect(this.panel).toBeVisible()
  }
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Writes article files into a new temp folder; returns their paths in order. */
export async function articleFiles(
  files: { name: string; content: string | Buffer }[],
): Promise<{ dir: string; paths: string[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'gloss-e2e-articles-'))
  const paths: string[] = []
  for (const f of files) {
    const path = join(dir, f.name)
    await writeFile(path, f.content)
    paths.push(path)
  }
  return { dir, paths }
}
