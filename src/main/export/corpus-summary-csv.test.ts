// The corpus summary's CSV files on the hostile corpus, every cell counted
// by hand: a1 (118 code points, Le "Monde", 2025-01-06), a2 (62, Libération,
// no date), -a3 (16, Libération, 2024-12-31, no passages); 196 in all.
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { summarizeCorpus } from '@shared/model/corpus-stats'
import { DEFS, ENTRIES, hostileCorpus } from '../test-support/hostile-corpus'
import { attributeColumn, corpusSummaryCsv } from './corpus-summary-csv'

const state = hostileCorpus()
const read = (csv: string): string[][] => parse(csv, { bom: true })
const csvOf = (
  table: 'themes' | 'byAttribute' | 'overTime',
  options: Parameters<typeof summarizeCorpus>[3],
) =>
  corpusSummaryCsv(summarizeCorpus(state.meta, state.articles, ENTRIES, options), table, state.meta)

const SANTE = 'Santé 😷, "publique"'

describe('themes table', () => {
  it('gives per theme the passages, articles, characters and shares, then untagged', () => {
    const { csv, rows } = csvOf('themes', {})
    expect(rows).toBe(4)
    expect(read(csv)).toEqual([
      ['theme', 'passages', 'articles', 'articles_percent', 'characters', 'share_percent'],
      // a1: interne 👩‍💻 (11) + =Ligne… (20); a2: croissance ralentit (19) + Santé publique (14).
      ['Économie', '4', '2', '66.67', '64', '32.65'],
      ["'=Risque", '1', '1', '33.33', '20', '10.2'],
      [SANTE, '2', '2', '66.67', '33', '16.84'],
      // 😀 interne [8,17) in a1.
      ['', '1', '1', '33.33', '9', '4.59'],
    ])
  })
})

describe('theme by attribute table', () => {
  it('gives one row per theme and value, with both measures', () => {
    const { csv, rows } = csvOf('byAttribute', { attribute: 'outlet' })
    expect(rows).toBe(6)
    expect(read(csv)).toEqual([
      ['theme', 'outlet', 'articles', 'articles_with_theme', 'articles_percent', 'passages'],
      // Libération has two articles (a2, -a3), so it comes first.
      ['Économie', 'Libération', '2', '1', '50', '2'],
      ['Économie', 'Le "Monde", Paris', '1', '1', '100', '2'],
      ["'=Risque", 'Libération', '2', '0', '0', '0'],
      ["'=Risque", 'Le "Monde", Paris', '1', '1', '100', '1'],
      [SANTE, 'Libération', '2', '1', '50', '1'],
      [SANTE, 'Le "Monde", Paris', '1', '1', '100', '1'],
    ])
  })

  it('names a date attribute’s column as years, and a custom one by its name', () => {
    expect(read(csvOf('byAttribute', { attribute: 'published' }).csv)[0]![1]).toBe('published_year')
    expect(read(csvOf('byAttribute', { attribute: 'attr-formula' }).csv)[0]![1]).toBe("'@Source")
    expect(read(csvOf('byAttribute', { attribute: 'attr-ton' }).csv).slice(1, 4)).toEqual([
      ['Économie', 'positif', '1', '1', '100', '2'],
      ['Économie', 'négatif', '1', '1', '100', '2'],
      ['Économie', '', '1', '0', '0', '0'],
    ])
    expect(
      attributeColumn('attr-x', [{ id: 'attr-x', name: 'Theme', type: 'text' }], ['theme']),
    ).toBe('article_Theme')
    expect(attributeColumn('attr-ton', DEFS, [])).toBe('Ton éditorial')
  })
})

describe('themes over time table', () => {
  it('gives one row per period and theme, then the undated articles', () => {
    const { csv, rows } = csvOf('overTime', { bin: 'month' })
    expect(rows).toBe(9)
    expect(read(csv)).toEqual([
      ['period', 'theme', 'articles', 'articles_with_theme', 'articles_percent', 'passages'],
      ['2024-12', 'Économie', '1', '0', '0', '0'],
      ['2024-12', "'=Risque", '1', '0', '0', '0'],
      ['2024-12', SANTE, '1', '0', '0', '0'],
      ['2025-01', 'Économie', '1', '1', '100', '2'],
      ['2025-01', "'=Risque", '1', '1', '100', '1'],
      ['2025-01', SANTE, '1', '1', '100', '1'],
      // a2 has no publication date.
      ['', 'Économie', '1', '1', '100', '2'],
      ['', "'=Risque", '1', '0', '0', '0'],
      ['', SANTE, '1', '1', '100', '1'],
    ])
  })

  it('adds the split attribute’s value, and ISO weeks as periods', () => {
    const [header, ...rows] = read(csvOf('overTime', { bin: 'week', split: 'outlet' }).csv)
    expect(header).toEqual([
      'period',
      'outlet',
      'theme',
      'articles',
      'articles_with_theme',
      'articles_percent',
      'passages',
    ])
    // Libération (a2, -a3) first. 2024-12-31 (-a3) is in 2025-W01; 2025-01-06 (a1) starts 2025-W02.
    const M = 'Le "Monde", Paris'
    const R = "'=Risque"
    expect(rows).toEqual([
      ['2025-W01', 'Libération', 'Économie', '1', '0', '0', '0'],
      ['2025-W01', 'Libération', R, '1', '0', '0', '0'],
      ['2025-W01', 'Libération', SANTE, '1', '0', '0', '0'],
      ['2025-W02', 'Libération', 'Économie', '0', '0', '0', '0'],
      ['2025-W02', 'Libération', R, '0', '0', '0', '0'],
      ['2025-W02', 'Libération', SANTE, '0', '0', '0', '0'],
      ['2025-W01', M, 'Économie', '0', '0', '0', '0'],
      ['2025-W01', M, R, '0', '0', '0', '0'],
      ['2025-W01', M, SANTE, '0', '0', '0', '0'],
      ['2025-W02', M, 'Économie', '1', '1', '100', '2'],
      ['2025-W02', M, R, '1', '1', '100', '1'],
      ['2025-W02', M, SANTE, '1', '1', '100', '1'],
      // a2, undated, is Libération's.
      ['', 'Libération', 'Économie', '1', '1', '100', '2'],
      ['', 'Libération', R, '1', '0', '0', '0'],
      ['', 'Libération', SANTE, '1', '1', '100', '1'],
    ])
  })
})
