// How long "Make coder copies…" takes for three coders on the benchmark
// corpus (2,000 articles, 12 M characters, 200,000 passages): printed, not
// asserted. Run with GLOSS_MEASURE_COPIES=1 (skipped otherwise: generating
// the corpus alone takes a while); docs/performance.md keeps the numbers.
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BENCH_CORPUS, generateCorpus } from '../../../test-support/generate-corpus'
import { makeCoderCopies } from './coder-copies'

describe.runIf(process.env.GLOSS_MEASURE_COPIES)('coder copies of a 2,000-article session', () => {
  it('prints the time three copies take, without and with the analyst’s passages', async () => {
    const source = generateCorpus(BENCH_CORPUS)
    const folder = await mkdtemp(join(tmpdir(), 'gloss-copies-timing-'))
    try {
      for (const mine of [null, 'generator']) {
        const started = performance.now()
        const made = await makeCoderCopies(source, {
          folder,
          coders: ['Amélie', 'Karim', 'Louise'].map((c) => `${c}${mine ? ' (mine)' : ''}`),
          mine,
          title: 'Bench',
          madeAt: '2026-12-03T10:00:00.000Z',
          cancelled: () => false,
          onProgress: () => {},
        })
        const ms = performance.now() - started
        const sizes = await Promise.all(made.files.map((f) => stat(f.filePath)))
        expect(made.files).toHaveLength(3)
        console.log(
          `3 coder copies of ${source.meta.articles.length} articles, ${mine ? 'with' : 'without'} the analyst’s passages: ${(ms / 1000).toFixed(1)} s, ${(sizes[0]!.size / 1024 ** 2).toFixed(1)} MB each`,
        )
      }
    } finally {
      await rm(folder, { recursive: true, force: true })
    }
  }, 600_000)
})
