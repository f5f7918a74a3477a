// The codebook panel, as an analyst uses it: add a theme and tag with its
// key, rename, recolour, reorder (buttons and Alt+arrows), merge, delete,
// undo each change with Ctrl+Z, reopen after a restart, and carry the
// codebook to a fresh session through its CSV.
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import type { Locator, Page } from '@playwright/test'
import { readIndex, sessionFolder } from '../test-support/session-folder'
import { writeSessionFolder } from '../test-support/write-session-folder'
import { test, expect, type GlossApp } from './fixtures'
import { newestSession } from './pages/data-folder'
import { SessionPage } from './pages/session-page'

const A = 'un ingénieur du nom de Calvin French-Owen'
const B = 'Croissance rapide'
const C = 'Chaos'

interface SavedTheme {
  id: string
  name: string
  colour: string
  key: string
  description?: string
}

/** The newest session as saved on disk (its first article). */
async function readSession(dataDir: string) {
  return (await newestSession(dataDir)) as unknown as {
    codebook: SavedTheme[]
    passages: { quote: string; themeIds: string[] }[]
  }
}

/** The codebook panel and what an analyst does in it. */
class CodebookPanel {
  readonly dialog: Locator
  readonly themes: Locator
  readonly status: Locator
  readonly add: Locator

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Codebook' })
    this.themes = this.dialog.getByRole('list', { name: 'Themes' }).getByRole('listitem')
    this.status = this.dialog.getByRole('status')
    this.add = this.dialog.getByRole('region', { name: 'Add a theme' })
  }

  async open() {
    await this.page.getByRole('button', { name: 'Codebook', exact: true }).click()
    await expect(this.dialog).toBeVisible()
  }

  async close() {
    await this.dialog.getByRole('button', { name: 'Close', exact: true }).click()
    await expect(this.dialog).toBeHidden()
  }

  /** "key name" of every theme, in order, as the list shows them. */
  async order(): Promise<string[]> {
    return this.themes.evaluateAll((items) =>
      items.map(
        (li) =>
          `${li.querySelector('kbd')!.textContent} ${li.querySelector('.codebook-name')!.textContent}`,
      ),
    )
  }

  async addTheme(name: string, colour: string, key: string, description = '') {
    await this.add.getByRole('textbox', { name: 'Name' }).fill(name)
    await this.add.getByLabel('Colour').fill(colour)
    if (description)
      await this.add.getByRole('textbox', { name: 'Description (optional)' }).fill(description)
    await this.add.getByRole('combobox', { name: 'Key' }).selectOption(key)
    await this.add.getByRole('button', { name: 'Add theme' }).click()
  }

  async edit(theme: string, change: { name?: string; colour?: string; description?: string }) {
    await this.dialog.getByRole('button', { name: `Edit ${theme}` }).click()
    const form = this.dialog.getByRole('form', { name: `Edit ${theme}` })
    await expect(form.getByRole('textbox', { name: 'Name' })).toBeFocused()
    if (change.name !== undefined)
      await form.getByRole('textbox', { name: 'Name' }).fill(change.name)
    if (change.colour !== undefined) await form.getByLabel('Colour').fill(change.colour)
    if (change.description !== undefined)
      await form.getByRole('textbox', { name: 'Description' }).fill(change.description)
    await form.getByRole('button', { name: 'Save' }).click()
    await expect(form).toBeHidden()
  }

  /** Ctrl+Z with the focus on a button of the panel. */
  async undo() {
    await this.dialog.getByRole('button', { name: 'Close', exact: true }).focus()
    await this.page.keyboard.press('Control+z')
  }
}

/** The CSS the highlight painter uses for codebook slot `slot` (its background tint). */
async function highlightRule(page: Page, slot: number): Promise<string> {
  return page.evaluate((name) => {
    for (const sheet of document.adoptedStyleSheets)
      for (const rule of sheet.cssRules) if (rule.cssText.includes(name)) return rule.cssText
    return ''
  }, `::highlight(gloss-bg-${slot})`)
}

/** The sample article open, with the session page and the codebook panel. */
async function openSampleWithCodebook(app: GlossApp) {
  const s = new SessionPage(app.page)
  await s.openSample()
  return { page: app.page, s, cb: new CodebookPanel(app.page) }
}

/** The theme chips of the sidebar item whose quote contains `text`. */
const chips = (s: SessionPage, text: string) => s.passage(text).locator('.chip')

test('adds a theme with a colour and key 5, tags with key 5, and undoes the add', async ({
  app,
}) => {
  const { page, s, cb } = await openSampleWithCodebook(app)
  await cb.open()
  // The panel takes the focus, names itself and lists the four default themes with their keys.
  await expect(cb.dialog).toHaveAttribute('aria-describedby', 'codebook-help')
  await expect(cb.dialog).toContainText('Keys 1–9 follow the order of the list')
  expect(await cb.order()).toEqual(['1 Growth', '2 Culture', '3 Secrecy', '4 Safety'])
  await expect(cb.themes.nth(0)).toContainText('Hiring, headcount and scale')

  await cb.addTheme('Leadership', '#8a2be2', '5', 'Who leads, and how.')
  await expect(cb.status).toHaveText('Added Leadership (key 5). Undo with Ctrl+Z.')
  expect(await cb.order()).toEqual([
    '1 Growth',
    '2 Culture',
    '3 Secrecy',
    '4 Safety',
    '5 Leadership',
  ])
  await expect(cb.themes.nth(4)).toContainText('Who leads, and how.')
  // The form is ready for another theme.
  await expect(cb.add.getByRole('textbox', { name: 'Name' })).toHaveValue('')
  await cb.close()
  await expect(page.getByRole('button', { name: 'Codebook', exact: true })).toBeFocused()

  // The new colour is painted, and key 5 tags.
  expect(await highlightRule(page, 4)).toContain('rgba(138, 43, 226, 0.22)')
  await s.selectWithMouse(A)
  await expect(s.toolbar.getByRole('button', { name: 'Tag as Leadership' })).toHaveAttribute(
    'aria-keyshortcuts',
    '5',
  )
  await page.keyboard.press('5')
  await expect(chips(s, 'Calvin French-Owen')).toHaveText(['Leadership'])
  await s.waitSaved()
  const saved = await readSession(app.dataDir)
  expect(saved.codebook[4]).toMatchObject({
    name: 'Leadership',
    colour: '#8a2be2',
    key: '5',
    description: 'Who leads, and how.',
  })
  expect(saved.codebook[4]!.id).toMatch(/^leadership-[0-9a-z]{6}$/)
  expect(saved.passages[0]!.themeIds).toEqual([saved.codebook[4]!.id])

  // Undo the tag, then the add.
  await page.keyboard.press('Escape')
  await page.keyboard.press('Control+z')
  await expect(s.passages).toHaveCount(0)
  await cb.open()
  await cb.undo()
  expect(await cb.order()).toEqual(['1 Growth', '2 Culture', '3 Secrecy', '4 Safety'])
  await s.waitSaved()
  expect((await readSession(app.dataDir)).codebook).toHaveLength(4)
})

test('renames Secrecy: toolbar, sidebar, summary and the CSV export follow; ids stay', async ({
  app,
}) => {
  const { page, s, cb } = await openSampleWithCodebook(app)
  await s.tag(A, 'Secrecy')
  await page.keyboard.press('Escape')

  await cb.open()
  // A name another theme has is refused, with the reason next to the field.
  await cb.dialog.getByRole('button', { name: 'Edit Secrecy' }).click()
  const form = cb.dialog.getByRole('form', { name: 'Edit Secrecy' })
  await form.getByRole('textbox', { name: 'Name' }).fill('safety')
  await form.getByRole('button', { name: 'Save' }).click()
  await expect(form.getByRole('alert')).toHaveText('Another theme already has this name.')
  await expect(form.getByRole('textbox', { name: 'Name' })).toHaveAttribute('aria-invalid', 'true')
  await form.getByRole('button', { name: 'Cancel' }).click()

  await cb.edit('Secrecy', { name: 'Confidentiality' })
  await expect(cb.status).toHaveText('Renamed Secrecy to Confidentiality. Undo with Ctrl+Z.')
  await expect(cb.dialog.getByRole('button', { name: 'Edit Confidentiality' })).toBeFocused()
  await cb.close()

  await expect(chips(s, 'Calvin French-Owen')).toHaveText(['Confidentiality'])
  await expect(
    page
      .getByRole('group', { name: 'Filter by theme' })
      .getByRole('button', { name: 'Confidentiality' }),
  ).toBeVisible()
  await s.selectWithMouse(B)
  await expect(s.toolbar.getByRole('button', { name: 'Tag as Confidentiality' })).toBeVisible()
  await expect(s.toolbar.getByRole('button', { name: /Secrecy/ })).toHaveCount(0)
  await page.keyboard.press('Escape')

  await page.getByRole('button', { name: 'Summary' }).click()
  await expect(
    page
      .getByRole('table', { name: 'Numbers' })
      .getByRole('rowheader', { name: 'Confidentiality' }),
  ).toBeVisible()
  await page.getByRole('button', { name: 'Summary' }).click()

  const target = join(app.dataDir, 'export.csv')
  await app.answerNextDialog(target)
  await page.getByRole('button', { name: 'Export CSV…' }).click()
  await page.getByRole('button', { name: 'One row per passage', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Exported 1 passage' })).toBeVisible()
  const rows = parse<Record<string, string>>(await readFile(target, 'utf8'), {
    bom: true,
    columns: true,
  })
  expect(Object.keys(rows[0]!)).toContain('Confidentiality')
  expect(Object.keys(rows[0]!)).not.toContain('Secrecy')
  expect(rows[0]!.themes).toBe('Confidentiality')
  expect(rows[0]!.Confidentiality).toBe('1')

  const saved = await readSession(app.dataDir)
  expect(saved.codebook.map((t) => t.id)).toEqual(['growth', 'culture', 'secrecy', 'safety'])
  expect(saved.passages[0]!.themeIds).toEqual(['secrecy'])

  // Ctrl+Z outside the panel undoes the rename too.
  await page.keyboard.press('Control+z')
  await expect(chips(s, 'Calvin French-Owen')).toHaveText(['Secrecy'])
})

test('recolours a theme: the highlights follow, and Ctrl+Z in the panel undoes it', async ({
  app,
}) => {
  const { page, s, cb } = await openSampleWithCodebook(app)
  await s.tag(B, 'Growth')
  await page.keyboard.press('Escape')
  expect(await highlightRule(page, 0)).toContain('rgba(0, 158, 115, 0.22)')
  expect(await s.themesAt(B)).toEqual(['growth'])

  await cb.open()
  await cb.edit('Growth', { colour: '#d55e00', description: 'Scale and speed.' })
  await expect(cb.status).toHaveText('Saved Growth. Undo with Ctrl+Z.')
  await expect(cb.themes.nth(0)).toContainText('Scale and speed.')
  expect(await highlightRule(page, 0)).toContain('rgba(213, 94, 0, 0.22)')
  // The name stays next to the colour everywhere.
  await cb.close()
  await expect(chips(s, B)).toHaveText(['Growth'])
  expect(await s.themesAt(B)).toEqual(['growth'])

  await cb.open()
  await cb.undo()
  await expect(cb.themes.nth(0)).toContainText('Hiring, headcount and scale')
  expect(await highlightRule(page, 0)).toContain('rgba(0, 158, 115, 0.22)')
  await page.keyboard.press('Control+Shift+z')
  expect(await highlightRule(page, 0)).toContain('rgba(213, 94, 0, 0.22)')
  await s.waitSaved()
  expect((await readSession(app.dataDir)).codebook[0]!.colour).toBe('#d55e00')
})

test('reorders with buttons and Alt+arrows: keys follow, tagging keys follow', async ({ app }) => {
  const { page, s, cb } = await openSampleWithCodebook(app)
  await cb.open()

  await cb.dialog.getByRole('button', { name: 'Move Safety up' }).click()
  expect(await cb.order()).toEqual(['1 Growth', '2 Culture', '3 Safety', '4 Secrecy'])
  await expect(cb.status).toHaveText('Safety now has key 3. Undo with Ctrl+Z.')
  await expect(cb.dialog.getByRole('button', { name: 'Move Safety up' })).toBeFocused()

  // The keyboard: Alt+↓ moves the theme whose control has the focus, which keeps it.
  await cb.dialog.getByRole('button', { name: 'Edit Growth' }).focus()
  await page.keyboard.press('Alt+ArrowDown')
  await page.keyboard.press('Alt+ArrowDown')
  expect(await cb.order()).toEqual(['1 Culture', '2 Safety', '3 Growth', '4 Secrecy'])
  await expect(cb.dialog.getByRole('button', { name: 'Edit Growth' })).toBeFocused()
  // At the top, Move up is disabled.
  await expect(cb.dialog.getByRole('button', { name: 'Move Culture up' })).toBeDisabled()

  // One Ctrl+Z undoes one move.
  await page.keyboard.press('Control+z')
  expect(await cb.order()).toEqual(['1 Culture', '2 Growth', '3 Safety', '4 Secrecy'])
  await cb.close()

  // The toolbar follows the new order, and key 3 now tags Safety.
  await s.selectWithMouse(C)
  await expect(s.toolbar.getByRole('button')).toHaveText([
    /Culture\s*1/,
    /Growth\s*2/,
    /Safety\s*3/,
    /Secrecy\s*4/,
  ])
  await page.keyboard.press('3')
  await expect(chips(s, C)).toHaveText(['Safety'])
  await s.waitSaved()
  const saved = await readSession(app.dataDir)
  expect(saved.codebook.map((t) => `${t.key}:${t.id}`)).toEqual([
    '1:culture',
    '2:growth',
    '3:safety',
    '4:secrecy',
  ])
})

test('merges Culture into Growth: Culture is replaced, other themes stay, no repeats', async ({
  app,
}) => {
  const { page, s, cb } = await openSampleWithCodebook(app)
  await s.tagWith(A, 'Culture', 'Secrecy')
  await s.tagWith(B, 'Culture', 'Growth')
  await s.tag(C, 'Growth') // C: Growth
  await page.keyboard.press('Escape')
  await expect(chips(s, A)).toHaveText(['Culture', 'Secrecy'])
  await expect(chips(s, B)).toHaveText(['Growth', 'Culture'])

  await cb.open()
  await expect(cb.themes.nth(1)).toContainText('2 passages')
  await cb.dialog.getByRole('button', { name: 'Merge Culture into another theme' }).click()
  const form = cb.dialog.getByRole('form', { name: 'Merge Culture into another theme' })
  await form.getByRole('combobox', { name: 'Merge Culture into' }).selectOption({ label: 'Growth' })
  await expect(form).toContainText('The 2 passages tagged Culture will be tagged Growth instead')
  await form.getByRole('button', { name: 'Merge' }).click()
  await expect(cb.status).toHaveText('Merged Culture into Growth. Undo with Ctrl+Z.')
  expect(await cb.order()).toEqual(['1 Growth', '2 Secrecy', '3 Safety'])
  await expect(cb.themes.nth(0)).toContainText('3 passages')
  await cb.close()

  await expect(s.passages).toHaveCount(3)
  await expect(chips(s, A)).toHaveText(['Growth', 'Secrecy'])
  await expect(chips(s, B)).toHaveText(['Growth'])
  await expect(chips(s, C)).toHaveText(['Growth'])
  await s.waitSaved()
  const saved = await readSession(app.dataDir)
  expect(saved.codebook.map((t) => t.id)).toEqual(['growth', 'secrecy', 'safety'])

  await page.keyboard.press('Control+z')
  await expect(chips(s, A)).toHaveText(['Culture', 'Secrecy'])
  await expect(chips(s, B)).toHaveText(['Growth', 'Culture'])
  await s.waitSaved()
  expect((await readSession(app.dataDir)).codebook.map((t) => t.id)).toEqual([
    'growth',
    'culture',
    'secrecy',
    'safety',
  ])
})

test('deletes a theme: a passage left with no theme stays, listed as Untagged; undo and redo', async ({
  app,
}) => {
  const { page, s, cb } = await openSampleWithCodebook(app)
  await s.tag(A, 'Safety') // A: Safety only
  await s.tagWith(B, 'Growth', 'Safety')
  await s.tag(C, 'Growth')
  await page.keyboard.press('Escape')
  // Filter the list by the theme about to be deleted.
  await page
    .getByRole('group', { name: 'Filter by theme' })
    .getByRole('button', { name: 'Safety' })
    .click()
  await expect(s.passages).toHaveCount(2)

  await cb.open()
  await cb.dialog.getByRole('button', { name: 'Delete Safety' }).click()
  const confirm = cb.dialog.getByRole('group', { name: 'Delete Safety?' })
  await expect(confirm).toContainText('It is removed from 2 passages')
  await expect(confirm).toContainText('1 passage will have no theme left')
  // Escape cancels the confirmation, not the panel.
  await page.keyboard.press('Escape')
  await expect(confirm).toBeHidden()
  await expect(cb.dialog).toBeVisible()
  await expect(cb.dialog.getByRole('button', { name: 'Delete Safety' })).toBeFocused()

  await cb.dialog.getByRole('button', { name: 'Delete Safety' }).click()
  await confirm.getByRole('button', { name: 'Delete theme' }).click()
  await expect(cb.status).toHaveText('Deleted Safety. Undo with Ctrl+Z.')
  expect(await cb.order()).toEqual(['1 Growth', '2 Culture', '3 Secrecy'])
  // The focus goes to the row that took its place.
  await expect(cb.dialog.getByRole('button', { name: 'Edit Secrecy' })).toBeFocused()

  await cb.undo()
  expect(await cb.order()).toEqual(['1 Growth', '2 Culture', '3 Secrecy', '4 Safety'])
  await page.keyboard.press('Control+Shift+z')
  expect(await cb.order()).toEqual(['1 Growth', '2 Culture', '3 Secrecy'])
  await cb.close()

  // The filter lets go of the deleted theme: every passage shows again.
  await expect(s.passages).toHaveCount(3)
  await expect(chips(s, A)).toHaveText(['Untagged'])
  await expect(chips(s, B)).toHaveText(['Growth'])
  await s.waitSaved()
  const saved = await readSession(app.dataDir)
  expect(saved.passages.map((p) => [p.quote, p.themeIds])).toEqual(
    expect.arrayContaining([
      [A, []],
      [B, ['growth']],
    ]),
  )
})

test('adds themes past the ninth without a key; a codebook is full only at 2,000 themes', async ({
  app,
}) => {
  // The panel lays out 2,000 rows at the end: slow on a small shared machine.
  test.setTimeout(90_000)
  const { page, cb } = await openSampleWithCodebook(app)
  await cb.open()
  for (const name of ['Five', 'Six', 'Seven', 'Eight', 'Nine', 'Ten']) {
    await cb.add.getByRole('textbox', { name: 'Name' }).fill(name)
    await cb.add.getByRole('textbox', { name: 'Name' }).press('Enter')
    await expect(cb.themes).toContainText([name])
  }
  await expect(cb.themes).toHaveCount(10)
  await expect(cb.status).toHaveText('Added Ten. Undo with Ctrl+Z.')
  expect((await cb.order()).slice(8)).toEqual(['9 Nine', ' Ten'])
  await expect(cb.add.getByRole('button', { name: 'Add theme' })).toBeEnabled()
  await expect(cb.add).not.toContainText('The codebook is full')
  await new SessionPage(page).waitSaved()
  const saved = (await readIndex(await sessionFolder(app.dataDir))).codebook
  expect(saved.map((t) => t.key ?? null)).toEqual([
    '1',
    '2',
    '3',
    '4',
    '5',
    '6',
    '7',
    '8',
    '9',
    null,
  ])
  // The new themes got colours of their own from the palette while it lasted.
  expect(new Set(saved.slice(0, 9).map((t) => t.colour.toLowerCase())).size).toBe(9)
  await cb.close()

  // A session of 2,000 themes is full, and says why.
  const full = await writeSessionFolder(join(app.dataDir, 'full.gloss'), {
    codebook: Array.from({ length: 2000 }, (_, i) => ({
      id: `t${i}`,
      name: `Theme ${i + 1}`,
      colour: '#0072b2',
      ...(i < 9 && { key: String(i + 1) }),
    })),
    articles: [{ title: 'Full', text: 'A codebook as long as it gets.' }],
  })
  await page.getByRole('button', { name: '← Sessions' }).click()
  await app.answerNextDialog(full.indexPath)
  await page.getByRole('button', { name: 'Open session…' }).click()
  await cb.open()
  const add = cb.add.getByRole('button', { name: 'Add theme' })
  await expect(add).toBeDisabled()
  await expect(add).toHaveAccessibleDescription(
    'The codebook is full: 2,000 themes. Merge or delete a theme to add another.',
  )
  await expect(cb.dialog.locator('.codebook-row')).toHaveCount(2000)
})

test('the codebook persists across a restart', async ({ app }) => {
  const s = new SessionPage(app.page)
  let cb = new CodebookPanel(app.page)
  await s.openSample()
  await cb.open()
  await cb.addTheme('Leadership', '#8a2be2', '1')
  await cb.edit('Secrecy', { name: 'Confidentiality', description: 'Leaks and NDAs.' })
  await cb.close()
  await s.waitSaved()

  const page = await app.restart()
  // Gloss reopens the last session, or shows it in the recent list (a setting).
  const recent = page.getByRole('button', { name: /OpenAI, vue de l’intérieur/ })
  const codebook = page.getByRole('button', { name: 'Codebook', exact: true })
  await expect(recent.or(codebook)).toBeVisible()
  if (await recent.isVisible()) await recent.click()
  cb = new CodebookPanel(page)
  await cb.open()
  expect(await cb.order()).toEqual([
    '1 Leadership',
    '2 Growth',
    '3 Culture',
    '4 Confidentiality',
    '5 Safety',
  ])
  await expect(cb.themes.nth(3)).toContainText('Leaks and NDAs.')
})

test('exports the codebook as CSV and imports it into a fresh session; undo the import', async ({
  app,
}) => {
  const { page, s, cb } = await openSampleWithCodebook(app)
  await cb.open()
  await cb.addTheme('Leadership', '#8a2be2', '1', 'Who leads, and how.')
  await cb.edit('Secrecy', { name: '=Confidentiality', colour: '#000000' })
  const file = join(app.dataDir, 'codebook.csv')
  await app.answerNextDialog(file)
  await cb.dialog.getByRole('button', { name: 'Export CSV…' }).click()
  await expect(cb.status).toHaveText(`Exported the codebook to ${file}`)
  const csv = await readFile(file, 'utf8')
  expect(csv.startsWith('\uFEFFname,description,colour,key\r\n')).toBe(true)
  expect(csv).toContain('\r\nLeadership,"Who leads, and how.",#8a2be2,1\r\n')
  expect(csv).toContain("\r\n'=Confidentiality,")
  await cb.close()

  // A fresh session on the sample article.
  await page.getByRole('button', { name: '← Sessions' }).click()
  await s.openSample()
  await cb.open()
  expect(await cb.order()).toEqual(['1 Growth', '2 Culture', '3 Secrecy', '4 Safety'])

  // A damaged file is refused, row by row, and changes nothing.
  const bad = join(app.dataDir, 'bad.csv')
  await writeFile(bad, 'name,colour,key\nGood,#000000,1\nBad,orange,2\nGood,#111111,3\n')
  await app.answerNextDialog(bad)
  await cb.dialog.getByRole('button', { name: 'Import CSV…' }).click()
  const report = cb.dialog.getByRole('alert')
  await expect(report).toContainText('Nothing was imported: bad.csv has problems.')
  await expect(report.getByRole('listitem')).toHaveText([
    'Row 3: the colour “orange” is not of the form #rrggbb.',
    'Row 4: “Good” is already on row 2.',
  ])
  expect(await cb.order()).toEqual(['1 Growth', '2 Culture', '3 Secrecy', '4 Safety'])

  // A cancelled dialog does nothing.
  await app.answerNextDialog(null)
  await cb.dialog.getByRole('button', { name: 'Import CSV…' }).click()
  await expect(cb.dialog.getByRole('button', { name: 'Import CSV…' })).toBeEnabled()

  await app.answerNextDialog(file)
  await cb.dialog.getByRole('button', { name: 'Import CSV…' }).click()
  await expect(cb.status).toHaveText(
    'Imported codebook.csv: 2 themes added, 0 themes updated. Undo with Ctrl+Z.',
  )
  await expect(report).toBeHidden()
  expect(await cb.order()).toEqual([
    '1 Leadership',
    '2 Growth',
    '3 Culture',
    '4 =Confidentiality',
    '5 Safety',
    '6 Secrecy',
  ])
  await expect(cb.themes.nth(0)).toContainText('Who leads, and how.')
  await s.waitSaved()
  const saved = await readSession(app.dataDir)
  expect(saved.codebook.slice(1).map((t) => t.id)).toEqual(
    expect.arrayContaining(['growth', 'culture', 'safety', 'secrecy']),
  )
  expect(saved.codebook[3]).toMatchObject({ name: '=Confidentiality', colour: '#000000' })

  // The import is one undo step.
  await cb.undo()
  expect(await cb.order()).toEqual(['1 Growth', '2 Culture', '3 Secrecy', '4 Safety'])
  await s.waitSaved()
  expect((await readSession(app.dataDir)).codebook.map((t) => t.name)).toEqual([
    'Growth',
    'Culture',
    'Secrecy',
    'Safety',
  ])
})
