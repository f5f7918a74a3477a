// The renderer's own address. Plain Node, so the check that IPC senders use
// can be tested without Electron.

export const APP_SCHEME = 'app'
export const APP_HOST = 'gloss'
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

/**
 * True for pages of the Gloss bundle (app://gloss/…). Compares protocol and
 * host: the WHATWG origin of a custom scheme is opaque ("null"), so comparing
 * origins would match nothing, or everything that is also opaque.
 */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url)
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && !u.username && !u.password
  } catch {
    return false
  }
}
