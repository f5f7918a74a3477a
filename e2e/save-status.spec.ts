import { mkdir, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { test, expect } from './fixtures'
import { SessionPage } from './pages/session-page'
import { savedSession, sessionFile } from './pages/data-folder'

test('says "Not saved" with the reason when the folder disappears, then saves once it is back', async ({
  app,
}) => {
  const s = new SessionPage(app.page)
  await s.openSample()
  await s.tag('Croissance rapide', 'Growth')
  await s.waitSaved()

  // The sessions folder is moved away while the session is open.
  const dir = join(app.dataDir, 'sessions')
  await sessionFile(app.dataDir) // it exists before the move
  await rename(dir, join(app.dataDir, 'moved-away'))
  await s.tag('Chaos', 'Culture')
  await expect(s.status).toHaveText('Not saved: the folder no longer exists')
  // The edit is kept in the window meanwhile.
  await expect(s.passages).toHaveCount(2)

  // Once the folder exists again, the retry writes everything.
  await mkdir(dir)
  await expect(s.status).toHaveText('Saved', { timeout: 10_000 })
  expect((await savedSession(app.dataDir)).passages.map((p) => p.quote)).toEqual([
    'Croissance rapide',
    'Chaos',
  ])
})

test('says "Not saved" when the session file is deleted while open, then writes it again', async ({
  app,
}) => {
  const s = new SessionPage(app.page)
  await s.openSample()
  await s.tag('Croissance rapide', 'Growth')
  await s.waitSaved()
  const file = await sessionFile(app.dataDir)
  await rm(file)

  // An edit that does not scroll the article (a scroll would save too).
  await s.details.getByRole('button', { name: 'Culture' }).click()
  await expect(s.status).toHaveText(
    'Not saved: the session file was moved or deleted; Gloss will write it again where it was',
  )
  await expect(s.status).toHaveText('Saved', { timeout: 10_000 })
  expect((await savedSession(app.dataDir)).passages[0]!.themeIds).toEqual(['growth', 'culture'])
})
