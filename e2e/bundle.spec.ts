// Checks of the built bundles that only make sense after `electron-vite build`.
import { readFile } from 'node:fs/promises'
import { test, expect } from '@playwright/test'

test('the sandboxed preload requires nothing but electron', async () => {
  const preload = await readFile('out/preload/index.cjs', 'utf8')
  const required = [...preload.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1])
  expect(required.length).toBeGreaterThan(0)
  expect(new Set(required)).toEqual(new Set(['electron']))
  // It exposes the contract as window.gloss, never ipcRenderer itself.
  expect(preload).toContain('exposeInMainWorld("gloss"')
  expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*\)/)
})

test('the renderer bundle serves with a CSP meta tag and no inline script', async () => {
  const html = await readFile('out/renderer/index.html', 'utf8')
  expect(html).toContain("default-src 'none'; script-src 'self'; style-src 'self'")
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/)
})
