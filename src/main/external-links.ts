// Which links may leave Gloss for the system browser or mail client. Plain
// Node so it can be tested without Electron; window.ts applies it.

const ALLOWED_PROTOCOLS = new Set(['https:', 'mailto:'])

export function isAllowedExternalUrl(url: string): boolean {
  try {
    const u = new URL(url)
    // No credentials smuggled in front of a host (https://user@evil).
    return ALLOWED_PROTOCOLS.has(u.protocol) && !u.username && !u.password
  } catch {
    return false
  }
}
