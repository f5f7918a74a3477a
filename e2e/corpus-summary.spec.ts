// The summary over a corpus, as an analyst uses it: open a session of four
// articles (two outlets, dates in January and February, one undated),
// read the per-theme numbers over the whole session, the theme by outlet
// table (share of articles, then passages), themes over time (split by
// outlet too), narrow to the filtered articles, save each table as CSV and
// a chart as PNG. A one-article session keeps today's summary.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import type { Locator } from '@playwright/test'
import { pressCorpus } from '../test-support/corpus-session'
import { test, expect } from './fixtures'
import { openCorpus } from './pages/corpus'
import { SessionPage } from './pages/session-page'

/** The cells of a table row, after its header cell. */
const cells = (table: Locator, rowHeader: string) =>
  table
    .getByRole('row')
    .filter({ has: table.page().getByRole('rowheader', { name: rowHeader, exact: true }) })
    .getByRole('cell')

const length = (s: string) => [...s].length

test('a session of one article shows the article’s summary, with no choice of scope', async ({
  app,
}) => {
  const s = new SessionPage(app.page)
  await s.openSample()
  await app.page.getByRole('button', { name: 'Summary' }).click()
  const summary = app.page.getByRole('region', { name: 'Summary' })
  await expect(summary.getByRole('img', { name: /Share of the article covered/ })).toBeVisible()
  await expect(summary.getByRole('group', { name: 'Summary of' })).toHaveCount(0)
  await expect(summary.getByRole('button', { name: 'Save chart as PNG…' })).toHaveCount(1)
})

test('summarizes the whole session, by outlet and over time, and saves each table', async ({
  app,
}) => {
  const { page } = app
  const corpus = pressCorpus()
  await openCorpus(app, corpus, 'Presse')
  await page.getByRole('button', { name: 'Summary' }).click()
  const summary = page.getByRole('region', { name: 'Summary' })
  const scope = summary.getByRole('group', { name: 'Summary of' })
  await expect(scope.getByRole('radio', { name: 'Whole session (4 articles)' })).toBeChecked()

  // 72 characters coded: 17 + 8 (Le Monde, janvier), 17, 10 + 20 (Libération).
  const total = [...corpus.articles.values()].reduce((n, a) => n + length(a.text), 0)
  await expect(
    summary.getByText('4 articles, 3 of them coded: 5 passages cover 72 of their'),
  ).toBeVisible()
  await expect(
    summary.getByText(`${total} characters (${((72 / total) * 100).toFixed(1)}%)`),
  ).toBeVisible()

  const themes = summary.getByRole('table', { name: 'Themes across the articles' })
  // Passages, articles, share of articles, characters, share of text.
  const share = (n: number) => `${((n / total) * 100).toFixed(1)}%`
  await expect(cells(themes, 'Growth')).toHaveText([
    '4',
    '3',
    '75.0%',
    String(17 + 17 + 30),
    share(64),
  ])
  await expect(cells(themes, 'Culture')).toHaveText(['1', '1', '25.0%', '17', share(17)])
  await expect(cells(themes, 'Safety')).toHaveText(['1', '1', '25.0%', '8', share(8)])
  await expect(
    summary.getByRole('img', { name: 'Share of the articles containing each theme' }),
  ).toContainText('75.0% · 4 passages')

  // Theme by outlet: share of the outlet's articles containing the theme.
  const by = summary.getByRole('region', { name: 'Themes by attribute' })
  await expect(by.getByRole('combobox', { name: 'Attribute' })).toHaveValue('outlet')
  const heatmap = by.getByRole('img', { name: 'Themes by Outlet' })
  await expect(heatmap).toContainText('n = 2')
  await by.getByText('Show the numbers as a table').click()
  const table = by.getByRole('table', { name: 'Themes by Outlet' })
  await expect(table.getByRole('columnheader')).toHaveText([
    'Theme',
    'Le Monde n = 2',
    'Libération n = 2',
  ])
  await expect(cells(table, 'Growth')).toHaveText(['100%', '50%'])
  await expect(cells(table, 'Culture')).toHaveText(['50%', '0%'])
  await expect(cells(table, 'Safety')).toHaveText(['50%', '0%'])
  await by.getByRole('radio', { name: 'Passages' }).check()
  await expect(cells(table, 'Growth')).toHaveText(['2', '2'])
  await expect(cells(table, 'Culture')).toHaveText(['1', '0'])

  // Themes over time: January and February 2025; the undated article is said, not drawn.
  const time = summary.getByRole('region', { name: 'Themes over time' })
  await expect(time.getByText('1 article has no publication date')).toBeVisible()
  const chart = time.getByRole('img', { name: 'Themes over time, by month of publication' })
  await expect(chart).toContainText('Jan 2025')
  await expect(chart).toContainText('Feb 2025')
  await time.getByRole('combobox', { name: 'Split by' }).selectOption('outlet')
  const split = time.getByRole('img', {
    name: 'Themes over time, by month of publication and Outlet',
  })
  await expect(split).toContainText('Le Monde')
  await expect(split).toContainText('Libération')

  // Each table as CSV, as the view shows it (passages now), computed by main.
  const byCsv = join(app.dataDir, 'by-outlet.csv')
  await app.answerNextDialog(byCsv)
  await by.getByRole('button', { name: 'Save numbers as CSV…' }).click()
  await expect(
    page.getByRole('status').filter({ hasText: `Saved the summary numbers to ${byCsv}` }),
  ).toBeVisible()
  const rows = parse(await readFile(byCsv, 'utf8'), { bom: true })
  expect(rows).toEqual([
    ['theme', 'outlet', 'articles', 'articles_with_theme', 'articles_percent', 'passages'],
    ['Growth', 'Le Monde', '2', '2', '100', '2'],
    ['Growth', 'Libération', '2', '1', '50', '2'],
    ['Culture', 'Le Monde', '2', '1', '50', '1'],
    ['Culture', 'Libération', '2', '0', '0', '0'],
    ['Safety', 'Le Monde', '2', '1', '50', '1'],
    ['Safety', 'Libération', '2', '0', '0', '0'],
  ])
  const timeCsv = join(app.dataDir, 'over-time.csv')
  await app.answerNextDialog(timeCsv)
  await time.getByRole('button', { name: 'Save numbers as CSV…' }).click()
  await expect(page.getByRole('status').filter({ hasText: timeCsv })).toBeVisible()
  const timeRows: string[][] = parse(await readFile(timeCsv, 'utf8'), { bom: true })
  expect(timeRows[0]).toEqual([
    'period',
    'outlet',
    'theme',
    'articles',
    'articles_with_theme',
    'articles_percent',
    'passages',
  ])
  expect(
    timeRows.filter((r) => r[2] === 'Growth').map((r) => r.slice(0, 2).concat(r.slice(3))),
  ).toEqual([
    ['2025-01', 'Le Monde', '1', '1', '100', '1'],
    ['2025-02', 'Le Monde', '1', '1', '100', '1'],
    ['2025-01', 'Libération', '0', '0', '0', '0'],
    ['2025-02', 'Libération', '1', '1', '100', '2'],
    ['', 'Libération', '1', '0', '0', '0'],
  ])

  const png = join(app.dataDir, 'by-outlet.png')
  await app.answerNextDialog(png)
  await by.getByRole('button', { name: 'Save chart as PNG…' }).click()
  await expect(
    page.getByRole('status').filter({ hasText: `Saved the summary chart to ${png}` }),
  ).toBeVisible()
  expect([...(await readFile(png)).subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10])
})

test('summarizes the filtered articles, and this article alone', async ({ app }) => {
  const { page } = app
  await openCorpus(app, pressCorpus(), 'Presse')
  await page.getByRole('button', { name: 'Summary' }).click()
  const summary = page.getByRole('region', { name: 'Summary' })
  const scope = summary.getByRole('group', { name: 'Summary of' })

  await scope.getByRole('radio', { name: 'Filtered articles' }).check()
  const filter = summary.getByRole('group', { name: 'Filter' })
  await expect(filter).toContainText('No filter is set')
  await filter.getByRole('combobox', { name: 'Attribute' }).selectOption('outlet')
  await filter.getByRole('combobox', { name: 'Value' }).selectOption({ label: 'Libération (2)' })
  await expect(filter).toContainText('Articles where Outlet is Libération: 2 of 4.')
  await expect(scope.getByRole('radio', { name: 'Filtered articles (2)' })).toBeChecked()
  await expect(
    summary.getByText('2 articles, 1 of them coded: 2 passages cover 30 of their'),
  ).toBeVisible()
  const themes = summary.getByRole('table', { name: 'Themes across the articles' })
  await expect(cells(themes, 'Growth')).toHaveText(['2', '1', '50.0%', '30', /%$/])

  // The themes CSV covers the same articles.
  const csv = join(app.dataDir, 'themes.csv')
  await app.answerNextDialog(csv)
  await summary
    .getByRole('region', { name: 'Themes across the articles' })
    .getByRole('button', { name: 'Save numbers as CSV…' })
    .click()
  await expect(page.getByRole('status').filter({ hasText: csv })).toBeVisible()
  const rows: string[][] = parse(await readFile(csv, 'utf8'), { bom: true })
  expect(rows.map((r) => r.slice(0, 4))).toEqual([
    ['theme', 'passages', 'articles', 'articles_percent'],
    ['Growth', '2', '1', '50'],
    ['Culture', '0', '0', '0'],
    ['Safety', '0', '0', '0'],
    ['', '0', '0', '0'],
  ])

  // This article: the open one's summary, as in a one-article session.
  await scope.getByRole('radio', { name: 'This article' }).check()
  await expect(summary.getByRole('img', { name: /Share of the article covered/ })).toBeVisible()
  await expect(summary.getByText('2 passages cover 25 of the article’s')).toBeVisible()
  await summary.getByRole('button', { name: 'Back to article' }).click()
  await expect(summary).toBeHidden()
  // The summary reopens on the scope last chosen, and the filter is kept.
  await page.getByRole('button', { name: 'Summary' }).click()
  await expect(scope.getByRole('radio', { name: 'This article' })).toBeChecked()
  await expect(scope.getByRole('radio', { name: 'Filtered articles (2)' })).toBeVisible()
})
