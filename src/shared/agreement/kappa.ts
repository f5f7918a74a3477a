// Cohen's kappa (two coders) and Fleiss's kappa (several coders, the same
// number on every unit): agreement corrected for the agreement chance would
// give, κ = (P_o − P_e) / (1 − P_e). Never returns NaN: when every coder gave
// every unit one and the same code, P_e = 1 and κ has no value ('no-variation').
//
// Cohen (1960), "A coefficient of agreement for nominal scales": on the N
// units both coders coded, P_o is the share they gave the same code and
// P_e = Σ_c (a_c / N)(b_c / N), from each coder's own marginals a_c, b_c.
// As statsmodels' cohens_kappa(table) and nltk's kappa_pairwise.
//
// Fleiss (1971), "Measuring nominal scale agreement among many raters": on the
// N units every one of the m coders coded (units with any missing code are
// left out and counted in `excluded`), n_uc coders gave code c to unit u;
//   P_u = (Σ_c n_uc² − m) / (m (m − 1)),  P_o = mean of P_u,
//   p_c = Σ_u n_uc / (N m),               P_e = Σ_c p_c²
// from the marginals pooled over all coders (a multi-coder Scott's pi), as
// statsmodels' fleiss_kappa(table, method='fleiss'). Not Davies & Fleiss
// (1982), which nltk's multi_kappa computes: that one averages each pair of
// coders' Cohen-style P_e (each coder's own marginals), so it differs from
// Fleiss's whenever coders use the codes in different proportions.
import {
  checkCode,
  tallyUnit,
  undefinedCoefficient,
  unitCountOf,
  type Code,
  type Coefficient,
  type CodeValue,
  type ReliabilityMatrix,
} from './reliability-data'

export function cohenKappa(a: readonly CodeValue[], b: readonly CodeValue[]): Coefficient {
  if (a.length !== b.length) {
    throw new RangeError(
      `The two coders have ${a.length} and ${b.length} values: one per unit is needed`,
    )
  }
  const marginsA = new Map<Code, number>()
  const marginsB = new Map<Code, number>()
  let units = 0
  let agreeing = 0
  for (let unit = 0; unit < a.length; unit++) {
    const x = a[unit] ?? null
    const y = b[unit] ?? null
    checkCode(x)
    checkCode(y)
    if (x === null || y === null) continue
    units++
    if (x === y) agreeing++
    marginsA.set(x, (marginsA.get(x) ?? 0) + 1)
    marginsB.set(y, (marginsB.get(y) ?? 0) + 1)
  }
  const excluded = a.length - units
  if (units === 0) return undefinedCoefficient('no-pairable-units', 0, excluded)
  if (marginsA.size === 1 && marginsB.size === 1 && agreeing === units) {
    return undefinedCoefficient('no-variation', units, excluded)
  }
  let chance = 0
  for (const [code, countA] of marginsA)
    chance += (countA / units) * ((marginsB.get(code) ?? 0) / units)
  return { value: (agreeing / units - chance) / (1 - chance), units, excluded }
}

export function fleissKappa(matrix: ReliabilityMatrix): Coefficient {
  const unitCount = unitCountOf(matrix)
  const coders = matrix.length
  if (coders < 2) return undefinedCoefficient('one-coder', 0, unitCount)
  const margins = new Map<Code, number>()
  let units = 0
  let agreementSum = 0
  for (let unit = 0; unit < unitCount; unit++) {
    const { counts, coded } = tallyUnit(matrix, unit)
    if (coded < coders) continue
    units++
    let squares = 0
    for (const [code, count] of counts) {
      squares += count * count
      margins.set(code, (margins.get(code) ?? 0) + count)
    }
    agreementSum += (squares - coders) / (coders * (coders - 1))
  }
  const excluded = unitCount - units
  if (units === 0) return undefinedCoefficient('no-pairable-units', 0, excluded)
  if (margins.size === 1) return undefinedCoefficient('no-variation', units, excluded)
  let chance = 0
  for (const count of margins.values()) {
    const share = count / (units * coders)
    chance += share * share
  }
  return { value: (agreementSum / units - chance) / (1 - chance), units, excluded }
}
