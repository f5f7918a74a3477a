// Test fixtures written by a real office suite: LibreOffice (headless)
// converts a source we write as text (.fodt, .fods, .html, .txt) into the
// format under test (docx, odt, pdf, epub, xlsx…). Nothing binary is
// committed; the converted file is cached by the hash of its source and
// conversion, under node_modules/.cache, so that a test run converts each
// fixture once. Needs `soffice` (Debian: libreoffice-writer-nogui and
// libreoffice-calc-nogui; .ci/run installs them).
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, extname, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const SOFFICE = process.env.SOFFICE || 'soffice'
/** Where converted fixtures are kept (tests run from the repository's root). */
export const OFFICE_CACHE = resolve('node_modules', '.cache', 'gloss-office-fixtures')

export interface OfficeConversion {
  /** The source file's name, with the extension LibreOffice should read it by (`article.fodt`). */
  name: string
  /** Its content. */
  source: string | Uint8Array
  /**
   * The `--convert-to` argument: `docx`, `odt`, `epub`, `xlsx`, or with a
   * filter and options, e.g. `pdf:writer_pdf_Export:{"EncryptFile":…}`.
   */
  to: string
}

/**
 * The converted file's path (in the cache). Throws, naming the package to
 * install, when `soffice` is missing: these tests are not skipped.
 */
export async function officeFixture(conversion: OfficeConversion): Promise<string> {
  const key = createHash('sha256')
    .update(conversion.name)
    .update('\0')
    .update(conversion.to)
    .update('\0')
    .update(conversion.source)
    .digest('hex')
    .slice(0, 20)
  const targetExt = conversion.to.split(':')[0]!
  const out = join(
    OFFICE_CACHE,
    `${basename(conversion.name, extname(conversion.name))}-${key}.${targetExt}`,
  )
  if (existsSync(out)) return out
  const work = await mkdtemp(join(tmpdir(), 'gloss-office-'))
  try {
    const src = join(work, conversion.name)
    await writeFile(src, conversion.source)
    const outDir = join(work, 'out')
    await runSoffice([
      `-env:UserInstallation=${pathToFileURL(join(work, 'profile')).href}`,
      '--headless',
      '--norestore',
      '--nolockcheck',
      '--convert-to',
      conversion.to,
      '--outdir',
      outDir,
      src,
    ])
    const [written] = existsSync(outDir) ? await readdir(outDir) : []
    if (!written)
      throw new Error(`soffice wrote nothing converting ${conversion.name} to ${conversion.to}`)
    await cacheFile(join(outDir, written), out)
    return out
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

/**
 * Copies a written fixture into the cache, renamed into place: a parallel
 * test converting the same fixture never reads half a file.
 */
export async function cacheFile(written: string, out: string): Promise<void> {
  await mkdir(OFFICE_CACHE, { recursive: true })
  const temp = `${out}.${process.pid}.tmp`
  await writeFile(temp, await readFile(written))
  await rename(temp, out)
}

/** Runs `soffice` with `args`; rejects with its error output, or naming the packages when it is missing. */
export function runSoffice(args: string[]): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(SOFFICE, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), 180_000)
    child.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer)
      reject(
        e.code === 'ENOENT'
          ? new Error(
              `${SOFFICE} not found: these fixtures are written by LibreOffice (apt-get install libreoffice-writer-nogui libreoffice-calc-nogui)`,
            )
          : e,
      )
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      if (code === 0) resolvePromise()
      else reject(new Error(`soffice exited with ${code}: ${stderr}`))
    })
  })
}
