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
  await s.passage('Il y a trois semaines').click()
  await expect(s.passage('Il y a trois semaines').getByRole('button')).toHaveAttribute(
    'aria-current',
    'true',
  )
  const first = s.article.locator('p').first()
  await expect(first).toBeInViewport()
  await expect.poll(() => s.marksAt('Il y a trois semaines')).toContain('gloss-flash')
  await expect(s.details.getByRole('blockquote')).toHaveText('Il y a trois semaines')
  await expect
    .poll(() => s.marksAt('Il y a trois semaines'), { timeout: 3000 })
    .not.toContain('gloss-flash')
  expect(await s.marksAt('Il y a trois semaines')).toContain('gloss-selected')
})
