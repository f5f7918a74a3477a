// Regenerates the screenshots in docs/ (npm run screenshots). Skipped in the
// normal suite: it asserts only that the scenes render, the pictures are for people.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generateCorpus } from '../test-support/corpus-session'
import { writePressCorpus } from '../test-support/press-corpus'
import { savedWebPages } from '../test-support/web-pages'
import { test, expect } from './fixtures'
import { ArticlesPage } from './pages/articles-page'
import { openCorpus } from './pages/corpus'
import { SessionPage } from './pages/session-page'

test.skip(!process.env.GLOSS_SCREENSHOTS, 'run with npm run screenshots')

test('session and start screen screenshots', async ({ app }) => {
  const s = new SessionPage(app.page)
  await s.openSample()
  await s.tag('un ingénieur du nom de Calvin French-Owen', 'Culture')
  await s.tag('Calvin French-Owen, qui a travaillé sur l’un des nouveaux produits', 'Growth')
  await s.tag('Croissance rapide', 'Growth')
  await s.tagWith('Openai est passé de 1 000 à 3 000 personnes', 'Growth', 'Culture')
  await s.details
    .getByRole('textbox', { name: 'Note' })
    .fill('Triplement des effectifs en un an.\nÀ relier au « chaos ».')
  await s.details.getByRole('textbox', { name: 'Note' }).blur()
  await s.tag('Chaos', 'Culture')
  await s.tag('pas parti à cause d’un «drame»', 'Secrecy')
  await s.passage('Croissance rapide').click()
  // Scrolls as a wheel does: the jump to the passage above gives way at once.
  await app.page.locator('.article-scroller').evaluate((el) => {
    el.dispatchEvent(new WheelEvent('wheel'))
    el.scrollTop = 0
  })
  await s.selectWithMouse('les plus prometteurs')
  await expect(s.toolbar).toBeVisible()
  await s.waitSaved()
  await app.page.screenshot({ path: 'docs/screenshot-session.png' })

  await app.page.keyboard.press('Escape')
  await app.page.getByRole('button', { name: '← Sessions' }).click()
  await expect(app.page.getByRole('button', { name: /OpenAI/ })).toBeVisible()
  await app.page.screenshot({ path: 'docs/screenshot-start.png' })
})

test('summary screenshot', async ({ app }) => {
  const s = new SessionPage(app.page)
  await s.openSample()
  await s.tag('un ingénieur du nom de Calvin French-Owen', 'Culture')
  await s.tag('Calvin French-Owen, qui a travaillé sur l’un des nouveaux produits', 'Growth')
  await s.tag('Croissance rapide', 'Growth')
  await s.tagWith('Openai est passé de 1 000 à 3 000 personnes', 'Growth', 'Culture')
  await s.tag('Chaos', 'Culture')
  await s.tag('pas parti à cause d’un «drame»', 'Secrecy')
  await s.tag('une culture du secret', 'Secrecy')
  await s.tag('la sécurité pratique', 'Safety')
  await s.tag('Les gouvernements regardent', 'Safety')
  await s.details.getByRole('button', { name: 'Safety' }).click()
  await app.page.keyboard.press('Escape')
  await s.waitSaved()
  await app.page.setViewportSize({ width: 1280, height: 1240 })
  await app.page.getByRole('button', { name: 'Summary' }).click()
  await expect(app.page.getByRole('region', { name: 'Summary' })).toBeVisible()
  await s.waitSaved()
  await app.page.screenshot({ path: 'docs/screenshot-summary.png' })
})

test('codebook screenshot', async ({ app }) => {
  const { page } = app
  const s = new SessionPage(page)
  await s.openSample()
  await s.tag('un ingénieur du nom de Calvin French-Owen', 'Culture')
  await s.tag('Croissance rapide', 'Growth')
  await s.tag('Openai est passé de 1 000 à 3 000 personnes', 'Growth')
  await s.tag('Chaos', 'Culture')
  await s.tag('une culture du secret', 'Secrecy')
  await s.tag('la sécurité pratique', 'Safety')
  await page.keyboard.press('Escape')
  await page.setViewportSize({ width: 1280, height: 1000 })
  await page.getByRole('button', { name: 'Codebook', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Codebook' })
  const add = dialog.getByRole('region', { name: 'Add a theme' })
  await add.getByRole('textbox', { name: 'Name' }).fill('Leadership')
  await add.getByLabel('Colour').fill('#d55e00')
  await add
    .getByRole('textbox', { name: 'Description (optional)' })
    .fill('Who decides, and how: founders, managers, bottom-up initiative.')
  await add.getByRole('button', { name: 'Add theme' }).click()
  await expect(dialog.getByRole('list', { name: 'Themes' }).getByRole('listitem')).toHaveCount(5)
  // Show the keyboard focus on a theme's controls, as an analyst moving with Tab sees it.
  await dialog.getByRole('button', { name: 'Move Leadership up' }).focus()
  await page.keyboard.press('Shift+Tab')
  await page.keyboard.press('Tab')
  await s.waitSaved()
  await page.screenshot({ path: 'docs/screenshot-codebook.png' })
})

test('French UI screenshot', async ({ app }) => {
  const { page } = app
  await page.getByRole('button', { name: 'Settings' }).click()
  await page.getByRole('combobox', { name: 'Language' }).selectOption('fr')
  await page.keyboard.press('Escape')
  await page.getByRole('button', { name: 'Ouvrir l’article d’exemple' }).click()
  const s = new SessionPage(page)
  await s.article.waitFor()
  // The toolbar speaks French: tag with the theme keys.
  for (const [text, key] of [
    ['un ingénieur du nom de Calvin French-Owen', '2'],
    ['Croissance rapide', '1'],
    ['une culture du secret pour tenter', '3'],
  ] as const) {
    await s.selectWithMouse(text)
    await expect(page.getByRole('toolbar', { name: 'Étiqueter la sélection' })).toBeVisible()
    await page.keyboard.press(key)
  }
  const note = page
    .getByRole('region', { name: 'Détails du passage' })
    .getByRole('textbox', { name: 'Note' })
  await note.fill('Culture du secret et fuites : à relier au « chaos ».')
  await note.blur()
  await page.locator('.article-scroller').evaluate((el) => (el.scrollTop = 0))
  await expect(page.getByRole('status').filter({ hasText: 'Enregistré' })).toBeVisible()
  await page.screenshot({ path: 'docs/screenshot-french.png' })
})

test('articles panel screenshot', async ({ app }) => {
  const { page } = app
  const parent = await mkdtemp(join(tmpdir(), 'gloss-screenshot-corpus-'))
  try {
    const corpus = await writePressCorpus(parent)
    await app.answerNextDialog(join(corpus.dir, 'session.json'))
    await page.getByRole('button', { name: 'Open session…' }).click()
    const a = new ArticlesPage(page)
    await expect(a.panel).toBeVisible()
    // Newest first, then the analyst opens an article they have coded.
    await a.sortBar.getByRole('button', { name: 'Date' }).click()
    await a.sortBar.getByRole('button', { name: 'Date' }).click()
    await a.row('Le chômage repart légèrement à la hausse').click()
    await expect(a.shownTitle).toHaveText('Le chômage repart légèrement à la hausse')
    await new SessionPage(page).passages.first().click()
    await new SessionPage(page).waitSaved()
    await page.screenshot({ path: 'docs/screenshots/articles-panel.png' })
  } finally {
    await rm(parent, { recursive: true, force: true })
  }
})

test('theme by outlet summary screenshot', async ({ app }) => {
  const { page } = app
  // A press review: 240 articles of six outlets over 2025, eight themes.
  const corpus = generateCorpus({ articles: 240, passagesPerArticle: 4, undatedEvery: 40 })
  await openCorpus(app, corpus, 'Revue de presse 2025')
  await page.setViewportSize({ width: 1280, height: 1000 })
  await page.getByRole('button', { name: 'Summary' }).click()
  const by = page.getByRole('region', { name: 'Themes by attribute' })
  await expect(by.getByRole('img', { name: 'Themes by Outlet' })).toBeVisible()
  await by.evaluate((el) => el.scrollIntoView({ block: 'start' }))
  await page.locator('.summary').evaluate((el) => (el.scrollTop -= 16))
  await page.screenshot({ path: 'docs/screenshots/summary-by-outlet.png' })
})

test('imported web article screenshot', async ({ app }) => {
  const { page } = app
  const dir = await mkdtemp(join(tmpdir(), 'gloss-screenshot-web-'))
  try {
    // A news page as Chromium saves it, added to the sample's session and tagged once.
    const saved = await savedWebPages()
    const file = join(dir, 'Chez Nébula, la culture du secret.html')
    await writeFile(file, saved.courrier.html)
    const s = new SessionPage(page)
    await s.openSample()
    await app.answerNextDialog([file])
    await page.keyboard.press('Control+Shift+O')
    const a = new ArticlesPage(page)
    const title = 'Chez Nébula, la culture du secret à l’épreuve de la croissance'
    await a.row(title).click()
    await expect(a.shownTitle).toHaveText(title)
    await s.tag('tradition de discrétion', 'Secrecy')
    await s.waitSaved()
    await page.getByRole('button', { name: 'Details', exact: true }).click()
    await expect(page.getByRole('dialog', { name: 'Article details' })).toBeVisible()
    await page.screenshot({ path: 'docs/screenshots/imported-web-article.png' })
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
})
