// "Save a copy as one file…": the header button and the File menu write the
// session as one zip and say where; "Open session…" opens such a copy (here,
// where the session already is, as a separate session, saying so).
import { readFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { test, expect } from './fixtures'
import { SessionPage } from './pages/session-page'

test('saves the session as one file from the header and the menu, and opens that copy', async ({
  app,
}, testInfo) => {
  const s = new SessionPage(app.page)
  await s.openSample()
  await s.tag('Croissance rapide', 'Growth')
  await s.waitSaved()

  const copy = join(app.dataDir, 'copie de travail.gloss.zip')
  await app.answerNextDialog(copy)
  await app.page.getByRole('button', { name: 'Save a copy…' }).click()
  await expect(
    app.page
      .getByRole('status')
      .filter({ hasText: `Saved a copy of the session as one file: ${copy}` }),
  ).toBeVisible()
  // A zip file: "PK", then the first entry's header.
  expect((await readFile(copy)).subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]))
  await app.page.screenshot({ path: testInfo.outputPath('saved-copy.png') })

  const viaMenu = join(app.dataDir, 'via-menu.gloss.zip')
  await app.answerNextDialog(viaMenu)
  await app.sendMenuCommand('save-copy')
  await expect.poll(() => existsSync(viaMenu)).toBe(true)

  // Cancelling the save dialog writes nothing and says nothing.
  await app.answerNextDialog(null)
  await app.page.getByRole('button', { name: 'Save a copy…' }).click()
  await expect(app.page.getByRole('button', { name: 'Save a copy…' })).toBeEnabled()

  await app.page
    .getByRole('button', { name: /back|sessions/i })
    .first()
    .click()
  await app.answerNextDialog(copy)
  await app.page.getByRole('button', { name: 'Open session…' }).click()
  await expect(s.article).toBeVisible()
  await expect(
    app.page.getByRole('status').filter({ hasText: 'is of a session you already have' }),
  ).toBeVisible()
  await expect(s.passages).toHaveCount(1)
  await expect(s.passages.first()).toContainText('Croissance rapide')
  await app.page.screenshot({ path: testInfo.outputPath('opened-copy.png') })
})
