// A spreadsheet of articles (saved by LibreOffice as XLSX) through "Add
// articles…": the mapping dialog guesses the columns from the French
// headers, the analyst keeps the guess, one article per row is added with
// its outlet, author, date, link and a custom attribute made from the
// "Section" column; the empty and repeated rows are reported by row; undo
// takes the rows and the new attribute away.
import { copyFile, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from './fixtures'
import { ArticlesPage } from './pages/articles-page'
import { readIndex, sessionFolder } from './pages/data-folder'
import { SessionPage } from './pages/session-page'
import { ARTICLES_FODS, EXPECTED_ARTICLES } from '../test-support/articles-table'
import { officeFixture } from '../test-support/office-fixtures'

test('adds the rows of an Excel workbook as articles, mapped by their headers', async ({ app }) => {
  const s = new SessionPage(app.page)
  const a = new ArticlesPage(app.page)
  // The workbook the table reader's tests read (one conversion serves both), under an analyst's name.
  const converted = await officeFixture({
    name: 'articles.fods',
    source: ARTICLES_FODS,
    to: 'xlsx',
  })
  const dir = await mkdtemp(join(tmpdir(), 'gloss-e2e-table-'))
  const xlsx = join(dir, 'revue-de-presse.xlsx')
  await copyFile(converted, xlsx)
  await s.openSample()
  await app.answerNextDialog([xlsx])
  await app.page.keyboard.press('Control+Shift+O')

  const dialog = app.page.getByRole('dialog', {
    name: 'Add the rows of revue-de-presse.xlsx as articles',
  })
  await expect(dialog).toBeVisible()
  await expect(dialog).toContainText('A table of articles, 6 rows')
  // Guessed from the headers: Texte, Titre, Média, Auteur, Date, Lien; Section kept as an attribute.
  await expect(dialog.getByLabel('Text *', { exact: true })).toHaveValue('6')
  await expect(dialog.getByLabel('Title', { exact: true })).toHaveValue('0')
  await expect(dialog.getByLabel('Outlet', { exact: true })).toHaveValue('1')
  await expect(dialog.getByLabel('Published', { exact: true })).toHaveValue('2')
  await expect(dialog.getByLabel('Author', { exact: true })).toHaveValue('3')
  await expect(dialog.getByLabel('URL', { exact: true })).toHaveValue('4')
  await expect(dialog.getByLabel('Section', { exact: true })).toBeChecked()
  await expect(dialog.getByRole('region', { name: 'The first rows of the table' })).toContainText(
    'Grève à la SNCF',
  )
  await app.page.screenshot({ path: test.info().outputPath('table-mapping.png') })
  await dialog.getByRole('button', { name: 'Add 6 articles' }).click()

  const want = EXPECTED_ARTICLES.articles
  await expect(a.report).toBeVisible()
  await expect(a.report).toContainText(`${want.length} articles added to the session.`)
  const notAdded = a.report.getByRole('region', { name: 'Not added (2)' })
  await expect(notAdded).toContainText('row 5: the text cell is empty')
  await expect(notAdded).toContainText('row 6: the same text as row 2')
  await app.page.keyboard.press('Escape')

  expect(await a.titles()).toEqual([
    'OpenAI, vue de l’intérieur (exemple)',
    ...want.map((w) => w.title),
  ])
  await s.waitSaved()
  const index = await readIndex(await sessionFolder(app.dataDir))
  const section = index.attributeDefs.find((d) => d.name === 'Section')
  expect(section?.type).toBe('text')
  const added = index.articles.slice(1)
  expect(
    added.map((x) => ({ title: x.title, row: x.source?.row, attributes: x.attributes })),
  ).toEqual(
    want.map((w) => ({
      title: w.title,
      row: w.row,
      attributes: { ...w.attributes, [section!.id]: w.custom.Section },
    })),
  )
  expect(added.every((x) => x.source?.format === 'xlsx')).toBe(true)

  // The article opens with the row's text, and its details tell where it came from.
  await a.row(want[0]!.title).click()
  await expect(s.article).toContainText('Les syndicats « restent prudents ».')
  await app.page.getByRole('button', { name: 'Details', exact: true }).click()
  const details = app.page.getByRole('dialog', { name: 'Article details' })
  await expect(details).toContainText('Excel workbook')
  await expect(details).toContainText('row 2')
  await expect(details.getByLabel('Outlet', { exact: true })).toHaveValue('Le Monde')
  await expect(details.getByLabel('Section', { exact: true })).toHaveValue('Économie')
  await app.page.keyboard.press('Escape')

  // One undo step takes the rows and the attribute made for them away.
  await app.page.getByRole('button', { name: 'Undo' }).click()
  await expect(a.toggle).toHaveText('1 article')
  await s.waitSaved()
  const after = await readIndex(await sessionFolder(app.dataDir))
  expect(after.attributeDefs.map((d) => d.name)).not.toContain('Section')
  await rm(dir, { recursive: true, force: true })
})
