// Makes sure the Electron binary is there before Gloss runs in it (npm start,
// npm run dev, the Electron e2e project), through Electron's own installer.
//
//   node scripts/ensure-electron.mjs [command [args…]]
//
// The `electron` package no longer downloads its binary at install time, and
// electron-vite does not download it either: this script does, once, by
// running the package's own `install.js` (which honours Electron's mirror and
// cache variables). When the binary is already there it does nothing and
// prints nothing. When it cannot be had it prints a short, plain message
// (what is missing, the two ways forward) and exits 1, never a stack trace.
// With a command, it then runs that command with ELECTRON_EXEC_PATH set to the
// binary (electron-vite reads it), and exits with the command's code.
//
// It must never copy the installer's work (download, checksum, unzip): it
// only decides whether to call it and how to report.
import { spawn, spawnSync } from 'node:child_process'
import console from 'node:console'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'

/** The executable inside an Electron distribution folder, per platform. */
const EXECUTABLE = {
  darwin: 'Electron.app/Contents/MacOS/Electron',
  win32: 'electron.exe',
}
const executableName = (platform) => EXECUTABLE[platform] ?? 'electron'

/** The installed `electron` package as seen from `cwd` (the project root). */
export function electronPackageDir(cwd = process.cwd()) {
  const require = createRequire(join(resolve(cwd), 'package.json'))
  return dirname(require.resolve('electron/package.json'))
}

const isSet = (value) => value !== undefined && value !== '' && value !== '0' && value !== 'false'

/** The binary if it is there, else undefined. Never downloads. */
export function installedElectron(dir, env = process.env, platform = process.platform) {
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const path = join(env.ELECTRON_OVERRIDE_DIST_PATH, executableName(platform))
    return existsSync(path) ? path : undefined
  }
  const pathFile = join(dir, 'path.txt')
  if (!existsSync(pathFile)) return undefined
  const path = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(path) ? path : undefined
}

/** The plain message for a missing binary; `why` says what went wrong. */
export function missingMessage(version, why) {
  return [
    `Gloss needs Electron ${version} to run, and its binary is not installed: ${why}.`,
    'Two ways forward:',
    "  - allow the download: run the command again with access to Electron's download host",
    '    (and without ELECTRON_SKIP_BINARY_DOWNLOAD); it happens once;',
    `  - or use an Electron ${version.split('.')[0]} installed elsewhere: set ELECTRON_OVERRIDE_DIST_PATH`,
    '    to its folder (the one holding the electron executable).',
  ].join('\n')
}

/** The installer's own reason for a failure: its first error line, without the stack. */
function installerReason(output) {
  const lines = output
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('at '))
  const error = lines.find((l) => /error/i.test(l)) ?? lines[0]
  return error ? `the download failed (${error})` : 'the download failed'
}

/**
 * The Electron binary's path, downloading it through the package's installer
 * when it is missing and downloads are allowed; or `{ missing }`, the message
 * to show. `log` receives the one line printed while downloading.
 */
export function ensureElectron({
  dir = electronPackageDir(),
  env = process.env,
  log = (line) => console.log(line),
} = {}) {
  const version = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version
  const present = installedElectron(dir, env)
  if (present) return { path: present }
  if (env.ELECTRON_OVERRIDE_DIST_PATH)
    return {
      missing: missingMessage(
        version,
        `ELECTRON_OVERRIDE_DIST_PATH is ${env.ELECTRON_OVERRIDE_DIST_PATH}, and there is no ${executableName(process.platform)} in it`,
      ),
    }
  if (isSet(env.ELECTRON_SKIP_BINARY_DOWNLOAD))
    return {
      missing: missingMessage(version, 'downloads are turned off (ELECTRON_SKIP_BINARY_DOWNLOAD)'),
    }
  log(`Downloading Electron ${version} (about 100 MB, once)…`)
  const run = spawnSync(process.execPath, [join(dir, 'install.js')], {
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const installed = run.status === 0 ? installedElectron(dir, env) : undefined
  if (installed) return { path: installed }
  return {
    missing: missingMessage(
      version,
      installerReason(`${run.stderr ?? ''}\n${run.stdout ?? ''}\n${run.error?.message ?? ''}`),
    ),
  }
}

function main(args) {
  const electron = ensureElectron()
  if ('missing' in electron) {
    console.error(electron.missing)
    process.exit(1)
  }
  if (args.length === 0) return
  const [command, ...rest] = args
  const child = spawn(command, rest, {
    stdio: 'inherit',
    env: { ...process.env, ELECTRON_EXEC_PATH: electron.path },
    shell: process.platform === 'win32',
  })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  main(process.argv.slice(2))
