import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { savedSession } from './pages/data-folder'
import { SessionPage } from './pages/session-page'

// Long articles are laid out lazily (chunks of paragraphs near the viewport
// only), with estimated heights for the rest. These checks make sure an
// analyst never notices: text far down is reached, tagged, listed and jumped
// to, and a session reopens at the same sentence, not at the same pixel.

const PARAGRAPHS = 800
const sentence = 'La direction répète que la sécurité passe avant la croissance. '
const paragraph = (i: number) =>
  `Paragraphe ${i} : ${sentence.repeat(1 + ((i * 7) % 9))}Repère ${i}-fin.`

/** Where the paragraph containing `marker` is, relative to the article's viewport (px). */
const placeOf = (page: Page, marker: string) =>
  page.evaluate((m) => {
    const scroller = document.querySelector('.article-scroller')!.getBoundingClientRect()
    const p = [...document.querySelectorAll('article p')].find((el) => el.textContent.includes(m))!
    const r = p.getBoundingClientRect()
    return { top: r.top - scroller.top, bottom: r.bottom - scroller.top, height: scroller.height }
  }, marker)

/** The first paragraph whose bottom is below the viewport's top, and how far the top is into it. */
const topParagraph = (page: Page) =>
  page.evaluate(() => {
    const top = document.querySelector('.article-scroller')!.getBoundingClientRect().top
    const p = [...document.querySelectorAll('article p')].find(
      (el) => el.getBoundingClientRect().bottom > top,
    )!
    return {
      text: p.textContent.slice(0, 16),
      px: Math.round(top - p.getBoundingClientRect().top),
    }
  })

test('a long article: text far down is tagged, jumped to from the list and from a search, and reopens at the same sentence', async ({
  app,
}) => {
  const path = join(app.dataDir, 'Dossier long.txt')
  await writeFile(path, Array.from({ length: PARAGRAPHS }, (_, i) => paragraph(i)).join('\n\n'))
  await app.answerNextDialog(path)
  await app.page.getByRole('button', { name: 'Open article…' }).click()
  let s = new SessionPage(app.page)
  // Every paragraph is in the document as text (find, selection, screen readers).
  await expect(s.article.locator('p')).toHaveCount(PARAGRAPHS)

  // Far down: tag a passage there (the page object scrolls it into view).
  await s.tag('Repère 640-fin', 'Safety')
  await expect(s.passage('Repère 640-fin')).toContainText('Safety')
  await s.waitSaved()

  // From the top of the article, the passage list jumps to it.
  // Scrolls as the analyst's wheel does: a programmatic scroll still settling
  // (the jump above) gives way to the analyst at once.
  await app.page.locator('.article-scroller').evaluate((el) => {
    el.dispatchEvent(new WheelEvent('wheel'))
    el.scrollTop = 0
  })
  await expect
    .poll(async () => (await placeOf(app.page, 'Repère 640-fin')).top)
    .toBeGreaterThan(2000)
  await s.passage('Repère 640-fin').click()
  await expect
    .poll(async () => {
      const at = await placeOf(app.page, 'Repère 640-fin')
      return at.bottom > 0 && at.top < at.height
    })
    .toBe(true)
  expect(await s.themesAt('Repère 640-fin')).toEqual(['safety'])

  // Find in the article reaches text far below, laid out only as it comes into view.
  // Scrolls as the analyst's wheel does: a programmatic scroll still settling
  // (the jump above) gives way to the analyst at once.
  await app.page.locator('.article-scroller').evaluate((el) => {
    el.dispatchEvent(new WheelEvent('wheel'))
    el.scrollTop = 0
  })
  await app.page.keyboard.press('Control+f')
  const bar = app.page.getByRole('search', { name: 'Article search' })
  await bar.getByRole('textbox', { name: 'Find in article' }).fill('repere 777-fin')
  await expect(bar.getByRole('status')).toHaveText('1 of 1')
  await expect
    .poll(async () => {
      const at = await placeOf(app.page, 'Repère 777-fin')
      return at.bottom > 0 && at.top < at.height
    })
    .toBe(true)
  await app.page.keyboard.press('Escape')

  // Leave the view 30 px into paragraph 500, quit, and come back.
  await app.page.evaluate(() => {
    const scroller = document.querySelector('.article-scroller')!
    const p = [...document.querySelectorAll('article p')].find((el) =>
      el.textContent.startsWith('Paragraphe 500 '),
    )!
    scroller.dispatchEvent(new WheelEvent('wheel')) // the search's jump gives way
    p.scrollIntoView({ block: 'start' })
    scroller.scrollTop += 30
  })
  await expect.poll(() => topParagraph(app.page)).toEqual({ text: 'Paragraphe 500 :', px: 30 })
  // The position is saved 400 ms after scrolling stops: wait until the file
  // on disk has it, however slow the machine, before quitting.
  await expect
    .poll(async () => {
      const saved = await savedSession(app.dataDir)
      const top = saved.ui.topParagraph
      return top && { px: top.px, text: saved.document.text.slice(top.offset, top.offset + 16) }
    })
    .toEqual({ px: 30, text: 'Paragraphe 500 :' })
  const page = await app.restart()
  s = new SessionPage(page)
  await expect(s.passages).toHaveCount(1)
  await expect.poll(() => topParagraph(page)).toEqual({ text: 'Paragraphe 500 :', px: 30 })
})
