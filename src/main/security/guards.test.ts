import { EventEmitter } from 'node:events'
import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { isAllowedExternalUrl } from '../external-links'
import {
  BLOCKED_NAVIGATION_EVENTS,
  installNavigationGuards,
  installPermissionGuards,
  openExternalSafely,
  type PreventableEvent,
  type SessionLike,
  type ShellLike,
} from './guards'

/** A webContents double: a real EventEmitter plus setWindowOpenHandler. */
class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler
  }
  /** Emits `name` like Electron does and tells whether a listener cancelled it. */
  fire(name: string, ...args: unknown[]): boolean {
    let prevented = false
    const event: PreventableEvent = { preventDefault: () => (prevented = true) }
    this.emit(name, event, ...args)
    return prevented
  }
  open(url: string) {
    return this.windowOpenHandler!({ url })
  }
}

function fakeShell() {
  const opened: string[] = []
  const shell: ShellLike = {
    openExternal: vi.fn((url: string) => {
      opened.push(url)
      return Promise.resolve()
    }),
  }
  return { shell, opened }
}

function guarded() {
  const wc = new FakeWebContents()
  const { shell, opened } = fakeShell()
  installNavigationGuards(wc, shell)
  return { wc, shell, opened }
}

const HOSTILE_URLS = [
  'http://example.org',
  'file:///etc/passwd',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'app://gloss/index.html',
  'smb://attacker/share',
  'ms-msdt:/id PCWDiagnostic',
  'https://user:pw@example.org',
  'vbscript:msgbox(1)',
  'not a url',
  '',
]

describe('installNavigationGuards', () => {
  it.each(BLOCKED_NAVIGATION_EVENTS)('cancels %s', (name) => {
    const { wc, shell } = guarded()
    expect(wc.listenerCount(name)).toBe(1)
    for (const url of ['https://example.org', 'app://gloss/index.html', 'file:///etc/passwd'])
      expect(wc.fire(name, url), `${name} ${url}`).toBe(true)
    expect(shell.openExternal).not.toHaveBeenCalled()
  })

  it('denies every window.open, and forwards only https and mailto links', () => {
    const { wc, opened } = guarded()
    for (const url of [...HOSTILE_URLS, 'https://example.org/a', 'mailto:team@example.org'])
      expect(wc.open(url)).toEqual({ action: 'deny' })
    expect(opened).toEqual(['https://example.org/a', 'mailto:team@example.org'])
  })

  it('installs once per web contents', () => {
    const { wc, shell } = guarded()
    installNavigationGuards(wc, shell)
    for (const name of BLOCKED_NAVIGATION_EVENTS) expect(wc.listenerCount(name)).toBe(1)
  })

  it('denies any URL a page may pass to window.open (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl(), fc.constantFrom(...HOSTILE_URLS)), (url) => {
        const { wc, opened } = guarded()
        expect(wc.open(url)).toEqual({ action: 'deny' })
        for (const o of opened) expect(isAllowedExternalUrl(o)).toBe(true)
      }),
      { numRuns: 500 },
    )
  })
})

describe('openExternalSafely', () => {
  it('refuses every scheme but https and mailto, and credentials', () => {
    for (const url of HOSTILE_URLS) {
      const { shell } = fakeShell()
      expect(openExternalSafely(url, shell), url).toBe(false)
      expect(shell.openExternal).not.toHaveBeenCalled()
    }
  })

  it('forwards the normalized URL it checked', () => {
    const { shell, opened } = fakeShell()
    expect(openExternalSafely('  HTTPS://Example.org/a b\n', shell)).toBe(true)
    expect(opened).toEqual(['https://example.org/a%20b'])
  })

  it('survives a shell that fails to open', async () => {
    const shell: ShellLike = { openExternal: () => Promise.reject(new Error('no browser')) }
    expect(openExternalSafely('https://example.org', shell)).toBe(true)
    await new Promise((resolve) => setTimeout(resolve, 0)) // an unhandled rejection would fail the run
  })

  // Strings, URLs of any scheme, and URLs with hostile decorations.
  const candidates = fc.oneof(
    fc.string({ unit: 'binary' }),
    fc.webUrl({ withQueryParameters: true, withFragments: true }),
    fc
      .tuple(
        fc.constantFrom(
          'https:',
          'HTTPS:',
          'mailto:',
          'http:',
          'file:',
          'javascript:',
          'data:',
          '',
        ),
        fc.constantFrom('', '//', '///', '\\\\', ' //'),
        fc.string({ unit: 'binary', maxLength: 40 }),
      )
      .map(([scheme, slashes, rest]) => `${scheme}${slashes}${rest}`),
    fc
      .tuple(fc.constantFrom('\t', '\n', ' ', '\u0000', '\u200b', ''), fc.webUrl())
      .map(([junk, url]) => `${junk}${url.replace('://', `:${junk}//`)}${junk}`),
  )

  it('forwards only allowlisted https: and mailto: URLs (property)', () => {
    let forwarded = 0
    fc.assert(
      fc.property(candidates, (url) => {
        const { shell, opened } = fakeShell()
        const sent = openExternalSafely(url, shell)
        expect(sent).toBe(isAllowedExternalUrl(url))
        expect(opened).toHaveLength(sent ? 1 : 0)
        for (const o of opened) {
          forwarded++
          expect(isAllowedExternalUrl(o)).toBe(true)
          expect(o).toMatch(/^(https:\/\/|mailto:)/)
          expect(new URL(o).href).toBe(o)
          expect([...o].some((c) => c < ' ' || c === '\u007f')).toBe(false)
        }
      }),
      { numRuns: 2000 },
    )
    expect(forwarded).toBeGreaterThan(100) // the property exercised the forwarding path
  })
})

describe('installPermissionGuards', () => {
  function fakeSession() {
    const handlers: {
      request?: Parameters<SessionLike['setPermissionRequestHandler']>[0]
      check?: Parameters<SessionLike['setPermissionCheckHandler']>[0]
    } = {}
    const session: SessionLike = {
      setPermissionRequestHandler: (h) => (handlers.request = h),
      setPermissionCheckHandler: (h) => (handlers.check = h),
    }
    installPermissionGuards(session)
    return handlers
  }

  const PERMISSIONS = [
    'clipboard-read',
    'clipboard-sanitized-write',
    'display-capture',
    'fullscreen',
    'geolocation',
    'hid',
    'media',
    'mediaKeySystem',
    'midi',
    'midiSysex',
    'notifications',
    'openExternal',
    'pointerLock',
    'serial',
    'usb',
    'window-management',
    'unknown',
  ]

  it('answers false to every permission request', () => {
    const { request } = fakeSession()
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...PERMISSIONS), fc.string()), (permission) => {
        const callback = vi.fn()
        request!({}, permission, callback, { requestingUrl: 'app://gloss/index.html' })
        expect(callback).toHaveBeenCalledExactlyOnceWith(false)
      }),
      { numRuns: 200 },
    )
  })

  it('answers false to every permission check', () => {
    const { check } = fakeSession()
    for (const permission of PERMISSIONS)
      expect(check!(null, permission, 'app://gloss', { requestingUrl: 'app://gloss/' })).toBe(false)
  })
})
