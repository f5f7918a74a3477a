// The coding coefficients against published values (Krippendorff 2011, the
// Wikipedia example that the krippendorff Python package also tests, Fleiss
// 1971's table) and on the edge cases where a coefficient has no value.
// Python's statsmodels and nltk check them on random data in
// src/main/agreement-oracles.test.ts.
import { describe, expect, it } from 'vitest'
import {
  benchmarkOf,
  cohenKappa,
  fleissKappa,
  krippendorffAlpha,
  percentAgreement,
  RELIABILITY_BENCHMARKS,
  type CodeValue,
} from './coefficients'

const _ = null

/**
 * Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section
 * C: 4 observers (A–D) × 12 units, with missing values.
 */
const KRIPPENDORFF_2011: CodeValue[][] = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
]

/** Wikipedia's "Krippendorff's alpha" computational example: 3 coders × 15 units. */
const WIKIPEDIA: CodeValue[][] = [
  [_, _, _, _, _, 3, 4, 1, 2, 1, 1, 3, 3, _, 3],
  [1, _, 2, 1, 3, 3, 4, 3, _, _, _, _, _, _, _],
  [_, _, 2, 1, 3, 4, 4, _, 2, 1, 1, 3, 3, _, 4],
]

describe('Krippendorff’s alpha', () => {
  it('reproduces Krippendorff (2011): nominal .743, ordinal .815, interval .849, ratio .797', () => {
    const alpha = (metric: 'nominal' | 'ordinal' | 'interval' | 'ratio') =>
      krippendorffAlpha(KRIPPENDORFF_2011, metric).value
    expect(alpha('nominal')).toBeCloseTo(0.743, 3)
    expect(alpha('ordinal')).toBeCloseTo(0.815, 3)
    expect(alpha('interval')).toBeCloseTo(0.849, 3)
    expect(alpha('ratio')).toBeCloseTo(0.797, 3)
  })

  it('counts the units Krippendorff (2011) pairs: 11 of 12 (unit 12 has one value)', () => {
    expect(krippendorffAlpha(KRIPPENDORFF_2011)).toMatchObject({ units: 11, excluded: 1 })
  })

  it('reproduces the Wikipedia example: nominal 0.691358, interval 0.810845', () => {
    expect(krippendorffAlpha(WIKIPEDIA).value).toBeCloseTo(0.691358, 6)
    expect(krippendorffAlpha(WIKIPEDIA, 'interval').value).toBeCloseTo(0.810845, 6)
    // units 1, 2 and 14 have fewer than two values
    expect(krippendorffAlpha(WIKIPEDIA)).toMatchObject({ units: 12, excluded: 3 })
  })

  it('gives the same nominal alpha for codes as texts', () => {
    const asText = KRIPPENDORFF_2011.map((row) => row.map((v) => (v === null ? null : `code ${v}`)))
    expect(krippendorffAlpha(asText).value).toBeCloseTo(
      krippendorffAlpha(KRIPPENDORFF_2011).value!,
      12,
    )
  })

  it('all coders agree on everything: no variation, no value (percent agreement is 1)', () => {
    const same = [
      ['a', 'a', 'a'],
      ['a', 'a', 'a'],
    ]
    expect(krippendorffAlpha(same)).toEqual({
      value: null,
      undefinedBecause: 'no-variation',
      units: 3,
      excluded: 0,
    })
    expect(percentAgreement(same)).toEqual({ value: 1, units: 3, excluded: 0 })
  })

  it('a theme nobody used (all zeros): no variation under every metric', () => {
    const zeros = [
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ]
    for (const metric of ['nominal', 'ordinal', 'interval', 'ratio'] as const) {
      expect(krippendorffAlpha(zeros, metric).undefinedBecause).toBe('no-variation')
    }
  })

  it('perfect agreement with variation is 1', () => {
    const perfect = [
      [1, 2, 3, 1],
      [1, 2, 3, 1],
      [1, 2, _, 1],
    ]
    for (const metric of ['nominal', 'ordinal', 'interval', 'ratio'] as const) {
      expect(krippendorffAlpha(perfect, metric).value).toBeCloseTo(1, 12)
    }
  })

  it('one coder only: no value', () => {
    expect(krippendorffAlpha([[1, 2, 3]])).toEqual({
      value: null,
      undefinedBecause: 'one-coder',
      units: 0,
      excluded: 3,
    })
  })

  it('missing values: a unit only one coder coded contributes nothing and is counted as excluded', () => {
    const base = [
      ['a', 'b', 'a', 'b'],
      ['a', 'b', 'b', 'b'],
    ]
    const withLoneValues = [
      ['a', 'b', 'a', 'b', 'a', _],
      ['a', 'b', 'b', 'b', _, _],
    ]
    const alpha = krippendorffAlpha(withLoneValues)
    expect(alpha.value).toBeCloseTo(krippendorffAlpha(base).value!, 12)
    expect(alpha).toMatchObject({ units: 4, excluded: 2 })
  })

  it('no unit coded by two coders: no pairable units', () => {
    expect(
      krippendorffAlpha([
        [1, _, 3],
        [_, 2, _],
      ]),
    ).toEqual({ value: null, undefinedBecause: 'no-pairable-units', units: 0, excluded: 3 })
  })

  it('refuses texts under a numeric metric, negative codes under ratio, and ragged rows', () => {
    expect(() => krippendorffAlpha([['a'], ['b']], 'interval')).toThrow(RangeError)
    expect(() => krippendorffAlpha([[-1], [2]], 'ratio')).toThrow(RangeError)
    expect(() => krippendorffAlpha([[1, 2], [1]])).toThrow(RangeError)
    expect(() => krippendorffAlpha([[Number.NaN], [1]])).toThrow(RangeError)
  })
})

describe('Cohen’s kappa', () => {
  it('matches the hand computation: P_o = .7, P_e = .5, κ = .4', () => {
    // a: 4 yes, 6 no; b: 5 yes, 5 no; 7 agreements (3 yes, 4 no)
    const a = ['y', 'y', 'y', 'y', 'n', 'n', 'n', 'n', 'n', 'n']
    const b = ['y', 'y', 'y', 'n', 'y', 'y', 'n', 'n', 'n', 'n']
    expect(cohenKappa(a, b).value).toBeCloseTo((0.7 - 0.5) / (1 - 0.5), 12)
  })

  it('perfect agreement with variation is 1', () => {
    expect(cohenKappa(['a', 'b', 'c'], ['a', 'b', 'c'])).toEqual({
      value: 1,
      units: 3,
      excluded: 0,
    })
  })

  it('all coders agree on everything: no variation, no value', () => {
    expect(cohenKappa(['a', 'a'], ['a', 'a'])).toEqual({
      value: null,
      undefinedBecause: 'no-variation',
      units: 2,
      excluded: 0,
    })
  })

  it('each coder using one different code is 0, not undefined', () => {
    expect(cohenKappa(['a', 'a'], ['b', 'b']).value).toBe(0)
  })

  it('missing values: units either coder left out are excluded', () => {
    expect(cohenKappa(['a', 'b', _, 'a'], ['a', _, 'b', 'b'])).toMatchObject({
      units: 2,
      excluded: 2,
    })
    expect(cohenKappa([_, 'a'], ['b', _])).toEqual({
      value: null,
      undefinedBecause: 'no-pairable-units',
      units: 0,
      excluded: 2,
    })
  })
})

describe('Fleiss’s kappa', () => {
  it('reproduces Fleiss (1971, p. 379): 30 patients, 6 psychiatrists, 5 diagnoses, κ = .430', () => {
    // the 6 diagnoses (1–5) each patient received; which psychiatrist gave
    // which does not change Fleiss's kappa
    const patients = [
      [4, 4, 4, 4, 4, 4],
      [2, 2, 2, 5, 5, 5],
      [2, 3, 3, 3, 3, 5],
      [5, 5, 5, 5, 5, 5],
      [2, 2, 2, 4, 4, 4],
      [1, 1, 3, 3, 3, 3],
      [3, 3, 3, 3, 5, 5],
      [1, 1, 3, 3, 3, 4],
      [1, 1, 4, 4, 4, 4],
      [5, 5, 5, 5, 5, 5],
      [1, 4, 4, 4, 4, 4],
      [1, 2, 4, 4, 4, 4],
      [2, 2, 2, 3, 3, 3],
      [1, 4, 4, 4, 4, 4],
      [2, 2, 4, 4, 4, 5],
      [3, 3, 3, 3, 3, 5],
      [1, 1, 1, 4, 5, 5],
      [1, 1, 1, 1, 1, 2],
      [2, 2, 4, 4, 4, 4],
      [1, 3, 3, 5, 5, 5],
      [5, 5, 5, 5, 5, 5],
      [2, 4, 4, 4, 4, 4],
      [2, 2, 4, 5, 5, 5],
      [1, 1, 4, 4, 4, 4],
      [1, 4, 4, 4, 4, 5],
      [2, 2, 2, 2, 2, 4],
      [1, 1, 1, 1, 5, 5],
      [2, 2, 4, 4, 4, 4],
      [1, 3, 3, 3, 3, 3],
      [5, 5, 5, 5, 5, 5],
    ]
    const psychiatrists = [0, 1, 2, 3, 4, 5].map((rater) => patients.map((codes) => codes[rater]!))
    const kappa = fleissKappa(psychiatrists)
    expect(kappa.value).toBeCloseTo(0.43, 3)
    expect(kappa).toMatchObject({ units: 30, excluded: 0 })
    // P̄ = .5556 is the pairwise percent agreement on complete data
    expect(percentAgreement(psychiatrists).value).toBeCloseTo(0.5556, 4)
  })

  it('equals Scott’s pi for two coders: (P_o − P_e) / (1 − P_e) with pooled margins', () => {
    const a = ['y', 'y', 'y', 'y', 'n', 'n', 'n', 'n', 'n', 'n']
    const b = ['y', 'y', 'y', 'n', 'y', 'y', 'n', 'n', 'n', 'n']
    const pooledYes = 9 / 20
    const chance = pooledYes ** 2 + (1 - pooledYes) ** 2
    expect(fleissKappa([a, b]).value).toBeCloseTo((0.7 - chance) / (1 - chance), 12)
  })

  it('leaves out units any coder did not code, and counts them as excluded', () => {
    const withGaps = [
      ['a', 'b', 'a', _],
      ['a', 'b', _, 'b'],
      ['a', 'a', 'b', 'b'],
    ]
    const complete = [
      ['a', 'b'],
      ['a', 'b'],
      ['a', 'a'],
    ]
    expect(fleissKappa(withGaps).value).toBeCloseTo(fleissKappa(complete).value!, 12)
    expect(fleissKappa(withGaps)).toMatchObject({ units: 2, excluded: 2 })
  })

  it('all coders agree on everything: no variation; one coder only: no value', () => {
    expect(fleissKappa([['x'], ['x'], ['x']]).undefinedBecause).toBe('no-variation')
    expect(fleissKappa([['x', 'y']]).undefinedBecause).toBe('one-coder')
    expect(
      fleissKappa([
        ['x', _],
        [_, 'y'],
      ]).undefinedBecause,
    ).toBe('no-pairable-units')
  })
})

describe('percent agreement', () => {
  it('is the share of agreeing coder pairs over the pairable units', () => {
    // unit 1: 3 coders, pairs ab ac bc, one agrees; unit 2: 2 coders, agree; unit 3: one value
    const matrix = [
      ['x', 'y', 'z'],
      ['x', 'y', _],
      ['w', _, _],
    ]
    expect(percentAgreement(matrix)).toEqual({ value: 2 / 4, units: 2, excluded: 1 })
  })

  it('one coder only, or no unit coded twice: no value', () => {
    expect(percentAgreement([['x']]).undefinedBecause).toBe('one-coder')
    expect(
      percentAgreement([
        ['x', _],
        [_, 'x'],
      ]).undefinedBecause,
    ).toBe('no-pairable-units')
  })
})

describe('benchmarks', () => {
  it('reads .800 and above as reliable, .667 up to .800 as tentative, below as not reliable', () => {
    expect(RELIABILITY_BENCHMARKS).toEqual({ reliable: 0.8, tentative: 0.667 })
    expect(benchmarkOf(0.8)).toBe('reliable')
    expect(benchmarkOf(0.7999)).toBe('tentative')
    expect(benchmarkOf(0.667)).toBe('tentative')
    expect(benchmarkOf(0.6669)).toBe('not-reliable')
    expect(benchmarkOf(-0.2)).toBe('not-reliable')
  })
})
