import { readFile, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import type { GlossApi } from '../src/shared/api'
import { test, expect } from './fixtures'
import { SessionPage } from './pages/session-page'
import { generateArticle, generatePassages, makeSession, SEED } from '../test-support/generate'

const ARTICLE = [
  'Rapport 😀 interne 👩‍💻',
  '',
  '=Ligne qui ressemble à une formule. La sécurité d’abord, dit-elle.',
  'Troisième paragraphe sur la croissance.',
].join('\n')

test('exports passages to a CSV that parses back with code point offsets', async ({ app }) => {
  const articlePath = join(app.dataDir, 'rapport-😀.txt')
  await writeFile(articlePath, ARTICLE, 'utf8')
  const s = new SessionPage(app.page)
  await app.answerNextDialog(articlePath)
  await app.page.getByRole('button', { name: 'Open article…' }).click()
  await expect(app.page.getByRole('heading', { level: 1 })).toHaveText('rapport-😀')

  await s.tag('La sécurité d’abord', 'Safety')
  await s.details
    .getByRole('textbox', { name: 'Note' })
    .fill('=HYPERLINK("http://x")\nligne 2, "citée"')
  await s.details.getByRole('textbox', { name: 'Note' }).blur()
  await s.tag('=Ligne qui ressemble', 'Secrecy')
  await s.tagWith('croissance', 'Growth', 'Culture')
  await s.waitSaved()

  const csvPath = join(app.dataDir, 'export.csv')
  await app.answerNextDialog(csvPath)
  await app.page.getByRole('button', { name: 'Export CSV…' }).click()
  await app.page.getByRole('button', { name: 'One row per passage', exact: true }).click()
  await expect(
    app.page.getByRole('status').filter({ hasText: 'Exported 3 passages to' }),
  ).toBeVisible()

  const raw = await readFile(csvPath)
  expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const text = raw.toString('utf8')
  expect(text.split('\r\n')[0]).toBe(
    // The article's columns after passage_id (its author, the journalist, as article_author).
    '\uFEFFpassage_id,article_id,article_title,outlet,article_author,published,url,language,document_title,document_sha256,start,end,quote,prefix,suffix,themes,Growth,Culture,Secrecy,Safety,note,coder,created_at,updated_at',
  )
  const rows: Record<string, string>[] = parse(text, { bom: true, columns: true })
  expect(rows).toHaveLength(3)
  // Document order.
  expect(rows.map((r) => r.quote)).toEqual([
    "'=Ligne qui ressemble",
    'La sécurité d’abord',
    'croissance',
  ])

  // Offsets count code points: slicing the article's code points gives the quote back.
  const codePoints = [...ARTICLE]
  const safety = rows[1]!
  expect(codePoints.slice(Number(safety.start), Number(safety.end)).join('')).toBe(
    'La sécurité d’abord',
  )
  expect(Number(safety.start)).toBeLessThan(ARTICLE.indexOf('La sécurité'))
  expect(safety.note).toBe('\'=HYPERLINK("http://x")\nligne 2, "citée"')
  expect([safety.Growth, safety.Culture, safety.Secrecy, safety.Safety]).toEqual([
    '0',
    '0',
    '0',
    '1',
  ])
  expect(rows[2]!.themes).toBe('Growth; Culture')
  expect(rows[2]!.coder).toBe('e2e-analyst')
  // Numbers stay numbers: offsets are never quoted or prefixed.
  expect(text).toMatch(new RegExp(`,${safety.start},${safety.end},`))
  for (const r of rows)
    for (const v of Object.values(r)) expect(v).not.toMatch(/^[=+\-@\t\r\n＝＋－＠]/)
})

test('exports with Ctrl+E and the File menu, and does nothing when cancelled', async ({ app }) => {
  const s = new SessionPage(app.page)
  await s.openSample()
  await s.tag('Croissance rapide', 'Growth')
  await app.page.locator('.article-scroller').click({ position: { x: 5, y: 5 } })

  await app.answerNextDialog(null)
  await app.page.keyboard.press('Control+e')
  await expect(app.page.getByRole('dialog', { name: 'Export CSV' })).toBeVisible()
  await app.page.keyboard.press('Enter') // One row per passage
  await expect(app.page.getByRole('button', { name: 'Export CSV…' })).toBeEnabled()
  await expect(app.page.getByRole('alert')).toHaveCount(0)

  const viaKey = join(app.dataDir, 'via-key.csv')
  await app.answerNextDialog(viaKey)
  await app.page.keyboard.press('Control+e')
  await expect(app.page.getByRole('dialog', { name: 'Export CSV' })).toBeVisible()
  await app.page.keyboard.press('Enter')
  await expect(
    app.page.getByRole('status').filter({ hasText: 'Exported 1 passage to' }),
  ).toBeVisible()
  expect(existsSync(viaKey)).toBe(true)

  const viaMenu = join(app.dataDir, 'via-menu.csv')
  await app.answerNextDialog(viaMenu)
  await app.sendMenuCommand('export-csv')
  await app.page.getByRole('button', { name: 'One row per passage', exact: true }).click()
  await expect.poll(() => existsSync(viaMenu)).toBe(true)
  expect(await readFile(viaMenu, 'utf8')).toBe(await readFile(viaKey, 'utf8'))
})

test('a long export reports the passages written, from 0 to all of them, then what it wrote', async ({
  app,
}, testInfo) => {
  testInfo.setTimeout(180_000)
  // 100,000 passages over a generated article (the benchmark's seeded input).
  const text = generateArticle(SEED, 300)
  const session = makeSession(text, generatePassages(text, 100_000), 'e2e-export-progress')
  const sessionPath = join(app.dataDir, 'gros-dossier.gloss.json')
  await writeFile(sessionPath, JSON.stringify(session))
  await app.answerNextDialog(sessionPath)
  await app.page.getByRole('button', { name: 'Open session…' }).click()
  await expect(app.page.getByRole('article', { name: 'Article' })).toBeVisible({
    timeout: 60_000,
  })

  // What main reports, as the page receives it.
  await app.page.evaluate(() => {
    const seen: { done: number; total: number }[] = []
    ;(window as unknown as { __progress: typeof seen }).__progress = seen
    const gloss = (window as unknown as { gloss: GlossApi }).gloss
    gloss.onExportProgress((p) => seen.push(p))
  })
  const csvPath = join(app.dataDir, 'gros-dossier.csv')
  await app.answerNextDialog(csvPath)
  await app.page.getByRole('button', { name: 'Export CSV…' }).click()
  await app.page.getByRole('button', { name: 'One row per passage', exact: true }).click()
  // The header shows a progress bar only when writing takes longer than 300 ms
  // (about that long for 100,000 passages here): whether it appears depends on
  // the machine, what main reports does not.
  await expect(
    app.page.getByRole('status').filter({ hasText: 'Exported 100,000 passages to' }),
  ).toBeVisible({ timeout: 60_000 })
  await expect(app.page.getByRole('progressbar', { name: 'Exporting CSV' })).toHaveCount(0)

  const progress = await app.page.evaluate(
    () => (window as unknown as { __progress: { done: number; total: number }[] }).__progress,
  )
  expect(progress[0]).toEqual({ done: 0, total: 100_000 })
  expect(progress.at(-1)).toEqual({ done: 100_000, total: 100_000 })
  expect(progress.every((p, i) => i === 0 || p.done >= progress[i - 1]!.done)).toBe(true)
  const rows = parse(await readFile(csvPath, 'utf8'), { bom: true })
  expect(rows).toHaveLength(100_001)
})
