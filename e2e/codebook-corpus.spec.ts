// The codebook of a real study: 40 themes in 6 groups over a session of four
// articles. The panel scrolls and folds its groups and adds themes past the
// ninth without a key; the theme picker tags with any theme by typing part
// of its name; key 7 goes to the 23rd theme by hand and tags with it; a
// merge and a deletion change every article of the session (read back from
// the folder on disk, and in the other articles opened from the articles
// panel), and one undo, made in another article, restores all three exactly.
import type { Page } from '@playwright/test'
import { join } from 'node:path'
import { readArticles, readIndex } from '../test-support/session-folder'
import { writeStudy } from '../test-support/study-session'
import { test, expect, type GlossApp } from './fixtures'
import { ArticlesPage } from './pages/articles-page'
import { StudyCodebook, ThemePickerPage } from './pages/codebook-page'
import { SessionPage } from './pages/session-page'

// Long journeys over four articles, on a small shared machine.
test.describe.configure({ timeout: 90_000 })

/** Opens the study with "Open session…"; its folder. */
async function openStudy(app: GlossApp) {
  const study = await writeStudy(app.dataDir)
  await app.answerNextDialog(study.indexPath)
  await app.page.getByRole('button', { name: 'Open session…' }).click()
  const s = new SessionPage(app.page)
  await s.article.waitFor()
  return { s, folder: study.dir, cb: new StudyCodebook(app.page), page: app.page }
}

/** Every article's passages on disk, by article id: [quote, themes]. */
async function onDisk(folder: string) {
  return Object.fromEntries(
    (await readArticles(folder)).map((a) => [a.id, a.passages.map((p) => [p.quote, p.themeIds])]),
  )
}

/** Every article file's passages, exactly as written. */
async function passagesOnDisk(folder: string) {
  return Object.fromEntries((await readArticles(folder)).map((a) => [a.id, a.passages]))
}

/** The theme chips of the sidebar item whose quote contains `text`. */
const chips = (s: SessionPage, text: string) => s.passage(text).locator('.chip')

/** Opens another article of the session from the articles panel. */
async function showArticle(page: Page, title: string) {
  const articles = new ArticlesPage(page)
  await articles.showPanel()
  await articles.row(title).click()
  await expect(articles.shownTitle).toHaveText(title)
}

test('40 themes in 6 groups: the panel scrolls, folds groups, and adds a 41st theme without a key', async ({
  app,
}, testInfo) => {
  const { cb } = await openStudy(app)
  await cb.open()
  // Every theme, under its group, in codebook order; keys 1–9 on the first nine.
  const order = await cb.order()
  expect(order).toHaveLength(40)
  expect(order.slice(0, 10)).toEqual([
    '1 Context',
    '2 Quote',
    '3 Numbers',
    '4 Other',
    '5 Wages',
    '6 Pay',
    '7 Hours',
    '8 Unions',
    '9 Strikes',
    ' Contracts',
  ])
  for (const g of ['Labour', 'Economy', 'Politics', 'Media', 'Society', 'Environment'])
    await expect(cb.group(g)).toHaveAttribute('aria-expanded', 'true')
  await expect(cb.groupThemes('Media')).toHaveCount(6)
  // Usage counts every article of the session, not only the open one.
  await expect(cb.row('Pay')).toContainText('3 passages in 3 articles')
  await expect(cb.row('Farming')).toContainText('1 passage in 1 article')
  // The list scrolls inside the panel, and the add form stays in view.
  const { scrollHeight, clientHeight } = await cb.scroller.evaluate((el) => ({
    scrollHeight: el.scrollHeight,
    clientHeight: el.clientHeight,
  }))
  expect(scrollHeight).toBeGreaterThan(clientHeight)
  await expect(cb.add.getByRole('button', { name: 'Add theme' })).toBeInViewport()
  await cb.page.screenshot({ path: testInfo.outputPath('codebook-groups.png') })

  // Fold a group: its themes are hidden, its heading stays.
  await cb.group('Economy').click()
  await expect(cb.group('Economy')).toHaveAttribute('aria-expanded', 'false')
  await expect(cb.groupThemes('Economy')).toHaveCount(0)
  expect(await cb.order()).toHaveLength(34)
  await cb.group('Economy').click()
  await expect(cb.groupThemes('Economy')).toHaveCount(6)

  // A 41st theme, in a group: no key, no "full" codebook.
  await cb.add.getByRole('textbox', { name: 'Name' }).fill('Automation')
  await cb.add.getByRole('combobox', { name: 'Group' }).selectOption({ label: 'Labour' })
  await cb.add.getByRole('button', { name: 'Add theme' }).click()
  await expect(cb.status).toHaveText('Added Automation. Undo with Ctrl+Z.')
  await expect(cb.groupThemes('Labour')).toHaveCount(7)
  await expect(cb.groupThemes('Labour').last()).toContainText('Automation')
  await expect(cb.add.getByRole('button', { name: 'Add theme' })).toBeEnabled()

  // A new group, renamed, and a theme moved into it; one undo each.
  await cb.dialog.getByRole('textbox', { name: 'Group name' }).fill('Technology')
  await cb.dialog.getByRole('button', { name: 'Add group' }).click()
  await expect(cb.status).toHaveText('Added the group Technology. Undo with Ctrl+Z.')
  const form = await cb.edit('Automation')
  await form.getByRole('combobox', { name: 'Group' }).selectOption({ label: 'Technology' })
  await form.getByRole('button', { name: 'Save' }).click()
  await expect(cb.status).toHaveText('Moved Automation to the group Technology. Undo with Ctrl+Z.')
  await expect(cb.groupThemes('Technology')).toHaveText([/Automation/])
  await cb.undo()
  await expect(cb.groupThemes('Labour')).toHaveCount(7)
  await expect(cb.dialog.getByText('No theme yet')).toBeVisible()

  // Deleting a group keeps its themes, with no group, after the other themes of no group.
  await cb.dialog.getByRole('button', { name: 'Delete the group Environment' }).click()
  await expect(
    cb.dialog.getByRole('group', { name: 'Delete the group Environment' }),
  ).toContainText('Its 6 themes stay in the codebook')
  await cb.dialog.getByRole('button', { name: 'Delete group' }).click()
  await expect(cb.group('Environment')).toHaveCount(0)
  expect((await cb.order()).slice(0, 10).map((k) => k.replace(/^\d? /, ''))).toEqual([
    'Context',
    'Quote',
    'Numbers',
    'Other',
    'Climate',
    'Energy',
    'Pollution',
    'Water',
    'Transport',
    'Farming',
  ])
  await cb.undo()
  await expect(cb.groupThemes('Environment')).toHaveCount(6)
  await cb.close()

  const index = await readIndex(join(app.dataDir, 'study.gloss'))
  expect(index.codebook).toHaveLength(41)
  expect(index.themeGroups.map((g) => g.name)).toEqual([
    'Labour',
    'Economy',
    'Politics',
    'Media',
    'Society',
    'Environment',
    'Technology',
  ])
})

test('tags with the theme picker, gives key 7 to the 23rd theme and tags with 7', async ({
  app,
}, testInfo) => {
  const { s, cb, page, folder } = await openStudy(app)
  const picker = new ThemePickerPage(page)

  // The toolbar shows the nine keyed themes and "More themes…".
  await s.selectWithMouse('Dockers walked out')
  await expect(s.toolbar.getByRole('button')).toHaveCount(10)
  await expect(s.toolbar.getByRole('button').last()).toHaveText(/More themes…\s*T/)
  await s.toolbar.getByRole('button', { name: /More themes/ }).click()
  await expect(picker.dialog).toBeVisible()
  await expect(picker.input).toBeFocused()
  // Nothing typed: every theme, under its group.
  await expect(picker.options).toHaveCount(40)
  await expect(
    picker.dialog.getByRole('group', { name: 'Society' }).getByRole('option'),
  ).toHaveCount(6)
  await page.screenshot({ path: testInfo.outputPath('theme-picker-groups.png') })
  // Accents and case do not matter.
  await picker.input.fill('SECURITE')
  await expect(picker.options).toHaveText([/Sécurité de l’emploi\s*Society/])
  await page.screenshot({ path: testInfo.outputPath('theme-picker.png') })
  await page.keyboard.press('Enter')
  await expect(picker.dialog).toBeHidden()
  await expect(chips(s, 'Dockers walked out')).toHaveText(['Sécurité de l’emploi'])

  // From the keyboard: T opens the picker; ↑/↓ move; Enter applies; Esc closes.
  await s.selectWithMouse('on Monday')
  await page.keyboard.press('t')
  await expect(picker.input).toBeFocused()
  await picker.input.fill('e')
  await expect(picker.active()).toHaveText(/^Elections/)
  await page.keyboard.press('Escape')
  await expect(picker.dialog).toBeHidden()
  await s.selectWithMouse('on Monday')
  await page.keyboard.press('t')
  await picker.input.fill('in')
  await expect(picker.options).toHaveText([/^Interviews/, /^Housing/, /^Farming/])
  await expect(picker.active()).toHaveText(/^Interviews/)
  await page.keyboard.press('ArrowDown')
  await expect(picker.active()).toHaveText(/^Housing/)
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('ArrowUp')
  await expect(picker.active()).toHaveText(/^Farming/)
  await page.keyboard.press('ArrowDown')
  await expect(picker.active()).toHaveText(/^Interviews/)
  await page.keyboard.press('Enter')
  await expect(chips(s, 'on Monday')).toHaveText(['Interviews'])

  // Key 7 goes to the 23rd theme (Sources), taken from Hours.
  await cb.open()
  expect((await cb.order())[22]).toBe(' Sources')
  const form = await cb.edit('Sources')
  await form.getByRole('combobox', { name: 'Key' }).selectOption('7')
  await form.getByRole('button', { name: 'Save' }).click()
  await expect(cb.status).toHaveText('Sources now has key 7, taken from Hours. Undo with Ctrl+Z.')
  await expect(cb.dialog).toContainText('Keys stay with the themes they were given to.')
  const order = await cb.order()
  expect(order[6]).toBe(' Hours')
  expect(order[22]).toBe('7 Sources')
  await cb.close()

  await s.selectWithMouse('The port authority declined')
  await expect(s.toolbar.getByRole('button', { name: 'Tag as Sources' })).toHaveAttribute(
    'aria-keyshortcuts',
    '7',
  )
  await expect(s.toolbar.getByRole('button', { name: 'Tag as Hours' })).toHaveCount(0)
  await page.keyboard.press('7')
  await expect(chips(s, 'The port authority declined')).toHaveText(['Sources'])

  // The passage's details: the picker toggles its themes.
  await s.details.getByRole('button', { name: 'Add or remove themes…' }).click()
  const passagePicker = page.getByRole('dialog', { name: 'Themes of this passage' })
  await expect(
    passagePicker.getByRole('option', { name: /Sources \(on this passage\)/ }),
  ).toBeVisible()
  await picker.input.fill('leak')
  await page.keyboard.press('Enter')
  await expect(chips(s, 'The port authority declined')).toHaveText(['Sources', 'Leaks'])
  await page.keyboard.press('t')
  await picker.input.fill('sources')
  await page.keyboard.press('Enter')
  await expect(chips(s, 'The port authority declined')).toHaveText(['Leaks'])

  await s.waitSaved()
  const index = await readIndex(folder)
  expect(index.codebook.find((t) => t.name === 'Sources')!.key).toBe('7')
  expect(index.codebook.find((t) => t.name === 'Hours')).not.toHaveProperty('key')
  const port = (await onDisk(folder)).port as [string, string[]][]
  expect(port).toEqual(
    expect.arrayContaining([
      ['Dockers walked out', ['securite-de-l-emploi']],
      ['on Monday', ['interviews']],
      ['The port authority declined', ['leaks']],
    ]),
  )
})

test('merges Pay, used in 3 articles, into Wages everywhere; one undo restores all 3 exactly', async ({
  app,
}) => {
  const { s, cb, page, folder } = await openStudy(app)
  const before = await passagesOnDisk(folder)
  await cb.open()
  await cb.dialog.getByRole('button', { name: 'Merge Pay into another theme' }).click()
  const form = cb.dialog.getByRole('form', { name: 'Merge Pay into another theme' })
  await form.getByRole('combobox', { name: 'Merge Pay into' }).selectOption({ label: 'Wages' })
  await expect(form).toContainText('The 3 passages tagged Pay will be tagged Wages instead')
  await expect(form).toContainText('Pay is on 3 passages in 3 articles.')
  await form.getByRole('button', { name: 'Merge' }).click()
  await expect(cb.status).toHaveText('Merged Pay into Wages. Undo with Ctrl+Z.')
  await expect(cb.row('Wages')).toContainText('4 passages in 3 articles')
  await expect(cb.row('Pay')).toHaveCount(0)
  await cb.close()
  await expect(chips(s, 'a pay rise')).toHaveText(['Wages'])
  await s.waitSaved()

  const merged = await onDisk(folder)
  expect(merged.port).toContainEqual(['a pay rise', ['wages']])
  expect(merged.council).toContainEqual(['the dockers’ pay claim', ['wages', 'government']])
  expect(merged.editorial).toContainEqual(['Fair pay is not a luxury', ['wages']])
  expect(JSON.stringify(merged)).not.toContain('"pay"')
  expect((await readIndex(folder)).codebook.map((t) => t.id)).not.toContain('pay')

  // In another article of the session, Pay is gone too.
  await showArticle(page, 'Council debates the dockers’ pay')
  await expect(chips(s, 'the dockers’ pay claim')).toHaveText(['Wages', 'Government'])

  // One undo, from there, puts back every article as it was, to the time stamps.
  await page.keyboard.press('Control+z')
  await expect(chips(s, 'the dockers’ pay claim')).toHaveText(['Pay', 'Government'])
  await s.waitSaved()
  expect(await passagesOnDisk(folder)).toEqual(before)
  expect((await readIndex(folder)).codebook.map((t) => t.id)).toContain('pay')

  // Redo, and a third article follows.
  await page.keyboard.press('Control+Shift+z')
  await expect(chips(s, 'the dockers’ pay claim')).toHaveText(['Wages', 'Government'])
  await showArticle(page, 'Editorial: what the strike costs')
  await expect(chips(s, 'Fair pay is not a luxury')).toHaveText(['Wages'])
  await s.waitSaved()
  expect(await onDisk(folder)).toEqual(merged)
})

test('deletes Rumours from 3 articles; a passage left with no theme stays; undo restores all 3', async ({
  app,
}) => {
  const { s, cb, page, folder } = await openStudy(app)
  const before = await passagesOnDisk(folder)
  await cb.open()
  await cb.dialog.getByRole('button', { name: 'Delete Rumours' }).click()
  const confirm = cb.dialog.getByRole('group', { name: 'Delete Rumours?' })
  await expect(confirm).toContainText('It is removed from 3 passages')
  await expect(confirm).toContainText('Rumours is on 3 passages in 3 articles.')
  await expect(confirm).toContainText('1 passage will have no theme left')
  await confirm.getByRole('button', { name: 'Delete theme' }).click()
  await expect(cb.status).toHaveText('Deleted Rumours. Undo with Ctrl+Z.')
  await cb.close()
  await expect(chips(s, 'Rumours of a settlement')).toHaveText(['Unions'])
  await s.waitSaved()

  const deleted = await onDisk(folder)
  expect(deleted.port).toContainEqual(['Rumours of a settlement', ['unions']])
  expect(deleted.council).toContainEqual(['repeated rumours that the port would be sold', []])
  expect(deleted.editorial).toContainEqual(['Rumours help nobody', ['editorials']])
  expect(JSON.stringify(deleted)).not.toContain('"rumours"')

  await showArticle(page, 'Council debates the dockers’ pay')
  await expect(chips(s, 'repeated rumours')).toHaveText(['Untagged'])

  await page.keyboard.press('Control+z')
  await expect(chips(s, 'repeated rumours')).toHaveText(['Rumours'])
  await s.waitSaved()
  expect(await passagesOnDisk(folder)).toEqual(before)

  await page.keyboard.press('Control+Shift+z')
  await expect(chips(s, 'repeated rumours')).toHaveText(['Untagged'])
  await s.waitSaved()
  expect(await onDisk(folder)).toEqual(deleted)
})
