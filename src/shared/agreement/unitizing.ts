// Krippendorff's unitizing alpha (αu) for one theme: how well coders agree on
// where the passages of that theme begin and end in an article (a continuum
// of positions, with gaps between the passages). Krippendorff (1995), "On the
// reliability of unitizing continuous data", Sociological Methodology 25;
// Krippendorff (2004), Content Analysis, 2nd ed., §12.4; the form DKPro
// Statistics implements (KrippendorffAlphaUnitizingAgreement), whose
// published examples the tests reproduce. Pure; never returns NaN.
//
// Each coder's spans of the theme are the coder's units; the stretches
// between them (and before the first, after the last) are the coder's gaps.
// A coder's overlapping spans are merged into one unit (their union), since
// Gloss lets a coder tag overlapping passages with the same theme; spans that
// only touch stay two units (where a unit ends is what αu measures). With m
// coders on a continuum of length L:
//
//   D_o = 1 / (m (m − 1) L²) · Σ_{i ≠ j} Σ_g Σ_h δ²(g_i, h_j)
//     δ² = (Δ start)² + (Δ end)²  for two overlapping units,
//          l²                      for a unit of length l inside a gap,
//          0                       otherwise (gap–gap, non-overlapping).
//   D_e = 2 / L · [ (n − 1)/3 · Σ_g (2l_g³ − 3l_g² + l_g)
//                   + Σ_g l_g² · Σ_{gaps h with l_h ≥ l_g} (l_h − l_g + 1) ]
//         ÷ [ m L (m L − 1) − Σ_g l_g (l_g − 1) ]
//     over the n units g of all coders and the gaps h of all coders.
//   αu = 1 − D_o / D_e;  no value when D_e = 0 (as when nobody coded the theme).
//
// Cost: each coder pair is one sweep over their units (only overlapping units
// are compared); the expected sum counts unit and gap lengths in linear time
// (units-in-gaps.ts). O(spans · coders²) per article, no work per position.
//
// Several articles: as one long continuum, the articles end to end, with a
// coder's gaps cut at every article's edges (a gap never runs from the end of
// one article into the next). DKPro Statistics has one continuum per study
// (its "sections" are commented out, and its issue #4, "Add document
// boundaries for unitizing measures", is open): several documents go on its
// one continuum end to end, and a coder's gaps then run across their edges.
// Cutting the gaps there is what that issue proposes ("split the gaps at the
// beginning/end of a document"). So L = Σ L_d, the observed sums add up over
// the articles (cutting changes none of them), and
// the units and gaps of every article enter one D_e. When articles have
// different numbers of coders m_d, m (m − 1) L² becomes L · Σ m_d (m_d − 1) L_d
// and m L becomes Σ m_d L_d (the values actually coded): with the same m
// everywhere this is exactly the long continuum. `units` counts the articles
// that entered (two coders or more); `excluded` those with fewer (or empty).
import { undefinedCoefficient, type Coefficient, type Undefinedness } from './reliability-data'
import { UnitizingTally } from './unitizing-tally'

/** One coder's span of the theme; end exclusive, integer positions on the continuum. */
export interface CodedSpan {
  coder: number
  start: number
  end: number
}
/**
 * Spans of ONE theme on one continuum (an article) of `length` positions,
 * coded by `coders` coders (numbered from 0); a coder without spans coded no
 * passage of the theme. A coder's overlapping spans are merged (see above).
 */
export interface UnitizingInput {
  length: number
  coders: number
  spans: readonly CodedSpan[]
}

/** Observed and expected disagreement of one theme, before they become αu. */
export interface UnitizingDisagreement {
  observed: number
  expected: number
  /** Continua that entered (two coders or more). */
  units: number
  /** Continua left out: fewer than two coders, or length 0. */
  excluded: number
  /** Set when no continuum entered. */
  undefinedBecause?: Undefinedness
}

export function unitizingDisagreement(inputs: readonly UnitizingInput[]): UnitizingDisagreement {
  const tally = new UnitizingTally(inputs)
  for (const input of inputs) tally.add(input)
  const { continua: units, excluded } = tally
  if (units === 0) {
    const reason =
      inputs.length > 0 && tally.withOneCoder === excluded ? 'one-coder' : 'no-pairable-units'
    return { observed: 0, expected: 0, units, excluded, undefinedBecause: reason }
  }
  const observed = tally.observed / (tally.length * tally.pairedPositions)
  const sum = ((tally.unitCount - 1) * tally.unitCubes) / 3 + tally.unitsInGaps()
  const pairs = tally.values * (tally.values - 1) - tally.unitPairs
  return { observed, expected: (2 * sum) / (tally.length * pairs), units, excluded }
}

/** αu of one theme on one article. */
export function unitizingAlpha(input: UnitizingInput): Coefficient {
  return unitizingAlphaOver([input])
}

/** αu of one theme over several articles, as one long continuum (see the header). */
export function unitizingAlphaOver(inputs: readonly UnitizingInput[]): Coefficient {
  return alphaOf([unitizingDisagreement(inputs)])
}

/**
 * αu over all themes: 1 − Σ D_o / Σ D_e over the themes' disagreements
 * (Krippendorff 2004; DKPro's overall agreement). The themes of one study
 * are coded on the same articles: `units` and `excluded` are the largest.
 */
export function unitizingAlphaAcrossThemes(themes: readonly UnitizingDisagreement[]): Coefficient {
  return alphaOf(themes)
}

function alphaOf(parts: readonly UnitizingDisagreement[]): Coefficient {
  let observed = 0
  let expected = 0
  let units = 0
  let excluded = 0
  for (const part of parts) {
    observed += part.observed
    expected += part.expected
    units = Math.max(units, part.units)
    excluded = Math.max(excluded, part.excluded)
  }
  if (units === 0) {
    return undefinedCoefficient(parts[0]?.undefinedBecause ?? 'no-pairable-units', 0, excluded)
  }
  if (expected === 0) return undefinedCoefficient('no-variation', units, excluded)
  return { value: 1 - observed / expected, units, excluded }
}
