// Coders, through the real handlers: the analyst sets a coder name in
// Settings and their passages are attributed to it; File › Make Coder
// Copies… writes one file per coder into a folder (names checked in the
// dialog, the report says which files); a coder opens their copy, sees
// whose it is in the header, and what they tag is theirs.
import { existsSync } from 'node:fs'
import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { test, expect } from './fixtures'
import { readArticles, readIndex, sessionFolders, waitClosed } from './pages/data-folder'
import { SessionPage } from './pages/session-page'

const TITLE = 'OpenAI, vue de l’intérieur (exemple)'

test('a coder name in Settings, coder copies for two coders, and one copy coded by its coder', async ({
  app,
}, testInfo) => {
  const { page } = app
  const s = new SessionPage(page)

  // Settings on the start screen: the system user until a name is set.
  await page.getByRole('button', { name: 'Settings' }).click()
  const settings = page.getByRole('dialog', { name: 'Settings' })
  const name = settings.getByRole('textbox', { name: 'Coder name' })
  await expect(name).toHaveAttribute('placeholder', 'e2e-analyst (your user name on this computer)')
  await name.fill('consensus')
  await expect(settings.getByRole('alert')).toHaveText(
    '“consensus” is kept for the coders’ agreed passages: choose another name.',
  )
  await name.fill('  Amélie Durand ')
  await name.press('Enter')
  await expect(settings.getByRole('status')).toHaveText(
    'New passages are attributed to Amélie Durand.',
  )
  await settings.getByRole('button', { name: 'Close' }).click()

  // Her passage is hers.
  await s.openSample()
  await s.tag('Croissance rapide', 'Growth')
  await s.waitSaved()
  const [origin] = await sessionFolders(app.dataDir)
  expect((await readArticles(origin!))[0]!.passages.map((p) => p.author)).toEqual(['Amélie Durand'])

  // File › Make Coder Copies…: the names are checked as they are typed.
  await app.sendMenuCommand('coder-copies')
  const dialog = page.getByRole('dialog', { name: 'Make coder copies' })
  const coders = dialog.getByRole('textbox', { name: 'Coders, one per line' })
  await coders.fill('Karim\nconsensus\nkarim')
  const list = dialog.getByRole('list', { name: 'Copies to make' })
  await expect(list.getByRole('listitem')).toHaveText([
    'Karim',
    'consensus — “consensus” is kept for the coders’ agreed passages',
    'karim — listed twice',
  ])
  await dialog.getByRole('button', { name: 'Choose a folder and make 3 copies' }).click()
  await expect(dialog.getByRole('alert')).toHaveText('Correct the names marked first.')
  await page.screenshot({ path: testInfo.outputPath('coder-copies-dialog.png') })
  await coders.fill('Karim\nLouise Martin')
  await dialog.getByRole('checkbox', { name: 'Include my passages (Amélie Durand)' }).check()
  const out = join(app.dataDir, 'pour les codeurs')
  await mkdir(out)
  await app.answerNextDialog(out)
  await dialog.getByRole('button', { name: 'Choose a folder and make 2 copies' }).click()

  const report = page.getByRole('dialog', { name: 'Coder copies made' })
  const karimFile = `${TITLE} — Karim.gloss.zip`
  await expect(report.getByRole('listitem')).toHaveText([
    `${karimFile} — for Karim, with 1 passage of yours`,
    `${TITLE} — Louise Martin.gloss.zip — for Louise Martin, with 1 passage of yours`,
  ])
  await expect(report).toContainText(`In ${out}:`)
  await page.screenshot({ path: testInfo.outputPath('coder-copies-report.png') })
  await report.getByRole('button', { name: 'Close' }).click()
  // Files on disk, whole zips.
  const karimCopy = join(out, karimFile)
  expect((await readFile(karimCopy)).subarray(0, 4)).toEqual(Buffer.from('PK\x03\x04', 'latin1'))
  expect(existsSync(join(out, `${TITLE} — Louise Martin.gloss.zip`))).toBe(true)

  // Karim opens his copy.
  await page.getByRole('button', { name: '← Sessions' }).click()
  await waitClosed(origin!)
  await app.answerNextDialog(karimCopy)
  await page.getByRole('button', { name: 'Open session…' }).click()
  await expect(s.article).toBeVisible()
  const badge = page.getByTestId('coder-copy-badge')
  await expect(badge).toHaveText('Coder copy · Karim')
  await expect(badge).toHaveAttribute(
    'title',
    new RegExp(`made from the session “${TITLE.replace(/[()]/g, '\\$&')}”`),
  )
  // Amélie's passage came along, still hers; what Karim tags is his.
  await expect(s.passages).toHaveCount(1)
  await s.tag('Chaos', 'Culture')
  await s.waitSaved()
  const copyDir = (await sessionFolders(app.dataDir)).find((d) => d !== origin)!
  const authors = (await readArticles(copyDir))[0]!.passages.map((p) => [p.quote, p.author])
  expect(authors).toEqual([
    ['Croissance rapide', 'Amélie Durand'],
    ['Chaos', 'Karim'],
  ])
  const originId = (await readIndex(origin!)).id
  expect((await readIndex(copyDir)).coderCopy).toMatchObject({
    sessionId: originId,
    coder: 'Karim',
    title: TITLE,
  })
  await page.screenshot({ path: testInfo.outputPath('coder-copy-opened.png') })

  // In the copy, Settings says whose passages these are; copies of a copy are refused.
  await app.sendMenuCommand('settings')
  const inCopy = page.getByRole('dialog', { name: 'Settings' })
  await expect(inCopy).toContainText('This session is a coder copy for Karim')
  await page.screenshot({ path: testInfo.outputPath('settings-in-copy.png') })
  await page.keyboard.press('Escape')
  await expect(inCopy).toHaveCount(0)
  await app.sendMenuCommand('coder-copies')
  await expect(page.getByRole('alert')).toContainText('This session is a coder copy (for Karim)')
  await expect(page.getByRole('dialog')).toHaveCount(0)

  // What Karim opened is recorded, under his name, when the copy closes.
  await page.getByRole('button', { name: '← Sessions' }).click()
  await waitClosed(copyDir)
  const index = await readIndex(copyDir)
  expect(index.coders).toEqual([{ name: 'Karim', opened: [index.articles[0]!.id] }])
})
