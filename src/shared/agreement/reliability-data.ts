// Reliability data: the shapes every agreement coefficient reads (a matrix of
// coders × units, one code per cell, null where a coder gave none) and what
// they all return (a Coefficient, or why it has no value). Also the checks
// and tallies the coefficients share, so that each reads the matrix the same
// way. Codes are compared with ===: the number 1 and the text '1' are two
// different codes. Never computes a coefficient, never returns NaN.

/** One coder's value for one unit; null = the coder gave no value (missing data). */
export type CodeValue = string | number | null
/** A reliability data matrix: rows are coders, columns are units (same length per row). */
export type ReliabilityMatrix = readonly (readonly CodeValue[])[]
export type AlphaMetric = 'nominal' | 'ordinal' | 'interval' | 'ratio'
/** Why a coefficient has no value. */
export type Undefinedness = 'no-variation' | 'no-pairable-units' | 'one-coder'
export interface Coefficient {
  /** The coefficient, or null when it is not defined (see `undefinedBecause`). */
  value: number | null
  undefinedBecause?: Undefinedness
  /** Units that entered the computation (pairable: at least two coders gave a value; for Cohen's kappa both coders). */
  units: number
  /** Units left out because fewer than two coders (Cohen: not both) gave a value. */
  excluded: number
}

/** A code that is not missing. */
export type Code = string | number

export function undefinedCoefficient(
  reason: Undefinedness,
  units: number,
  excluded: number,
): Coefficient {
  return { value: null, undefinedBecause: reason, units, excluded }
}

/**
 * The number of units (columns), after checking that every coder has one cell
 * per unit and that every code is a text or a finite number.
 */
export function unitCountOf(matrix: ReliabilityMatrix): number {
  const units = matrix[0]?.length ?? 0
  for (const [coder, row] of matrix.entries()) {
    if (row.length !== units) {
      throw new RangeError(
        `Coder ${coder} has ${row.length} values where coder 0 has ${units}: one value (or null) per unit is needed`,
      )
    }
    for (const value of row) checkCode(value)
  }
  return units
}

export function checkCode(value: CodeValue): void {
  if (value === null || typeof value === 'string') return
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RangeError(`A code must be a text, a finite number or null, not ${String(value)}`)
  }
}

/** How many coders gave each code to one unit, and how many gave one at all. */
export interface UnitTally {
  counts: Map<Code, number>
  coded: number
}

export function tallyUnit(matrix: ReliabilityMatrix, unit: number): UnitTally {
  const counts = new Map<Code, number>()
  let coded = 0
  for (const row of matrix) {
    const value = row[unit]
    if (value === null || value === undefined) continue
    counts.set(value, (counts.get(value) ?? 0) + 1)
    coded++
  }
  return { counts, coded }
}
