import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { SessionPage } from './pages/session-page'

/** The text under each registered search highlight: all matches, and the current one. */
async function searchMarks(page: Page) {
  await page.waitForTimeout(50) // a scroll re-paints on the next frame
  return page.evaluate(() => {
    const texts = (name: string) =>
      [...(CSS.highlights.get(name) ?? [])].map((r) =>
        r.startContainer.textContent!.slice(r.startOffset, r.endOffset),
      )
    return { others: texts('gloss-search'), current: texts('gloss-search-current') }
  })
}

/** Where the current match is: its paragraph's index and whether it is inside the article's viewport. */
async function currentMatch(page: Page) {
  await page.waitForTimeout(50)
  return page.evaluate(() => {
    const [r] = [...(CSS.highlights.get('gloss-search-current') ?? [])]
    if (!r) return null
    const range = document.createRange()
    range.setStart(r.startContainer, r.startOffset)
    range.setEnd(r.endContainer, r.endOffset)
    const rect = range.getBoundingClientRect()
    const box = document.querySelector('.article-scroller')!.getBoundingClientRect()
    const paragraphs = [...document.querySelectorAll('article p')]
    return {
      paragraph: paragraphs.indexOf(r.startContainer.parentElement!),
      offset: r.startOffset,
      inView: rect.top >= box.top && rect.bottom <= box.bottom,
    }
  })
}

test.describe('searching the article', () => {
  test('finds "sécurité" from "securite", steps through the matches and scrolls to them', async ({
    app,
  }) => {
    const { page } = app
    const s = new SessionPage(page)
    await s.openSample()
    const scroller = page.locator('.article-scroller')
    expect(await scroller.evaluate((el) => el.scrollTop)).toBe(0)

    await page.keyboard.press('Control+f')
    const bar = page.getByRole('search', { name: 'Article search' })
    const box = bar.getByRole('textbox', { name: 'Find in article' })
    await expect(box).toBeFocused()
    await page.keyboard.type('securite')
    const count = bar.getByRole('status')
    await expect(count).toHaveText('1 of 3')

    // The three occurrences are painted as CSS highlights, the first one as current,
    // and the article scrolled down to it (they are near its end).
    await expect
      .poll(() => searchMarks(page))
      .toEqual({
        others: ['sécurité', 'sécurité'],
        current: ['sécurité'],
      })
    await expect.poll(async () => (await currentMatch(page))?.inView).toBe(true)
    expect(await scroller.evaluate((el) => el.scrollTop)).toBeGreaterThan(300)
    const first = (await currentMatch(page))!
    await expect(s.article.locator('p span, p mark')).toHaveCount(0)

    // Enter / Shift+Enter, the buttons and F3 move the current match, wrapping around.
    await page.keyboard.press('Enter')
    await expect(count).toHaveText('2 of 3')
    const second = (await currentMatch(page))!
    expect([second.paragraph, second.offset]).not.toEqual([first.paragraph, first.offset])
    await page.keyboard.press('Enter')
    await expect(count).toHaveText('3 of 3')
    const third = (await currentMatch(page))!
    expect(third.paragraph).toBeGreaterThan(first.paragraph)
    expect(third.inView).toBe(true)
    await page.keyboard.press('Enter')
    await expect(count).toHaveText('1 of 3')
    await page.keyboard.press('Shift+Enter')
    await expect(count).toHaveText('3 of 3')
    await bar.getByRole('button', { name: 'Previous match' }).click()
    await expect(count).toHaveText('2 of 3')
    await bar.getByRole('button', { name: 'Next match' }).click()
    await expect(count).toHaveText('3 of 3')
    await page.keyboard.press('F3')
    await expect(count).toHaveText('1 of 3')
    await page.keyboard.press('Shift+F3')
    await expect(count).toHaveText('3 of 3')
    expect((await currentMatch(page))!).toMatchObject({ paragraph: third.paragraph, inView: true })

    // Esc closes the bar and clears every match highlight.
    await box.focus()
    await page.keyboard.press('Escape')
    await expect(bar).toBeHidden()
    await expect.poll(() => searchMarks(page)).toEqual({ others: [], current: [] })

    // Ctrl+F again brings the last query back, selected, with its matches.
    await page.keyboard.press('Control+f')
    await expect(box).toBeFocused()
    await expect(box).toHaveValue('securite')
    await expect(count).toHaveText(/of 3$/)
    await page.keyboard.type('ECONOMIE') // replaces the selected query
    await expect(box).toHaveValue('ECONOMIE')
  })

  test('is case- and accent-insensitive unless asked, and matches typographic apostrophes', async ({
    app,
  }) => {
    const { page } = app
    const s = new SessionPage(page)
    await s.openSample()
    await page.keyboard.press('Control+f')
    const bar = page.getByRole('search', { name: 'Article search' })
    const box = bar.getByRole('textbox', { name: 'Find in article' })
    const count = bar.getByRole('status')
    const matchCase = bar.getByRole('button', { name: 'Match case' })
    const matchAccents = bar.getByRole('button', { name: 'Match accents' })
    await expect(matchCase).toHaveAttribute('aria-pressed', 'false')
    await expect(matchAccents).toHaveAttribute('aria-pressed', 'false')

    // The sample writes "l’entreprise" with a typographic apostrophe.
    await box.fill("l'entreprise")
    await expect(count).toHaveText(/^1 of [1-9]/)
    expect((await searchMarks(page)).current).toEqual(['l’entreprise'])

    await box.fill('SECURITE')
    await expect(count).toHaveText('1 of 3')
    await matchAccents.click()
    await expect(matchAccents).toHaveAttribute('aria-pressed', 'true')
    await expect(count).toHaveText('No matches')
    await expect.poll(() => searchMarks(page)).toEqual({ others: [], current: [] })
    await box.fill('SÉCURITÉ')
    await expect(count).toHaveText('1 of 3')
    await matchCase.click()
    await expect(count).toHaveText('No matches')
    await box.fill('sécurité')
    await expect(count).toHaveText('1 of 3')
    await matchAccents.click() // accents no longer matter, case still does
    await box.fill('SECURITE')
    await expect(count).toHaveText('No matches')
    await box.fill('securite')
    await expect(count).toHaveText('1 of 3')
    await box.fill('SECURITE')
    await matchCase.click()
    await expect(count).toHaveText('1 of 3')
  })

  test('computes every match but registers only those near the viewport', async ({ app }) => {
    const { page } = app
    const s = new SessionPage(page)
    await s.openSample()
    await page.keyboard.press('Control+f')
    const bar = page.getByRole('search', { name: 'Article search' })
    await bar.getByRole('textbox', { name: 'Find in article' }).fill('openai')
    // "Openai" occurs ten times, from the first paragraph to the last.
    await expect(bar.getByRole('status')).toHaveText('1 of 10')
    const atTop = await searchMarks(page)
    expect(atTop.current).toEqual(['Openai'])
    const registeredAtTop = atTop.others.length + atTop.current.length
    expect(registeredAtTop).toBeLessThan(10)
    expect((await currentMatch(page))!.paragraph).toBe(0)

    // Previous from the first wraps to the last match: the article scrolls to
    // the end, which is now painted, and the start is not any more.
    await page.keyboard.press('Shift+Enter')
    await expect(bar.getByRole('status')).toHaveText('10 of 10')
    await expect.poll(async () => (await currentMatch(page))?.inView).toBe(true)
    const last = (await currentMatch(page))!
    expect(last.paragraph).toBe(16)
    await expect
      .poll(async () => {
        const marks = await searchMarks(page)
        return marks.others.length + marks.current.length
      })
      .toBeLessThan(10)
  })
})
