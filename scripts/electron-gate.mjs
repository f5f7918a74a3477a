// The Electron checklist gate: runs electronegativity (through its API) over
// the app's sources and fails on any finding of the checks below.
//
//   node scripts/electron-gate.mjs        (npm run check:electron)
//
// electronegativity reads TypeScript with Babel's parser, but resolves
// variables only in JavaScript, so the gate scans two copies of the shipped
// sources: `ts/` (src/ as written, minus tests and fixtures) and `js/` (main
// and preload transpiled with TypeScript). Findings are keyed by path without
// that prefix. Plain Node 20, no TypeScript runtime needed.
import { createRequire } from 'node:module'
import console from 'node:console'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve, sep } from 'node:path'
import process from 'node:process'
import { fileURLToPath, pathToFileURL } from 'node:url'

const require = createRequire(import.meta.url)

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/**
 * Check families that fail the gate: a finding whose id is the family or
 * starts with `FAMILY_` (CONTEXT_ISOLATION_JS_CHECK, NODE_INTEGRATION_HTML_CHECK,
 * NODE_INTEGRATION_ATTACH_EVENT_JS_CHECK, PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK…).
 * LIMIT_NAVIGATION is gated too: it is the static side of the navigation guards.
 */
export const GATED_CHECKS = [
  'CONTEXT_ISOLATION',
  'NODE_INTEGRATION',
  'SANDBOX',
  'REMOTE_MODULE',
  'WEB_SECURITY',
  'INSECURE_CONTENT',
  'EXPERIMENTAL_FEATURES',
  'BLINK_FEATURES',
  'OPEN_EXTERNAL',
  'PERMISSION_REQUEST_HANDLER',
  'AUXCLICK',
  'PRELOAD',
  'ALLOWPOPUPS',
  'LIMIT_NAVIGATION',
]

export function isGated(id) {
  return GATED_CHECKS.some((family) => id === family || id.startsWith(`${family}_`))
}

/**
 * Findings of gated checks that are reviewed and accepted. Each entry matches
 * one check, one file (path under src/ without extension, the same in ts/ and
 * js/) and one exact source line, so any new or moved finding still fails.
 * An entry that matches nothing fails the gate too (no stale exceptions).
 * These two checks are "manual review" checks: they report every preload and
 * every non-constant openExternal, whatever its safety.
 */
export const ALLOWLIST = [
  {
    id: 'PRELOAD_JS_CHECK',
    file: 'main/security/window-options',
    sample: 'preload: preloadPath,',
    reason:
      'The one preload (src/preload/index.ts) exposes only the GlossApi contract through ' +
      'contextBridge, runs sandboxed with contextIsolation, and validates nothing itself: ' +
      'main validates every argument against the contract table (ipc.ts, checked-calls.ts).',
  },
  {
    id: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'main/security/guards',
    sample: 'void shell.openExternal(href).catch(() => undefined)',
    reason:
      'Reached only after isAllowedExternalUrl accepted both the URL and its normalized ' +
      'href (https:/mailto:, no credentials); guards.test.ts checks it with a fast-check ' +
      'property over arbitrary strings and URLs.',
  },
]

/** Checks left out: this one downloads Electron's release list. */
const EXCLUDED_CHECKS = ['availablesecurityfixesglobalcheck']

/** Files of src/ that do not ship and are not scanned. */
function isShipped(relPath) {
  const parts = relPath.split(sep)
  return !(
    /\.test\.tsx?$/.test(relPath) ||
    parts.includes('fixtures') ||
    parts.includes('test-support')
  )
}

let engine

/**
 * Loads electronegativity without its network access: at start-up it fetches
 * translations with `got` (and gives up after a second offline). The stub
 * answers "not found" at once, so the built-in English texts are used.
 */
function electronegativity() {
  if (engine) return engine
  const engineRequire = createRequire(require.resolve('@doyensec/electronegativity'))
  const gotPath = engineRequire.resolve('got')
  const offline = async () => ({ statusCode: 404, body: '' })
  offline.head = offline
  require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offline }
  engine = require('@doyensec/electronegativity')
  return engine
}

/** The Electron version the checks assume: the installed one, else package.json's. */
export async function electronVersion() {
  try {
    const pkg = JSON.parse(await readFile(join(ROOT, 'node_modules/electron/package.json'), 'utf8'))
    return pkg.version
  } catch {
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'))
    return pkg.devDependencies.electron.replace(/^[^\d]*/, '')
  }
}

async function filesUnder(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath ?? e.path, e.name)))
}

/**
 * Runs electronegativity over `input` (a directory) and returns its raw
 * result: { issues, errors, globalChecks, atomicChecks }.
 */
export async function scan(input, version) {
  const run = electronegativity()
  return run({
    input,
    isRelative: true,
    excludeFromScan: EXCLUDED_CHECKS,
    electronVersionOverride: version ?? (await electronVersion()),
  })
}

/** Lays out ts/ and js/ copies of the shipped sources of `srcDir` in a temp dir. */
export async function stageSources(srcDir = join(ROOT, 'src')) {
  const ts = require('typescript')
  const dir = await mkdtemp(join(tmpdir(), 'gloss-electron-gate-'))
  const files = (await filesUnder(srcDir)).filter(isShipped)
  for (const rel of files) {
    const source = await readFile(join(srcDir, rel))
    await mkdir(dirname(join(dir, 'ts', rel)), { recursive: true })
    await writeFile(join(dir, 'ts', rel), source)
    const [layer] = rel.split(sep)
    // Declaration files have no code to transpile (nor to check).
    if ((layer === 'main' || layer === 'preload') && /\.ts$/.test(rel) && !/\.d\.ts$/.test(rel)) {
      const { outputText } = ts.transpileModule(source.toString('utf8'), {
        fileName: rel,
        compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
      })
      const out = join(dir, 'js', rel.replace(/\.ts$/, '.js'))
      await mkdir(dirname(out), { recursive: true })
      await writeFile(out, outputText)
    }
  }
  // The JSON checks (custom arguments, disabled security warnings) read package.json.
  await writeFile(join(dir, 'package.json'), await readFile(join(ROOT, 'package.json')))
  return { dir, files: files.length }
}

/** Compares source lines, ignoring the semicolons that the transpiled copy adds. */
function sameLine(a, b) {
  const norm = (s) => (s ?? '').trim().replace(/;$/, '')
  return norm(a) === norm(b)
}

/** "ts/main/window.ts" → { variant: 'ts', key: 'main/window' }. */
export function locate(file) {
  const parts = file.split(/[\\/]/)
  if (parts[0] === 'ts' || parts[0] === 'js')
    return {
      variant: parts[0],
      key: parts
        .slice(1)
        .join('/')
        .replace(/\.[jt]sx?$/, ''),
    }
  return { variant: '', key: parts.join('/').replace(/\.[jt]sx?$/, '') }
}

/**
 * Sorts findings: `failures` (gated, not allowlisted), `allowlisted`,
 * `informational` (checks outside the gate), and `stale` allowlist entries.
 */
export function evaluate(issues, allowlist = ALLOWLIST) {
  const failures = []
  const allowlisted = []
  const informational = []
  const uses = new Map(allowlist.map((entry) => [entry, new Set()]))
  for (const issue of issues) {
    if (!isGated(issue.id)) {
      informational.push(issue)
      continue
    }
    const { variant, key } = locate(issue.file)
    const entry = allowlist.find(
      (e) => e.id === issue.id && e.file === key && sameLine(e.sample, issue.sample),
    )
    // At most one match per copy (ts/ and js/): a second identical line is new code.
    if (entry && !uses.get(entry).has(variant)) {
      uses.get(entry).add(variant)
      allowlisted.push({ ...issue, reason: entry.reason })
    } else failures.push(issue)
  }
  const stale = allowlist.filter((entry) => uses.get(entry).size === 0)
  return { failures, allowlisted, informational, stale }
}

function describe(issue) {
  const where = `${issue.file}:${issue.location.line}:${issue.location.column}`
  const review = issue.manualReview ? ' (manual review)' : ''
  return `${issue.id}${review} ${where}\n    ${issue.sample ?? ''}\n    ${issue.description}`
}

/** The gate over this repository's src/. Returns the verdict and counts. */
export async function runGate({ log = console.log } = {}) {
  const version = await electronVersion()
  const { dir, files } = await stageSources()
  try {
    const result = await scan(dir, version)
    const verdict = evaluate(result.issues)
    const parseErrors = result.errors.filter((e) => !e.tolerable)
    log(
      `electronegativity: ${result.atomicChecks} atomic and ${result.globalChecks} global checks, ` +
        `Electron ${version}, ${files} source files (+ transpiled main and preload)`,
    )
    for (const e of result.errors)
      log(`  parse ${e.tolerable ? 'warning' : 'ERROR'}: ${e.file}: ${e.message}`)
    for (const i of verdict.failures) log(`  FAIL ${describe(i)}`)
    for (const e of verdict.stale)
      log(`  FAIL stale allowlist entry ${e.id} ${e.file}: "${e.sample}" matches nothing`)
    for (const i of verdict.allowlisted)
      log(`  allowlisted ${describe(i)}\n    reason: ${i.reason}`)
    for (const i of verdict.informational) log(`  info ${describe(i)}`)
    const ok =
      verdict.failures.length === 0 && verdict.stale.length === 0 && parseErrors.length === 0
    log(
      `electronegativity: ${result.issues.length} findings: ${verdict.failures.length} failing, ` +
        `${verdict.allowlisted.length} allowlisted, ${verdict.informational.length} outside the gate; ` +
        `${parseErrors.length} parse errors. Gate ${ok ? 'passed' : 'FAILED'}.`,
    )
    return { ok, version, files, result, parseErrors, ...verdict }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { ok } = await runGate()
  process.exitCode = ok ? 0 : 1
}
