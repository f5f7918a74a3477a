// Proves the pre-step of `npm start` / `npm run dev` (scripts/ensure-electron.mjs)
// on a copy of the installed `electron` package: with the binary missing it
// runs Electron's own installer, which downloads from a mirror served here on
// 127.0.0.1 (Electron's documented ELECTRON_MIRROR variable) and unzips with
// Electron's own extractor; with the binary present it does nothing; with
// downloads off or failing it prints the plain message and exits 1.
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { copyFile, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { zipSync } from 'fflate'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { electronPackageDir } from './ensure-electron.mjs'

const SCRIPT = resolve(import.meta.dirname, 'ensure-electron.mjs')
const REAL = electronPackageDir(resolve(import.meta.dirname, '..'))
const VERSION = (
  JSON.parse(await readFile(join(REAL, 'package.json'), 'utf8')) as { version: string }
).version

/** A stand-in for Electron's release zip: an executable and its version file. */
const FAKE_ZIP = zipSync({
  electron: [
    new TextEncoder().encode('#!/bin/sh\necho stand-in electron "$@"\n'),
    { os: 3, attrs: 0o755 << 16 },
  ],
  version: new TextEncoder().encode(`v${VERSION}`),
})
const ZIP_NAME = `electron-v${VERSION}-linux-x64.zip`

let server: Server
let mirror: string
let requests: string[] = []
let serveZip = true

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '')
    if (serveZip && req.url?.endsWith(`/${ZIP_NAME}`)) {
      res.writeHead(200, { 'content-type': 'application/zip' }).end(Buffer.from(FAKE_ZIP))
    } else res.writeHead(404).end('not here')
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  mirror = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
})
afterAll(() => new Promise<void>((done) => server.close(() => done())))

let root: string
let electronDir: string

/** A project folder whose node_modules/electron is a fresh copy of the real package. */
beforeEach(async () => {
  requests = []
  serveZip = true
  root = await mkdtemp(join(tmpdir(), 'gloss-ensure-electron-'))
  electronDir = join(root, 'node_modules', 'electron')
  await mkdir(electronDir, { recursive: true })
  for (const file of ['package.json', 'index.js', 'install.js', 'cli.js'])
    await copyFile(join(REAL, file), join(electronDir, file))
  // The installer checks the download against the package's checksums: the
  // copy lists the stand-in zip's.
  const sha = createHash('sha256').update(FAKE_ZIP).digest('hex')
  await writeFile(join(electronDir, 'checksums.json'), JSON.stringify({ [ZIP_NAME]: sha }))
  // The installer's own dependencies, as installed.
  const realModules = dirname(REAL)
  for (const scope of ['@electron', '@electron-internal'])
    await symlink(join(realModules, scope), join(root, 'node_modules', scope), 'dir')
  await writeFile(join(root, 'package.json'), '{"name":"stand-in","private":true}')
})
afterEach(() => rm(root, { recursive: true, force: true }))

interface Run {
  code: number
  stdout: string
  stderr: string
}

function run(env: Record<string, string>, args: string[] = []): Promise<Run> {
  const base: Record<string, string> = {}
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !/^(ELECTRON_|electron_|npm_config_)/.test(k)) base[k] = v
  return new Promise((done) => {
    execFile(
      process.execPath,
      [SCRIPT, ...args],
      {
        cwd: root,
        env: {
          ...base,
          ELECTRON_MIRROR: mirror,
          ELECTRON_INSTALL_PLATFORM: 'linux',
          ELECTRON_INSTALL_ARCH: 'x64',
          electron_config_cache: join(root, 'cache'),
          ...env,
        },
      },
      (error, stdout, stderr) =>
        done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    )
  })
}

const binary = () => join(electronDir, 'dist', 'electron')

describe('ensure-electron', () => {
  it("downloads the binary through Electron's installer when it is missing, printing one line", async () => {
    expect(existsSync(join(electronDir, 'path.txt'))).toBe(false)
    const result = await run({})
    expect(result).toMatchObject({ code: 0, stderr: '' })
    expect(result.stdout.trim().split('\n')).toEqual([
      `Downloading Electron ${VERSION} (about 100 MB, once)…`,
    ])
    expect(requests).toEqual([`/v${VERSION}/${ZIP_NAME}`])
    expect(await readFile(join(electronDir, 'path.txt'), 'utf8')).toBe('electron')
    expect(await readFile(binary(), 'utf8')).toContain('stand-in electron')
  })

  it('does nothing and prints nothing when the binary is there', async () => {
    expect((await run({})).code).toBe(0)
    requests = []
    // Even with downloads off: nothing is missing.
    const again = await run({ ELECTRON_SKIP_BINARY_DOWNLOAD: '1' })
    expect(again).toEqual({ code: 0, stdout: '', stderr: '' })
    expect(requests).toEqual([])
  })

  it('runs a command with ELECTRON_EXEC_PATH set to the binary', async () => {
    const result = await run({}, [
      process.execPath,
      '-e',
      'console.log("exec path: " + process.env.ELECTRON_EXEC_PATH)',
    ])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain(`exec path: ${binary()}`)
  })

  it('with downloads turned off, says what is missing and the two ways forward, and exits 1', async () => {
    const result = await run({ ELECTRON_SKIP_BINARY_DOWNLOAD: '1' })
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain(`Gloss needs Electron ${VERSION} to run`)
    expect(result.stderr).toContain('downloads are turned off (ELECTRON_SKIP_BINARY_DOWNLOAD)')
    expect(result.stderr).toContain('allow the download')
    expect(result.stderr).toContain('ELECTRON_OVERRIDE_DIST_PATH')
    expect(result.stderr).not.toMatch(/^\s+at /m)
    expect(requests).toEqual([])
    expect(existsSync(join(electronDir, 'path.txt'))).toBe(false)
  })

  it('when the download fails, gives the reason in one line, no stack trace, and exits 1', async () => {
    serveZip = false
    const result = await run({})
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('the download failed (')
    expect(result.stderr).toContain('404')
    expect(result.stderr).not.toMatch(/^\s+at /m)
    expect(requests.length).toBeGreaterThan(0)
  })

  it('uses ELECTRON_OVERRIDE_DIST_PATH when it holds an Electron, and says so when it does not', async () => {
    const elsewhere = join(root, 'elsewhere')
    await mkdir(elsewhere)
    const missing = await run({ ELECTRON_OVERRIDE_DIST_PATH: elsewhere })
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain(`ELECTRON_OVERRIDE_DIST_PATH is ${elsewhere}`)
    expect(requests).toEqual([])

    await writeFile(join(elsewhere, 'electron'), '#!/bin/sh\n', { mode: 0o755 })
    const found = await run({ ELECTRON_OVERRIDE_DIST_PATH: elsewhere }, [
      process.execPath,
      '-e',
      'console.log("exec path: " + process.env.ELECTRON_EXEC_PATH)',
    ])
    expect(found.code).toBe(0)
    expect(found.stdout).toContain(`exec path: ${join(elsewhere, 'electron')}`)
    expect(requests).toEqual([])
  })
})
