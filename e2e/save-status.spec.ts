import { rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { test, expect } from './fixtures'
import { SessionPage } from './pages/session-page'
import { readIndex, savedSession, sessionFolder } from './pages/data-folder'

test('says "Not saved" with the reason when the session folder disappears, then saves once it is back', async ({
  app,
}) => {
  const s = new SessionPage(app.page)
  await s.openSample()
  await s.tag('Croissance rapide', 'Growth')
  await s.waitSaved()

  // The session folder is moved away while the session is open.
  const dir = await sessionFolder(app.dataDir)
  const away = join(app.dataDir, 'moved-away')
  await rename(dir, away)
  await s.tag('Chaos', 'Culture')
  await expect(s.status).toHaveText('Not saved: the folder no longer exists')
  // The edit is kept in the window meanwhile.
  await expect(s.passages).toHaveCount(2)

  // Once the folder is back, the retry writes everything.
  await rename(away, dir)
  await expect(s.status).toHaveText('Saved', { timeout: 10_000 })
  expect((await savedSession(app.dataDir)).passages.map((p) => p.quote)).toEqual([
    'Croissance rapide',
    'Chaos',
  ])
})

test('says "Not saved" when the article file is deleted while open, then writes it again', async ({
  app,
}) => {
  const s = new SessionPage(app.page)
  await s.openSample()
  await s.tag('Croissance rapide', 'Growth')
  await s.waitSaved()
  const dir = await sessionFolder(app.dataDir)
  await rm(join(dir, (await readIndex(dir)).articles[0]!.file))

  // An edit that does not scroll the article (a scroll would save too).
  await s.details.getByRole('button', { name: 'Culture' }).click()
  await expect(s.status).toHaveText(
    'Not saved: the session file was moved or deleted; Gloss will write it again where it was',
  )
  await expect(s.status).toHaveText('Saved', { timeout: 10_000 })
  expect((await savedSession(app.dataDir)).passages[0]!.themeIds).toEqual(['growth', 'culture'])
})
