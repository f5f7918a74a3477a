// The summary view, as an analyst uses it: tag overlapping passages, open the
// summary, read the numbers, jump from the theme map back into the article,
// save the chart as PNG and the numbers as CSV.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import type { Locator, Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { SessionPage } from './pages/session-page'
import { savedSession } from './pages/data-folder'

// Growth: A and C (apart); Culture: B and D. B overlaps A ("Openai est passé")
// and contains C: two overlapping Growth–Culture pairs.
const A = 'Croissance rapide: Openai est passé'
const B = 'Openai est passé de 1 000 à 3 000 personnes'
const C = '1 000 à 3 000'
const D = 'Chaos'
const FAR = 'la sécurité pratique'

const length = (s: string) => [...s].length

/** The article text as the session holds it. */
const sessionText = async (dataDir: string): Promise<string> =>
  (await savedSession(dataDir)).document.text

const share = (chars: number, total: number) => `${((chars / total) * 100).toFixed(1)}%`

/** The cells of a table row, after its header cell. */
const cells = (table: Locator, rowHeader: string) =>
  table
    .getByRole('row')
    .filter({ has: table.page().getByRole('rowheader', { name: rowHeader, exact: true }) })
    .getByRole('cell')

async function tagSample(page: Page, dataDir: string) {
  const s = new SessionPage(page)
  await s.openSample()
  await s.tag(A, 'Growth')
  await s.tag(B, 'Culture')
  await s.tag(C, 'Growth')
  await s.tag(D, 'Culture')
  await s.tag(FAR, 'Safety')
  await page.keyboard.press('Escape')
  await s.waitSaved()
  // Every passage is exactly the words meant.
  await expect(s.passages).toHaveCount(5)
  const quotes = (await savedSession(dataDir)).passages.map((p: { quote: string }) => p.quote)
  expect(quotes.sort()).toEqual([A, B, C, D, FAR].sort())
  return s
}

test('shows per-theme numbers, co-occurrence and a theme map that jumps to the text', async ({
  app,
}) => {
  const { page } = app
  const s = await tagSample(page, app.dataDir)
  const total = length(await sessionText(app.dataDir))
  await page.locator('.article-scroller').evaluate((el) => (el.scrollTop = 0))

  const toggle = page.getByRole('button', { name: 'Summary' })
  await toggle.click()
  await expect(toggle).toHaveAttribute('aria-pressed', 'true')
  const summary = page.getByRole('region', { name: 'Summary' })
  await expect(summary).toBeVisible()
  await expect(s.article).toBeHidden()

  const numbers = summary.getByRole('table', { name: 'Numbers' })
  const growth = length(A) + length(C)
  const culture = length(B) + length(D)
  await expect(cells(numbers, 'Growth')).toHaveText(['2', String(growth), share(growth, total)])
  await expect(cells(numbers, 'Culture')).toHaveText(['2', String(culture), share(culture, total)])
  await expect(cells(numbers, 'Secrecy')).toHaveText(['0', '0', '0%'])
  const safety = length(FAR)
  await expect(cells(numbers, 'Safety')).toHaveText(['1', String(safety), share(safety, total)])
  // All passages: A ∪ B is one stretch (they overlap), C is inside B.
  const all = length('Croissance rapide: ') + length(B) + length(D) + length(FAR)
  await expect(cells(numbers, 'All passages')).toHaveText(['5', String(all), share(all, total)])
  await expect(summary.getByText(`5 passages cover ${all} of the article’s`)).toBeVisible()

  // The chart says it in words too.
  const chart = summary.getByRole('img', { name: 'Share of the article covered by each theme' })
  await expect(chart).toContainText(`${share(growth, total)} · 2 passages · ${growth} characters`)

  const cooc = summary.getByRole('table', { name: 'Co-occurrence' })
  await expect(summary.getByText('Two themes co-occur once for each passage')).toBeVisible()
  // Columns: Growth, Culture, Secrecy, Safety. A–B and C–B overlap.
  await expect(cells(cooc, 'Growth')).toHaveText(['—', '2', '0', '0'])
  await expect(cells(cooc, 'Culture')).toHaveText(['2', '—', '0', '0'])

  // Untagged passages get their own row once there is one.
  await expect(cells(numbers, 'Untagged')).toHaveCount(0)

  // The theme map: Culture has two marks (B and D are far apart); A and C,
  // three characters apart, are one Growth mark at this scale.
  const map = summary.getByRole('region', { name: 'Theme map' })
  const marksOf = (theme: string) =>
    map.getByRole('group', { name: `${theme} in the article` }).getByRole('button')
  await expect(marksOf('Culture')).toHaveCount(2)
  await expect(marksOf('Growth')).toHaveCount(1)
  await expect(marksOf('Secrecy')).toHaveCount(0)
  const mark = map.getByRole('button', { name: /^Safety: “la sécurité pratique/ })
  await expect(mark).toHaveCount(1)
  const flashed = await s.recordFlashes()
  await mark.click()

  await expect(summary).toBeHidden()
  await expect(toggle).toHaveAttribute('aria-pressed', 'false')
  await expect(s.details).toContainText(FAR)
  // The passage flashed for a moment (1.2 s: noted on every frame) …
  await expect.poll(async () => (await flashed()).join(' ')).toContain(FAR)
  // … and the article scrolled to it (a scroll that settles over a few
  // frames): it is on screen inside the scroller.
  const inView = () =>
    s.article.evaluate((article, needle) => {
      const scroller = article.closest('.article-scroller')!.getBoundingClientRect()
      const p = [...article.querySelectorAll('p')].find((el) => el.textContent.includes(needle))!
      const node = p.firstChild!
      const range = document.createRange()
      const at = node.textContent!.indexOf(needle)
      range.setStart(node, at)
      range.setEnd(node, at + needle.length)
      const r = range.getBoundingClientRect()
      return {
        top: r.top - scroller.top,
        bottom: scroller.bottom - r.bottom,
        scrolled: article.closest('.article-scroller')!.scrollTop,
      }
    }, FAR)
  await expect
    .poll(async () => {
      const at = await inView()
      return { scrolled: at.scrolled > 200, belowTop: at.top > 0, aboveBottom: at.bottom > 0 }
    })
    .toEqual({ scrolled: true, belowTop: true, aboveBottom: true })
})

test('Esc and the same button go back to the article, keeping its scroll', async ({ app }) => {
  const { page } = app
  const s = await tagSample(page, app.dataDir)
  const scroller = page.locator('.article-scroller')
  await scroller.evaluate((el) => (el.scrollTop = 600))
  const toggle = page.getByRole('button', { name: 'Summary' })
  await toggle.click()
  const summary = page.getByRole('region', { name: 'Summary' })
  await expect(summary).toBeVisible()
  // Theme keys do nothing while the summary is open.
  await page.keyboard.press('1')
  await page.keyboard.press('Escape')
  await expect(summary).toBeHidden()
  await expect(s.article).toBeVisible()
  expect(await scroller.evaluate((el) => el.scrollTop)).toBe(600)
  await expect(toggle).toBeFocused()

  await toggle.click()
  await expect(summary).toBeVisible()
  await page.getByRole('button', { name: 'Back to article' }).click()
  await expect(summary).toBeHidden()
  await toggle.press('Enter')
  await expect(summary).toBeVisible()
  await toggle.click()
  await expect(summary).toBeHidden()
  await expect(s.passages).toHaveCount(5)
})

test('counts untagged passages and updates as the analyst undoes', async ({ app }) => {
  const { page } = app
  const s = new SessionPage(page)
  await s.openSample()
  await s.tag(D, 'Culture')
  await s.details.getByRole('button', { name: 'Culture' }).click() // now untagged
  await page.keyboard.press('Escape')
  await s.waitSaved()
  await page.getByRole('button', { name: 'Summary' }).click()
  const numbers = page.getByRole('table', { name: 'Numbers' })
  const total = length(await sessionText(app.dataDir))
  await expect(cells(numbers, 'Untagged')).toHaveText(['1', '5', share(5, total)])
  await expect(cells(numbers, 'Culture')).toHaveText(['0', '0', '0%'])
  await page.keyboard.press('Control+z')
  await expect(cells(numbers, 'Culture')).toHaveText(['1', '5', share(5, total)])
  await expect(cells(numbers, 'Untagged')).toHaveCount(0)
})

test('saves the chart as PNG and the numbers as CSV', async ({ app }) => {
  const { page } = app
  await tagSample(page, app.dataDir)
  const total = length(await sessionText(app.dataDir))
  await page.getByRole('button', { name: 'Summary' }).click()

  const pngPath = join(app.dataDir, 'chart.png')
  await app.answerNextDialog(pngPath)
  await page.getByRole('button', { name: 'Save chart as PNG…' }).click()
  await expect(
    page.getByRole('status').filter({ hasText: 'Saved the summary chart to' }),
  ).toBeVisible()
  const png = await readFile(pngPath)
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR')
  // Drawn at twice the chart's size, for sharp text.
  expect(png.readUInt32BE(16)).toBe(1360)
  expect(png.readUInt32BE(20)).toBeGreaterThan(400)
  expect(png.length).toBeGreaterThan(10_000)

  // Cancelled: nothing written, no message.
  await app.answerNextDialog(null)
  await page.getByRole('button', { name: 'Save numbers as CSV…' }).click()
  await expect(page.getByRole('button', { name: 'Save numbers as CSV…' })).toBeEnabled()
  await expect(page.getByRole('alert')).toHaveCount(0)

  const csvPath = join(app.dataDir, 'summary.csv')
  await app.answerNextDialog(csvPath)
  await page.getByRole('button', { name: 'Save numbers as CSV…' }).click()
  await expect(
    page.getByRole('status').filter({ hasText: 'Saved the summary numbers to' }),
  ).toBeVisible()
  const raw = await readFile(csvPath)
  expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const text = raw.toString('utf8')
  expect(text.split('\r\n')[0]).toBe(
    '\uFEFFtheme,passages,characters,share_percent,with_Growth,with_Culture,with_Secrecy,with_Safety',
  )
  const rows: Record<string, string>[] = parse(text, { bom: true, columns: true })
  expect(rows.map((r) => r.theme)).toEqual(['Growth', 'Culture', 'Secrecy', 'Safety', ''])
  const growth = length(A) + length(C)
  expect(rows[0]).toEqual({
    theme: 'Growth',
    passages: '2',
    characters: String(growth),
    share_percent: String(Math.round((growth / total) * 10000) / 100),
    with_Growth: '',
    with_Culture: '2',
    with_Secrecy: '0',
    with_Safety: '0',
  })
  expect(rows[4]).toMatchObject({ passages: '0', characters: '0', share_percent: '0' })
})
