// The pool of import workers, with the real worker thread (built from the
// sources): bytes handed over, not copied; a PDF's pages reported; a
// cancel that stops a running parse, the next file getting a fresh worker;
// a worker out of memory (a hostile file) or crashing failing its file as
// damaged while the pool goes on; no more workers than its size, stopped
// when idle; nothing left running once closed.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { officeFixture } from '../../../test-support/office-fixtures'
import { articleFodt, CULTURE_ARTICLE, longArticle } from '../../../test-support/pdf-fixtures'
import { importWorkerPath } from '../test-support/import-worker'
import { inProcessParser, type ArticleParser } from './article-parser'
import { ImportError } from './import-error'
import { createParsePool, poolSize } from './parse-pool'

let workerPath: string
let culturePdf: Uint8Array
let reportPdf: Uint8Array
const pools: ArticleParser[] = []

beforeAll(async () => {
  workerPath = await importWorkerPath()
  const convert = async (name: string, source: string) =>
    new Uint8Array(await readFile(await officeFixture({ name, source, to: 'pdf' })))
  culturePdf = await convert('culture.fodt', articleFodt(CULTURE_ARTICLE))
  // The 300-page report of the PDF speed test and the bench (cached).
  reportPdf = await convert('report.fodt', articleFodt(longArticle(116)))
}, 600_000)

afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()))
})

function pool(options: Partial<Parameters<typeof createParsePool>[0]> = {}) {
  const made = createParsePool({ workerPath, ...options })
  pools.push(made)
  return made
}

const utf8 = (text: string) => new TextEncoder().encode(text)
const request = (file: string) => ({ file, maxBytes: 50 * 1024 * 1024 })

/** The reason's key of a rejected parse. */
async function reasonOf(parse: Promise<unknown>): Promise<string> {
  const e = await parse.then(
    () => null,
    (e: unknown) => e,
  )
  if (!(e instanceof ImportError)) throw new Error(`not an ImportError: ${String(e)}`)
  return typeof e.reason === 'string' ? e.reason : e.reason.key
}

describe('the pool of import workers', () => {
  it('hands a file’s buffer over to the worker (no copy); a view of a larger buffer is copied', async () => {
    const parser = pool()
    const owned = utf8('Un article entier.')
    const read = await parser.parse(owned, request('owned.txt'))
    expect(read.kind === 'article' && read.article.text).toBe('Un article entier.')
    // Transferred: this side's buffer is detached.
    expect(owned.byteLength).toBe(0)
    // A Buffer from Node's shared pool: copied, so the pool's memory stays whole.
    const pooled = Buffer.from('Un petit article.')
    expect(pooled.buffer.byteLength).toBeGreaterThan(pooled.byteLength)
    const again = await parser.parse(pooled, request('pooled.txt'))
    expect(again.kind === 'article' && again.article.text).toBe('Un petit article.')
    expect(pooled.toString()).toBe('Un petit article.')
  })

  it('reports a PDF’s pages as the worker reads them', async () => {
    const parser = pool()
    const pages: [number, number][] = []
    const read = await parser.parse(new Uint8Array(culturePdf), request('culture.pdf'), {
      onProgress: (done, total) => pages.push([done, total]),
    })
    expect(read.kind).toBe('article')
    const total = pages[0]![1]
    expect(total).toBeGreaterThan(1)
    expect(pages.at(-1)).toEqual([total, total])
    expect(pages.map((p) => p[0])).toEqual([...pages.map((p) => p[0])].sort((a, b) => a - b))
  })

  it('stops a running parse when the analyst cancels (the same reason as in main’s thread), and reads the next file with a fresh worker', async () => {
    const parser = pool()
    let cancelled = false
    const pages: number[] = []
    const parse = parser.parse(new Uint8Array(reportPdf), request('report.pdf'), {
      onProgress: (done) => {
        pages.push(done)
        // Cancelled as soon as the first page of 300 is read.
        cancelled = true
      },
      cancelled: () => cancelled,
    })
    const error = await parse.then(
      () => null,
      (e: unknown) => e as ImportError,
    )
    const inMain = await inProcessParser
      .parse(new Uint8Array(reportPdf), request('report.pdf'), { cancelled: () => true })
      .then(
        () => null,
        (e: unknown) => e as ImportError,
      )
    expect(error?.ref).toEqual(inMain?.ref)
    expect(error?.reason).toEqual({ key: 'main.format.cancelled' })
    expect(pages.length).toBeLessThan(300)
    // The worker that held it is gone; the next file gets a new one.
    expect(parser.workers).toBe(0)
    const next = await parser.parse(utf8('Le suivant.'), request('next.txt'))
    expect(next.kind === 'article' && next.article.text).toBe('Le suivant.')
    expect(parser.workers).toBe(1)
  })

  it('fails a file whose worker runs out of memory as damaged; the next file is read by a new worker', async () => {
    // A small heap, and a page of two million elements: far past it.
    const parser = pool({ resourceLimits: { maxOldGenerationSizeMb: 64 } })
    const huge = utf8(`<html><body>${'<p>Un mot.</p>'.repeat(2_000_000)}</body></html>`)
    expect(await reasonOf(parser.parse(huge, request('huge.html')))).toBe('main.format.corrupt')
    expect(parser.workers).toBe(0)
    const next = await parser.parse(utf8('<p>Une page.</p>'), request('small.html'))
    expect(next.kind === 'article' && next.article.text).toBe('Une page.')
  })

  it('fails each file as damaged when the worker crashes or cannot start, and never waits for it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gloss-worker-'))
    try {
      const throws = join(dir, 'throws.mjs')
      await writeFile(throws, "throw new Error('a bug at load')\n")
      const exits = join(dir, 'exits.mjs')
      await writeFile(
        exits,
        "import { parentPort } from 'node:worker_threads'\nparentPort.on('message', () => process.exit(3))\n",
      )
      for (const script of [throws, exits, join(dir, 'missing.mjs'), 'not/absolute.mjs']) {
        const parser = pool({ workerPath: script })
        const files = ['a.txt', 'b.txt', 'c.txt']
        const reasons = await Promise.all(
          files.map((f) => reasonOf(parser.parse(utf8('Un texte.'), request(f)))),
        )
        expect(reasons).toEqual([
          'main.format.corrupt',
          'main.format.corrupt',
          'main.format.corrupt',
        ])
      }
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('parses at most `size` files at once, each answer for its own file', async () => {
    const parser = pool({ size: 2 })
    let most = 0
    const parses = Array.from({ length: 8 }, (_, i) => {
      const parse = parser.parse(utf8(`Article numéro ${i}.`), request(`a${i}.txt`))
      most = Math.max(most, parser.workers)
      return parse
    })
    const reads = await Promise.all(parses)
    expect(reads.map((r) => (r.kind === 'article' ? r.article.text : ''))).toEqual(
      Array.from({ length: 8 }, (_, i) => `Article numéro ${i}.`),
    )
    expect(most).toBe(2)
  })

  it('stops its workers once idle, and starts one again for the next file', async () => {
    const parser = pool({ idleMs: 20 })
    await parser.parse(utf8('Un.'), request('one.txt'))
    expect(parser.workers).toBe(1)
    await expect.poll(() => parser.workers).toBe(0)
    const read = await parser.parse(utf8('Deux.'), request('two.txt'))
    expect(read.kind === 'article' && read.article.text).toBe('Deux.')
  })

  it('once closed, has cancelled what ran or waited, refuses new files, and runs no worker', async () => {
    const parser = pool({ size: 1 })
    const running = reasonOf(parser.parse(new Uint8Array(reportPdf), request('report.pdf')))
    const waiting = reasonOf(parser.parse(utf8('En attente.'), request('waiting.txt')))
    await parser.close()
    expect(await running).toBe('main.format.cancelled')
    expect(await waiting).toBe('main.format.cancelled')
    expect(await reasonOf(parser.parse(utf8('Après.'), request('after.txt')))).toBe(
      'main.format.cancelled',
    )
    expect(parser.workers).toBe(0)
  })

  it('takes one worker per core but main’s, at most two, at least one', () => {
    expect([1, 2, 3, 4, 16].map((cores) => poolSize(cores))).toEqual([1, 1, 2, 2, 2])
  })
})
