// The CSV export chooser and the tidy export: one row per passage and theme,
// code point offsets, as an analyst picks it with the mouse or the keyboard.
import { readFile, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { test, expect } from './fixtures'
import { SessionPage } from './pages/session-page'

const ARTICLE = [
  'Rapport 😀 interne 👩‍💻 sur la croissance.',
  '',
  'La culture du secret règne, et la sécurité d’abord, dit-elle.',
].join('\n')

const HEADER =
  'passage_id,article_id,article_title,outlet,article_author,published,url,language,theme,start,end,quote,note,coder,created_at,updated_at'

test('exports one row per passage and theme, with code point offsets', async ({ app }) => {
  const { page } = app
  const articlePath = join(app.dataDir, 'rapport.txt')
  await writeFile(articlePath, ARTICLE, 'utf8')
  const s = new SessionPage(page)
  await app.answerNextDialog(articlePath)
  await page.getByRole('button', { name: 'Open article…' }).click()
  await s.article.waitFor()

  await s.tagWith('la croissance', 'Growth', 'Culture') // two themes
  await s.tagWith('culture du secret', 'Secrecy', 'Culture', 'Safety') // three themes
  await s.tag('interne', 'Growth')
  await s.details.getByRole('button', { name: 'Growth' }).click() // untagged
  await page.keyboard.press('Escape')
  await s.waitSaved()

  // The chooser explains both layouts.
  await page.getByRole('button', { name: 'Export CSV…' }).click()
  const chooser = page.getByRole('dialog', { name: 'Export CSV' })
  await expect(chooser).toBeVisible()
  const perPassage = chooser.getByRole('button', { name: 'One row per passage', exact: true })
  const tidy = chooser.getByRole('button', { name: 'One row per passage and theme (tidy)' })
  await expect(perPassage).toHaveAccessibleDescription(/Each passage once/)
  await expect(tidy).toHaveAccessibleDescription(/one row for each of its themes.*R and pandas/)

  const csvPath = join(app.dataDir, 'tidy.csv')
  await app.answerNextDialog(csvPath)
  await tidy.click()
  await expect(chooser).toBeHidden()
  await expect(
    page.getByRole('status').filter({ hasText: 'Exported 6 rows (one per passage and theme) to' }),
  ).toBeVisible()

  const raw = await readFile(csvPath)
  expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const text = raw.toString('utf8')
  expect(text.split('\r\n')[0]).toBe(`\uFEFF${HEADER}`)
  const rows: Record<string, string>[] = parse(text, { bom: true, columns: true })
  // Document order; themes in codebook order; the untagged passage once, with no theme.
  expect(rows.map((r) => [r.quote, r.theme])).toEqual([
    ['interne', ''],
    ['la croissance', 'Growth'],
    ['la croissance', 'Culture'],
    ['culture du secret', 'Culture'],
    ['culture du secret', 'Secrecy'],
    ['culture du secret', 'Safety'],
  ])
  // One passage id per passage, the same on each of its rows.
  expect(new Set(rows.map((r) => r.passage_id)).size).toBe(3)
  expect(new Set(rows.slice(3).map((r) => r.passage_id)).size).toBe(1)
  // Offsets count code points: before "la croissance", 😀 is one (two UTF-16 units) and
  // 👩‍💻 three (five units), so the offset is three less than JavaScript's indexOf.
  const codePoints = [...ARTICLE]
  for (const r of rows)
    expect(codePoints.slice(Number(r.start), Number(r.end)).join('')).toBe(r.quote)
  expect(Number(rows[1]!.start)).toBe(ARTICLE.indexOf('la croissance') - 3)
  expect(rows[0]!.coder).toBe('e2e-analyst')
})

test('the chooser works from the keyboard and the File menu, and Esc cancels', async ({ app }) => {
  const { page } = app
  const s = new SessionPage(page)
  await s.openSample()
  await s.tag('Croissance rapide', 'Growth')
  await page.keyboard.press('Escape')
  await s.waitSaved()
  const chooser = page.getByRole('dialog', { name: 'Export CSV' })
  const item = s.passage('Croissance rapide').getByRole('button')
  await item.click()
  await expect(s.details).toBeVisible()

  // Esc closes the chooser and asks for no file (an unexpected dialog would fail the test).
  await page.keyboard.press('Control+e')
  await expect(chooser).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(chooser).toBeHidden()
  await expect(page.getByRole('alert')).toHaveCount(0)
  // Only the chooser closed: the passage stays selected, and the focus is back on it.
  await expect(s.details).toBeVisible()
  await expect(item).toBeFocused()

  // Tab to the tidy choice, Enter.
  const viaKey = join(app.dataDir, 'via-key.csv')
  await app.answerNextDialog(viaKey)
  await page.keyboard.press('Control+e')
  await expect(chooser).toBeVisible()
  await page.keyboard.press('Tab')
  await expect(
    chooser.getByRole('button', { name: 'One row per passage and theme (tidy)' }),
  ).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('status').filter({ hasText: 'Exported 1 row' })).toBeVisible()
  expect(await readFile(viaKey, 'utf8')).toMatch(new RegExp(`^\uFEFF${HEADER}\r\n`))

  // File › Export CSV… opens the same chooser; Cancel closes it.
  await app.sendMenuCommand('export-csv')
  await expect(chooser).toBeVisible()
  await chooser.getByRole('button', { name: 'Cancel' }).click()
  await expect(chooser).toBeHidden()
  const viaMenu = join(app.dataDir, 'via-menu.csv')
  await app.answerNextDialog(viaMenu)
  await app.sendMenuCommand('export-csv')
  await chooser.getByRole('button', { name: 'One row per passage and theme (tidy)' }).click()
  await expect.poll(() => existsSync(viaMenu)).toBe(true)
  expect(await readFile(viaMenu, 'utf8')).toBe(await readFile(viaKey, 'utf8'))
})
