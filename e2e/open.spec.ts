import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { test, expect } from './fixtures'
import { SessionPage } from './pages/session-page'

test('opens a .txt article through the dialog with its accents and paragraphs intact', async ({
  app,
}) => {
  const path = join(app.dataDir, 'Entretien équipe.txt')
  await writeFile(
    path,
    '\uFEFFPremière ligne « guillemets ».\r\n\r\nDeuxième paragraphe — l’œuvre.\r\n',
    'utf8',
  )
  await app.answerNextDialog(path)
  await app.page.getByRole('button', { name: 'Open article…' }).click()
  const s = new SessionPage(app.page)
  await expect(app.page.getByRole('heading', { level: 1 })).toHaveText('Entretien équipe')
  await expect(s.article.locator('p')).toHaveText([
    'Première ligne « guillemets ».',
    'Deuxième paragraphe — l’œuvre.',
  ])
  await s.tag('l’œuvre', 'Culture')
  await expect(s.passage('l’œuvre')).toContainText('Culture')
})

test('cancelling the open dialog stays on the start screen', async ({ app }) => {
  await app.answerNextDialog(null)
  await app.page.getByRole('button', { name: 'Open article…' }).click()
  await expect(app.page.getByRole('button', { name: 'Open sample article' })).toBeEnabled()
  await expect(app.page.getByRole('alert')).toHaveCount(0)
})

test('shows a clear error for a file that is not text or is not a session', async ({ app }) => {
  const binary = join(app.dataDir, 'scan.txt')
  // NUL bytes that are not UTF-16 text (any other encoding is read, and says so).
  await writeFile(binary, Buffer.from([0x41, 0x00, 0x42, 0x00, 0x00, 0x07, 0x80, 0x81]))
  await app.answerNextDialog(binary)
  await app.page.getByRole('button', { name: 'Open article…' }).click()
  await expect(app.page.getByRole('alert')).toContainText('scan.txt is not a text file')

  const bogus = join(app.dataDir, 'broken.gloss.json')
  await writeFile(bogus, '{"schemaVersion": 1, "id": "x"', 'utf8')
  await app.answerNextDialog(bogus)
  await app.page.getByRole('button', { name: 'Open session…' }).click()
  await expect(app.page.getByRole('alert')).toContainText(
    'broken.gloss.json: it is not valid JSON, perhaps truncated',
  )
  // A file that failed to load is never written.
  expect(await readFile(bogus, 'utf8')).toBe('{"schemaVersion": 1, "id": "x"')
})

test('opens a saved session file through the dialog', async ({ app }) => {
  const s = new SessionPage(app.page)
  await s.openSample()
  await s.tag('Croissance rapide', 'Growth')
  await s.waitSaved()
  await app.page.getByRole('button', { name: '← Sessions' }).click()
  const file = await app.page.getByRole('button', { name: /OpenAI/ }).getAttribute('title')

  const page = await app.restart()
  await app.answerNextDialog(file)
  await page.getByRole('button', { name: 'Open session…' }).click()
  await expect(new SessionPage(page).passage('Croissance rapide')).toContainText('Growth')
})
