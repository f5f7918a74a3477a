// Navigation, pop-up, webview, external-link and permission guards. They take
// minimal interfaces instead of Electron objects, so Vitest drives them with
// fakes; window.ts hands them the real webContents, shell and session.
import { isAllowedExternalUrl } from '../external-links'

export interface PreventableEvent {
  preventDefault(): void
}

/** The part of Electron's WebContents the guards use. */
export interface WebContentsLike {
  on(event: string, listener: (event: PreventableEvent, ...args: unknown[]) => void): unknown
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void
}

/** The part of Electron's shell the guards use. */
export interface ShellLike {
  openExternal(url: string): Promise<void>
}

/** The part of Electron's Session the guards use. */
export interface SessionLike {
  setPermissionRequestHandler(
    handler: (
      webContents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      ...rest: unknown[]
    ) => void,
  ): void
  setPermissionCheckHandler(handler: (...args: unknown[]) => boolean): void
}

/**
 * Events that would load other content into a Gloss window. All are
 * cancelled: the app never navigates after its first load (`loadURL` does
 * not emit them), it has no frames (CSP `default-src 'none'`) and no webviews.
 */
export const BLOCKED_NAVIGATION_EVENTS = [
  'will-navigate',
  'will-frame-navigate',
  'will-redirect',
  'will-attach-webview',
] as const

/**
 * Opens `url` in the system browser or mail client only if it is an https:
 * or mailto: link without credentials (`isAllowedExternalUrl`). Forwards the
 * parsed, normalized form, the string that was checked. Returns whether it
 * was forwarded.
 */
export function openExternalSafely(url: string, shell: ShellLike): boolean {
  if (!isAllowedExternalUrl(url)) return false
  const href = new URL(url).href
  if (!isAllowedExternalUrl(href)) return false
  // The one place Gloss opens anything outside itself; failures (no browser) are ignored.
  void shell.openExternal(href).catch(() => undefined)
  return true
}

const guarded = new WeakSet<object>()

/**
 * Cancels every navigation, redirect and webview attachment of `contents`,
 * and denies every new window; allowed links go to the system browser.
 * Installing twice on the same contents is a no-op.
 */
export function installNavigationGuards(contents: WebContentsLike, shell: ShellLike): void {
  if (guarded.has(contents)) return
  guarded.add(contents)
  const cancel = (event: PreventableEvent) => event.preventDefault()
  // Spelled out (not a loop over BLOCKED_NAVIGATION_EVENTS) so that static
  // checkers such as electronegativity see each listener.
  contents.on('will-navigate', cancel)
  contents.on('will-frame-navigate', cancel)
  contents.on('will-redirect', cancel)
  contents.on('will-attach-webview', cancel)
  contents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(url, shell)
    return { action: 'deny' }
  })
}

/** Refuses every permission request (camera, notifications, …) and check. */
export function installPermissionGuards(session: SessionLike): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
}
