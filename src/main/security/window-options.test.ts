import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../csp'
import { constructMainWindow, mainWindowOptions } from './window-options'

const PRELOAD = '/app/out/preload/index.cjs'

describe('main window options (Electron security checklist)', () => {
  const options = mainWindowOptions(PRELOAD)
  const prefs = options.webPreferences!

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
    ['webviewTag', false],
    ['navigateOnDragDrop', false],
  ] as const)('sets %s to %s explicitly', (key, value) => {
    expect(prefs).toHaveProperty(key, value)
  })

  it('enables no Blink features and disables Auxclick', () => {
    expect(prefs).not.toHaveProperty('enableBlinkFeatures')
    expect(prefs.disableBlinkFeatures).toBe('Auxclick')
  })

  it('loads only the given preload, and sets no other code-loading or insecure option', () => {
    expect(prefs.preload).toBe(PRELOAD)
    for (const key of [
      'enableRemoteModule',
      'additionalArguments',
      'partition',
      'session',
      'devTools',
    ])
      expect(prefs).not.toHaveProperty(key)
  })

  it('is exactly what constructMainWindow hands to the BrowserWindow constructor', () => {
    const seen: unknown[] = []
    class FakeWindow {
      constructor(options: unknown) {
        seen.push(options)
      }
    }
    const win = constructMainWindow(FakeWindow, PRELOAD)
    expect(win).toBeInstanceOf(FakeWindow)
    expect(seen).toEqual([options])
  })

  it('starts hidden and titled Gloss', () => {
    expect(options.show).toBe(false)
    expect(options.title).toBe('Gloss')
  })
})

describe('Content Security Policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/)
      return [name!, values] as const
    }),
  )

  it("denies everything by default and runs only the bundle's own scripts", () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'")
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'")
    expect(directives.get('default-src')).toEqual(["'none'"])
    expect(directives.get('script-src')).toEqual(["'self'"])
  })

  it('allows no inline code, eval, remote hosts or connections', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(
      /unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval/,
    )
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|blob:|filesystem:/)
    expect(directives.get('connect-src')).toEqual(["'none'"])
    expect(directives.get('object-src') ?? directives.get('default-src')).toEqual(["'none'"])
    expect(directives.get('frame-ancestors')).toEqual(["'none'"])
    expect(directives.get('base-uri')).toEqual(["'none'"])
    expect(directives.get('form-action')).toEqual(["'none'"])
  })
})
