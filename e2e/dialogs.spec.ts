// Modal dialogs (the export chooser, the keyboard shortcuts) reopen when asked
// again at the very moment they close: the dialog's own "close" event comes a
// task later, and must not swallow the new request nor close the new dialog.
import { test, expect } from './fixtures'
import { SessionPage } from './pages/session-page'

/**
 * In one task: close the open dialog (click its `close` button, or "Esc": the
 * browser's close request), then press `key` on the window.
 */
function closeThenPress({
  close,
  key,
  ctrlKey = false,
}: {
  close: string
  key: string
  ctrlKey?: boolean
}) {
  const dialog = document.querySelector<HTMLDialogElement>('dialog[open]')
  if (!dialog) throw new Error('no open dialog')
  if (close === 'Esc') dialog.requestClose()
  else {
    const button = [...dialog.querySelectorAll('button')].find((b) => b.textContent === close)
    if (!button) throw new Error(`no "${close}" button in the open dialog`)
    button.click()
  }
  window.dispatchEvent(
    new KeyboardEvent('keydown', { key, ctrlKey, bubbles: true, cancelable: true }),
  )
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
  await page.evaluate(closeThenPress, { close: 'Cancel', key: 'e', ctrlKey: true })
  await expect(chooser).toBeVisible()
  await expect(
    chooser.getByRole('button', { name: 'One row per passage', exact: true }),
  ).toBeFocused()

  // Esc (the browser's close request), and Ctrl+E before the close event.
  await page.evaluate(closeThenPress, { close: 'Esc', key: 'e', ctrlKey: true })
  await expect(chooser).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(chooser).toBeHidden()

  // Close, and "?" before the close event.
  await page.keyboard.press('?')
  await expect(shortcuts).toBeVisible()
  await page.evaluate(closeThenPress, { close: 'Close', key: '?' })
  await expect(shortcuts).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(shortcuts).toBeHidden()
  await expect(page.getByRole('dialog')).toHaveCount(0)
})
