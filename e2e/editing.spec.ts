import { test, expect } from './fixtures'
import { SessionPage } from './pages/session-page'
import { savedSession } from './pages/data-folder'

test.describe('editing passages', () => {
  test('writes a multi-line note starting with "=" and saves it', async ({ app }) => {
    const s = new SessionPage(app.page)
    await s.openSample()
    await s.tag('Croissance rapide', 'Growth')
    const note = s.details.getByRole('textbox', { name: 'Note' })
    await note.click()
    await app.page.keyboard.type('=SUM(A1:A2)')
    await app.page.keyboard.press('Enter')
    await app.page.keyboard.type('seconde ligne, « citée »')
    await expect(s.passage('Croissance rapide')).toContainText('=SUM(A1:A2) seconde ligne')
    await s.waitSaved()
    await expect
      .poll(async () => (await savedSession(app.dataDir)).passages[0]?.note)
      .toBe('=SUM(A1:A2)\nseconde ligne, « citée »')
  })

  test('opens a passage by clicking its highlight, toggles themes and deletes it', async ({
    app,
  }) => {
    const s = new SessionPage(app.page)
    await s.openSample()
    await s.tag('Chaos', 'Culture')
    await s.details.getByRole('button', { name: 'Close details' }).click()
    await expect(s.details).toBeHidden()

    await s.clickHighlight('Chaos')
    await expect(s.details).toBeVisible()
    await expect(s.details.getByRole('blockquote')).toHaveText('Chaos')
    await s.details.getByRole('button', { name: 'Growth' }).click()
    await s.details.getByRole('button', { name: 'Culture' }).click()
    await expect(s.passage('Chaos')).toContainText('Growth')
    await expect(s.passage('Chaos')).not.toContainText('Culture')

    await s.details.getByRole('button', { name: 'Delete passage' }).click()
    await expect(s.passages).toHaveCount(0)
    await expect(app.page.getByRole('status').filter({ hasText: 'Passage deleted' })).toBeVisible()
    await s.waitSaved()
    expect((await savedSession(app.dataDir)).passages).toEqual([])
  })

  test('undoes and redoes tag, untag, note and delete with the keyboard', async ({ app }) => {
    const s = new SessionPage(app.page)
    await s.openSample()
    await s.tagWith('Mais le lancer était magique', 'Growth', 'Safety')
    await s.details.getByRole('textbox', { name: 'Note' }).fill('lancement')
    await s.details.getByRole('textbox', { name: 'Note' }).blur()
    await expect(s.passage('magique')).toContainText('lancement')
    await app.page.keyboard.press('Delete')
    await expect(s.passages).toHaveCount(0)

    await app.page.keyboard.press('Control+z') // undo delete
    await expect(s.passage('magique')).toContainText('lancement')
    await app.page.keyboard.press('Control+z') // undo note
    await expect(s.passage('magique')).not.toContainText('lancement')
    await app.page.keyboard.press('Control+z') // undo Safety
    await expect(s.passage('magique')).not.toContainText('Safety')
    await app.page.keyboard.press('Control+z') // undo the tag itself
    await expect(s.passages).toHaveCount(0)
    await expect(app.page.getByRole('button', { name: 'Undo' })).toBeDisabled()

    await app.page.keyboard.press('Control+Shift+z') // redo tag
    await expect(s.passage('magique')).toContainText('Growth')
    await app.page.keyboard.press('Control+y') // redo Safety
    await expect(s.passage('magique')).toContainText('Safety')
    await app.page.keyboard.press('Control+Shift+z') // redo note
    await expect(s.passage('magique')).toContainText('lancement')
    await s.waitSaved()
    const saved = (await savedSession(app.dataDir)).passages
    expect(saved).toHaveLength(1)
    expect(saved[0]).toMatchObject({ themeIds: ['growth', 'safety'], note: 'lancement' })

    // The menu's Undo does the same as the shortcut.
    await app.sendMenuCommand('undo')
    await expect(s.passage('magique')).not.toContainText('lancement')
  })
})
