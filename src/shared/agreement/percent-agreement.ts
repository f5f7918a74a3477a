// Pairwise percent agreement: of all pairs of coders who coded the same unit,
// the share that gave it the same code. It is not chance-corrected, so it is
// defined even when every coder gave every unit the same code (then it is 1,
// while kappa and alpha have no value: there is no variation to correct for).
// Not a reliability coefficient on its own: it rises with codes that coders
// use most of the time, whether or not they agree by more than chance.
//
//   percent agreement = Σ_u Σ_c n_uc (n_uc − 1) / 2  ÷  Σ_u m_u (m_u − 1) / 2
//
// over the pairable units u (m_u ≥ 2 coders gave a value), n_uc the coders who
// gave code c to u. Every pair of coders on a unit counts once. With complete
// data this is the average over coder pairs of their share of agreeing units
// (nltk's AnnotationTask.avg_Ao) and Fleiss's P̄; with missing data, units
// coded by more coders weigh more (they hold more pairs).
import {
  tallyUnit,
  undefinedCoefficient,
  unitCountOf,
  type Coefficient,
  type ReliabilityMatrix,
} from './reliability-data'

export function percentAgreement(matrix: ReliabilityMatrix): Coefficient {
  const unitCount = unitCountOf(matrix)
  if (matrix.length < 2) return undefinedCoefficient('one-coder', 0, unitCount)
  let agreeingPairs = 0
  let pairs = 0
  let units = 0
  for (let unit = 0; unit < unitCount; unit++) {
    const { counts, coded } = tallyUnit(matrix, unit)
    if (coded < 2) continue
    units++
    pairs += (coded * (coded - 1)) / 2
    for (const count of counts.values()) agreeingPairs += (count * (count - 1)) / 2
  }
  const excluded = unitCount - units
  if (units === 0) return undefinedCoefficient('no-pairable-units', 0, excluded)
  return { value: agreeingPairs / pairs, units, excluded }
}
