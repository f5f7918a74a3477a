import { test, expect } from './fixtures'
import { SessionPage } from './pages/session-page'

/** The paragraph holding `text` (case-sensitive: "croissance rapide" occurs twice). */
const paragraphOf = (s: SessionPage, text: string) =>
  s.article.locator('p', { hasText: new RegExp(text) })

test.describe('keyboard', () => {
  test('J/K and the arrow keys move between passages, selecting, showing and scrolling to each', async ({
    app,
  }) => {
    const s = new SessionPage(app.page)
    const { keyboard } = app.page
    await s.openSampleWithThreePassages()
    const quote = s.details.getByRole('blockquote')
    const current = (text: string) =>
      expect(s.passage(text).getByRole('button')).toHaveAttribute('aria-current', 'true')

    // K with nothing selected goes to the last passage; J/K then step through the list.
    await keyboard.press('k')
    await expect(quote).toHaveText('Les gouvernements regardent')
    await current('Les gouvernements regardent')
    await expect(paragraphOf(s, 'Les gouvernements regardent')).toBeInViewport()
    await keyboard.press('k')
    await expect(quote).toHaveText('Croissance rapide')
    await keyboard.press('k')
    await expect(quote).toHaveText('Il y a trois semaines')
    await current('Il y a trois semaines')
    await expect(paragraphOf(s, 'Il y a trois semaines')).toBeInViewport()
    await expect.poll(() => s.marksAt('Il y a trois semaines')).toContain('gloss-selected')
    await keyboard.press('k') // stays on the first
    await expect(quote).toHaveText('Il y a trois semaines')
    await keyboard.press('j')
    await expect(quote).toHaveText('Croissance rapide')
    await expect(paragraphOf(s, 'Croissance rapide')).toBeInViewport()

    // In the list, ArrowDown/ArrowUp move the selection and the (visible) focus.
    const item = (text: string) => s.passage(text).getByRole('button')
    await item('Croissance rapide').focus()
    await keyboard.press('ArrowDown')
    await expect(quote).toHaveText('Les gouvernements regardent')
    await expect(item('Les gouvernements regardent')).toBeFocused()
    await expect(paragraphOf(s, 'Les gouvernements regardent')).toBeInViewport()
    const outline = await item('Les gouvernements regardent').evaluate((el) => ({
      visible: el.matches(':focus-visible'),
      style: getComputedStyle(el).outlineStyle,
      width: parseFloat(getComputedStyle(el).outlineWidth),
    }))
    expect(outline).toEqual({ visible: true, style: 'solid', width: 2 })
    await keyboard.press('ArrowUp')
    await keyboard.press('ArrowUp')
    await expect(quote).toHaveText('Il y a trois semaines')
    await expect(item('Il y a trois semaines')).toBeFocused()
    // J/K from the list keep the focus on the selected item.
    await keyboard.press('j')
    await expect(item('Croissance rapide')).toBeFocused()
    // The list is a single tab stop: only the selected item is tabbable.
    await expect(s.passages.getByRole('button')).toHaveCount(3)
    expect(
      await s.passages.getByRole('button').evaluateAll((els) => els.map((el) => el.tabIndex)),
    ).toEqual([-1, 0, -1])
  })

  test('1–9 toggle themes and Delete removes the passage focused in the list', async ({ app }) => {
    const s = new SessionPage(app.page)
    const { keyboard } = app.page
    await s.openSampleWithThreePassages()
    const item = s.passage('Croissance rapide').getByRole('button')
    await item.click()
    await expect(s.details.getByRole('blockquote')).toHaveText('Croissance rapide')
    await expect(item).toBeFocused()

    await keyboard.press('4')
    await expect(s.passage('Croissance rapide')).toContainText('Safety')
    await expect(s.details.getByRole('button', { name: 'Safety' })).toHaveAttribute(
      'aria-pressed',
      'true',
    )
    await keyboard.press('2') // Culture off
    await expect(s.passage('Croissance rapide')).not.toContainText('Culture')
    await keyboard.press('1')
    await expect(s.passage('Croissance rapide')).toContainText('Growth')
    await expect(item).toBeFocused()
    expect(await s.themesAt('Croissance rapide')).toEqual(['growth', 'safety'])

    await keyboard.press('Delete')
    await expect(s.passages).toHaveCount(2)
    await expect(s.details).toBeHidden()
    // The focus stays in the list rather than falling back to the page.
    await expect(s.passages.getByRole('button').and(app.page.locator(':focus'))).toHaveCount(1)
    await keyboard.press('Control+z')
    await expect(s.passages).toHaveCount(3)
    await expect(s.passage('Croissance rapide')).toContainText('Safety')
  })

  test('N opens the note of the selected passage for typing', async ({ app }) => {
    const s = new SessionPage(app.page)
    const { keyboard } = app.page
    await s.openSampleWithThreePassages()
    await keyboard.press('n') // nothing selected: nothing happens
    await expect(s.details).toBeHidden()
    await keyboard.press('j')
    await keyboard.press('n')
    const note = s.details.getByRole('textbox', { name: 'Note' })
    await expect(note).toBeFocused()
    await expect(note).toHaveValue('')
    await keyboard.type('à vérifier')
    await expect(note).toHaveValue('à vérifier')
    await expect(s.passage('Il y a trois semaines')).toContainText('à vérifier')
  })

  test('"?" and the ? button open the keyboard shortcuts, Esc closes them', async ({ app }) => {
    const s = new SessionPage(app.page)
    const { page } = app
    await s.openSample()
    const overlay = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
    await page.keyboard.press('?')
    await expect(overlay).toBeVisible()
    for (const line of [
      'Search the article',
      'Next / previous match',
      'Next / previous passage',
      'Tag the selected text, or toggle a theme on the selected passage',
      'Write the note of the selected passage',
      'Delete the selected passage',
      'Undo',
      'Redo',
      'Export CSV',
      'Show these shortcuts',
    ])
      await expect(overlay.getByText(line, { exact: true }).first()).toBeVisible()
    for (const key of ['J', 'K', 'N', 'F3', '1–9', '?', 'Ctrl', 'Delete', 'Esc'])
      await expect(overlay.locator('kbd', { hasText: key }).first()).toBeVisible()
    await expect(overlay).toContainText('1 Growth · 2 Culture · 3 Secrecy · 4 Safety')
    // Keys typed in the overlay do nothing behind it.
    await page.keyboard.press('j')
    await page.keyboard.press('Escape')
    await expect(overlay).toBeHidden()

    const button = page.getByRole('button', { name: 'Keyboard shortcuts' })
    await button.click()
    await expect(overlay).toBeVisible()
    await overlay.getByRole('button', { name: 'Close' }).click()
    await expect(overlay).toBeHidden()
    await expect(button).toBeFocused()
  })

  test('the theme toolbar, the passage list and the toggles carry their roles and states', async ({
    app,
  }) => {
    const s = new SessionPage(app.page)
    await s.openSample()
    await s.selectWithMouse('Croissance rapide')
    await expect(s.toolbar).toBeVisible() // role=toolbar, named "Tag selection"
    await s.toolbar.getByRole('button', { name: 'Tag as Growth' }).click()
    await expect(app.page.getByRole('list', { name: 'Passages' })).toBeVisible()
    await expect(s.passages).toHaveCount(1)
    const toggle = s.details.getByRole('group', { name: 'Themes' }).getByRole('button', {
      name: 'Growth',
    })
    await expect(toggle).toHaveAttribute('aria-pressed', 'true')
    const filter = app.page.getByRole('group', { name: 'Filter by theme' })
    await expect(filter.getByRole('button', { name: 'Growth' })).toHaveAttribute(
      'aria-pressed',
      'false',
    )
    await app.page.keyboard.press('Control+f')
    const bar = app.page.getByRole('search', { name: 'Article search' })
    await expect(bar.getByRole('button', { name: 'Match case' })).toHaveAttribute(
      'aria-pressed',
      'false',
    )
  })
})
