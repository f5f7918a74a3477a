import { test, expect } from './fixtures'
import { SessionPage } from './pages/session-page'

test('switches the UI to French in Settings, and keeps it after a restart', async ({ app }) => {
  let page = app.page
  // The harness's system language is English.
  await expect(page.getByRole('button', { name: 'Open sample article' })).toBeVisible()
  await page.getByRole('button', { name: 'Settings' }).click()
  const dialog = page.getByRole('dialog', { name: 'Settings' })
  await expect(dialog.getByRole('combobox', { name: 'Language' })).toHaveValue('system')
  await dialog.getByRole('combobox', { name: 'Language' }).selectOption('fr')
  await expect(page.getByRole('dialog', { name: 'Réglages' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr')

  await page.getByRole('button', { name: 'Ouvrir l’article d’exemple' }).click()
  const s = new SessionPage(page)
  await s.article.waitFor()
  await s.selectWithMouse('Croissance rapide')
  const toolbar = page.getByRole('toolbar', { name: 'Étiqueter la sélection' })
  await toolbar.getByRole('button', { name: 'Étiqueter : Growth' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Enregistré' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Annuler' })).toBeEnabled()
  await page.getByRole('button', { name: '← Sessions' }).click()
  // Dates and counts in French.
  await expect(page.getByRole('button', { name: /OpenAI/ })).toContainText(
    /Modifiée le \d{1,2} \S+ 20\d\d/,
  )
  await expect(page.getByRole('button', { name: /OpenAI/ })).toContainText('1 passage')

  page = await app.restart()
  await expect(page.getByRole('button', { name: 'Ouvrir l’article d’exemple' })).toBeVisible()
  await page.getByRole('button', { name: 'Réglages' }).click()
  await page.getByRole('combobox', { name: 'Langue' }).selectOption('system')
  await expect(page.getByRole('combobox', { name: 'Language' })).toHaveValue('system')
  await page.getByRole('button', { name: 'Close' }).click()
  await expect(page.getByRole('button', { name: 'Open sample article' })).toBeVisible()
})

test.describe('on a French system', () => {
  test.use({ systemLocale: 'fr-FR' })

  test('speaks French from the first start, with French dates and numbers', async ({ app }) => {
    const { page } = app
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr')
    await expect(page.getByRole('button', { name: 'Ouvrir l’article d’exemple' })).toBeVisible()
    await expect(page.getByText('Aucune session pour l’instant.', { exact: false })).toBeVisible()
    await page.getByRole('button', { name: 'Réglages' }).click()
    // Nothing was chosen: the language follows the system.
    await expect(page.getByRole('combobox', { name: 'Langue' })).toHaveValue('system')
    await page.keyboard.press('Escape')

    await page.getByRole('button', { name: 'Ouvrir l’article d’exemple' }).click()
    const s = new SessionPage(page)
    await s.article.waitFor()
    await s.selectWithMouse('Croissance rapide')
    await page.keyboard.press('1')
    await expect(page.getByRole('status').filter({ hasText: 'Enregistré' })).toBeVisible()
    await expect(page.getByRole('list', { name: 'Passages' })).toContainText(
      '« Croissance rapide »',
    )
    await page.getByRole('button', { name: '← Sessions' }).click()
    await expect(page.getByRole('button', { name: /OpenAI/ })).toContainText(
      /Modifiée le \d{1,2} \S+ 20\d\d/,
    )
  })
})
