// "Keep a copy of the original file": ticked in Settings, an article added
// from a file keeps that file in the session folder, and its details save
// it back byte for byte. Off by default: nothing is kept.
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { test, expect } from './fixtures'
import { readIndex, sessionFolder } from './pages/data-folder'
import { ArticlesPage, articleFiles } from './pages/articles-page'
import { SessionPage } from './pages/session-page'

const folders: string[] = []
test.afterEach(async () => {
  for (const dir of folders.splice(0)) await rm(dir, { recursive: true, force: true })
})

test('keeps the original file when asked, and saves it back from the article details', async ({
  app,
}) => {
  const { page } = app
  await page.getByRole('button', { name: 'Settings' }).click()
  const settings = page.getByRole('dialog', { name: 'Settings' })
  const keep = settings.getByRole('checkbox', { name: /Keep a copy of the original file/ })
  await expect(keep).not.toBeChecked()
  await keep.check()
  await expect(keep).toBeChecked()
  await page.screenshot({ path: test.info().outputPath('settings-keep-originals.png') })
  await settings.getByRole('button', { name: 'Close' }).click()

  const s = new SessionPage(page)
  await s.openSample()
  const made = await articleFiles([
    // Windows-1252 bytes: the copy is the file as it was, not the text Gloss read.
    { name: 'grève.txt', content: Buffer.from('La gr\xe8ve continue.\r\n', 'latin1') },
  ])
  folders.push(made.dir)
  await app.answerNextDialog([made.paths[0]!])
  await page.keyboard.press('Control+Shift+O')
  const a = new ArticlesPage(page)
  await expect(a.toggle).toHaveText('2 articles')
  const folder = await sessionFolder(app.dataDir)
  const entry = (await readIndex(folder)).articles[1]!
  expect(entry.source?.original).toMatch(/^originals\/[0-9a-f]{64}\.txt$/)

  await a.row('grève').click()
  await page.keyboard.press('Control+i')
  const details = page.getByRole('dialog', { name: 'Article details' })
  const save = details.getByRole('button', { name: 'Save a copy of the original file…' })
  await expect(save).toBeVisible()
  await page.screenshot({ path: test.info().outputPath('details-original.png') })
  const target = join(made.dir, 'back.txt')
  await app.answerNextDialog(target)
  await save.click()
  await expect(details).toContainText('The original file was saved as back.txt.')
  expect(await readFile(target)).toEqual(Buffer.from('La gr\xe8ve continue.\r\n', 'latin1'))

  // The sample, opened before: no copy kept, so no button.
  await page.keyboard.press('Escape')
  await a.row(/OpenAI/).click()
  await page.keyboard.press('Control+i')
  await expect(details.getByText('sample-article-fr.txt', { exact: false })).toBeVisible()
  await expect(save).toBeHidden()
})
