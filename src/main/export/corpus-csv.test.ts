// The corpus exports (passages, tidy, matrix) on a hostile corpus: every
// cell read back with csv-parse equals what the analyst typed (or the
// neutralized form of a formula-like cell), numbers stay numbers, rows come
// in list order then text order, and the files are made in chunks with
// progress. Python, pandas and R read the same files in corpus-csv-readers.test.ts.
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { articleMatcher, NO_ARTICLE_FILTER } from '@shared/model/corpus-query'
import { ENTRIES, hostileCorpus, THEMES } from '../test-support/hostile-corpus'
import {
  expectedPassageRows,
  expectedTidyRows,
  MATRIX_HEADER,
  MATRIX_ROWS,
  PASSAGES_HEADER,
  TIDY_HEADER_EXPECTED,
} from '../test-support/hostile-expected'
import { articleColumns } from './article-columns'
import {
  corpusCsvHeader,
  corpusTidyHeader,
  corpusTidyRowCount,
  corpusToCsvChunks,
  corpusToTidyCsvChunks,
  passageCount,
} from './corpus-csv'
import { matrixCsv, matrixCsvChunks, matrixHeader } from './matrix-csv'

const read = (csv: string): string[][] => parse(csv, { bom: true, relax_column_count: false })
const whole = (chunks: Iterable<string>) => [...chunks].join('')

describe('passage export over a corpus', () => {
  it('writes every passage of every article with its article’s columns after passage_id', () => {
    const state = hostileCorpus()
    const csv = whole(corpusToCsvChunks(state, ENTRIES))
    const [header, ...rows] = read(csv)
    expect(header).toEqual(PASSAGES_HEADER)
    expect(corpusCsvHeader(state)).toEqual(PASSAGES_HEADER)
    expect(rows).toEqual(expectedPassageRows())
    expect(rows.map((r) => r[0])).toEqual(['pa3', 'pa4', 'pa1', "'-pa2", 'pb1', 'pb2'])
  })

  it('keeps the file conventions: BOM, CRLF records, numbers unquoted and unprefixed', () => {
    const csv = whole(corpusToCsvChunks(hostileCorpus(), ENTRIES))
    expect(csv.startsWith('\uFEFFpassage_id,article_id,article_title,')).toBe(true)
    // Seven records, each ended by CRLF (the CRLF inside quoted cells excepted).
    expect(csv.endsWith('\r\n')).toBe(true)
    expect(csv.replace(/"(?:[^"]|"")*"/g, '').split('\r\n')).toHaveLength(8)
    // a1's Pages (-3) is a number, never prefixed; its offsets likewise.
    expect(csv).toMatch(/,positif,-3,'\+33 1 23,x,'-AFP,/)
    expect(csv).toContain(',8,17,😀 interne,')
  })

  it('limits the export to the articles given, in list order', () => {
    const state = hostileCorpus()
    const libe = ENTRIES.filter(
      articleMatcher(
        {
          ...NO_ARTICLE_FILTER,
          conditions: [{ attribute: 'outlet', kind: 'in', values: ['Libération'] }],
        },
        state.meta.attributeDefs,
      ),
    )
    expect(libe.map((e) => e.id)).toEqual(['a2', '-a3'])
    const [, ...rows] = read(whole(corpusToCsvChunks(state, libe)))
    expect(rows).toEqual(expectedPassageRows().slice(4))
    expect(passageCount(state, libe)).toBe(2)
    expect(read(whole(corpusToCsvChunks(state, [])))).toEqual([PASSAGES_HEADER])
  })

  it('is made in chunks as it is written, telling how many passages are done', () => {
    const state = hostileCorpus()
    const big = { ...state.articles.get('a1')! }
    // 750 copies of a1's passages (3,000 passages) in one article: three chunks and more.
    big.passages = Array.from({ length: 750 }, (_, i) =>
      big.passages.map((p) => ({ ...p, id: `${p.id.replace('-', 'm')}-${i}` })),
    ).flat()
    const articles = new Map(state.articles).set('a1', big)
    const corpus = { ...state, articles }
    const reports: number[] = []
    const chunks = [...corpusToCsvChunks(corpus, ENTRIES, (n) => reports.push(n))]
    expect(chunks.length).toBeGreaterThan(3)
    expect(reports.at(-1)).toBe(3_002)
    expect(reports).toEqual([...reports].sort((a, b) => a - b))
    expect(read(chunks.join(''))).toHaveLength(3_003)
  })
})

describe('tidy export over a corpus', () => {
  it('writes one row per passage and theme with the article columns after passage_id', () => {
    const state = hostileCorpus()
    const [header, ...rows] = read(whole(corpusToTidyCsvChunks(state, ENTRIES)))
    expect(header).toEqual(TIDY_HEADER_EXPECTED)
    expect(corpusTidyHeader(state)).toEqual(TIDY_HEADER_EXPECTED)
    expect(rows).toEqual(expectedTidyRows())
    // pa3 untagged (1), pa4 (1), pa1 (2), -pa2 (1), pb1 (1), pb2 (2).
    expect(rows).toHaveLength(8)
    expect(corpusTidyRowCount(state, ENTRIES)).toBe(8)
  })

  it('reports progress in passages, ending with all of them', () => {
    const reports: number[] = []
    whole(corpusToTidyCsvChunks(hostileCorpus(), ENTRIES, (n) => reports.push(n)))
    expect(reports).toEqual([6])
  })
})

describe('article × theme matrix', () => {
  it('writes one row per article with its attributes, counts and per theme passages and characters', () => {
    const state = hostileCorpus()
    const [header, ...rows] = read(matrixCsv(state, ENTRIES))
    expect(header).toEqual(MATRIX_HEADER)
    expect(matrixHeader(state)).toEqual(MATRIX_HEADER)
    expect(rows).toEqual(MATRIX_ROWS)
  })

  it('writes only the articles given, and tells how many passages are done', () => {
    const state = hostileCorpus()
    const reports: number[] = []
    const csv = [...matrixCsvChunks(state, [ENTRIES[2]!, ENTRIES[0]!], (n) => reports.push(n))]
    expect(read(csv.join('')).slice(1)).toEqual([MATRIX_ROWS[2], MATRIX_ROWS[0]])
    expect(reports).toEqual([4])
  })

  it('keeps theme columns apart when two theme names differ only in case', () => {
    const state = hostileCorpus()
    const codebook = [...THEMES, { id: 't-eco2', name: 'économie', colour: '#000000' }]
    const header = matrixHeader({ ...state, meta: { ...state.meta, codebook } })
    expect(header.slice(-4)).toEqual([
      'Santé 😷, "publique"_passages',
      'Santé 😷, "publique"_chars',
      'économie_passages_2',
      'économie_chars_2',
    ])
  })
})

describe('article columns', () => {
  it('names custom attributes as the analyst did, prefixing a name already taken', () => {
    const defs = [
      { id: 'attr-1', name: 'Note', type: 'text' as const },
      { id: 'attr-2', name: 'published', type: 'date' as const },
      { id: 'attr-3', name: 'article_published', type: 'text' as const },
      { id: 'attr-4', name: 'Rubrique', type: 'text' as const },
    ]
    const { names } = articleColumns({ attributeDefs: defs }, ['passage_id', 'note'])
    expect(names).toEqual([
      'article_id',
      'article_title',
      'outlet',
      'author',
      'published',
      'url',
      'language',
      'article_Note',
      'article_published',
      'article_article_published',
      'Rubrique',
    ])
  })
})
