// "Save a copy as one file…" (the File menu) writes the
// session as one zip and say where; "Open session…" opens such a copy (here,
// where the session already is, as a separate session, saying so).
import { readFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { test, expect } from './fixtures'
import { SessionPage } from './pages/session-page'

test('saves the session as one file from the File menu, and opens that copy', async ({
  app,
}, testInfo) => {
  const s = new SessionPage(app.page)
  await s.openSample()
  await s.tag('Croissance rapide', 'Growth')
  await s.waitSaved()

  const copy = join(app.dataDir, 'copie de travail.gloss.zip')
  await app.answerNextDialog(copy)
  await app.sendMenuCommand('save-copy')
  await expect(
    app.page
      .getByRole('status')
      .filter({ hasText: `Saved a copy of the session as one file: ${copy}` }),
  ).toBeVisible()
  // A zip file: "PK", then the first entry's header.
  expect((await readFile(copy)).subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]))
  await app.page.screenshot({ path: testInfo.outputPath('saved-copy.png') })

  // Cancelling the save dialog writes nothing and says nothing new.
  const statuses = app.page.getByRole('status').filter({ hasText: 'Saved a copy' })
  await expect(statuses).toHaveCount(1)
  const afterCancel = join(app.dataDir, 'after-cancel.gloss.zip')
  await app.answerNextDialog(null)
  await app.sendMenuCommand('save-copy')
  await app.answerNextDialog(afterCancel)
  await app.sendMenuCommand('save-copy')
  // The second command runs after the cancelled one: once it has written, the first said nothing.
  await expect.poll(() => existsSync(afterCancel)).toBe(true)
  await expect(statuses.filter({ hasText: afterCancel })).toHaveCount(1)

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
