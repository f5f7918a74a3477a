import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { generateArticle, makeSession, SEED } from '../test-support/generate'
import { makePassage } from '../src/shared/model/edits'
import { test, expect } from './fixtures'
import { SessionPage } from './pages/session-page'

test('lists passages in document order, filters by theme, and jumps to a passage', async ({
  app,
}) => {
  const s = new SessionPage(app.page)
  await s.openSample()
  // Tagged out of order: the list still follows the article.
  await s.tag('Croissance rapide', 'Growth')
  await s.tag('Il y a trois semaines', 'Culture')
  await s.tag('Les gouvernements regardent', 'Safety')
  await expect(s.passages.locator('.passage-quote')).toHaveText([
    '“Il y a trois semaines”',
    '“Croissance rapide”',
    '“Les gouvernements regardent”',
  ])

  const filter = app.page.getByRole('group', { name: 'Filter by theme' })
  await filter.getByRole('button', { name: 'Safety' }).click()
  await expect(s.passages).toHaveCount(1)
  await expect(app.page.getByText('1 of 3')).toBeVisible()
  await filter.getByRole('button', { name: 'Growth' }).click()
  await expect(s.passages).toHaveCount(2)
  await filter.getByRole('button', { name: 'Safety' }).click()
  await filter.getByRole('button', { name: 'Growth' }).click()
  await expect(s.passages).toHaveCount(3)

  // Clicking the first item scrolls the article back up to it and flashes it.
  const scroller = app.page.locator('.article-scroller')
  await expect.poll(() => scroller.evaluate((el) => el.scrollTop)).toBeGreaterThan(300)
  const flashed = await s.recordFlashes()
  await s.passage('Il y a trois semaines').click()
  // The flash lasts 1.2 s: noted on every frame, so a slow check cannot miss it.
  await expect.poll(async () => (await flashed()).join(' ')).toContain('Il y a trois semaines')
  await expect(s.passage('Il y a trois semaines').getByRole('button')).toHaveAttribute(
    'aria-current',
    'true',
  )
  const first = s.article.locator('p').first()
  await expect(first).toBeInViewport()
  await expect(s.details.getByRole('blockquote')).toHaveText('Il y a trois semaines')
  await expect
    .poll(() => s.marksAt('Il y a trois semaines'), { timeout: 3000 })
    .not.toContain('gloss-flash')
  expect(await s.marksAt('Il y a trois semaines')).toContain('gloss-selected')
})

test('a passage with more themes than fit in its row shows four and counts the rest', async ({
  app,
}) => {
  const text = generateArticle(SEED, 3)
  const start = text.indexOf(' ') + 1
  const passage = makePassage(text, {
    id: 'p-six-themes',
    start,
    end: text.indexOf(' ', start + 12),
    themeIds: ['growth', 'culture', 'secrecy', 'safety', 'power', 'money'],
    author: 'e2e-analyst',
    now: '2026-11-28T10:00:00.000Z',
  })
  const file = join(app.dataDir, 'six-themes.gloss.json')
  await writeFile(file, JSON.stringify(makeSession(text, [passage], 'six-themes')))
  await app.answerNextDialog(file)
  await app.page.getByRole('button', { name: 'Open session…' }).click()
  const s = new SessionPage(app.page)
  const row = s.passages.first()
  await expect(row.locator('.chip')).toHaveText(['Growth', 'Culture', 'Secrecy', 'Safety', '+2'])
  await expect(row.locator('.chip-more')).toHaveAttribute('title', 'Power, Money')
  // The details list every theme, on.
  await row.getByRole('button').click()
  for (const name of ['Growth', 'Power', 'Money'])
    await expect(s.details.getByRole('button', { name, exact: true })).toHaveAttribute(
      'aria-pressed',
      'true',
    )
})
