// electron-builder.yml: targets, asar, files, the sample article and every
// Electron fuse. scripts/check-packaging.mjs runs electron-builder itself.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Configuration } from 'electron-builder'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

const ROOT = join(import.meta.dirname, '../../..')
const config = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Configuration
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))

const targetsOf = (platform: { target?: unknown } | null | undefined) =>
  ((platform?.target ?? []) as (string | { target: string })[]).map((t) =>
    typeof t === 'string' ? t : t.target,
  )

describe('electron-builder.yml', () => {
  it('names the app', () => {
    expect(config.appId).toBe('app.gloss.desktop')
    expect(config.productName).toBe('Gloss')
    expect(pkg.productName).toBe('Gloss')
  })

  it('builds AppImage and deb on Linux, dmg on macOS, nsis on Windows', () => {
    expect(targetsOf(config.linux)).toEqual(['AppImage', 'deb'])
    expect(targetsOf(config.mac)).toEqual(['dmg'])
    expect(targetsOf(config.win)).toEqual(['nsis'])
  })

  it('packs only the built bundles and package.json, into an asar', () => {
    expect(config.asar).toBe(true)
    expect(config.files).toEqual(['out/**', 'package.json'])
    expect(pkg.main).toMatch(/^out\//)
  })

  it('puts the sample article where the main process looks for it when packaged', () => {
    expect(config.extraResources).toEqual([
      { from: 'resources/sample-article-fr.txt', to: 'sample-article-fr.txt' },
    ])
    expect(existsSync(join(ROOT, 'resources/sample-article-fr.txt'))).toBe(true)
    const index = readFileSync(join(ROOT, 'src/main/index.ts'), 'utf8')
    expect(index).toMatch(/app\.isPackaged \? process\.resourcesPath :/)
    expect(index).toContain("join(resourcesDir, 'sample-article-fr.txt')")
  })

  it.each([
    ['runAsNode', false],
    ['enableCookieEncryption', true],
    ['enableNodeOptionsEnvironmentVariable', false],
    ['enableNodeCliInspectArguments', false],
    ['enableEmbeddedAsarIntegrityValidation', true],
    ['onlyLoadAppFromAsar', true],
    ['loadBrowserProcessSpecificV8Snapshot', false],
    ['grantFileProtocolExtraPrivileges', false],
  ] as const)('sets the fuse %s to %s', (fuse, value) => {
    expect(config.electronFuses).toHaveProperty(fuse, value)
  })

  it('sets every fuse the installed electron-builder knows, and no unknown one', () => {
    const scheme = JSON.parse(
      readFileSync(join(ROOT, 'node_modules/app-builder-lib/scheme.json'), 'utf8'),
    )
    const known = Object.keys(scheme.definitions.FuseOptionsV1.properties).filter(
      (k) => k !== 'strictlyRequireAllFuses' && k !== 'resetAdHocDarwinSignature',
    )
    expect(Object.keys(config.electronFuses!).sort()).toEqual(known.sort())
  })

  it('has npm run dist build then package', () => {
    expect(pkg.scripts.dist).toBe('electron-vite build && electron-builder')
    expect(pkg.devDependencies).toHaveProperty('electron-builder')
  })
})
