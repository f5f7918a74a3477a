// App lifecycle only: single-instance lock, ready, quit flush. Everything
// else lives in plain modules (handlers.ts) that run and are tested without Electron.
import { userInfo } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, type BrowserWindow } from 'electron'
// electron-vite bundles the import worker as a chunk of its own and gives its path.
import importWorker from './import/parse-worker?modulePath'
import { electronDialogs } from './dialogs-electron'
import { createHandlers } from './handlers'
import { SettingsStore } from './store/settings'
import { bindIpc } from './ipc'
import { installMenu } from './menu'
import { resolveLocale } from './i18n'
import type { Settings } from '@shared/settings'
import {
  ADD_ARTICLES_PROGRESS_CHANNEL,
  CODER_COPIES_PROGRESS_CHANNEL,
  EVENT_CHANNELS,
  EXPORT_PROGRESS_CHANNEL,
} from '@shared/ipc/names'
import {
  createMainWindow,
  denyAllPermissions,
  guardAllWebContents,
  registerAppScheme,
  serveRenderer,
} from './window'

const here = fileURLToPath(new URL('.', import.meta.url))
const dataDir = process.env.GLOSS_DATA_DIR || app.getPath('userData')
const resourcesDir = app.isPackaged ? process.resourcesPath : join(here, '../../resources')

let mainWindow: BrowserWindow | null = null

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  // Before ready: every renderer sandboxed, every web contents guarded from birth.
  app.enableSandbox()
  guardAllWebContents()
  registerAppScheme()
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore()
    mainWindow?.focus()
  })

  const settings = new SettingsStore(dataDir)
  // The menu speaks the language the renderer shows (app.getLocale() only after ready).
  const showMenu = (locale: Settings['locale']) =>
    installMenu(() => mainWindow, resolveLocale(locale, app.getLocale()))
  const handlers = createHandlers({
    dataDir,
    settings,
    dialogs: electronDialogs(() => mainWindow),
    samplePath: join(resourcesDir, 'sample-article-fr.txt'),
    importWorker,
    author: safeUserName(),
    systemLanguage: () => app.getLocale(),
    onSettingsChange: (s) => {
      if (app.isReady()) showMenu(s.locale)
    },
    onExportProgress: (progress) => mainWindow?.webContents.send(EXPORT_PROGRESS_CHANNEL, progress),
    onAddArticlesProgress: (progress) =>
      mainWindow?.webContents.send(ADD_ARTICLES_PROGRESS_CHANNEL, progress),
    onSessionProblems: (event) =>
      mainWindow?.webContents.send(EVENT_CHANNELS.onSessionProblems, event),
    onCoderCopiesProgress: (progress) =>
      mainWindow?.webContents.send(CODER_COPIES_PROGRESS_CHANNEL, progress),
    onAgreementProgress: (progress) =>
      mainWindow?.webContents.send(EVENT_CHANNELS.onAgreementProgress, progress),
  })

  void app.whenReady().then(async () => {
    denyAllPermissions()
    serveRenderer(join(here, '../renderer'))
    bindIpc(handlers, (wc) => wc === mainWindow?.webContents)
    const saved = await settings.get().catch(() => null)
    showMenu(saved?.locale ?? 'system')
    mainWindow = createMainWindow(
      join(here, '../preload/index.cjs'),
      saved?.window ?? null,
      (b) => {
        void settings.update({ window: b }).catch(() => undefined)
      },
    )
    mainWindow.on('closed', () => (mainWindow = null))
  })

  // Flush pending writes once (the import workers are stopped, not waited for), then quit for real.
  let flushed = false
  app.on('before-quit', (event) => {
    if (flushed) return
    event.preventDefault()
    void handlers.shutdown().finally(() => {
      flushed = true
      app.quit()
    })
  })

  app.on('window-all-closed', () => app.quit())
}

function safeUserName(): string {
  try {
    return userInfo().username
  } catch {
    return ''
  }
}
