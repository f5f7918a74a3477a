// Packaging smoke test, offline: runs electron-builder with the project's
// electron-builder.yml on the built app (out/), for Linux's unpacked `dir`
// target, with a stand-in Electron binary that carries Electron's fuse wire
// (the real binary cannot be downloaded here). Then checks what a user would
// get: the fuses as flipped in the binary, app.asar holding only the built
// bundles (main's import worker among them, importing nothing but Node's
// modules and production dependencies, and reading a page when run),
// package.json and production dependencies, and the sample article where
// src/main/index.ts looks for it.
//
//   npm run check:packaging     (builds first; plain Node 20)
import { Buffer } from 'node:buffer'
import { spawnSync } from 'node:child_process'
import console from 'node:console'
import { existsSync } from 'node:fs'
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import process from 'node:process'
import { clearTimeout, setTimeout } from 'node:timers'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/** @electron/fuses: the wire follows this sentinel: version, length, one byte per fuse. */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
/** Fuse order of wire version 1 (@electron/fuses FuseV1Options). */
const FUSES = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
]
/** What an unflipped Electron binary ships with ('1' on, '0' off). */
const ELECTRON_DEFAULTS = '10110001'
const EXPECTED_FUSES = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  loadBrowserProcessSpecificV8Snapshot: false,
  grantFileProtocolExtraPrivileges: false,
}

/** A stand-in Electron distribution: an executable with Electron's default fuse wire. */
async function fakeElectronDist(dir) {
  await mkdir(join(dir, 'resources'), { recursive: true })
  const wire = Buffer.concat([
    Buffer.from('#!/bin/sh\necho "stand-in Electron binary for check-packaging"\nexit 0\n'),
    Buffer.from(SENTINEL, 'latin1'),
    Buffer.from([1, FUSES.length]),
    Buffer.from(ELECTRON_DEFAULTS, 'latin1'),
    Buffer.from('\n'),
  ])
  await writeFile(join(dir, 'electron'), wire)
  await chmod(join(dir, 'electron'), 0o755)
  await writeFile(join(dir, 'LICENSE'), 'stand-in\n')
}

/** Reads the fuse wire from a binary, as @electron/fuses does. */
export function readFuses(binary) {
  const at = binary.indexOf(Buffer.from(SENTINEL, 'latin1'))
  if (at < 0) throw new Error('no fuse sentinel in the packaged binary')
  if (binary.lastIndexOf(Buffer.from(SENTINEL, 'latin1')) !== at)
    throw new Error('several fuse sentinels')
  const wire = at + SENTINEL.length
  const length = binary[wire + 1]
  const fuses = {}
  for (let i = 0; i < Math.min(length, FUSES.length); i++) {
    const state = String.fromCharCode(binary[wire + 2 + i])
    fuses[FUSES[i]] = state === '1' ? true : state === '0' ? false : state
  }
  return fuses
}

/** Lists the files of an asar archive from its JSON header. */
export function asarFiles(archive) {
  const headerLength = archive.readUInt32LE(12)
  const header = JSON.parse(archive.subarray(16, 16 + headerLength).toString('utf8'))
  const files = []
  const walk = (node, prefix) => {
    for (const [name, entry] of Object.entries(node.files ?? {})) {
      const path = prefix ? `${prefix}/${name}` : name
      if (entry.files) walk(entry, path)
      else files.push(path)
    }
  }
  walk(header, '')
  return files.sort()
}

export async function checkPackaging({ log = console.log } = {}) {
  const problems = []
  const check = (ok, message) => {
    if (!ok) problems.push(message)
    log(`  ${ok ? 'ok  ' : 'FAIL'} ${message}`)
  }
  if (!existsSync(join(ROOT, 'out/main/index.js')))
    throw new Error('out/ is not built: run `npm run build` first')

  const tmp = await mkdtemp(join(tmpdir(), 'gloss-packaging-'))
  try {
    const dist = join(tmp, 'electron-dist')
    const output = join(tmp, 'dist')
    await fakeElectronDist(dist)
    const builder = spawnSync(
      process.execPath,
      [
        join(ROOT, 'node_modules/electron-builder/cli.js'),
        '--linux',
        'dir',
        '--publish',
        'never',
        `-c.electronDist=${dist}`,
        `-c.directories.output=${output}`,
      ],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: 'true' } },
    )
    if (builder.status !== 0) {
      log(builder.stdout, builder.stderr)
      throw new Error(`electron-builder failed with status ${builder.status}`)
    }
    const app = join(output, 'linux-unpacked')
    const resources = join(app, 'resources')

    // Fuses, as flipped by electron-builder in the packaged binary.
    check(existsSync(join(app, 'gloss')), 'the executable is linux-unpacked/gloss')
    const fuses = readFuses(await readFile(join(app, 'gloss')))
    for (const [name, want] of Object.entries(EXPECTED_FUSES))
      check(fuses[name] === want, `fuse ${name} is ${want} (found ${fuses[name]})`)

    // app.asar: the bundles, package.json and the production dependencies only.
    check(!existsSync(join(resources, 'app')), 'no unpacked resources/app folder')
    const files = asarFiles(await readFile(join(resources, 'app.asar')))
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'))
    for (const f of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'])
      check(files.includes(f), `app.asar holds ${f}`)
    check(files.includes('package.json'), 'app.asar holds package.json')
    check(files.includes(pkg.main), `app.asar holds package.json's main (${pkg.main})`)
    const worker = importWorkerChunk(await readFile(join(ROOT, 'out/main/index.js'), 'utf8'))
    check(worker !== null, 'out/main/index.js names its import worker chunk (?modulePath)')
    if (worker) {
      check(files.includes(worker), `app.asar holds the import worker ${worker}`)
      const code = await readFile(join(ROOT, worker), 'utf8')
      const packages = [...new Set(bareImports(code).map(packageOf))]
      const unshipped = packages.filter((p) => !(p in pkg.dependencies))
      check(
        unshipped.length === 0,
        `the import worker imports only Node's modules and dependencies (${packages.join(', ')})`,
      )
      const read = await runImportWorker(join(ROOT, worker)).catch((e) => String(e))
      check(
        read === 'Le titre|Le premier paragraphe.\n\nLe second.',
        `the built import worker reads a web page in a worker thread (${JSON.stringify(read)})`,
      )
    }
    const outside = files.filter((f) => !f.startsWith('out/') && !f.startsWith('node_modules/'))
    check(
      outside.length === 1 && outside[0] === 'package.json',
      `app.asar holds nothing but out/, node_modules/ and package.json (${outside.join(', ')})`,
    )
    const modules = [...new Set(files.filter((f) => f.startsWith('node_modules/')).map(moduleOf))]
    for (const dep of Object.keys(pkg.dependencies))
      check(modules.includes(dep), `app.asar holds the dependency ${dep}`)
    const devOnly = modules.filter((m) => m in pkg.devDependencies)
    check(devOnly.length === 0, `app.asar holds no devDependency (${devOnly.join(', ')})`)
    check(
      !files.some((f) => f.startsWith('out/') && /\.tsx?$|\.map$/.test(f)),
      'app.asar holds no TypeScript sources or source maps of the app',
    )

    // The sample article, where src/main/index.ts reads it when packaged.
    const sample = join(resources, 'sample-article-fr.txt')
    check(existsSync(sample), 'resources/sample-article-fr.txt is beside app.asar')
    if (existsSync(sample))
      check(
        (await readFile(sample)).equals(
          await readFile(join(ROOT, 'resources/sample-article-fr.txt')),
        ),
        'the packaged sample article is the repository one',
      )
    log(
      `packaging: ${problems.length ? 'FAILED' : 'passed'} (${files.length} files in app.asar, ` +
        `${modules.length} modules: ${modules.join(', ')})`,
    )
    return { ok: problems.length === 0, problems, fuses, files }
  } finally {
    await rm(tmp, { recursive: true, force: true })
  }
}

/** The import worker's chunk as main's bundle names it (electron-vite's ?modulePath). */
export function importWorkerChunk(indexCode) {
  const m = /["']\.\/(chunks\/parse-worker-[\w-]+\.m?js)["']/.exec(indexCode)
  return m ? `out/main/${m[1]}` : null
}

/** Bare module specifiers a bundle imports (statically or dynamically); node: ones left out. */
export function bareImports(code) {
  const specifiers = [
    ...code.matchAll(/^\s*import\s[^'"]*?\bfrom\s*["']([^"']+)["']/gm),
    ...code.matchAll(/^\s*import\s*["']([^"']+)["']/gm),
    ...code.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g),
  ].map((m) => m[1])
  return specifiers.filter((s) => !s.startsWith('.') && !s.startsWith('node:'))
}

/** `@scope/name` or `name` of a specifier (`pdfjs-dist/legacy/build/pdf.mjs` → `pdfjs-dist`). */
function packageOf(specifier) {
  const parts = specifier.split('/')
  return specifier.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]
}

/** Runs the built worker on a small page, as the pool does: `title|text` of what it read. */
function runImportWorker(path) {
  const page =
    '<!DOCTYPE html><html lang="fr"><head><title>Le titre</title></head><body><article>' +
    '<h1>Le titre</h1><p>Le premier paragraphe.</p><p>Le second.</p></article></body></html>'
  // A copy of its own: a short Buffer lives in Node's shared pool, which cannot be transferred.
  const bytes = new Uint8Array(Buffer.from(page))
  const worker = new Worker(path)
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no answer in 30 s')), 30_000)
    worker.on('error', reject)
    worker.on('message', (reply) => {
      if (reply.type === 'progress') return
      clearTimeout(timer)
      if (reply.type === 'done') resolve(`${reply.read.article.title}|${reply.read.article.text}`)
      else reject(new Error(JSON.stringify(reply.error)))
    })
    worker.postMessage(
      { type: 'parse', id: 1, bytes, request: { file: 'page.html', maxBytes: 1 << 20 } },
      [bytes.buffer],
    )
  }).finally(() => worker.terminate())
}

function moduleOf(file) {
  const parts = file.split('/')
  return parts[1].startsWith('@') ? `${parts[1]}/${parts[2]}` : parts[1]
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { ok } = await checkPackaging()
  process.exitCode = ok ? 0 : 1
}
