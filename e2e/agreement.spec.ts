// The Agreement view, as an analyst uses it: a session of two articles coded
// by two coders (test-support/agreement-corpus.ts, whose figures were worked
// out by hand), opened from the header, paragraph units; the table's
// figures, the disagreements and opening one in its article, the two CSV
// exports; and the view of a session with one coder, from the menu.
import { readFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import type { CorpusState } from '@shared/model/corpus-edits'
import { agreementCorpus } from '../test-support/agreement-corpus'
import { writeCorpus } from '../test-support/write-corpus'
import { test, expect, type GlossApp } from './fixtures'
import { SessionPage } from './pages/session-page'

async function openCorpus(app: GlossApp, state: CorpusState): Promise<SessionPage> {
  const index = await writeCorpus(join(app.dataDir, 'study.gloss'), state)
  await app.answerNextDialog(index)
  await app.page.getByRole('button', { name: 'Open session…' }).click()
  const s = new SessionPage(app.page)
  await s.article.waitFor()
  return s
}

const view = (page: Page) => page.getByRole('region', { name: 'Inter-coder agreement' })
const table = (page: Page) => view(page).getByRole('table', { name: 'Agreement per theme' })
/** A row's cells as the analyst reads them (header cell first). */
const cells = (page: Page, name: string | RegExp) =>
  table(page)
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name }) })
    .locator('th, td')

async function readCsv(path: string): Promise<string[]> {
  await expect.poll(() => existsSync(path)).toBe(true)
  return (await readFile(path, 'utf8')).replace(/^\uFEFF/, '').split('\r\n')
}

test('the Agreement view gives the figures worked out by hand, its disagreements and its CSVs', async ({
  app,
}) => {
  const { page } = app
  await page.setViewportSize({ width: 1024, height: 768 })
  const s = await openCorpus(app, agreementCorpus())
  await page.getByRole('button', { name: 'Agreement', exact: true }).click()
  await expect(view(page)).toBeVisible()

  // Articles first, then paragraphs, as an analyst tries both.
  await view(page).getByRole('radio', { name: 'Article', exact: true }).check()
  await view(page).getByRole('button', { name: 'Compute', exact: true }).click()
  await expect(view(page).getByRole('note')).toContainText('2 articles compared over 2 articles')
  await view(page).getByRole('radio', { name: 'Paragraph' }).check()
  await expect(view(page).getByText('The choices changed since these figures')).toBeVisible()
  await view(page).getByRole('button', { name: 'Compute', exact: true }).click()

  await expect(view(page).getByRole('note')).toHaveText(
    '6 paragraphs compared over 2 articles, 2 coders. No unit was left out.',
  )
  // Économie: 4 of 6 paragraphs agree; κ = 1/3; α = 14/36.
  await expect(cells(page, 'Économie')).toHaveText([
    'Économie',
    '6',
    '0',
    '66.7%',
    '0.333',
    '0.389not reliable',
  ])
  await expect(cells(page, 'Éducation')).toHaveText([
    'Éducation',
    '6',
    '0',
    '100.0%',
    '1.000',
    '1.000reliable',
  ])
  // Nobody used Sport: kappa and alpha have no value, and say why.
  await expect(cells(page, 'Sport')).toHaveText([
    'Sport',
    '6',
    '0',
    '100.0%',
    'n/d',
    'not defined: no variation',
  ])
  // All themes: 18 decisions pooled, 16 agree; α = 1 − 35 · 2 / (28 · 8) = 0.6875.
  await expect(cells(page, 'All themes (pooled)')).toHaveText([
    'All themes (pooled)',
    '18',
    '0',
    '88.9%',
    '0.679',
    '0.688tentative',
  ])
  const pairs = view(page).getByRole('table', { name: 'Cohen’s κ for each pair of coders' })
  await expect(pairs.getByRole('columnheader')).toHaveText(['Theme', 'ana × ben'])
  await expect(view(page)).toContainText('Krippendorff, 2004, Content Analysis')

  // The disagreements of Économie: one paragraph in each article.
  const list = view(page).getByRole('list', { name: 'Disagreements' })
  await expect(view(page).getByRole('combobox', { name: 'Theme' })).toHaveValue('t-eco')
  const items = list.getByRole('listitem')
  await expect(items).toHaveCount(2)
  await expect(items.nth(0)).toContainText('Le budget de la ville')
  await expect(items.nth(0)).toContainText('Les impôts locaux restent stables.')
  await expect(items.nth(0)).toContainText('ana: gave it')
  await expect(items.nth(0)).toContainText('ben: did not')
  await expect(items.nth(1)).toContainText('Les salaires stagnent depuis un an.')
  await page.screenshot({ path: test.info().outputPath('agreement-view.png') })

  // Opening one goes to its article, on the passage of the coder who gave the theme.
  await items.nth(1).getByRole('button').click()
  await expect(view(page)).toBeHidden()
  await expect(s.article).toContainText('Le chômage recule dans la région.')
  await expect(s.details.getByRole('blockquote')).toHaveText('salaires stagnent')

  // Back in the view (its key), the same figures; then both CSVs.
  await page.keyboard.press('Control+Shift+K')
  await expect(cells(page, 'Économie')).toContainText(['Économie', '6', '0', '66.7%'])
  const tableCsv = join(app.dataDir, 'agreement.csv')
  await app.answerNextDialog(tableCsv)
  await view(page).getByRole('button', { name: 'Table CSV…' }).click()
  const lines = await readCsv(tableCsv)
  expect(lines[0]).toBe('theme,coefficient,coder_a,coder_b,value,n_units,n_excluded,benchmark,note')
  expect(lines).toContain(
    `Économie,krippendorff_alpha,,,${1 - (11 * 2) / 36},6,0,not reliable,nominal`,
  )
  await expect(page.getByRole('status').filter({ hasText: 'Saved' }).first()).toBeVisible()

  const unitsCsv = join(app.dataDir, 'agreement-units.csv')
  await app.answerNextDialog(unitsCsv)
  await view(page).getByRole('button', { name: 'Units CSV…' }).click()
  const units = await readCsv(unitsCsv)
  expect(units[0]).toBe('unit_id,article_id,unit_kind,unit_start,unit_end,theme,coder,value')
  // The second paragraph of "one": ana gave it Économie, ben did not.
  expect(units).toContain('2,one,paragraph,33,67,Économie,ana,1')
  expect(units).toContain('2,one,paragraph,33,67,Économie,ben,0')

  // The report as an image for a methods section.
  const png = test.info().outputPath('agreement-report.png')
  await app.answerNextDialog(png)
  await view(page).getByRole('button', { name: 'Report PNG…' }).click()
  await expect.poll(() => existsSync(png)).toBe(true)
  expect((await readFile(png)).subarray(1, 4).toString()).toBe('PNG')
})

test('the Agreement view of a session with one coder says how to get coders', async ({ app }) => {
  const state = agreementCorpus()
  state.meta.coders = [{ name: 'ana', opened: ['one', 'two'] }]
  await openCorpus(app, state)
  // No header button with one coder; the menu still opens the view.
  await expect(app.page.getByRole('button', { name: 'Agreement', exact: true })).toHaveCount(0)
  await app.sendMenuCommand('agreement')
  await expect(view(app.page)).toContainText('Agreement needs two coders or more')
  await expect(view(app.page)).toContainText('This session records one coder (ana).')
  await expect(view(app.page)).toContainText('Make coder copies…')
  await expect(view(app.page)).toContainText('Bring coders’ work back…')
  await app.page.keyboard.press('Escape')
  await expect(view(app.page)).toBeHidden()
})
