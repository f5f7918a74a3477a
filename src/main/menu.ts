// Installs the application menu (built by menu-template.ts) in the given
// language; called again when the analyst changes the language.
import { app, Menu, type BrowserWindow } from 'electron'
import { MENU_CHANNEL } from '@shared/ipc/names'
import type { MainLocale } from './i18n'
import { buildMenuTemplate } from './menu-template'

export function installMenu(getWindow: () => BrowserWindow | null, locale: MainLocale): void {
  const template = buildMenuTemplate({
    locale,
    isMac: process.platform === 'darwin',
    devTools: !app.isPackaged,
    send: (command) => getWindow()?.webContents.send(MENU_CHANNEL, command),
  })
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
