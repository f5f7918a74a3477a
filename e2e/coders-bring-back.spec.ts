// "Bring coders' work back…" as an analyst does it: a session of two
// articles, two coder copies (Amélie's and Karim's, written as one-file
// copies by test-support/write-coder-copy.ts) chosen together from the File
// menu; the report counts each coder's passages, their passages show in the
// article beside the analyst's, one undo takes all of it back; a copy of
// another session is refused with its reason, and nothing changes.
import type { Locator } from '@playwright/test'
import { join } from 'node:path'
import { coderCopyOf, tagged } from '../test-support/coder-copy'
import { codedSession, coderSession } from '../test-support/coder-session'
import { readIndex } from '../test-support/session-folder'
import { writeCoderCopy } from '../test-support/write-coder-copy'
import { test, expect } from './fixtures'
import { openCorpus } from './pages/corpus'
import { SessionPage } from './pages/session-page'

/** The number in the row `label`, in the coder's column of the report's table. */
async function count(report: Locator, coder: string, label: string): Promise<Locator> {
  const table = report.getByRole('table', { name: 'What was brought back, by coder' })
  const coders = await table.getByRole('columnheader').allInnerTexts()
  const column = coders.findIndex((text) => text.startsWith(coder))
  expect(column, `${coder} has a column`).toBeGreaterThanOrEqual(0)
  return table.getByRole('row', { name: label }).getByRole('cell').nth(column)
}

test('brings two coders’ work back from the File menu, undoes it, and refuses another session’s copy', async ({
  app,
}, testInfo) => {
  const session = codedSession()
  const index = await openCorpus(app, session, 'strikes')
  const folder = join(index, '..')
  const s = new SessionPage(app.page)
  await expect(s.passages).toHaveCount(2)

  const amelie = tagged(coderCopyOf(session, { coder: 'Amélie' }), 'refinery', 'Amélie', [
    { quote: 'deuxième semaine', themes: ['strike'] },
    { quote: 'dans le Nord', themes: ['risk'] },
  ])
  const karim = tagged(
    tagged(coderCopyOf(session, { coder: 'Karim' }), 'refinery', 'Karim', [
      { quote: 'hausse des salaires', themes: ['wages'] },
    ]),
    'rail',
    'Karim',
    [{ quote: 'une prime', themes: ['wages'] }],
  )
  const copies = [
    await writeCoderCopy(join(app.dataDir, 'amelie.gloss.zip'), amelie),
    await writeCoderCopy(join(app.dataDir, 'karim.gloss.zip'), karim),
  ]
  await app.answerNextDialog(copies)
  await app.sendMenuCommand('bring-back-coders')

  const report = app.page.getByRole('dialog', { name: 'Coders’ work brought back' })
  await expect(report).toBeVisible()
  await expect(await count(report, 'Amélie', 'Passages added')).toHaveText('2')
  await expect(await count(report, 'Karim', 'Passages added')).toHaveText('2')
  await expect(await count(report, 'Karim', 'Articles matched')).toHaveText('2')
  await expect(await count(report, 'Karim', 'Articles not in this session')).toHaveText('0')
  await expect(await count(report, 'Karim', 'Passages removed')).toHaveText('0')
  await app.page.screenshot({ path: testInfo.outputPath('bring-back-report.png') })
  await app.page.keyboard.press('Escape')
  await expect(report).toBeHidden()

  // The coders' passages show in the article, beside the analyst's (list and highlights).
  await expect(s.passages).toHaveCount(5)
  for (const quote of ['deuxième semaine', 'dans le Nord', 'hausse des salaires'])
    await expect(s.passages.filter({ hasText: quote })).toHaveCount(1)
  expect((await s.marksAt('hausse des salaires')).some((m) => m.startsWith('gloss-bg'))).toBe(true)
  await s.waitSaved()
  await expect
    .poll(async () => (await readIndex(folder)).coders?.map((c) => [c.name, c.opened]))
    .toEqual([
      ['Amélie', ['refinery']],
      ['Karim', ['refinery', 'rail']],
    ])

  // One undo takes both coders back out.
  await app.page.keyboard.press('Control+z')
  await expect(s.passages).toHaveCount(2)
  await s.waitSaved()
  await expect.poll(async () => (await readIndex(folder)).coders).toBeUndefined()

  // A coder copy of another session: refused, named, and nothing changes.
  const other = coderCopyOf(coderSession(['refinery', 'rail'], 'session-other'), { coder: 'Léa' })
  const wrong = await writeCoderCopy(join(app.dataDir, 'lea.gloss.zip'), other)
  const before = await readIndex(folder)
  await app.answerNextDialog([wrong])
  await app.sendMenuCommand('bring-back-coders')
  const refused = app.page.getByRole('dialog', { name: 'Nothing was brought back' })
  await expect(refused).toBeVisible()
  await expect(refused).toContainText(
    'lea.gloss.zip — it is a coder copy of another session (session-other), not of this one',
  )
  await app.page.screenshot({ path: testInfo.outputPath('bring-back-refused.png') })
  await refused.getByRole('button', { name: 'Close' }).click()
  await expect(refused).toBeHidden()
  await expect(s.passages).toHaveCount(2)
  expect(await readIndex(folder)).toEqual(before)
})
