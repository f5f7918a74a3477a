// The Gloss window: the app:// protocol confined to the renderer bundle with a
// strict CSP, and the thin Electron calls that apply the security modules
// (src/main/security/: window options, navigation and permission guards).
import { join, resolve, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import { app, BrowserWindow, net, protocol, screen, session, shell } from 'electron'
import { APP_HOST, APP_INDEX_URL, APP_SCHEME } from './app-url'
import { CONTENT_SECURITY_POLICY } from './csp'
import { installNavigationGuards, installPermissionGuards } from './security/guards'
import { constructMainWindow } from './security/window-options'
import { isOnScreen } from './window-bounds'
import type { WindowBounds } from '@shared/settings'

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

/**
 * The main window: options from security/window-options.ts, guards from
 * security/guards.ts. Only the Electron calls live here.
 */
export function createMainWindow(
  preloadPath: string,
  bounds: WindowBounds | null,
  onBoundsChange: (bounds: WindowBounds) => void,
): BrowserWindow {
  const win = constructMainWindow(BrowserWindow, preloadPath)
  // Back where the analyst left it, if that place is still on a screen.
  if (bounds && isOnScreen(bounds, screen.getAllDisplays())) {
    win.setBounds(bounds)
    if (bounds.maximized) win.maximize()
  }
  win.on('close', () => onBoundsChange({ ...win.getNormalBounds(), maximized: win.isMaximized() }))
  win.once('ready-to-show', () => win.show())
  installNavigationGuards(win.webContents, shell)
  void win.loadURL(APP_INDEX_URL)
  return win
}

/**
 * Guards every web contents Electron creates (windows, devtools, anything a
 * later feature adds) as soon as it exists, before it loads anything.
 */
export function guardAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => installNavigationGuards(contents, shell))
}

/** Denies every permission request (camera, notifications, …) of every page. */
export function denyAllPermissions(): void {
  installPermissionGuards(session.defaultSession)
}
