// Articles in the formats analysts have, written by real programs
// (LibreOffice converts our flat ODF sources at test time; Chromium saved
// the web pages), added through "Add articles…": each article's title,
// first and last paragraphs and attributes, as the analyst sees them and
// as the session folder holds them.
import type { Page } from '@playwright/test'
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { expect, test } from './fixtures'
import { ArticlesPage } from './pages/articles-page'
import { readIndex, sessionFolder } from './pages/data-folder'
import { SessionPage } from './pages/session-page'
import { officeFixture } from '../test-support/office-fixtures'
import { CULTURE } from '../src/main/import/formats/fixtures/office/culture-blocks'
import {
  articleBlocks,
  articleFodt,
  CULTURE_ARTICLE,
  scannedFodt,
} from '../test-support/pdf-fixtures'

/** LibreOffice's PDF export with a password to open the file. */
const PDF_WITH_PASSWORD =
  'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"secret"}}'

const OFFICE = resolve('src/main/import/formats/fixtures/office')

const folders: string[] = []
test.afterEach(async () => {
  for (const dir of folders.splice(0)) await rm(dir, { recursive: true, force: true })
})

/** A converted fixture under the name an analyst's file would have. */
async function named(path: string, name: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'gloss-e2e-import-'))
  folders.push(dir)
  await copyFile(path, join(dir, name))
  return join(dir, name)
}

async function culture(to: 'docx' | 'odt' | 'epub') {
  const source = await readFile(join(OFFICE, 'culture.fodt'), 'utf8')
  return named(await officeFixture({ name: 'culture.fodt', source, to }), `culture.${to}`)
}

/** The article's paragraphs as shown. */
const paragraphs = (page: Page) =>
  page
    .locator('.article p')
    .evaluateAll((els) => els.map((e) => (e.textContent ?? '').trim()).filter(Boolean))

test('Word, OpenDocument and EPUB copies of one article read as the same text', async ({ app }) => {
  const s = new SessionPage(app.page)
  const a = new ArticlesPage(app.page)
  const files = [await culture('docx'), await culture('odt'), await culture('epub')]
  await s.openSample()
  await app.answerNextDialog(files)
  await app.page.keyboard.press('Control+Shift+O')

  // The same normalized text whatever the format: the ODT and EPUB are the DOCX's duplicates.
  await expect(a.report).toBeVisible()
  await expect(a.report).toContainText('1 article added to the session.')
  const title = 'Chez Ardoise, la culture d’entreprise se réinvente'
  const duplicates = a.report.getByRole('region', { name: 'Already in the session (2)' })
  await expect(duplicates).toContainText(`culture.odt — same text as “${title}”`)
  await expect(duplicates).toContainText(`culture.epub — same text as “${title}”`)
  await app.page.keyboard.press('Escape')

  await a.row(title).click()
  await expect(app.page.getByRole('heading', { level: 1 })).toHaveText(title)
  await expect.poll(() => paragraphs(app.page)).toEqual(CULTURE)

  await s.waitSaved()
  const index = await readIndex(await sessionFolder(app.dataDir))
  const entry = index.articles.find((x) => x.title === title)!
  expect(entry.sourceFileName).toBe('culture.docx')
  expect(entry.source?.format).toBe('docx')
  expect(entry.attributes).toEqual({ author: 'Claire Lefèvre', language: 'fr-FR' })

  await app.page.getByRole('button', { name: 'Details', exact: true }).click()
  const details = app.page.getByRole('dialog', { name: 'Article details' })
  await expect(details).toContainText('File: culture.docx · Word document')
  await expect(details.getByLabel('Author', { exact: true })).toHaveValue('Claire Lefèvre')
  await expect(details.getByLabel('Language', { exact: true })).toHaveValue('fr-FR')
})

test('a PDF article is read in paragraphs; a scan and a password-protected PDF are reported by name', async ({
  app,
}) => {
  const s = new SessionPage(app.page)
  const a = new ArticlesPage(app.page)
  const source = articleFodt(CULTURE_ARTICLE)
  const pdf = await named(
    await officeFixture({ name: 'culture.fodt', source, to: 'pdf' }),
    'verdane.pdf',
  )
  const locked = await named(
    await officeFixture({ name: 'culture.fodt', source, to: PDF_WITH_PASSWORD }),
    'verdane-locked.pdf',
  )
  const scan = await named(
    await officeFixture({ name: 'scan.fodt', source: scannedFodt(), to: 'pdf' }),
    'scan.pdf',
  )
  await s.openSample()
  await app.answerNextDialog([pdf, locked, scan])
  await app.page.keyboard.press('Control+Shift+O')

  await expect(a.report).toBeVisible()
  await expect(a.report).toContainText('1 article added to the session.')
  const notAdded = a.report.getByRole('region', { name: 'Not added (2)' })
  await expect(notAdded).toContainText('verdane-locked.pdf — the file is protected by a password')
  await expect(notAdded).toContainText(
    'scan.pdf — no text found; Gloss does not read scanned pages (OCR)',
  )
  await app.page.keyboard.press('Escape')

  const blocks = articleBlocks(CULTURE_ARTICLE)
  await a.row(blocks[0]!).click()
  await expect(app.page.getByRole('heading', { level: 1 })).toHaveText(blocks[0]!)
  await expect.poll(() => paragraphs(app.page)).toEqual(blocks)
  await s.waitSaved()
  const index = await readIndex(await sessionFolder(app.dataDir))
  const entry = index.articles.find((x) => x.sourceFileName === 'verdane.pdf')!
  expect(entry.source?.format).toBe('pdf')
  expect(entry.attributes).toEqual({ author: 'Claire Dubois', language: 'fr-FR' })
})
