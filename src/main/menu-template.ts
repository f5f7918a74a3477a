// The application menu as data: a pure function of the language, the
// platform and a way to send commands, so that it is tested without
// Electron. menu.ts turns it into Electron's menu. Commands that act on the
// open session go to the renderer, which owns the session view and its undo
// history. Every item has its label here, including Electron's role items,
// whose own labels would stay in English.
import type { MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '@shared/api'
import { mainText, type MainLocale, type MainTextKey } from './i18n'

export interface MenuOptions {
  locale: MainLocale
  isMac: boolean
  /** Adds the developer tools item (not in the packaged app). */
  devTools: boolean
  /** Sends a command to the renderer. */
  send: (command: MenuCommand) => void
}

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { locale, isMac, devTools, send } = options
  const label = (key: MainTextKey) => mainText(locale, key)
  const command = (c: MenuCommand) => () => send(c)
  const separator: MenuItemConstructorOptions = { type: 'separator' }
  const appMenu: MenuItemConstructorOptions = {
    role: 'appMenu',
    submenu: [
      { role: 'about', label: label('menu.about') },
      separator,
      { role: 'services', label: label('menu.services') },
      separator,
      { role: 'hide', label: label('menu.hide') },
      { role: 'hideOthers', label: label('menu.hideOthers') },
      { role: 'unhide', label: label('menu.showAll') },
      separator,
      { role: 'quit', label: label('menu.quit') },
    ],
  }
  return [
    ...(isMac ? [appMenu] : []),
    {
      label: label('menu.file'),
      submenu: [
        {
          label: label('menu.addArticles'),
          accelerator: 'CmdOrCtrl+Shift+O',
          click: command('add-articles'),
        },
        {
          label: label('menu.pasteArticle'),
          accelerator: 'CmdOrCtrl+Shift+V',
          // Shown, not taken: in a text field the key stays "paste as plain text".
          registerAccelerator: false,
          click: command('paste-article'),
        },
        separator,
        {
          label: label('menu.exportCsv'),
          accelerator: 'CmdOrCtrl+E',
          click: command('export-csv'),
        },
        { label: label('menu.saveCopy'), click: command('save-copy') },
        { label: label('menu.bringBack'), click: command('bring-back-coders') },
        {
          label: label('menu.closeSession'),
          accelerator: 'CmdOrCtrl+W',
          click: command('close-session'),
        },
        separator,
        // Coders: one copy of the session per coder; the coder name (Settings).
        { label: label('menu.coderCopies'), click: command('coder-copies') },
        { label: label('menu.settings'), accelerator: 'CmdOrCtrl+,', click: command('settings') },
        separator,
        isMac
          ? { role: 'close', label: label('menu.closeWindow') }
          : { role: 'quit', label: label('menu.quit') },
      ],
    },
    {
      label: label('menu.edit'),
      submenu: [
        { label: label('menu.undo'), accelerator: 'CmdOrCtrl+Z', click: command('undo') },
        { label: label('menu.redo'), accelerator: 'CmdOrCtrl+Shift+Z', click: command('redo') },
        separator,
        { role: 'cut', label: label('menu.cut') },
        { role: 'copy', label: label('menu.copy') },
        { role: 'paste', label: label('menu.paste') },
        { role: 'selectAll', label: label('menu.selectAll') },
      ],
    },
    {
      label: label('menu.view'),
      submenu: [
        {
          label: label('menu.agreement'),
          accelerator: 'CmdOrCtrl+Shift+K',
          click: command('agreement'),
        },
        separator,
        { role: 'resetZoom', label: label('menu.resetZoom') },
        { role: 'zoomIn', label: label('menu.zoomIn') },
        { role: 'zoomOut', label: label('menu.zoomOut') },
        separator,
        { role: 'togglefullscreen', label: label('menu.fullScreen') },
        ...(devTools ? [{ role: 'toggleDevTools', label: label('menu.devTools') } as const] : []),
      ],
    },
  ]
}
