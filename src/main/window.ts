// The Gloss window: secure web preferences, the app:// protocol confined to
// the renderer bundle, a strict CSP, and no navigation, pop-ups or permissions.
import { join, resolve, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import { BrowserWindow, net, protocol, session, shell } from 'electron'
import { APP_HOST, APP_INDEX_URL, APP_SCHEME } from './app-url'
import { CONTENT_SECURITY_POLICY } from './csp'
import { isAllowedExternalUrl } from './external-links'

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ])
}

/** Serves files of the renderer bundle, and nothing outside it, with the CSP. */
export function serveRenderer(rendererDir: string): void {
  const root = resolve(rendererDir)
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url)
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404 })
    const wanted = resolve(root, `.${decodeURIComponent(url.pathname)}`)
    if (wanted !== root && !wanted.startsWith(root + sep))
      return new Response('Not found', { status: 404 })
    const file = wanted === root ? join(root, 'index.html') : wanted
    const response = await net.fetch(pathToFileURL(file).toString())
    const headers = new Headers(response.headers)
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY)
    headers.set('X-Content-Type-Options', 'nosniff')
    return new Response(response.body, { status: response.status, headers })
  })
}

export function createMainWindow(preloadPath: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Gloss',
    backgroundColor: '#fbfaf7',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: true,
    },
  })
  win.once('ready-to-show', () => win.show())

  const wc = win.webContents
  wc.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
  wc.on('will-navigate', (event) => event.preventDefault())
  wc.on('will-redirect', (event) => event.preventDefault())
  wc.on('will-attach-webview', (event) => event.preventDefault())

  void win.loadURL(APP_INDEX_URL)
  return win
}

/** Denies every permission request (camera, notifications, …) of every page. */
export function denyAllPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) =>
    callback(false),
  )
  session.defaultSession.setPermissionCheckHandler(() => false)
}
