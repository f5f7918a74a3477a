// While a panel or dialog is open over the session, the session's keys and
// the menu's Undo and Redo leave the session behind it alone: theme keys,
// Delete, J/K, N, and (where the overlay does not undo itself) Ctrl+Z/Ctrl+Y.
// Also when the focus has fallen back to the page, as it does when the focused
// control of a dialog goes away.
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { savedSession } from './pages/data-folder'
import { SessionPage } from './pages/session-page'

const PASSAGE_KEYS = ['1', '2', '3', '4', 'Delete', 'Backspace', 'j', 'k', 'n']
// More undos than redos: if they reached the session, one edit would be undone.
const UNDO_KEYS = ['Control+z', 'Control+Shift+z', 'Control+z', 'Control+z', 'Control+y']

interface Overlay {
  name: string
  open(page: Page): Promise<void>
  /** Takes the focus off the overlay's controls. */
  focusAway(page: Page): Promise<void>
  close(page: Page): Promise<void>
  /** Ctrl+Z and Ctrl+Y still undo and redo the session, on purpose. */
  undoKeysAct?: boolean
  /** Edit › Undo and Redo still undo and redo the session, on purpose. */
  menuUndoActs?: boolean
}

const dialog = (page: Page, name: string) => page.getByRole('dialog', { name })
/** The focus leaves the dialog's controls for the page (as when the focused control goes away). */
const blurDialog = (name: string) => async (page: Page) => {
  await dialog(page, name).getByRole('heading', { name, level: 2 }).click()
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  await expect(page.locator('body')).toBeFocused()
}

const OVERLAYS: Overlay[] = [
  {
    name: 'Keyboard shortcuts',
    open: (page) => page.keyboard.press('?'),
    focusAway: blurDialog('Keyboard shortcuts'),
    close: (page) =>
      dialog(page, 'Keyboard shortcuts').getByRole('button', { name: 'Close' }).click(),
  },
  {
    name: 'Export CSV',
    open: (page) => page.keyboard.press('Control+e'),
    focusAway: blurDialog('Export CSV'),
    close: (page) => dialog(page, 'Export CSV').getByRole('button', { name: 'Cancel' }).click(),
  },
  {
    name: 'Codebook',
    open: (page) => page.getByRole('button', { name: 'Codebook', exact: true }).click(),
    focusAway: blurDialog('Codebook'),
    close: (page) =>
      dialog(page, 'Codebook').getByRole('button', { name: 'Close', exact: true }).click(),
    // Ctrl+Z in the codebook panel undoes (its changes, or the last one).
    undoKeysAct: true,
    menuUndoActs: true,
  },
  {
    name: 'Summary',
    open: (page) => page.getByRole('button', { name: 'Summary' }).click(),
    focusAway: (page) => page.getByRole('heading', { name: 'Summary' }).first().click(),
    close: (page) => page.keyboard.press('Escape'),
    // The summary keeps the header, whose Undo and Redo work from it.
    undoKeysAct: true,
    menuUndoActs: true,
  },
  {
    name: 'Article search',
    open: (page) => page.keyboard.press('Control+f'),
    // The search box has the focus: typed keys go into it. The menu's Undo still undoes.
    focusAway: (page) => page.getByRole('textbox', { name: 'Find in article' }).click(),
    menuUndoActs: true,
    close: (page) => page.keyboard.press('Escape'),
  },
]

/** Three tagged passages, the first one selected; resolves to what the list shows. */
async function sessionWithSelection(s: SessionPage) {
  await s.openSampleWithThreePassages()
  await s.page.keyboard.press('j')
  await expect(s.details.getByRole('blockquote')).toHaveText('Il y a trois semaines')
  await s.waitSaved()
  return s.passages.allInnerTexts()
}

test.describe('overlays keep the session keys off the session behind them', () => {
  for (const overlay of OVERLAYS)
    test(`${overlay.name}: no session key changes the passages or the selection`, async ({
      app,
    }) => {
      const { page } = app
      const s = new SessionPage(page)
      const listed = await sessionWithSelection(s)
      const before = await savedSession(app.dataDir)

      await overlay.open(page)
      await overlay.focusAway(page)
      for (const key of [...PASSAGE_KEYS, ...(overlay.undoKeysAct ? [] : UNDO_KEYS)])
        await page.keyboard.press(key)
      if (!overlay.menuUndoActs) {
        for (const command of ['undo', 'undo', 'redo'] as const) await app.sendMenuCommand(command)
      }
      await overlay.close(page)
      await expect(page.getByRole('dialog')).toHaveCount(0)

      await expect(s.details.getByRole('blockquote')).toHaveText('Il y a trois semaines')
      expect(await s.passages.allInnerTexts()).toEqual(listed)
      // One edit after the overlay: once it is on disk, so would be any edit made before it.
      await page.keyboard.press('3')
      await expect(s.passage('Il y a trois semaines')).toContainText('Secrecy')
      await s.waitSaved()
      const after = await savedSession(app.dataDir)
      expect(after.passages.map((p) => [p.id, p.note, p.themeIds])).toEqual(
        before.passages.map((p) => [
          p.id,
          p.note,
          p.quote === 'Il y a trois semaines' ? [...p.themeIds, 'secrecy'] : p.themeIds,
        ]),
      )
    })
})
