// The agreement coefficients of a reliability study where several coders code
// the same articles: the one module the rest of Gloss imports them from. Each
// coefficient lives in its own module, with its formulas and references:
//   percent-agreement.ts  pairwise percent agreement (not chance-corrected)
//   kappa.ts              Cohen's kappa (Cohen 1960), Fleiss's kappa (Fleiss 1971)
//   alpha.ts              Krippendorff's alpha, four metrics, missing data
//                         (Krippendorff 2004, 2011)
//   benchmarks.ts         Krippendorff's .800 / .667 benchmarks
//   reliability-data.ts   the matrix (coders × units, null = no value) and the
//                         Coefficient every one of them returns
// When every coder gave every unit one and the same code, percent agreement is
// 1 (it is defined: every pair agrees) while kappa and alpha have no value,
// 'no-variation' (chance would agree as well: never NaN, never a made-up 1).
// For spans on a text (unitizing), see unitizing.ts. Pure: no DOM, no Node;
// nothing here rounds a value.
export type {
  AlphaMetric,
  CodeValue,
  Coefficient,
  ReliabilityMatrix,
  Undefinedness,
} from './reliability-data'
export { percentAgreement } from './percent-agreement'
export { cohenKappa, fleissKappa } from './kappa'
export { krippendorffAlpha } from './alpha'
export { RELIABILITY_BENCHMARKS, benchmarkOf } from './benchmarks'
