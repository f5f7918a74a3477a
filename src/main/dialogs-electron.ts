// The Dialogs port on Electron's native dialogs. dialog.* is looked up at
// call time so the e2e suite can answer dialogs from Playwright.
import { dialog, type BrowserWindow } from 'electron'
import type { Dialogs } from './dialogs'

export function electronDialogs(getWindow: () => BrowserWindow | null): Dialogs {
  return {
    async openFile({ title, filters }) {
      const win = getWindow()
      const options = { title, filters, properties: ['openFile' as const] }
      const r = win
        ? await dialog.showOpenDialog(win, options)
        : await dialog.showOpenDialog(options)
      return r.canceled ? null : (r.filePaths[0] ?? null)
    },
    async openFiles({ title, filters }) {
      const win = getWindow()
      const options = {
        title,
        filters,
        properties: ['openFile' as const, 'multiSelections' as const],
      }
      const r = win
        ? await dialog.showOpenDialog(win, options)
        : await dialog.showOpenDialog(options)
      return r.canceled || r.filePaths.length === 0 ? null : r.filePaths
    },
    async saveFile({ title, defaultFileName, filters }) {
      const win = getWindow()
      const options = { title, defaultPath: defaultFileName, filters }
      const r = win
        ? await dialog.showSaveDialog(win, options)
        : await dialog.showSaveDialog(options)
      return r.canceled ? null : (r.filePath ?? null)
    },
    async openFolder({ title }) {
      const win = getWindow()
      const options = {
        title,
        properties: ['openDirectory' as const, 'createDirectory' as const],
      }
      const r = win
        ? await dialog.showOpenDialog(win, options)
        : await dialog.showOpenDialog(options)
      return r.canceled ? null : (r.filePaths[0] ?? null)
    },
  }
}
