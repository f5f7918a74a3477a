import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { test, expect } from './fixtures'
import { savedSession } from './pages/data-folder'
import { SessionPage } from './pages/session-page'

test('reopens a session exactly as it was left: by itself after a restart, and from the recent list', async ({
  app,
}) => {
  let s = new SessionPage(app.page)
  await s.openSample()
  await s.tag('une culture du secret pour tenter', 'Culture')
  await s.tag('du secret pour tenter de serrer les fuites', 'Secrecy')
  await s.details.getByRole('textbox', { name: 'Note' }).fill('fuites\n=secret')
  await s.details.getByRole('button', { name: 'Safety' }).click()
  const scroller = app.page.locator('.article-scroller')
  await scroller.evaluate((el) => (el.scrollTop = 640))
  // Quit only once the scroll position (saved 400 ms after scrolling stops)
  // and the note are on disk, however slow the machine.
  await expect.poll(async () => (await savedSession(app.dataDir)).ui.scrollTop).toBe(640)
  await s.waitSaved()
  const before = await s.passages.allInnerTexts()

  // Quitting with the session open: Gloss reopens it by itself.
  let page = await app.restart()
  s = new SessionPage(page)
  await expect(s.passages).toHaveCount(2)
  expect(await s.passages.allInnerTexts()).toEqual(before)
  await expect(page.locator('.article-scroller')).toHaveJSProperty('scrollTop', 640)

  // Back on the start screen before quitting: Gloss starts there, and the
  // recent list reopens the session.
  await page.getByRole('button', { name: '← Sessions' }).click()
  // Quit only once main has closed it (nothing to reopen is on disk).
  await expect
    .poll(async () => {
      const settings = JSON.parse(await readFile(join(app.dataDir, 'settings.json'), 'utf8'))
      return settings.openSessionId
    })
    .toBeNull()
  page = await app.restart()
  s = new SessionPage(page)
  const recent = page.getByRole('button', { name: /OpenAI, vue de l’intérieur/ })
  await expect(recent).toContainText('2 passages')
  await expect(recent).toContainText('Last edited')
  await recent.click()

  await expect(s.passages).toHaveCount(2)
  expect(await s.passages.allInnerTexts()).toEqual(before)
  await expect(s.passage('serrer les fuites')).toContainText('fuites =secret')
  await expect(page.locator('.article-scroller')).toHaveJSProperty('scrollTop', 640)
  await expect.poll(() => s.themesAt('secret pour')).toEqual(['culture', 'secrecy', 'safety'])
  await s.passage('serrer les fuites').click()
  await expect(s.details.getByRole('textbox', { name: 'Note' })).toHaveValue('fuites\n=secret')
})

test('lists no recent session on a fresh data folder', async ({ app }) => {
  await expect(app.page.getByText('No sessions yet')).toBeVisible()
})

test('starts on the start screen when reopening the last session is turned off', async ({
  app,
}) => {
  const s = new SessionPage(app.page)
  await s.openSample()
  await s.tag('Croissance rapide', 'Growth')
  await s.waitSaved()
  await app.page.getByRole('button', { name: '← Sessions' }).click()
  await app.page.getByRole('button', { name: 'Settings' }).click()
  const reopen = app.page.getByRole('checkbox', {
    name: 'Reopen the last session when Gloss starts',
  })
  await expect(reopen).toBeChecked()
  await reopen.uncheck()
  await app.page.keyboard.press('Escape')
  await app.page.getByRole('button', { name: /OpenAI/ }).click()
  await expect(s.passages).toHaveCount(1)

  const page = await app.restart()
  await expect(page.getByRole('button', { name: 'Open sample article' })).toBeVisible()
  await expect(page.getByRole('button', { name: /OpenAI/ })).toContainText('1 passage')
})
