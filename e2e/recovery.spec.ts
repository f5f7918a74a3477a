import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { test, expect } from './fixtures'
import { SessionPage } from './pages/session-page'
import { folderSnapshot, lockFromAnotherMachine, waitClosed } from './pages/data-folder'

test('offers the previous version of a damaged session and keeps the damaged file', async ({
  app,
}) => {
  const s = new SessionPage(app.page)
  await s.openSample()
  await s.tag('Croissance rapide', 'Growth')
  await s.tag('Chaos', 'Culture')
  await s.waitSaved()
  await app.page.getByRole('button', { name: '← Sessions' }).click()
  const folder = (await app.page.getByRole('button', { name: /OpenAI/ }).getAttribute('title'))!
  const file = join(folder, 'session.json')
  await waitClosed(folder)

  // The session's index is truncated behind Gloss's back (a crash of another tool, a bad sync).
  const damaged = (await readFile(file)).subarray(0, 300)
  await writeFile(file, damaged)
  await app.page.getByRole('button', { name: /OpenAI/ }).click()
  const alert = app.page.getByRole('alert')
  await expect(alert).toContainText('is not valid JSON, perhaps truncated')
  await expect(alert).toContainText(file)
  expect(await readFile(file)).toEqual(damaged)

  await alert.getByRole('button', { name: 'Open previous version' }).click()
  // The previous save held the first passage; the damaged bytes are kept aside.
  await expect(s.passage('Croissance rapide')).toBeVisible()
  await expect(
    app.page.getByRole('status').filter({ hasText: 'Recovered the previous saved version' }),
  ).toBeVisible()
  const kept = (await readdir(folder)).filter((n) => n.includes('.corrupt-'))
  expect(kept).toHaveLength(1)
  expect(await readFile(join(folder, kept[0]!))).toEqual(damaged)
})

test('opens a session locked by another Gloss read-only, with the reason', async ({ app }) => {
  const s = new SessionPage(app.page)
  await s.openSample()
  await s.tag('Croissance rapide', 'Growth')
  await s.waitSaved()
  await app.page.getByRole('button', { name: '← Sessions' }).click()
  const folder = (await app.page.getByRole('button', { name: /OpenAI/ }).getAttribute('title'))!
  await waitClosed(folder)
  const before = await folderSnapshot(folder)

  // Another machine on a shared folder has the session open.
  await lockFromAnotherMachine(folder)
  await app.page.getByRole('button', { name: /OpenAI/ }).click()
  // The time in the analyst's language and time zone.
  await expect(app.page.getByRole('status').filter({ hasText: 'Opened read-only' })).toContainText(
    /open in another Gloss on laptop-of-alex since 27 Nov 2026, \d\d:\d\d\. Close it there/,
  )
  await expect(s.status).toHaveCount(0)
  await expect(app.page.getByText('Read-only', { exact: true })).toBeVisible()

  // Nothing can be changed: no toolbar, no theme keys, disabled details.
  await s.selectWithMouse('Il y a trois semaines')
  await expect(s.toolbar).toBeHidden()
  await app.page.keyboard.press('1')
  await expect(s.passages).toHaveCount(1)
  await s.passage('Croissance rapide').click()
  await expect(s.details.getByRole('button', { name: 'Delete passage' })).toBeDisabled()
  await expect(s.details.getByRole('textbox', { name: 'Note' })).not.toBeEditable()
  await app.page.keyboard.press('Delete')
  await expect(s.passages).toHaveCount(1)
  expect(await folderSnapshot(folder)).toEqual(before)
})
