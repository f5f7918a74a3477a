// Electron cannot run here, so the thin Electron wiring is checked as source:
// every window comes from the checked options, every guard is installed, and
// nothing else in main opens links, creates windows or answers permissions.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const MAIN = join(import.meta.dirname, '..')
const read = (rel: string) => readFileSync(join(MAIN, rel), 'utf8')

/** Source files of the main process that ship (no tests, fixtures or test helpers). */
const shipped = readdirSync(MAIN, { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.ts$/.test(f) && !/\.test\.ts$/.test(f))
  .filter((f) => !/(^|\/)(fixtures|test-support)\//.test(f))
  .map((f) => relative(MAIN, join(MAIN, f)))

const filesMatching = (pattern: RegExp) => shipped.filter((f) => pattern.test(read(f))).sort()

describe('security wiring of the main process', () => {
  it('creates windows only through constructMainWindow', () => {
    expect(filesMatching(/new BrowserWindow\b/)).toEqual(['security/window-options.ts'])
    expect(filesMatching(/\bwebPreferences\b/)).toEqual(['security/window-options.ts'])
    const window = read('window.ts')
    expect(window).toMatch(/const win = constructMainWindow\(BrowserWindow, preloadPath\)/)
  })

  it('guards the main window and every other web contents', () => {
    const window = read('window.ts')
    expect(window).toContain('installNavigationGuards(win.webContents, shell)')
    expect(window).toMatch(
      /app\.on\('web-contents-created', \(_event, contents\) => installNavigationGuards\(contents, shell\)\)/,
    )
    expect(window).toContain('installPermissionGuards(session.defaultSession)')
  })

  it('installs the guards and the sandbox from index.ts before anything loads', () => {
    const index = read('index.ts')
    const at = (s: string) => {
      const i = index.indexOf(s)
      expect(i, s).toBeGreaterThanOrEqual(0)
      return i
    }
    expect(at('app.enableSandbox()')).toBeLessThan(at('app.whenReady()'))
    expect(at('guardAllWebContents()')).toBeLessThan(at('app.whenReady()'))
    expect(at('denyAllPermissions()')).toBeLessThan(at('createMainWindow('))
  })

  it('opens links and answers permissions only in guards.ts', () => {
    expect(filesMatching(/\.openExternal\(/)).toEqual(['security/guards.ts'])
    expect(filesMatching(/setPermission(Request|Check)Handler\(/)).toEqual(['security/guards.ts'])
    expect(filesMatching(/setWindowOpenHandler\(/)).toEqual(['security/guards.ts'])
  })

  it('keeps the security modules free of Electron at run time', () => {
    for (const f of shipped.filter((f) => f.startsWith('security/')))
      expect(read(f), f).not.toMatch(/^import (?!type )[^\n]*from 'electron'/m)
  })
})
