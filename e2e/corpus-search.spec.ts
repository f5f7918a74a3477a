import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { findMatches } from '@shared/model/search'
import { generateCorpus, SMALL_CORPUS } from '../test-support/generate-corpus'
import { writeCorpus } from '../test-support/write-corpus'
import { test, expect, type GlossApp } from './fixtures'
import { SessionPage } from './pages/session-page'

// Five articles; the second, fourth and fifth mention "Zoé" (spelled three ways).
const PLANTED = [1, 3, 4]
const corpus = generateCorpus({
  ...SMALL_CORPUS,
  editText: (i, text) =>
    PLANTED.includes(i)
      ? `${text}\nLa grève de Zoé, racontée par ZOE Martin : « zoe » n’a rien dit.`
      : text,
})

async function openCorpus(app: GlossApp): Promise<SessionPage> {
  const index = await writeCorpus(join(app.dataDir, 'study.gloss'), corpus)
  await app.answerNextDialog(index)
  await app.page.getByRole('button', { name: 'Open session…' }).click()
  const s = new SessionPage(app.page)
  await s.article.waitFor()
  return s
}

const view = (page: Page) => page.getByRole('region', { name: 'Search the session' })
const results = (page: Page) => view(page).getByRole('grid', { name: 'Search results' })
/** The rows shown, in order: "article <id>" or "match <id> <start>". */
const shownRows = (page: Page) =>
  results(page)
    .locator('[role="row"]')
    .evaluateAll((els) =>
      els
        .map((el) => ({
          at: Number(el.getAttribute('data-row')),
          text: el.classList.contains('sresults-article')
            ? `article ${el.getAttribute('data-article-id')}`
            : `match ${el.getAttribute('data-article-id')} ${el.getAttribute('data-start')}`,
        }))
        .sort((a, b) => a.at - b.at)
        .map((r) => r.text),
    )

/** The text under the article search's current match. */
const currentMatch = (page: Page) =>
  page.evaluate(() => {
    const [r] = [...(CSS.highlights.get('gloss-search-current') ?? [])]
    if (!r) return null
    return r.startContainer.textContent!.slice(r.startOffset, r.endOffset)
  })

test('finds a word in several articles, grouped by article, and opens a match in its article', async ({
  app,
}) => {
  await openCorpus(app)
  const { page } = app
  const planted = PLANTED.map((i) => corpus.meta.articles[i]!)
  const matchesIn = (id: string) => findMatches(corpus.articles.get(id)!.text, 'zoe')

  await page.keyboard.press('Control+Shift+F')
  const box = view(page).getByRole('textbox', { name: 'Find in every article' })
  await expect(box).toBeFocused()
  await expect(view(page).getByText('Type a word or a phrase')).toBeVisible()
  await page.keyboard.type('zoe')

  await expect(view(page).getByRole('status')).toHaveText('9 matches in 3 articles')
  const want = planted.flatMap((a) => [
    `article ${a.id}`,
    ...matchesIn(a.id).map((m) => `match ${a.id} ${m.start}`),
  ])
  await expect.poll(() => shownRows(page)).toEqual(want)
  // Each article row names the article and its matches; each match has its context, emphasised.
  const header = results(page).locator(`.sresults-article[data-article-id="${planted[1]!.id}"]`)
  await expect(header).toContainText(planted[1]!.title)
  await expect(header).toContainText('3 matches')
  const marks = results(page).locator(`.sresults-match[data-article-id="${planted[1]!.id}"] mark`)
  await expect(marks).toHaveText(['Zoé', 'ZOE', 'zoe'])
  await expect(
    results(page).locator(`.sresults-match[data-article-id="${planted[1]!.id}"]`).first(),
  ).toContainText('La grève de Zoé, racontée par ZOE Martin')

  // Keyboard: ↓ from the box goes to the first match; ↓ ×5 reaches the second
  // article's second match (past its article row); Enter opens it.
  await page.keyboard.press('ArrowDown')
  await expect(results(page).locator('[data-row="1"]')).toBeFocused()
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown')
  await expect(results(page).locator('[data-row="6"]')).toBeFocused()
  await page.keyboard.press('Enter')

  await expect(view(page)).toBeHidden()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(planted[1]!.title)
  // The article search shows the match: the query, "2 of 3", the current match painted.
  const bar = page.getByRole('search', { name: 'Article search' })
  await expect(bar.getByRole('textbox', { name: 'Find in article' })).toHaveValue('zoe')
  await expect(bar.getByRole('status')).toHaveText('2 of 3')
  await expect.poll(() => currentMatch(page)).toBe('ZOE')

  // Back to the search: the same results, the match opened has the focus.
  await page.keyboard.press('Control+Shift+F')
  await expect(results(page).locator('[data-row="6"]')).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(view(page)).toBeHidden()
})

test('honours Match case, and says when no article contains the query', async ({ app }) => {
  await openCorpus(app)
  const { page } = app
  await page.getByRole('button', { name: 'Search all' }).click()
  const box = view(page).getByRole('textbox', { name: 'Find in every article' })
  await box.fill('ZOE')
  await expect(view(page).getByRole('status')).toHaveText('9 matches in 3 articles')
  await view(page).getByRole('button', { name: 'Match case' }).click()
  await expect(view(page).getByRole('status')).toHaveText('3 matches in 3 articles')
  await expect(results(page).locator('mark')).toHaveText(['ZOE', 'ZOE', 'ZOE'])

  await box.fill('xylophone')
  await expect(view(page).getByText('No article contains “xylophone”.')).toBeVisible()
  await expect(view(page).getByRole('status')).toHaveText('')
})
