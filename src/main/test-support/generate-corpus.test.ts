// The seeded corpus generator (test-support/generate-corpus.ts), which the
// retrieval tests, the e2e specs and the benchmark build on: the same spec
// gives the same corpus, it has the shape asked for, its checksums are real
// SHA-256, and the folder write-corpus.ts writes opens as it was generated.
import { createHash } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { findIndexProblems } from '@shared/model/corpus'
import { findPassageProblems } from '@shared/model/schema'
import { generateCorpus, SMALL_CORPUS } from '../../../test-support/generate-corpus'
import { sha256Hex } from '../../../test-support/sha256'
import { corpusDir, writeCorpus } from '../../../test-support/write-corpus'
import { loadCorpusFolder } from '../store/corpus-folder'

describe('the corpus generator', () => {
  it('gives the same corpus for the same spec, and another for another seed', () => {
    const a = generateCorpus(SMALL_CORPUS)
    expect(generateCorpus(SMALL_CORPUS)).toEqual(a)
    expect(generateCorpus({ ...SMALL_CORPUS, seed: 1 }).meta.articles[0]!.sha256).not.toBe(
      a.meta.articles[0]!.sha256,
    )
  })

  it('makes the articles, themes, groups, attributes and passages asked for, all valid', () => {
    const spec = { ...SMALL_CORPUS, articles: 30, chars: [2000, 4000], passages: [3, 9] } as const
    const state = generateCorpus({ ...spec, themes: 14, groups: 3 })
    const { meta } = state
    expect(meta.articles).toHaveLength(30)
    expect(meta.codebook).toHaveLength(14)
    expect(meta.codebook.filter((t) => t.key).map((t) => t.key)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
    ])
    expect(new Set(meta.codebook.map((t) => t.groupId)).size).toBe(3)
    expect(meta.attributeDefs.map((d) => d.type)).toEqual(['category', 'number', 'text'])
    expect(findIndexProblems(meta)).toEqual([])
    for (const entry of meta.articles) {
      const article = state.articles.get(entry.id)!
      expect(article.text.length).toBeGreaterThanOrEqual(2000)
      expect(article.text.length).toBeLessThan(4000 + 700)
      expect(entry.chars).toBe(article.text.length)
      expect(entry.passageCount).toBe(article.passages.length)
      expect(article.passages.length).toBeGreaterThanOrEqual(3)
      expect(article.passages.length).toBeLessThanOrEqual(9)
      const view = { document: { ...entry, text: article.text }, codebook: meta.codebook }
      for (const p of article.passages) expect(findPassageProblems(view, p)).toEqual([])
      expect(Object.keys(entry.attributes).sort()).toEqual([
        'attr-edition',
        'attr-section',
        'attr-words',
        'author',
        'language',
        'outlet',
        'published',
        'url',
      ])
    }
  })

  it('computes real SHA-256 checksums of the UTF-8 text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'))
      }),
      { numRuns: 300 },
    )
    const long = 'é'.repeat(100_000)
    expect(sha256Hex(long)).toBe(createHash('sha256').update(long, 'utf8').digest('hex'))
  })

  it('writes a session folder that opens as the corpus it was made from', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gloss-generated-'))
    try {
      const state = generateCorpus(SMALL_CORPUS)
      const index = await writeCorpus(corpusDir(dir), state)
      expect(index).toBe(join(dir, 'corpus.gloss', 'session.json'))
      const loaded = await loadCorpusFolder(corpusDir(dir))
      expect(loaded.problems).toEqual([])
      expect(loaded.state.meta).toEqual(state.meta)
      expect(loaded.state.articles).toEqual(state.articles)
      expect(loaded.openArticleId).toBe(state.meta.articles[0]!.id)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
