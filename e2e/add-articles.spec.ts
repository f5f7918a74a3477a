// Adding articles to an open session: the multi-select dialog (answered with
// an array), files dragged from disk onto the window, pasted text, and a
// batch of many files with its progress and Cancel.
import { readFile, rm } from 'node:fs/promises'
import { resolve } from 'node:path'
import { test, expect } from './fixtures'
import { readIndex, sessionFolder } from './pages/data-folder'
import { ArticlesPage, articleFiles } from './pages/articles-page'
import { SessionPage } from './pages/session-page'

const SAMPLE = resolve('resources/sample-article-fr.txt')
const folders: string[] = []
test.afterEach(async () => {
  for (const dir of folders.splice(0)) await rm(dir, { recursive: true, force: true })
})

async function files(list: { name: string; content: string | Buffer }[]) {
  const made = await articleFiles(list)
  folders.push(made.dir)
  return made.paths
}

test('adds files chosen in the dialog, and reports the duplicate and the bad file by name', async ({
  app,
}) => {
  const s = new SessionPage(app.page)
  const a = new ArticlesPage(app.page)
  await s.openSample()
  // One article: the session looks as it did, the panel hidden.
  await expect(a.panel).toBeHidden()
  await expect(a.toggle).toHaveText('1 article')
  const [fresh, copy, binary] = await files([
    { name: 'grève.txt', content: 'La grève continue.\n\nLes syndicats appellent à manifester.' },
    { name: 'copie.txt', content: await readFile(SAMPLE) },
    { name: 'binaire.txt', content: Buffer.from([0x41, 0x00, 0x42, 0x00, 0x00, 0x07]) },
  ])
  await app.answerNextDialog([fresh!, copy!, binary!])
  await app.page.keyboard.press('Control+Shift+O')

  await expect(a.report).toBeVisible()
  await expect(a.report).toContainText('1 article added to the session.')
  await expect(a.report.getByRole('region', { name: 'Not added (1)' })).toHaveText(
    /binaire\.txt — it is not a text file/,
  )
  await expect(a.report.getByRole('region', { name: 'Already in the session (1)' })).toHaveText(
    /copie\.txt — same text as “OpenAI, vue de l’intérieur \(exemple\)”/,
  )
  await app.page.screenshot({ path: test.info().outputPath('add-report.png') })
  await app.page.keyboard.press('Escape')
  await expect(a.report).toBeHidden()

  // Two articles now: the panel shows itself, the header counts them.
  await expect(a.panel).toBeVisible()
  await expect(a.toggle).toHaveText('2 articles')
  expect(await a.titles()).toEqual(['OpenAI, vue de l’intérieur (exemple)', 'grève'])
  const index = await readIndex(await sessionFolder(app.dataDir))
  expect(index.articles.map((x) => x.sourceFileName)).toEqual([
    'sample-article-fr.txt',
    'grève.txt',
  ])

  // Undo takes the added article out again; redo brings it back.
  await app.page.keyboard.press('Control+z')
  await expect(a.toggle).toHaveText('1 article')
  await app.page.keyboard.press('Control+Shift+z')
  await expect(a.toggle).toHaveText('2 articles')
  await s.waitSaved()
  await expect
    .poll(async () => (await readIndex(await sessionFolder(app.dataDir))).articles.length)
    .toBe(2)
})

test('adds files dragged from disk onto the window', async ({ app }) => {
  const s = new SessionPage(app.page)
  const a = new ArticlesPage(app.page)
  await s.openSample()
  const paths = await files([
    { name: 'dépêche-1.txt', content: 'Première dépêche.' },
    { name: 'dépêche-2.md', content: '# Seconde dépêche\n\nSon texte.' },
  ])
  const drag = await app.dragFiles(paths)
  const overlay = app.page.getByRole('status').filter({ hasText: 'Drop to add 2 files' })
  await expect(overlay).toBeVisible()
  // Dragged away: nothing happens.
  await drag.leave()
  await expect(overlay).toBeHidden()

  const again = await app.dragFiles(paths)
  await expect(overlay).toBeVisible()
  await app.page.screenshot({ path: test.info().outputPath('drop-overlay.png') })
  await again.drop()
  await expect(overlay).toBeHidden()
  await expect(app.page.getByText('2 articles added. Undo with Ctrl+Z.')).toBeVisible()
  expect(await a.titles()).toEqual([
    'OpenAI, vue de l’intérieur (exemple)',
    'dépêche-1',
    'Seconde dépêche',
  ])
  const index = await readIndex(await sessionFolder(app.dataDir))
  expect(index.articles.map((x) => x.title)).toEqual(await a.titles())
})

test('pastes the clipboard as a new article, titled by its first line, and opens it', async ({
  app,
}) => {
  const s = new SessionPage(app.page)
  const a = new ArticlesPage(app.page)
  await s.openSample()
  await app.page
    .context()
    .grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(app.page.url()).origin,
    })
    .catch(() => {})
  const text = 'Les cheminots en grève\n\nLe mouvement entre dans sa deuxième semaine.'
  await app.page.evaluate((t) => navigator.clipboard.writeText(t), text).catch(() => {})
  await app.page.keyboard.press('Control+Shift+V')
  const dialog = app.page.getByRole('dialog', { name: 'Paste as new article' })
  await expect(dialog).toBeVisible()
  const box = dialog.getByRole('textbox', { name: 'Text of the article' })
  // The clipboard's text when the system lets Gloss read it; else the analyst pastes it.
  if ((await box.inputValue()) === '') await box.fill(text)
  await expect(box).toHaveValue(text)
  await expect(dialog.getByRole('textbox', { name: 'Title' })).toHaveValue('Les cheminots en grève')
  await dialog.getByRole('button', { name: 'Add article' }).click()

  await expect(a.shownTitle).toHaveText('Les cheminots en grève')
  await expect(s.article).toContainText('Le mouvement entre dans sa deuxième semaine.')
  await expect(
    app.page.getByText('Added “Les cheminots en grève”. Undo with Ctrl+Z.'),
  ).toBeVisible()
  await s.waitSaved()
  const folder = await sessionFolder(app.dataDir)
  const index = await readIndex(folder)
  expect(index.articles.map((x) => x.title)).toEqual([
    'OpenAI, vue de l’intérieur (exemple)',
    'Les cheminots en grève',
  ])
  // The open article is remembered when the session closes (switching never waits for the index).
  await app.page.getByRole('button', { name: '← Sessions' }).click()
  await expect.poll(async () => (await readIndex(folder)).ui.articleId).toBe(index.articles[1]!.id)
})

test('shows the progress of a batch of 200 files, and Cancel keeps what was added', async ({
  app,
}) => {
  test.slow()
  const s = new SessionPage(app.page)
  const a = new ArticlesPage(app.page)
  await s.openSample()
  // 300 KB each: long enough a batch (each article is a durable write) for Cancel to come in time.
  const body = 'Un paragraphe de dépêche, assez long pour peser.\n'.repeat(6000)
  const paths = await files(
    Array.from({ length: 200 }, (_, i) => ({
      name: `d${String(i).padStart(3, '0')}.txt`,
      content: `Dépêche ${i}\n\n${body}`,
    })),
  )
  await app.answerNextDialog(paths)
  await a.toggle.click()
  await a.panel.getByRole('button', { name: 'Add articles…' }).click()
  await expect(a.progress).toContainText(/Adding \d+ of 200 — d\d{3}\.txt/)
  await app.page.screenshot({ path: test.info().outputPath('add-progress.png') })
  // Past the first files (read in the import worker, which starts with the batch).
  await expect
    .poll(async () => Number(/Adding (\d+) of/.exec((await a.progress.textContent()) ?? '')?.[1]))
    .toBeGreaterThan(10)
  await a.progress.getByRole('button', { name: 'Cancel' }).click({ timeout: 10_000 })

  await expect(a.report).toBeVisible()
  await expect(a.report.getByRole('heading')).toHaveText('Adding cancelled')
  const report = (await a.report.textContent()) ?? ''
  const added = report.includes('No article was added.')
    ? 0
    : Number(/(\d+) articles? added/.exec(report)?.[1])
  expect(added).toBeLessThan(200)
  await a.report.getByRole('button', { name: 'Close' }).click()
  await expect(a.toggle).toHaveText(added ? `${added + 1} articles` : '1 article')
  const index = await readIndex(await sessionFolder(app.dataDir))
  expect(index.articles).toHaveLength(added + 1)
  expect(index.articles.slice(1).map((x) => x.sourceFileName)).toEqual(
    paths.slice(0, added).map((p) => p.slice(p.lastIndexOf('/') + 1)),
  )
})
