// Modal dialogs (the export chooser, the keyboard shortcuts) reopen when asked
// again at the very moment they close: the dialog's own "close" event comes a
// task later, and must not swallow the new request nor close the new dialog.
import { test, expect } from './fixtures'
import { SessionPage } from './pages/session-page'

/** In one task: click `button` in the open dialog, then press `key` on the window. */
function clickThenPress({
  button,
  key,
  ctrlKey = false,
}: {
  button: string
  key: string
  ctrlKey?: boolean
}) {
  const pressed = new KeyboardEvent('keydown', { key, ctrlKey, bubbles: true, cancelable: true })
  const target = [...document.querySelectorAll<HTMLButtonElement>('dialog[open] button')].find(
    (b) => b.textContent === button,
  )
  if (!target) throw new Error(`no "${button}" button in an open dialog`)
  target.click()
  window.dispatchEvent(pressed)
}

test('the export chooser and the shortcuts reopen when asked again as they close', async ({
  app,
}) => {
  const { page } = app
  const s = new SessionPage(page)
  await s.openSample()
  const chooser = page.getByRole('dialog', { name: 'Export CSV' })
  const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' })

  // Cancel, and Ctrl+E before the close event.
  await page.keyboard.press('Control+e')
  await expect(chooser).toBeVisible()
  await page.evaluate(clickThenPress, { button: 'Cancel', key: 'e', ctrlKey: true })
  await expect(chooser).toBeVisible()
  await expect(
    chooser.getByRole('button', { name: 'One row per passage', exact: true }),
  ).toBeFocused()

  // Esc (the browser's close request), and Ctrl+E before the close event.
  await page.evaluate(() => {
    document.querySelector<HTMLDialogElement>('dialog[open]')!.requestClose()
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'e', ctrlKey: true }))
  })
  await expect(chooser).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(chooser).toBeHidden()

  // Close, and "?" before the close event.
  await page.keyboard.press('?')
  await expect(shortcuts).toBeVisible()
  await page.evaluate(clickThenPress, { button: 'Close', key: '?' })
  await expect(shortcuts).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(shortcuts).toBeHidden()
  await expect(page.getByRole('dialog')).toHaveCount(0)
})
