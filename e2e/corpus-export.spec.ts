// The CSV exports of a corpus, as an analyst makes them: the passages of
// every article with their article's columns, the article × theme matrix,
// the tidy rows of the open article alone, and the matrix of the filtered
// articles, each checked cell by cell against the articles written on disk.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import type { Page } from '@playwright/test'
import { pressCorpus } from '../test-support/corpus-session'
import { test, expect } from './fixtures'
import { openCorpus } from './pages/corpus'

type Row = Record<string, string>

async function exportAs(
  app: { page: Page; answerNextDialog(path: string): Promise<void> },
  path: string,
  layout: string,
  scope?: string,
): Promise<Row[]> {
  const { page } = app
  await page.getByRole('button', { name: 'Export CSV…' }).click()
  const chooser = page.getByRole('dialog', { name: 'Export CSV' })
  if (scope) await chooser.getByRole('radio', { name: scope }).check()
  await app.answerNextDialog(path)
  await chooser.getByRole('button', { name: layout, exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: path })).toBeVisible()
  const text = await readFile(path, 'utf8')
  expect(text.startsWith('\uFEFF')).toBe(true)
  return parse(text, { bom: true, columns: true })
}

test('exports every article’s passages and the article × theme matrix', async ({ app }) => {
  const { page } = app
  const corpus = pressCorpus()
  await openCorpus(app, corpus, 'Presse')

  await page.getByRole('button', { name: 'Export CSV…' }).click()
  const chooser = page.getByRole('dialog', { name: 'Export CSV' })
  const scope = chooser.getByRole('group', { name: 'Articles' })
  await expect(scope.getByRole('radio', { name: 'Whole session (4 articles)' })).toBeChecked()
  await expect(scope.getByRole('radio', { name: 'This article' })).not.toBeChecked()
  // No filter set: no filtered choice.
  await expect(scope.getByRole('radio')).toHaveCount(2)
  await expect(
    chooser.getByRole('button', { name: 'One row per article (article × theme matrix)' }),
  ).toHaveAccessibleDescription(/R, SPSS and Stata/)
  await page.keyboard.press('Escape')

  const passages = await exportAs(app, join(app.dataDir, 'passages.csv'), 'One row per passage')
  await expect(page.getByRole('status').filter({ hasText: 'Exported 5 passages to' })).toBeVisible()
  // List order, then text order; each row with its article's columns.
  expect(passages.map((r) => [r.article_title, r.quote, r.outlet, r.published, r.themes])).toEqual([
    ['Le Monde, janvier', 'croissance rapide', 'Le Monde', '2025-01-15', 'Growth'],
    ['Le Monde, janvier', 'sécurité', 'Le Monde', '2025-01-15', 'Safety'],
    ['Le Monde, février', 'culture du secret', 'Le Monde', '2025-02-03', 'Growth; Culture'],
    ['Libération, février 📈', 'croissance', 'Libération', '2025-02-20', 'Growth'],
    ['Libération, février 📈', 'encore la croissance', 'Libération', '2025-02-20', 'Growth'],
  ])
  expect(passages.map((r) => r.article_id)).toEqual([
    'article-1',
    'article-1',
    'article-2',
    'article-3',
    'article-3',
  ])
  expect(passages[0]!.article_author).toBe('Claire Martin')
  expect(passages[0]!.coder).toBe('e2e-analyst')
  expect(passages[3]!.language).toBe('fr')
  expect(passages[1]!.note).toBe('\'=À vérifier, "source" 😀')
  // Offsets are per article, in code points.
  const texts = [...corpus.articles.values()].map((a) => a.text)
  for (const r of passages) {
    const text = texts[Number(r.article_id!.split('-')[1]) - 1]!
    expect([...text].slice(Number(r.start), Number(r.end)).join('')).toBe(r.quote)
  }

  const matrix = await exportAs(
    app,
    join(app.dataDir, 'matrix.csv'),
    'One row per article (article × theme matrix)',
  )
  await expect(
    page.getByRole('status').filter({ hasText: 'Exported 4 articles (one row per article) to' }),
  ).toBeVisible()
  expect(Object.keys(matrix[0]!)).toEqual([
    'article_id',
    'title',
    'outlet',
    'author',
    'published',
    'url',
    'language',
    'passages',
    'characters',
    'characters_coded',
    'Growth_passages',
    'Growth_chars',
    'Culture_passages',
    'Culture_chars',
    'Safety_passages',
    'Safety_chars',
  ])
  const counts = (r: Row) => [
    r.title,
    r.passages,
    r.characters,
    r.characters_coded,
    r.Growth_passages,
    r.Growth_chars,
    r.Culture_passages,
    r.Culture_chars,
    r.Safety_passages,
    r.Safety_chars,
  ]
  const len = (i: number) => String([...texts[i]!].length)
  expect(matrix.map(counts)).toEqual([
    ['Le Monde, janvier', '2', len(0), '25', '1', '17', '0', '0', '1', '8'],
    ['Le Monde, février', '1', len(1), '17', '1', '17', '1', '17', '0', '0'],
    ['Libération, février 📈', '2', len(2), '30', '2', '30', '0', '0', '0', '0'],
    ['Libération, sans date', '0', len(3), '0', '0', '0', '0', '0', '0', '0'],
  ])
})

test('exports the open article alone', async ({ app }) => {
  await openCorpus(app, pressCorpus(), 'Presse')

  const tidy = await exportAs(
    app,
    join(app.dataDir, 'tidy.csv'),
    'One row per passage and theme (tidy)',
    'This article',
  )
  expect(tidy.map((r) => [r.article_title, r.theme, r.quote])).toEqual([
    ['Le Monde, janvier', 'Growth', 'croissance rapide'],
    ['Le Monde, janvier', 'Safety', 'sécurité'],
  ])
})

test('exports the filtered articles', async ({ app }) => {
  const { page } = app
  await openCorpus(app, pressCorpus(), 'Presse')
  // A filter set in the summary (the session's filter) limits the exports too.
  await page.getByRole('button', { name: 'Summary' }).click()
  const summary = page.getByRole('region', { name: 'Summary' })
  await summary.getByRole('radio', { name: 'Filtered articles' }).check()
  const filter = summary.getByRole('group', { name: 'Filter' })
  await filter.getByRole('combobox', { name: 'Attribute' }).selectOption('published')
  await filter.getByRole('combobox', { name: 'Value' }).selectOption({ label: '2025 (3)' })
  await expect(filter).toContainText(
    'Articles where Published is from 2025-01-01 to 2025-12-31: 3 of 4.',
  )
  await summary.getByRole('button', { name: 'Back to article' }).click()

  const matrix = await exportAs(
    app,
    join(app.dataDir, 'filtered.csv'),
    'One row per article (article × theme matrix)',
    'Filtered articles (3)',
  )
  expect(matrix.map((r) => [r.title, r.published, r.Growth_passages])).toEqual([
    ['Le Monde, janvier', '2025-01-15', '1'],
    ['Le Monde, février', '2025-02-03', '1'],
    ['Libération, février 📈', '2025-02-20', '2'],
  ])
  // The whole session is still one choice away.
  const all = await exportAs(
    app,
    join(app.dataDir, 'all.csv'),
    'One row per passage',
    'Whole session (4 articles)',
  )
  expect(all).toHaveLength(5)
})
