// Krippendorff's alpha for coded units, with missing data: α = 1 − D_o / D_e.
// Krippendorff (2004), Content Analysis, 2nd ed.; Krippendorff (2011),
// "Computing Krippendorff's Alpha-Reliability" (the formulas below are its
// coincidence-matrix form). Never returns NaN: with a single code among the
// pairable values D_e = 0 and alpha has no value ('no-variation').
//
// A unit u enters when m_u ≥ 2 coders gave it a value (a unit with one value
// has no pair to compare; it is counted in `excluded`). Each ordered pair of
// values (c, k) from two different coders on u adds 1 / (m_u − 1) to the
// coincidence o_ck; n_c = Σ_k o_ck, n = Σ_c n_c (the pairable values).
//   D_o = (1 / n) Σ_c Σ_k o_ck δ²_ck
//   D_e = (1 / (n (n − 1))) Σ_c Σ_k n_c n_k δ²_ck
// with the metric's difference δ²_ck:
//   nominal   0 if c = k, else 1
//   ordinal   (Σ_{g from c to k} n_g − (n_c + n_k) / 2)², over the codes in
//             numeric order
//   interval  (c − k)²
//   ratio     ((c − k) / (c + k))², 0 when c = k = 0
// Ordinal, interval and ratio need numbers (ratio: not negative); a text code
// there is a RangeError, not a guess at an order.
import {
  tallyUnit,
  undefinedCoefficient,
  unitCountOf,
  type AlphaMetric,
  type Code,
  type Coefficient,
  type ReliabilityMatrix,
} from './reliability-data'

export function krippendorffAlpha(
  matrix: ReliabilityMatrix,
  metric: AlphaMetric = 'nominal',
): Coefficient {
  const unitCount = unitCountOf(matrix)
  if (metric !== 'nominal') checkNumbers(matrix, metric)
  if (matrix.length < 2) return undefinedCoefficient('one-coder', 0, unitCount)

  const pairable = []
  for (let unit = 0; unit < unitCount; unit++) {
    const tally = tallyUnit(matrix, unit)
    if (tally.coded >= 2) pairable.push(tally)
  }
  const units = pairable.length
  const excluded = unitCount - units
  if (units === 0) return undefinedCoefficient('no-pairable-units', 0, excluded)

  const codes = [...new Set(pairable.flatMap((tally) => [...tally.counts.keys()]))]
  if (codes.length < 2) return undefinedCoefficient('no-variation', units, excluded)
  if (metric !== 'nominal') codes.sort((x, y) => (x as number) - (y as number))
  const indexOf = new Map(codes.map((code, index) => [code, index]))
  const size = codes.length

  // The coincidence matrix o (size × size) and its margins n_c.
  const coincidences = new Float64Array(size * size)
  for (const { counts, coded } of pairable) {
    for (const [c, countC] of counts) {
      const row = indexOf.get(c)! * size
      for (const [k, countK] of counts) {
        const pairs = c === k ? countC * (countC - 1) : countC * countK
        coincidences[row + indexOf.get(k)!]! += pairs / (coded - 1)
      }
    }
  }
  const margins = new Float64Array(size)
  for (let c = 0; c < size; c++) {
    for (let k = 0; k < size; k++) margins[c]! += coincidences[c * size + k]!
  }
  const values = margins.reduce((sum, n) => sum + n, 0)

  const difference = differenceFunction(metric, codes, margins)
  let observed = 0
  let expected = 0
  for (let c = 0; c < size; c++) {
    for (let k = 0; k < size; k++) {
      if (c === k) continue
      const delta = difference(c, k)
      observed += coincidences[c * size + k]! * delta
      expected += margins[c]! * margins[k]! * delta
    }
  }
  return { value: 1 - ((values - 1) * observed) / expected, units, excluded }
}

/** δ²(c, k) between the codes at indexes c and k of `codes`. */
function differenceFunction(
  metric: AlphaMetric,
  codes: readonly Code[],
  margins: Float64Array,
): (c: number, k: number) => number {
  const value = (index: number) => codes[index] as number
  switch (metric) {
    case 'nominal':
      return (c, k) => (c === k ? 0 : 1)
    case 'interval':
      return (c, k) => (value(c) - value(k)) ** 2
    case 'ratio':
      return (c, k) => {
        const sum = value(c) + value(k)
        return sum === 0 ? 0 : ((value(c) - value(k)) / sum) ** 2
      }
    case 'ordinal': {
      // below[i] = n of the codes ranked before code i
      const below = new Float64Array(codes.length + 1)
      for (let i = 0; i < codes.length; i++) below[i + 1] = below[i]! + margins[i]!
      return (c, k) => {
        const [low, high] = c < k ? [c, k] : [k, c]
        const between = below[high + 1]! - below[low]!
        return (between - (margins[low]! + margins[high]!) / 2) ** 2
      }
    }
  }
}

function checkNumbers(matrix: ReliabilityMatrix, metric: AlphaMetric): void {
  for (const row of matrix) {
    for (const value of row) {
      if (value === null) continue
      if (typeof value !== 'number') {
        throw new RangeError(`The ${metric} metric needs numbers as codes, not '${value}'`)
      }
      if (metric === 'ratio' && value < 0) {
        throw new RangeError(`The ratio metric needs codes of 0 or more, not ${value}`)
      }
    }
  }
}
