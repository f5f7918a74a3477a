import { test, expect } from './fixtures'
import { SessionPage } from './pages/session-page'

/**
 * Five passages of the sample:
 *   Il y a trois semaines        Growth
 *   un ingénieur du nom          (untagged)
 *   Croissance rapide            Growth, Safety
 *   Chaos                        Culture            note "Questions d’économie"
 *   Les gouvernements regardent  Safety             note "à revoir"
 */
async function fivePassages(s: SessionPage) {
  await s.openSample()
  const note = s.details.getByRole('textbox', { name: 'Note' })
  const theme = (name: string) =>
    s.details.getByRole('group', { name: 'Themes' }).getByRole('button', { name })
  await s.tag('Il y a trois semaines', 'Growth')
  await s.tag('un ingénieur du nom', 'Growth')
  await theme('Growth').click() // its only theme off: untagged
  await expect(s.passage('un ingénieur du nom')).toContainText('Untagged')
  await s.tag('Croissance rapide', 'Growth')
  await theme('Safety').click()
  await s.tag('Chaos', 'Culture')
  await note.fill('Questions d’économie')
  await note.blur()
  await s.tag('Les gouvernements regardent', 'Safety')
  await note.fill('à revoir')
  await note.blur()
  await expect(s.passages).toHaveCount(5)
  await s.waitSaved()
}

test('filters passages by themes (any or all), note, untagged and text, with the count', async ({
  app,
}) => {
  const { page } = app
  const s = new SessionPage(page)
  await fivePassages(s)
  const quotes = s.passages.locator('.passage-quote')
  const themes = page.getByRole('group', { name: 'Filter by theme' })
  const count = page.locator('.passages-head')
  await expect(count).toHaveText('Passages5')

  // Any of the selected themes.
  await themes.getByRole('button', { name: 'Growth' }).click()
  await expect(quotes).toHaveText(['“Il y a trois semaines”', '“Croissance rapide”'])
  await expect(page.getByText('2 of 5')).toBeVisible()
  await themes.getByRole('button', { name: 'Safety' }).click()
  await expect(themes.getByRole('button', { name: 'Safety' })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  await expect(quotes).toHaveText([
    '“Il y a trois semaines”',
    '“Croissance rapide”',
    '“Les gouvernements regardent”',
  ])
  await expect(page.getByText('3 of 5')).toBeVisible()

  // All of them.
  const all = page.getByRole('button', { name: 'All selected themes' })
  const any = page.getByRole('button', { name: 'Any selected theme' })
  await expect(any).toHaveAttribute('aria-pressed', 'true')
  await all.click()
  await expect(all).toHaveAttribute('aria-pressed', 'true')
  await expect(any).toHaveAttribute('aria-pressed', 'false')
  await expect(quotes).toHaveText(['“Croissance rapide”'])
  await expect(page.getByText('1 of 5')).toBeVisible()
  await any.click()
  await expect(s.passages).toHaveCount(3)

  await page.getByRole('button', { name: 'Clear filters' }).click()
  await expect(s.passages).toHaveCount(5)
  await expect(count).toHaveText('Passages5')
  await expect(page.getByRole('button', { name: 'Clear filters' })).toBeHidden()

  // Has note, untagged, and both at once (every criterion must hold).
  const hasNote = page.getByRole('button', { name: 'Has note' })
  const untagged = page.getByRole('button', { name: 'Untagged', exact: true })
  await hasNote.click()
  await expect(hasNote).toHaveAttribute('aria-pressed', 'true')
  await expect(quotes).toHaveText(['“Chaos”', '“Les gouvernements regardent”'])
  await expect(page.getByText('2 of 5')).toBeVisible()
  await untagged.click()
  await expect(s.passages).toHaveCount(0)
  await expect(page.getByText('No passage matches the filters.')).toBeVisible()
  await expect(page.getByText('0 of 5')).toBeVisible()
  await hasNote.click()
  await expect(quotes).toHaveText(['“un ingénieur du nom”'])
  await expect(page.getByText('1 of 5')).toBeVisible()
  await untagged.click()

  // Text in the quote or the note, without accents or case.
  const text = page.getByRole('textbox', { name: 'Filter passages' })
  await text.fill('ECONOMIE')
  await expect(quotes).toHaveText(['“Chaos”']) // found in its note
  await expect(page.getByText('1 of 5')).toBeVisible()
  await text.fill('ingenieur')
  await expect(quotes).toHaveText(['“un ingénieur du nom”'])
  await text.fill('a revoir')
  await expect(quotes).toHaveText(['“Les gouvernements regardent”'])
  await text.fill('r')
  await expect(page.getByText('4 of 5')).toBeVisible()
  // Text and themes together.
  await themes.getByRole('button', { name: 'Safety' }).click()
  await expect(quotes).toHaveText(['“Croissance rapide”', '“Les gouvernements regardent”'])
  await expect(page.getByText('2 of 5')).toBeVisible()
  // Esc in the box empties it.
  await text.press('Escape')
  await expect(text).toHaveValue('')
  await expect(page.getByText('2 of 5')).toBeVisible()
})

test('J/K move through the filtered passages only', async ({ app }) => {
  const { page } = app
  const s = new SessionPage(page)
  await fivePassages(s)
  await page.getByRole('button', { name: 'Has note' }).click()
  await expect(s.passages).toHaveCount(2)
  await page.keyboard.press('Escape') // the note lost focus on blur; clear the selection
  await expect(s.details).toBeHidden()
  await page.keyboard.press('j')
  await expect(s.details.getByRole('blockquote')).toHaveText('Chaos')
  await page.keyboard.press('j')
  await expect(s.details.getByRole('blockquote')).toHaveText('Les gouvernements regardent')
  await page.keyboard.press('k')
  await expect(s.details.getByRole('blockquote')).toHaveText('Chaos')
})
