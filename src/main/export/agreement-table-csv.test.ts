// The agreement table CSV's rows for three coders (a Cohen's kappa row per
// pair) and at characters (unitizing alpha only), checked against the report
// they are written from; its file read back by csv-parse.
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { computeAgreement } from '@shared/agreement/report'
import { AGREEMENT_THEMES, agreementStudy } from '../../../test-support/agreement-corpus'
import { AGREEMENT_TABLE_HEADER, agreementTableCsv, ALL_THEMES } from './agreement-table-csv'

const CODERS = ['ana', 'ben', 'cleo']

const read = (csv: string): string[][] => parse(csv, { bom: true })

describe('agreement table CSV', () => {
  it('has per theme percent, Fleiss, alpha and a Cohen row per pair, then all themes', () => {
    const { meta, articles } = agreementStudy(3)
    const report = computeAgreement({ unit: 'sentence', coders: CODERS }, articles, meta)
    const { csv, rows } = agreementTableCsv(report, AGREEMENT_THEMES)
    const [header, ...data] = read(csv)
    expect(header).toEqual([...AGREEMENT_TABLE_HEADER])
    expect(rows).toBe((AGREEMENT_THEMES.length + 1) * 6)
    expect(data).toHaveLength(rows)
    expect(data.slice(0, 6).map((r) => r.slice(0, 4))).toEqual([
      ['Économie', 'percent_agreement', '', ''],
      ['Économie', 'fleiss_kappa', '', ''],
      ['Économie', 'krippendorff_alpha', '', ''],
      ['Économie', 'cohen_kappa', 'ana', 'ben'],
      ['Économie', 'cohen_kappa', 'ana', 'cleo'],
      ['Économie', 'cohen_kappa', 'ben', 'cleo'],
    ])
    const alpha = report.themes[0]!.alpha!
    expect(data[2]!.slice(4, 8)).toEqual([
      String(alpha.value),
      String(alpha.units),
      String(alpha.excluded),
      { reliable: 'reliable', tentative: 'tentative', 'not-reliable': 'not reliable' }[
        alpha.benchmark!
      ],
    ])
    expect(data.at(-1)!.slice(0, 4)).toEqual([ALL_THEMES, 'cohen_kappa', 'ben', 'cleo'])
  })

  it('has unitizing alpha only at characters, all themes last', () => {
    const { meta, articles } = agreementStudy(3)
    const report = computeAgreement({ unit: 'characters', coders: CODERS }, articles, meta)
    const [, ...data] = read(agreementTableCsv(report, AGREEMENT_THEMES).csv)
    expect(data.map((r) => [r[0], r[1]])).toEqual([
      ...AGREEMENT_THEMES.map((t) => [t.name, 'unitizing_alpha']),
      [ALL_THEMES, 'unitizing_alpha'],
    ])
    expect(Number(data.at(-1)![4])).toBe(report.overall.unitizing!.value)
    expect(data.at(-1)![8]).toBe('1 − ΣD_o / ΣD_e over the themes')
  })
})
