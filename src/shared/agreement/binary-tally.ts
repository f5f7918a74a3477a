// The nominal coefficients of one binary variable (a theme: 1 the coder gave
// it to the unit, 0 the coder coded the article and did not, missing when
// the coder did not code the article), from counts that add up: how many
// units had n0 zeros and n1 ones, and for each pair of coders their 2 × 2
// table. A theme's tally is one pass over its values (units.ts's Int8Array
// rows); the tally of several themes pooled as one variable is the sum of
// theirs, so "all themes" costs nothing more.
//
// Each coefficient is the one of coefficients.ts (same definitions, same
// units and exclusions, same reasons for having no value), only computed
// from the counts: report.test.ts checks they equal percentAgreement,
// fleissKappa, krippendorffAlpha and cohenKappa on toMatrix's matrices.
// Pure: no DOM, no Node. Never returns NaN, never rounds.
import { undefinedCoefficient, type Coefficient } from './reliability-data'
import { MISSING, PRESENT } from './units'

export class BinaryTally {
  /** Units by their numbers of 0s and 1s: byCounts[n0 * (coders + 1) + n1]. */
  readonly byCounts: Float64Array
  /** Per pair of coders (a < b, in order): units where a said x and b said y, at 2x + y. */
  readonly pairs: Float64Array

  constructor(readonly coders: number) {
    this.byCounts = new Float64Array((coders + 1) * (coders + 1))
    this.pairs = new Float64Array(((coders * (coders - 1)) / 2) * 4)
  }

  /** Counts the units of `rows` (one row per coder: 1, 0 or MISSING). */
  add(rows: readonly Int8Array[]): void {
    const m = this.coders
    const units = rows[0]?.length ?? 0
    const codes = new Int8Array(m)
    for (let u = 0; u < units; u++) {
      let zeros = 0
      let ones = 0
      for (let c = 0; c < m; c++) {
        const v = rows[c]![u]!
        codes[c] = v
        if (v === PRESENT) ones++
        else if (v !== MISSING) zeros++
      }
      this.byCounts[zeros * (m + 1) + ones]!++
      if (zeros + ones < 2) continue
      let pair = 0
      for (let a = 0; a < m; a++)
        for (let b = a + 1; b < m; b++, pair++) {
          const x = codes[a]!
          const y = codes[b]!
          if (x !== MISSING && y !== MISSING) this.pairs[pair * 4 + 2 * x + y]!++
        }
    }
  }

  /** Adds another tally of the same coders (pooling two themes). */
  addTally(other: BinaryTally): void {
    for (let i = 0; i < this.byCounts.length; i++) this.byCounts[i]! += other.byCounts[i]!
    for (let i = 0; i < this.pairs.length; i++) this.pairs[i]! += other.pairs[i]!
  }

  /** Every unit counted. */
  units(): number {
    return this.byCounts.reduce((n, count) => n + count, 0)
  }

  /** Units at least two coders gave a value to. */
  pairable(): number {
    let n = 0
    this.each((zeros, ones, count) => {
      if (zeros + ones >= 2) n += count
    })
    return n
  }

  private each(f: (zeros: number, ones: number, count: number) => void): void {
    const m = this.coders
    for (let zeros = 0; zeros <= m; zeros++)
      for (let ones = 0; zeros + ones <= m; ones++) {
        const count = this.byCounts[zeros * (m + 1) + ones]!
        if (count > 0) f(zeros, ones, count)
      }
  }

  /** As percentAgreement: agreeing pairs of coders over all pairs, on the pairable units. */
  percentAgreement(): Coefficient {
    const total = this.units()
    if (this.coders < 2) return undefinedCoefficient('one-coder', 0, total)
    let pairs = 0
    let agreeing = 0
    let units = 0
    this.each((zeros, ones, count) => {
      const coded = zeros + ones
      if (coded < 2) return
      units += count
      pairs += ((coded * (coded - 1)) / 2) * count
      agreeing += ((zeros * (zeros - 1)) / 2 + (ones * (ones - 1)) / 2) * count
    })
    if (units === 0) return undefinedCoefficient('no-pairable-units', 0, total)
    return { value: agreeing / pairs, units, excluded: total - units }
  }

  /** As krippendorffAlpha(matrix, 'nominal'): from the coincidences of 0 and 1. */
  krippendorffAlpha(): Coefficient {
    const total = this.units()
    if (this.coders < 2) return undefinedCoefficient('one-coder', 0, total)
    let units = 0
    // o_00, o_11 and o_01 (= o_10) of the coincidence matrix.
    let zeroZero = 0
    let oneOne = 0
    let zeroOne = 0
    this.each((zeros, ones, count) => {
      const coded = zeros + ones
      if (coded < 2) return
      units += count
      zeroZero += ((zeros * (zeros - 1)) / (coded - 1)) * count
      oneOne += ((ones * (ones - 1)) / (coded - 1)) * count
      zeroOne += ((zeros * ones) / (coded - 1)) * count
    })
    const excluded = total - units
    if (units === 0) return undefinedCoefficient('no-pairable-units', 0, excluded)
    const nZero = zeroZero + zeroOne
    const nOne = oneOne + zeroOne
    if (nZero === 0 || nOne === 0) return undefinedCoefficient('no-variation', units, excluded)
    const values = nZero + nOne
    return { value: 1 - ((values - 1) * zeroOne) / (nZero * nOne), units, excluded }
  }

  /** As fleissKappa: on the units every coder coded. */
  fleissKappa(): Coefficient {
    const m = this.coders
    const total = this.units()
    if (m < 2) return undefinedCoefficient('one-coder', 0, total)
    let units = 0
    let agreement = 0
    let zerosGiven = 0
    let onesGiven = 0
    for (let zeros = 0; zeros <= m; zeros++) {
      const ones = m - zeros
      const count = this.byCounts[zeros * (m + 1) + ones]!
      if (count === 0) continue
      units += count
      agreement += ((zeros * zeros + ones * ones - m) / (m * (m - 1))) * count
      zerosGiven += zeros * count
      onesGiven += ones * count
    }
    const excluded = total - units
    if (units === 0) return undefinedCoefficient('no-pairable-units', 0, excluded)
    if (zerosGiven === 0 || onesGiven === 0)
      return undefinedCoefficient('no-variation', units, excluded)
    const p0 = zerosGiven / (units * m)
    const p1 = onesGiven / (units * m)
    const chance = p0 * p0 + p1 * p1
    return { value: (agreement / units - chance) / (1 - chance), units, excluded }
  }

  /** As cohenKappa of coders a and b (a < b): on the units both coded. */
  cohenKappa(a: number, b: number): Coefficient {
    if (!(a >= 0 && a < b && b < this.coders)) throw new RangeError(`no pair ${a}, ${b}`)
    const pair = a * this.coders - (a * (a + 1)) / 2 + (b - a - 1)
    const [t00, t01, t10, t11] = [0, 1, 2, 3].map((i) => this.pairs[pair * 4 + i]!) as [
      number,
      number,
      number,
      number,
    ]
    const units = t00 + t01 + t10 + t11
    const excluded = this.units() - units
    if (units === 0) return undefinedCoefficient('no-pairable-units', 0, excluded)
    const agreeing = t00 + t11
    const aZero = t00 + t01
    const bZero = t00 + t10
    const aCodes = (aZero > 0 ? 1 : 0) + (aZero < units ? 1 : 0)
    const bCodes = (bZero > 0 ? 1 : 0) + (bZero < units ? 1 : 0)
    if (aCodes === 1 && bCodes === 1 && agreeing === units)
      return undefinedCoefficient('no-variation', units, excluded)
    const chance =
      (aZero / units) * (bZero / units) + ((units - aZero) / units) * ((units - bZero) / units)
    return { value: (agreeing / units - chance) / (1 - chance), units, excluded }
  }
}
