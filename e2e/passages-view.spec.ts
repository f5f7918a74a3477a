import { join } from 'node:path'
import type { Page } from '@playwright/test'
import type { CorpusState } from '@shared/model/corpus-edits'
import type { Passage } from '@shared/model/schema'
import { generateCorpus, SMALL_CORPUS } from '../test-support/generate-corpus'
import { writeCorpus } from '../test-support/write-corpus'
import { test, expect, type GlossApp } from './fixtures'
import { SessionPage } from './pages/session-page'

// Five articles of a few thousand characters, a codebook of eight themes in
// two groups, outlets, dates and three custom attributes.
const corpus = generateCorpus(SMALL_CORPUS)

/** Opens the generated corpus through "Open session…", as an analyst would. */
async function openCorpus(app: GlossApp, state: CorpusState = corpus): Promise<SessionPage> {
  const index = await writeCorpus(join(app.dataDir, 'study.gloss'), state)
  await app.answerNextDialog(index)
  await app.page.getByRole('button', { name: 'Open session…' }).click()
  const s = new SessionPage(app.page)
  await s.article.waitFor()
  return s
}

/** Case and accents ignored, as Gloss reads text (enough for the generated French). */
const plain = (s: string) =>
  s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/œ/g, 'oe').replace(/’/g, "'")

const everyPassage = (state: CorpusState) =>
  state.meta.articles.flatMap((entry) =>
    state.articles.get(entry.id)!.passages.map((p) => ({ entry, p })),
  )

const view = (page: Page) => page.getByRole('region', { name: 'Passages across the session' })
const rows = (page: Page) => view(page).locator('.ptable-rows [role="row"]')
/**
 * Every row's passage id, in row order: the table is virtualized, so it is
 * scrolled from top to bottom (one view at a time) and back to the top.
 */
const rowIds = (page: Page) =>
  view(page)
    .locator('.ptable-scroller')
    .evaluate(async (scroller) => {
      const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
      const seen = new Map<number, string | null>()
      const collect = () => {
        for (const el of scroller.querySelectorAll('.ptable-rows [role="row"]'))
          seen.set(Number(el.getAttribute('data-row')), el.getAttribute('data-passage-id'))
      }
      scroller.scrollTop = 0
      await frame()
      collect()
      while (scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 1) {
        const before = scroller.scrollTop
        scroller.scrollTop += Math.max(1, scroller.clientHeight - 10)
        await frame()
        collect()
        if (scroller.scrollTop === before) break
      }
      scroller.scrollTop = 0
      await frame()
      return [...seen.entries()].sort((a, b) => a[0] - b[0]).map(([, id]) => id)
    })

test('filters every passage of the session by theme, outlet and text, then opens one in its article', async ({
  app,
}) => {
  const s = await openCorpus(app)
  const { page } = app
  const all = everyPassage(corpus)
  // The passage to find: in the last article (not the one open), tagged, with a long word.
  const target = all.findLast(({ p }) => p.themeIds.length > 0 && /\p{L}{7,}/u.test(p.quote))!
  const theme = corpus.meta.codebook.find((t) => t.id === target.p.themeIds[0])!
  const outlet = target.entry.attributes.outlet!
  const word = /\p{L}{7,}/u.exec(target.p.quote)![0]
  expect(target.entry.id).not.toBe(corpus.meta.articles[0]!.id)

  await page.keyboard.press('Control+Shift+P')
  await expect(view(page)).toBeVisible()
  const status = view(page).getByRole('status')
  await expect(status).toHaveText(`${all.length} passages in 5 articles`)
  // The text filter has the focus: typing filters at once.
  const text = view(page).getByRole('textbox', { name: 'Text in quote or note' })
  await expect(text).toBeFocused()

  const filters = view(page).getByRole('complementary', { name: 'Filters' })
  await filters.getByRole('button', { name: theme.name, exact: true }).click()
  await filters.getByRole('checkbox', { name: new RegExp(`^${outlet}`) }).check()
  // Typed without its accents and in capitals: found all the same.
  await text.fill(plain(word).toUpperCase())

  const want = all.filter(
    ({ entry, p }) =>
      p.themeIds.includes(theme.id) &&
      entry.attributes.outlet === outlet &&
      (plain(p.quote).includes(plain(word)) || plain(p.note).includes(plain(word))),
  )
  const articles = new Set(want.map((w) => w.entry.id)).size
  await expect(status).toHaveText(
    `${want.length} passage${want.length > 1 ? 's' : ''} in ${articles} article${articles > 1 ? 's' : ''} (of ${all.length})`,
  )
  await expect.poll(() => rowIds(page)).toEqual(want.map((w) => w.p.id))

  // The row shows the article it comes from, with its outlet.
  const row = rows(page).and(page.locator(`[data-passage-id="${target.p.id}"]`))
  await expect(row).toContainText(target.entry.title)
  await expect(row).toContainText(outlet)

  const flashed = await s.recordFlashes()
  await row.click()
  await expect(view(page)).toBeHidden()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(target.entry.title)
  await expect(s.details.getByRole('blockquote')).toHaveText(target.p.quote)
  await expect(page.locator(`.passage-item[data-passage-id="${target.p.id}"]`)).toHaveAttribute(
    'aria-current',
    'true',
  )
  await expect.poll(async () => (await flashed()).join(' ')).toContain(target.p.quote)
  expect(await s.marksAt(target.p.quote)).toContain('gloss-selected')

  // Back to the view: the same filters, the row opened has the focus; Esc returns.
  await page.keyboard.press('Control+Shift+P')
  await expect(text).toHaveValue(plain(word).toUpperCase())
  await expect(row).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(view(page)).toBeHidden()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(target.entry.title)
})

test('filters by a range of publication dates and opens a passage from the keyboard', async ({
  app,
}) => {
  const s = await openCorpus(app)
  const { page } = app
  const all = everyPassage(corpus)
  const dates = [...new Set(corpus.meta.articles.map((a) => a.attributes.published!))].sort()
  // From the second date to the fourth: the articles in between.
  const [from, to] = [dates[1]!, dates[3]!]
  const want = all.filter(
    ({ entry }) => entry.attributes.published! >= from && entry.attributes.published! <= to,
  )

  await page.getByRole('banner').getByRole('button', { name: 'Passages', exact: true }).click()
  const filters = view(page).getByRole('complementary', { name: 'Filters' })
  const published = filters.getByRole('group', { name: 'Published' })
  await published.getByLabel('From').fill(from)
  await published.getByLabel('To').fill(to)
  await expect.poll(() => rowIds(page)).toEqual(want.map((w) => w.p.id))

  // Sorted by date published: oldest article first.
  await view(page).getByLabel('Order').selectOption({ label: 'By date published' })
  const byDate = [...want].sort(
    (a, b) =>
      a.entry.attributes.published!.localeCompare(b.entry.attributes.published!) ||
      all.indexOf(a) - all.indexOf(b),
  )
  await expect.poll(() => rowIds(page)).toEqual(byDate.map((w) => w.p.id))

  // ↓ twice from the first row, then Enter: the third passage opens.
  await rows(page).first().focus()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
  const third: { entry: { title: string }; p: Passage } = byDate[2]!
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(third.entry.title)
  await expect(s.details.getByRole('blockquote')).toHaveText(third.p.quote)
})

test('says when no passage matches, and clears the filters', async ({ app }) => {
  await openCorpus(app)
  const { page } = app
  await page.keyboard.press('Control+Shift+P')
  await view(page).getByRole('textbox', { name: 'Text in quote or note' }).fill('zzzyx')
  await expect(view(page).getByText('No passages match these filters.')).toBeVisible()
  await expect(rows(page)).toHaveCount(0)
  await view(page).getByRole('button', { name: 'Clear all filters' }).first().click()
  await expect(view(page).getByRole('status')).toHaveText(
    `${everyPassage(corpus).length} passages in 5 articles`,
  )
})
