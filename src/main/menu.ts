// The application menu. Commands that act on the open session are sent to
// the renderer, which owns the session view and its undo history.
import { app, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron'
import { MENU_CHANNEL, type MenuCommand } from '../shared/api'

export function installMenu(getWindow: () => BrowserWindow | null): void {
  const send = (command: MenuCommand) => () => getWindow()?.webContents.send(MENU_CHANNEL, command)
  const isMac = process.platform === 'darwin'
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Export CSV…', accelerator: 'CmdOrCtrl+E', click: send('export-csv') },
        { label: 'Close Session', accelerator: 'CmdOrCtrl+W', click: send('close-session') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: send('undo') },
        { label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z', click: send('redo') },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
  ]
  if (!app.isPackaged)
    (template[template.length - 1]!.submenu as MenuItemConstructorOptions[]).push({
      role: 'toggleDevTools',
    })
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
