// Gloss's agreement coefficients against independent implementations, on
// seeded random reliability data (2–5 coders, 5–60 units, 2–4 codes, about
// 15% missing): statsmodels (cohens_kappa, fleiss_kappa with
// method='fleiss') and nltk's AnnotationTask (kappa_pairwise, alpha with
// binary and interval distance, avg_Ao), from Debian's python3-statsmodels
// and python3-nltk. Every case goes to one Python process as JSON on stdin.
// (src/shared tests may not start processes, hence this file in main.)
//
// Where the implementations part ways, and what is compared:
// - Cohen's kappa: nltk's kappa_pairwise reads every item of its task, so
//   each pair of coders gets a task of the units both coded.
// - Fleiss's kappa needs every coder on every unit: both sides get the
//   complete units only.
// - Krippendorff's alpha: nltk 3.8 skips an item with fewer than two labels,
//   as Krippendorff does, so missing data is handled alike; but nltk returns 1
//   when a single label occurs anywhere in the data (lone values included) and
//   divides by zero when the pairable values hold a single code or there are
//   none. So the values are compared whenever the pairable values hold two
//   codes or more (Gloss gives a number exactly then); otherwise Gloss says
//   why there is no value and nltk must have raised or returned that 1.
// - Percent agreement: nltk's avg_Ao, the mean over coder pairs of their
//   share of agreeing items, needs complete data; on complete units it is
//   Gloss's share of agreeing pairs.
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import {
  cohenKappa,
  fleissKappa,
  krippendorffAlpha,
  percentAgreement,
  type Coefficient,
} from '@shared/agreement/coefficients'
import { PYTHON } from './test-support/csv-readers'
import { prng } from '../../test-support/prng'

const RUNS = 240
const TOLERANCE = 1e-9

const ORACLE = `
import json, math, sys, warnings
import numpy as np
from nltk.metrics.agreement import AnnotationTask
from nltk.metrics.distance import binary_distance, interval_distance
from statsmodels.stats.inter_rater import aggregate_raters, cohens_kappa, fleiss_kappa

warnings.simplefilter("ignore")  # 0/0 in a case without variation: nan, read as None

def finite(x):
    x = float(x)
    return x if math.isfinite(x) else None

def attempt(compute):
    try:
        return compute()
    except (ZeroDivisionError, ValueError, AssertionError):
        return None

def oracle(case):
    m, k = case["matrix"], case["codes"]
    coders, units = len(m), len(m[0])
    out = {"cohen": []}
    for a in range(coders):
        for b in range(a + 1, coders):
            both = [u for u in range(units) if m[a][u] is not None and m[b][u] is not None]
            table = np.zeros((k, k))
            for u in both:
                table[m[a][u], m[b][u]] += 1
            task = AnnotationTask([(c, u, str(m[c][u])) for u in both for c in (a, b)])
            out["cohen"].append({
                # return_results=False: the same kappa, without the variances (slow to build)
                "statsmodels": attempt(lambda: finite(cohens_kappa(table, return_results=False))) if both else None,
                "nltk": attempt(lambda: task.kappa_pairwise(a, b)) if both else None,
            })
    complete = [u for u in range(units) if all(m[c][u] is not None for c in range(coders))]
    out["fleiss"] = out["percent"] = None
    if complete:
        table = aggregate_raters(np.array([[m[c][u] for c in range(coders)] for u in complete]))[0]
        out["fleiss"] = attempt(lambda: finite(fleiss_kappa(table, method="fleiss")))
        task = AnnotationTask([(c, u, str(m[c][u])) for u in complete for c in range(coders)])
        out["percent"] = task.avg_Ao()
    values = [(c, u, m[c][u]) for c in range(coders) for u in range(units) if m[c][u] is not None]
    nominal = AnnotationTask([(c, u, str(v)) for c, u, v in values], distance=binary_distance)
    interval = AnnotationTask(values, distance=interval_distance)
    out["nominal"] = attempt(lambda: float(nominal.alpha()))
    out["interval"] = attempt(lambda: float(interval.alpha()))
    return out

print(json.dumps([oracle(case) for case in json.load(sys.stdin)]))
`

type Matrix = (number | null)[][]
interface Case {
  matrix: Matrix
  codes: number
}
interface Oracle {
  cohen: { statsmodels: number | null; nltk: number | null }[]
  fleiss: number | null
  percent: number | null
  nominal: number | null
  interval: number | null
}

/** Coders who mostly agree on a unit's code, 15% of the cells left empty. */
function randomCase(rnd: () => number): Case {
  const coders = 2 + Math.floor(rnd() * 4)
  const units = 5 + Math.floor(rnd() * 56)
  const codes = 2 + Math.floor(rnd() * 3)
  const agreement = 0.3 + rnd() * 0.65
  const truth = Array.from({ length: units }, () => Math.floor(rnd() * codes))
  const matrix = Array.from({ length: coders }, () =>
    truth.map((code) =>
      rnd() < 0.15 ? null : rnd() < agreement ? code : Math.floor(rnd() * codes),
    ),
  )
  return { matrix, codes }
}

/** Cases where a coefficient has no value: one code only, or few pairable units. */
const DEGENERATE: Case[] = [
  {
    matrix: [
      [0, 0, 0],
      [0, 0, 0],
    ],
    codes: 2,
  },
  {
    matrix: [
      [1, null, 1],
      [1, 1, null],
      [null, 1, 1],
    ],
    codes: 2,
  },
  {
    matrix: [
      [0, null],
      [null, 1],
    ],
    codes: 2,
  },
  {
    matrix: [
      [0, 1, null],
      [0, null, null],
      [null, null, 1],
    ],
    codes: 2,
  },
  {
    matrix: [
      [0, 0, 1],
      [0, 0, null],
    ],
    codes: 2,
  },
]

function pythonWithPackages(): string | null {
  const probe = spawnSync(PYTHON, ['-c', 'import nltk, statsmodels'], { encoding: 'utf8' })
  if (probe.error) return `${PYTHON} could not run (${probe.error.message})`
  if (probe.status !== 0)
    return `${PYTHON} lacks nltk or statsmodels (Debian: python3-nltk python3-statsmodels)`
  return null
}

const missing = pythonWithPackages()
if (missing) console.warn(`Skipping the agreement oracles: ${missing}`)

function completeUnits(matrix: Matrix): Matrix {
  const keep = matrix[0]!.map((_, unit) => matrix.every((row) => row[unit] !== null))
  return matrix.map((row) => row.filter((_, unit) => keep[unit]))
}

describe('agreement coefficients against statsmodels and nltk', () => {
  it.skipIf(missing !== null)(
    `agree to ${TOLERANCE} on ${RUNS} random studies and the degenerate ones`,
    () => {
      const rnd = prng(20_260_611)
      const cases = [...Array.from({ length: RUNS }, () => randomCase(rnd)), ...DEGENERATE]
      const python = spawnSync(PYTHON, ['-c', ORACLE], {
        input: JSON.stringify(cases),
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      })
      expect(python.status, python.stderr).toBe(0)
      const oracles = JSON.parse(python.stdout) as Oracle[]
      expect(oracles).toHaveLength(cases.length)

      const wrong: string[] = []
      // values compared per coefficient and oracle (cases without a value aside)
      const compared = {
        'cohen, statsmodels': 0,
        'cohen, nltk': 0,
        'fleiss, statsmodels': 0,
        'percent, nltk': 0,
        'nominal alpha, nltk': 0,
        'interval alpha, nltk': 0,
      }
      const check = (
        what: keyof typeof compared,
        at: number,
        ours: Coefficient,
        theirs: number | null,
      ) => {
        if (ours.value === null) {
          if (theirs !== null)
            wrong.push(
              `${what} #${at}: Gloss has no value (${ours.undefinedBecause}), the oracle ${theirs}`,
            )
        } else if (theirs === null || Math.abs(ours.value - theirs) > TOLERANCE) {
          wrong.push(`${what} #${at}: Gloss ${ours.value}, the oracle ${theirs}`)
        } else compared[what]++
      }
      for (const [at, { matrix }] of cases.entries()) {
        const oracle = oracles[at]!
        let pair = 0
        for (let a = 0; a < matrix.length; a++) {
          for (let b = a + 1; b < matrix.length; b++) {
            const ours = cohenKappa(matrix[a]!, matrix[b]!)
            const { statsmodels, nltk } = oracle.cohen[pair++]!
            check('cohen, statsmodels', at, ours, statsmodels)
            check('cohen, nltk', at, ours, nltk)
          }
        }
        check('fleiss, statsmodels', at, fleissKappa(matrix), oracle.fleiss)
        const complete = completeUnits(matrix)
        if (complete[0]!.length > 0)
          check('percent, nltk', at, percentAgreement(complete), oracle.percent)
        for (const metric of ['nominal', 'interval'] as const) {
          const ours = krippendorffAlpha(matrix, metric)
          // nltk's shortcut: one label in the whole data is alpha 1 (see the header)
          const theirs = ours.value === null && oracle[metric] === 1 ? null : oracle[metric]
          check(`${metric} alpha, nltk`, at, ours, theirs)
        }
      }
      expect(wrong).toEqual([])
      // the comparisons happened, on values and not only on "no value"
      for (const [what, count] of Object.entries(compared)) {
        expect(count, what).toBeGreaterThan(RUNS / 2)
      }
    },
  )
})
