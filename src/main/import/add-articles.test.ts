import { mkdir, mkdtemp, open, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ArticleEntry } from '@shared/model/corpus'
import { normalizeText } from '@shared/model/text'
import { sha256Hex } from '../store/hash'
import { importWorkerPath } from '../test-support/import-worker'
import { addArticleBatch, MAX_ADDED_BYTES, type AddedArticle, type BatchDeps } from './add-articles'
import { createParsePool } from './parse-pool'

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-add-'))
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function file(name: string, content: string | Buffer): Promise<string> {
  const path = join(dir, name)
  await writeFile(path, content)
  return path
}

/** A batch whose commits land in `session` (the articles list) and are recorded chunk by chunk. */
function batch(session: ArticleEntry[] = [], options: Partial<BatchDeps> = {}) {
  const commits: AddedArticle[][] = []
  const deps: BatchDeps = {
    existing: () => session,
    commit: (added) => {
      commits.push(added)
      session.push(...added.map((a) => a.entry))
      return Promise.resolve()
    },
    now: () => '2026-12-02T10:00:00.000Z',
    cancelled: () => false,
    ...options,
  }
  return { deps, commits, session }
}

const key = (reason: unknown) => (reason as { key: string }).key

describe('adding files to a session', () => {
  it('adds UTF-8 articles normalized as when one is opened, with their sha256', async () => {
    const crlf = await file('bom-crlf.txt', '\uFEFFPremière ligne\r\n\r\n\r\nSeconde ligne  \r\n')
    const md = await file('notes.md', '# Le titre\n\nCorps du texte.\n')
    const { deps, commits } = batch()
    const r = await addArticleBatch([crlf, md], deps)
    expect(r.failures).toEqual([])
    expect(r.duplicates).toEqual([])
    expect(r.cancelled).toBe(false)
    expect(r.added.map((a) => [a.title, a.sourceFileName])).toEqual([
      ['bom-crlf', 'bom-crlf.txt'],
      ['Le titre', 'notes.md'],
    ])
    const text = commits[0]![0]!.article.text
    expect(text).toBe('Première ligne\n\nSeconde ligne')
    expect(text).toBe(normalizeText('\uFEFFPremière ligne\r\n\r\n\r\nSeconde ligne  \r\n'))
    expect(r.added[0]!.sha256).toBe(sha256Hex(text))
    expect(r.added[0]!.chars).toBe(text.length)
    expect(r.added[0]).toMatchObject({ passageCount: 0, attributes: {} })
    // One chunk, one commit, with both articles and their files' content.
    expect(commits).toHaveLength(1)
    expect(commits[0]!.map((a) => a.entry.id)).toEqual(r.added.map((a) => a.id))
    expect(new Set(r.added.map((a) => a.id)).size).toBe(2)
  })

  it('reports each bad file by name and reason, and adds the others', async () => {
    const good = await file('good.txt', 'Un bon article.')
    const latin1 = await file('latin1.txt', Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]))
    const empty = await file('empty.txt', '')
    const blank = await file('blank.md', ' \r\n\t\n')
    const binary = await file('binary.txt', Buffer.from([0x41, 0x00, 0x42]))
    const pdf = await file('report.pdf', '%PDF-1.7\n1 0 obj')
    const rtf = await file('notes.rtf', '{\\rtf1 Bonjour}')
    const folder = join(dir, 'folder.txt')
    await mkdir(folder)
    const missing = join(dir, 'vanished.txt')
    // Larger than 20 MB without writing 20 MB: a sparse file.
    const huge = join(dir, 'huge.txt')
    const handle = await open(huge, 'w')
    await handle.truncate(MAX_ADDED_BYTES + 1)
    await handle.close()
    const other = await file('other.md', 'Un autre article.')
    const { deps } = batch()
    const r = await addArticleBatch(
      [good, latin1, empty, blank, binary, pdf, rtf, folder, missing, huge, 'relative.txt', other],
      deps,
    )
    // A Windows-1252 file is read (the article says so); the rest is refused, each with its reason.
    expect(r.added.map((a) => a.sourceFileName)).toEqual(['good.txt', 'latin1.txt', 'other.md'])
    expect(r.added[1]!.source).toEqual({ format: 'text', bytes: 5, encoding: 'windows-1252' })
    expect(r.failures.map((f) => [f.file, key(f.reason)])).toEqual([
      ['empty.txt', 'main.add.empty'],
      ['blank.md', 'main.add.empty'],
      ['binary.txt', 'main.add.notText'],
      // A cut PDF: damaged, with pdfjs's own words after the reason.
      ['report.pdf', 'main.format.detail'],
      ['notes.rtf', 'main.add.notArticle'],
      ['folder.txt', 'main.io.isFolder'],
      ['vanished.txt', 'main.io.fileMissing'],
      ['huge.txt', 'main.add.tooLarge'],
      ['relative.txt', 'main.add.notFile'],
    ])
    expect(r.failures[7]!.reason).toEqual({ key: 'main.add.tooLarge', params: { limit: 20 } })
  })

  it('does not add a text the session has, or one already read in the batch', async () => {
    const text = 'Le même article.\n\nDeux paragraphes.'
    const session: ArticleEntry[] = [
      {
        id: 'a1',
        title: 'Déjà là',
        sourceFileName: 'deja.txt',
        sha256: sha256Hex(text),
        chars: text.length,
        addedAt: '2026-12-01T10:00:00.000Z',
        attributes: {},
        passageCount: 3,
      },
    ]
    // Same normalized text with CRLF and a BOM: still the same article.
    const again = await file('again.txt', `\uFEFF${text.replace(/\n/g, '\r\n')}\r\n`)
    const fresh = await file('fresh.txt', 'Nouveau texte.')
    const freshCopy = await file('fresh-copy.md', 'Nouveau texte.\n')
    const { deps } = batch(session)
    const r = await addArticleBatch([again, fresh, freshCopy], deps)
    expect(r.added.map((a) => a.sourceFileName)).toEqual(['fresh.txt'])
    expect(r.duplicates).toEqual([
      { file: 'again.txt', title: 'Déjà là' },
      { file: 'fresh-copy.md', title: 'fresh' },
    ])
    expect(session).toHaveLength(2)
  })

  it('commits in chunks, and a cancel keeps every chunk before it and the files read', async () => {
    const paths = await Promise.all(
      Array.from({ length: 30 }, (_, i) => file(`a${i}.txt`, `Article numéro ${i}.`)),
    )
    let cancelled = false
    const progress: number[] = []
    const { deps, commits, session } = batch([], {
      chunkArticles: 10,
      chunkMs: 60_000,
      cancelled: () => cancelled,
      onProgress: (p) => {
        progress.push(p.done)
        // The analyst cancels while the 24th file is being read.
        if (p.done === 23) cancelled = true
      },
    })
    // Every file is reported (no two within 30 ms are dropped here: read them slowly).
    deps.read = async (path) => {
      await new Promise((r) => setTimeout(r, 35))
      const { readArticleFile } = await import('./article')
      return readArticleFile(path)
    }
    const r = await addArticleBatch(paths, deps)
    expect(r.cancelled).toBe(true)
    // Chunks of 10 and 10 committed while reading; the 24th file was read, then the batch stopped.
    expect(commits.map((c) => c.length)).toEqual([10, 10, 4])
    expect(r.added.map((a) => a.sourceFileName)).toEqual(
      paths.slice(0, 24).map((p) => p.slice(dir.length + 1)),
    )
    expect(session.map((a) => a.id)).toEqual(r.added.map((a) => a.id))
    expect(progress.at(-1)).toBe(24)
  })

  it('reads files ahead while adding, and adds them in the batch’s order whatever order the reads end in', async () => {
    const texts = ['Un.', 'Deux.', 'Un.', 'Trois.', 'Quatre.', 'Cinq.']
    const paths = await Promise.all(texts.map((t, i) => file(`r${i}.txt`, t)))
    const { readArticleFile } = await import('./article')
    let reading = 0
    let most = 0
    const { deps, commits } = batch([], {
      readAhead: 2,
      // Each read takes longer than the next one: the later files are read first.
      read: async (path) => {
        most = Math.max(most, ++reading)
        const i = paths.indexOf(path)
        await new Promise((r) => setTimeout(r, 10 * (texts.length - i)))
        reading--
        return readArticleFile(path)
      },
    })
    const r = await addArticleBatch([...paths, join(dir, 'gone.txt')], deps)
    expect(most).toBe(3)
    expect(r.added.map((a) => a.sourceFileName)).toEqual([
      'r0.txt',
      'r1.txt',
      'r3.txt',
      'r4.txt',
      'r5.txt',
    ])
    expect(commits.flat().map((a) => a.entry.sourceFileName)).toEqual(
      r.added.map((a) => a.sourceFileName),
    )
    // The duplicate is the later file, as when files are read one at a time.
    expect(r.duplicates).toEqual([{ file: 'r2.txt', title: 'r0' }])
    expect(r.failures.map((f) => [f.file, key(f.reason)])).toEqual([
      ['gone.txt', 'main.io.fileMissing'],
    ])
  })

  it('goes on with a new worker when one runs out of memory on a file, which is reported damaged', async () => {
    const before = await file('avant.txt', 'Le texte d’avant.')
    // A page of a million elements (14 MB), for a worker allowed 64 MB.
    const huge = await file(
      'huge.html',
      `<html><body>${'<p>Un mot.</p>'.repeat(1_000_000)}</body></html>`,
    )
    const after = await file('apres.md', '# Après\n\nLe texte d’après.')
    const parser = createParsePool({
      workerPath: await importWorkerPath(),
      size: 1,
      resourceLimits: { maxOldGenerationSizeMb: 64 },
    })
    try {
      const { deps } = batch([], { parser })
      const r = await addArticleBatch([before, huge, after], deps)
      expect(r.added.map((a) => a.sourceFileName)).toEqual(['avant.txt', 'apres.md'])
      expect(r.failures).toEqual([
        {
          file: 'huge.html',
          reason: { key: 'main.format.corrupt' },
        },
      ])
    } finally {
      await parser.close()
    }
  })

  it('stops when the session cannot be written, keeping what it holds', async () => {
    const paths = await Promise.all(
      Array.from({ length: 5 }, (_, i) => file(`b${i}.txt`, `Texte ${i}.`)),
    )
    const { StoreError } = await import('../store/session-file')
    let commits = 0
    const { deps } = batch([], {
      chunkArticles: 2,
      commit: () =>
        ++commits === 2
          ? Promise.reject(new StoreError('write-failed', { key: 'main.save.diskFull' }))
          : Promise.resolve(),
    })
    const r = await addArticleBatch(paths, deps)
    expect(r.stoppedBy).toEqual({ key: 'main.save.diskFull' })
    expect(r.added).toHaveLength(4)
    expect(r.cancelled).toBe(false)
  })
})
