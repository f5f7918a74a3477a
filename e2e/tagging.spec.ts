import { test, expect } from './fixtures'
import { SessionPage } from './pages/session-page'

test.describe('tagging passages', () => {
  test('tags a passage by selecting with the mouse and clicking a theme button', async ({
    app,
  }) => {
    const s = new SessionPage(app.page)
    await s.openSample()
    await expect(s.passages).toHaveCount(0)
    await expect(app.page.getByText('Select text in the article')).toBeVisible()

    await s.selectWithMouse('fondateur de startup')
    await expect(s.toolbar).toBeVisible()
    await expect(s.toolbar.getByRole('button')).toHaveText([
      /Growth\s*1/,
      /Culture\s*2/,
      /Secrecy\s*3/,
      /Safety\s*4/,
    ])
    await s.toolbar.getByRole('button', { name: 'Tag as Culture' }).click()

    await expect(s.toolbar).toBeHidden()
    await expect(s.passages).toHaveCount(1)
    await expect(s.passage('fondateur de startup')).toContainText('Culture')
    expect(await s.themesAt('fondateur de startup')).toEqual(['culture'])
    await s.waitSaved()
  })

  test('snaps a partial selection to whole words, and keeps it exact with Alt', async ({ app }) => {
    const s = new SessionPage(app.page)
    await s.openSample()
    // "ngénieur du no" lies inside "un ingénieur du nom": snapped to whole words.
    await s.tag('ngénieur du no', 'Growth')
    await expect(s.passages.first()).toContainText('“ingénieur du nom”')

    await app.page.keyboard.down('Alt')
    await s.selectWithMouse('rometteu')
    await app.page.keyboard.up('Alt')
    await s.toolbar.getByRole('button', { name: 'Tag as Safety' }).click()
    await expect(s.passage('rometteu')).toContainText('“rometteu”')
  })

  test('tags a keyboard selection with a number key', async ({ app }) => {
    const s = new SessionPage(app.page)
    await s.openSample()
    // Double-click selects a word; Shift+arrows extend the selection; 3 tags it as Secrecy.
    const { start } = await s.pointsOf('Secrective')
    await app.page.mouse.dblclick(start.x + 4, start.y)
    for (let i = 0; i < ' Fishbowl'.length; i++) await app.page.keyboard.press('Shift+ArrowRight')
    await expect(s.toolbar).toBeVisible()
    await s.settleSelection('Secrective Fishbowl')
    await app.page.keyboard.press('3')
    await expect(s.passage('Secrective Fishbowl')).toContainText('Secrecy')
    expect(await s.themesAt('Fishbowl')).toEqual(['secrecy'])
  })

  test('reaches the theme toolbar with Tab and moves through it with the arrow keys', async ({
    app,
  }) => {
    const s = new SessionPage(app.page)
    const { page } = app
    await s.openSample()
    const { start } = await s.pointsOf('Secrective')
    await page.mouse.dblclick(start.x + 4, start.y)
    await expect(s.toolbar).toBeVisible()
    await expect(s.toolbar).toHaveAttribute('aria-orientation', 'horizontal')
    // One tab stop: Tab lands on the first theme, the arrows move, Home/End jump, it wraps.
    await page.keyboard.press('Tab')
    const button = (name: string) => s.toolbar.getByRole('button', { name: `Tag as ${name}` })
    await expect(button('Growth')).toBeFocused()
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('ArrowRight')
    await expect(button('Secrecy')).toBeFocused()
    await page.keyboard.press('End')
    await expect(button('Safety')).toBeFocused()
    await page.keyboard.press('Home')
    await expect(button('Growth')).toBeFocused()
    await page.keyboard.press('ArrowLeft')
    await expect(button('Safety')).toBeFocused()
    await expect(s.toolbar.locator('button[tabindex="0"]')).toHaveCount(1)
    await page.keyboard.press('Enter')
    await expect(s.passage('Secrective')).toContainText('Safety')
    expect(await s.themesAt('Secrective')).toEqual(['safety'])
  })

  test('shows every theme of overlapping passages', async ({ app }) => {
    const s = new SessionPage(app.page)
    await s.openSample()
    await s.tag('une culture du secret pour tenter', 'Culture')
    await s.tag('du secret pour tenter de serrer les fuites', 'Secrecy')
    await expect(s.passages).toHaveCount(2)

    // Only the first passage, both, only the second.
    expect(await s.themesAt('une culture')).toEqual(['culture'])
    expect(await s.themesAt('secret pour')).toEqual(['culture', 'secrecy'])
    expect(await s.themesAt('de serrer')).toEqual(['secrecy'])

    // A second theme on the same passage: both themes on its chips and in the text.
    await s.clickHighlight('de serrer les')
    await s.details.getByRole('button', { name: 'Safety' }).click()
    await expect(s.details.getByRole('button', { name: 'Safety' })).toHaveAttribute(
      'aria-pressed',
      'true',
    )
    await expect(s.passage('serrer les fuites')).toContainText('Secrecy')
    await expect(s.passage('serrer les fuites')).toContainText('Safety')
    expect(await s.themesAt('secret pour')).toEqual(['culture', 'secrecy', 'safety'])

    // Every theme on the shared characters is painted: the first as a tint,
    // each one as its own underline bar; and nothing is added to the DOM.
    const marks = await s.marksAt('secret pour')
    expect(marks).toEqual(
      expect.arrayContaining([
        'gloss-bg-1',
        'gloss-bar-1-0',
        'gloss-bar-2-1',
        'gloss-bar-3-2',
        'gloss-overlap',
      ]),
    )
    await expect(s.article.locator('p span, p mark')).toHaveCount(0)
  })
})
