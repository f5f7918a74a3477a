// The articles panel of a session of 30 articles (outlets, dates, some coded):
// opening articles by click, keys and Ctrl+] / Ctrl+[; sorting and filtering;
// renaming; removing with undo bringing the passages back.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writePressCorpus, type PressCorpus } from '../test-support/press-corpus'
import { test, expect, type GlossApp } from './fixtures'
import { readIndex } from './pages/data-folder'
import { ArticlesPage } from './pages/articles-page'
import { SessionPage } from './pages/session-page'

let parent: string
let corpus: PressCorpus

test.beforeEach(async () => {
  parent = await mkdtemp(join(tmpdir(), 'gloss-e2e-corpus-'))
  corpus = await writePressCorpus(parent)
})
test.afterEach(async () => {
  await rm(parent, { recursive: true, force: true })
})

async function openCorpus(app: GlossApp): Promise<ArticlesPage> {
  await app.answerNextDialog(join(corpus.dir, 'session.json'))
  await app.page.getByRole('button', { name: 'Open session…' }).click()
  const a = new ArticlesPage(app.page)
  await expect(a.panel).toBeVisible()
  return a
}

test('lists the articles and opens them by click, by keys, and with Ctrl+] / Ctrl+[', async ({
  app,
}) => {
  const a = await openCorpus(app)
  const [first, second, third] = corpus.titles
  await expect(a.toggle).toHaveText('30 articles')
  await expect(a.panel.getByText('30', { exact: true })).toBeVisible()
  // Virtualized: the rows in view, not all 30.
  expect(await a.rows.count()).toBeLessThan(30)
  await expect(a.shownTitle).toHaveText(first!)
  await expect(a.row(first!)).toHaveAttribute('aria-current', 'true')

  await a.row(third!).click()
  await expect(a.shownTitle).toHaveText(third!)
  await expect(a.row(third!)).toHaveAttribute('aria-current', 'true')

  // In the list: ↑ moves, Enter opens.
  await a.row(third!).focus()
  await app.page.keyboard.press('ArrowUp')
  await expect(a.row(second!)).toBeFocused()
  await app.page.keyboard.press('Enter')
  await expect(a.shownTitle).toHaveText(second!)
  await app.page.keyboard.press('End')
  await expect(a.row(corpus.titles[29]!)).toBeFocused()
  await app.page.keyboard.press('Home')
  await expect(a.row(first!)).toBeFocused()

  // From anywhere: next and previous in the list.
  await new SessionPage(app.page).article.click()
  await app.page.keyboard.press('Control+]')
  await expect(a.shownTitle).toHaveText(third!)
  await app.page.keyboard.press('Control+[')
  await app.page.keyboard.press('Control+[')
  await expect(a.shownTitle).toHaveText(first!)
  // No article before the first: nothing moves.
  await app.page.keyboard.press('Alt+ArrowLeft')
  await expect(a.shownTitle).toHaveText(first!)
  await app.page.keyboard.press('Alt+ArrowRight')
  await expect(a.shownTitle).toHaveText(second!)

  await app.page.screenshot({ path: test.info().outputPath('articles-panel.png') })

  // The shortcuts dialog lists the article keys.
  await app.page.keyboard.press('?')
  const keys = app.page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(keys.getByText('Next / previous article of the list')).toBeVisible()
  await expect(keys.locator('kbd', { hasText: /^\]$/ })).toBeVisible()
  await expect(keys.locator('kbd', { hasText: /^→$/ })).toBeVisible()
  await app.page.keyboard.press('Escape')

  // The open article is remembered for the next start (written when the session closes).
  const page = await app.restart()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(second!)
  expect((await readIndex(corpus.dir)).ui.articleId).toBe('article-001')
})

test('sorts by a column (again to reverse) and filters, with an empty state', async ({ app }) => {
  const a = await openCorpus(app)
  await a.sortBar.getByRole('button', { name: 'Date' }).click()
  const dates = () => a.list.locator('.article-date').allTextContents()
  const shown = await dates()
  const dated = shown.filter(Boolean)
  expect(dated).toEqual([...dated].sort())
  await a.sortBar.getByRole('button', { name: 'Date' }).click()
  const reversed = (await dates()).filter(Boolean)
  expect(reversed).toEqual([...reversed].sort().reverse())

  // Next follows the list as it is shown.
  await a.row(/.*/).first().click()
  const top = (await a.titles())[0]!
  const below = (await a.titles())[1]!
  await expect(a.shownTitle).toHaveText(top)
  await app.page.keyboard.press('Control+]')
  await expect(a.shownTitle).toHaveText(below)

  const box = a.panel.getByRole('searchbox', { name: 'Filter articles by title' })
  await box.fill('greve')
  expect(await a.titles()).toEqual(['Grève à la SNCF : le trafic fortement perturbé'])
  await expect(a.panel.getByText('1 of 30')).toBeVisible()
  await box.fill('rien de tel')
  await expect(a.panel.getByText('No article matches these filters.')).toBeVisible()
  await a.panel.getByRole('button', { name: 'Clear filters' }).click()
  await expect(box).toHaveValue('')

  await a.panel.getByRole('button', { name: 'Filters' }).click()
  await a.panel
    .getByRole('group', { name: 'Outlet' })
    .getByRole('checkbox', { name: /Le Monde/ })
    .check()
  await a.panel
    .getByRole('group', { name: 'Coded or not' })
    .getByRole('button', { name: 'Coded', exact: true })
    .click()
  await expect(a.panel.getByRole('button', { name: 'Filters (2)' })).toBeVisible()
  const outlets = await a.list.locator('.article-outlet').allTextContents()
  expect(outlets.length).toBeGreaterThan(0)
  expect(new Set(outlets)).toEqual(new Set(['Le Monde']))
  const passages = await a.list.locator('.article-passages').allTextContents()
  expect(passages.every((n) => Number(n) > 0)).toBe(true)
})

test('renames with F2 or a double click, Esc abandoning', async ({ app }) => {
  const a = await openCorpus(app)
  const s = new SessionPage(app.page)
  const title = corpus.titles[4]!
  await a.row(title).click()
  await app.page.keyboard.press('F2')
  const field = a.panel.getByRole('textbox', { name: `New title of “${title}”` })
  await expect(field).toBeFocused()
  await field.fill('Loi industrie verte (Sénat)')
  await app.page.keyboard.press('Enter')
  await expect(a.shownTitle).toHaveText('Loi industrie verte (Sénat)')
  await expect(a.row('Loi industrie verte (Sénat)')).toBeFocused()

  await a.row('Loi industrie verte (Sénat)').dblclick()
  await app.page.keyboard.type('Autre chose')
  await app.page.keyboard.press('Escape')
  await expect(a.shownTitle).toHaveText('Loi industrie verte (Sénat)')
  await s.waitSaved()
  expect((await readIndex(corpus.dir)).articles[4]!.title).toBe('Loi industrie verte (Sénat)')

  await app.page.keyboard.press('Control+z')
  await expect(a.shownTitle).toHaveText(title)
})

test('removes the open article after confirming, and undo brings it back with its passages', async ({
  app,
}) => {
  const a = await openCorpus(app)
  const s = new SessionPage(app.page)
  const index = await readIndex(corpus.dir)
  const at = index.articles.findIndex((x) => x.passageCount > 2)
  const victim = index.articles[at]!
  const after = index.articles[at + 1]!
  await a.row(victim.title).click()
  await expect(s.passages).toHaveCount(victim.passageCount)
  await a.row(victim.title).focus()
  await app.page.keyboard.press('Delete')

  const confirm = app.page.getByRole('dialog', { name: 'Remove this article?' })
  await expect(confirm).toContainText(`“${victim.title}” and its ${victim.passageCount} passages`)
  await confirm.getByRole('button', { name: 'Remove article' }).click()
  // Its neighbour opens; the article leaves the list and the folder's index.
  await expect(a.shownTitle).toHaveText(after.title)
  await expect(a.toggle).toHaveText('29 articles')
  await expect(a.row(victim.title)).toHaveCount(0)
  await s.waitSaved()
  expect((await readIndex(corpus.dir)).articles.map((x) => x.id)).not.toContain(victim.id)

  await app.page.keyboard.press('Control+z')
  await expect(a.toggle).toHaveText('30 articles')
  await a.row(victim.title).click()
  await expect(a.shownTitle).toHaveText(victim.title)
  await expect(s.passages).toHaveCount(victim.passageCount)
  await s.waitSaved()
  const back = await readIndex(corpus.dir)
  expect(back.articles[at]).toMatchObject({ id: victim.id, passageCount: victim.passageCount })
})
