// The Agreement view's numbers: for a request (a unit of analysis, two or
// more coders, themes, the articles in scope), per theme and over all themes,
// the agreement of the coders, each coefficient with its n, the units left
// out and why, and where the coders disagree.
//
// - Who coded what: a coder coded an article when the article is in the
//   coder's record's `opened` list (corpus.ts, meta.coders) OR the coder has
//   at least one passage in it (codedRule). The units of an article a coder
//   did not code are missing data for that coder, never "did not give the
//   theme" (units.ts). The request is checked, and the rule applied, in plan.ts.
// - Article, paragraph and sentence units: each theme is one binary variable
//   (1 the coder gave the theme to a passage overlapping the unit, 0 not);
//   percent agreement, Fleiss's kappa, Krippendorff's alpha (nominal) and
//   Cohen's kappa for every pair of coders (binary-tally.ts: the functions
//   of coefficients.ts, from counts).
// - "All themes" at these levels: every unit × theme decision pooled as one
//   binary variable (the tallies of the themes added up), which is what an
//   "all variables" figure of a content analysis report usually is; not the
//   mean of the themes' values. It weighs each theme by its units, and rare
//   themes count as much as their decisions do.
// - Characters: Krippendorff's unitizing alpha (αu) per theme
//   (unitizingDisagreement over the theme's continua, one per article) and
//   over all themes (unitizingAlphaAcrossThemes: 1 − ΣD_o / ΣD_e).
// - Every chance-corrected coefficient (kappa, alpha, αu) carries its
//   benchmark (benchmarks.ts, Krippendorff 2004); percent agreement does
//   not, since it is not corrected for chance.
// - Work is done in steps (agreementSteps): the units of a few articles at a
//   time, then one theme at a time, so that main can give the event loop
//   back between steps, report progress and stop when cancelled.
// Pure: no DOM, no Node. It must never turn missing data into 0, nor
// compare a coder on an article the coder did not code.
import type { ArticleData, CorpusMeta } from '../model/corpus'
import { BinaryTally } from './binary-tally'
import { benchmarkOf } from './benchmarks'
import type { Continuum } from './continua'
import {
  addSegmentDisagreements,
  addUnitDisagreements,
  noDisagreements,
  type PassageFinder,
  type ThemeDisagreements,
} from './disagreements'
import type { Coefficient } from './reliability-data'
import { unitizingAlphaAcrossThemes, unitizingDisagreement } from './unitizing'
import { buildUnits, type NominalUnits, type UnitKind, type UnitsRequest } from './units'
import { planAgreement, problemText, type AgreementInput, type AgreementRequest } from './plan'

export type { CoderValue, Disagreement, ThemeDisagreements } from './disagreements'
export {
  codedRule,
  planAgreement,
  problemText,
  UNIT_KINDS,
  type AgreementInput,
  type AgreementProblem,
  type AgreementRequest,
} from './plan'
export { DISAGREEMENTS_KEPT } from './disagreements'

export type Benchmark = ReturnType<typeof benchmarkOf>

/** A coefficient as the view shows it: with its benchmark when it is chance-corrected and has a value. */
export interface ReportCoefficient extends Coefficient {
  benchmark?: Benchmark
}

export interface PairKappa {
  coderA: string
  coderB: string
  kappa: ReportCoefficient
}

/** The figures of one theme, or of all themes. Null: not computed at this unit of analysis. */
export interface AgreementFigures {
  percent: ReportCoefficient | null
  fleiss: ReportCoefficient | null
  alpha: ReportCoefficient | null
  /** Cohen's kappa for every pair of coders (request order); empty at 'characters'. */
  cohen: PairKappa[]
  /** Unitizing alpha, at 'characters' only. */
  unitizing: ReportCoefficient | null
}

export interface ThemeAgreement extends AgreementFigures {
  themeId: string
  disagreements: ThemeDisagreements
}

/**
 * The units left out, and why (the same for every theme: whether a coder
 * coded an article does not depend on the theme). At 'characters' the units
 * are the articles (one continuum per article and theme).
 */
export interface AgreementExclusions {
  /** Units of the articles in scope. */
  units: number
  /** Units two coders or more gave a value to: those compared. */
  compared: number
  /** Units fewer than two coders gave a value to: left out (units − compared). */
  excluded: number
  /** Of those: the articles no coder of the request coded, and their units. */
  uncoded: { articles: number; units: number }
  /** Per coder: the articles (and their units) coded by another coder that this coder did not code. */
  byCoder: { coder: string; articles: number; units: number }[]
}

export interface AgreementReport {
  unit: UnitKind
  coders: string[]
  themeIds: string[]
  /** Articles in scope. */
  articles: number
  exclusions: AgreementExclusions
  themes: ThemeAgreement[]
  /** All themes: pooled as one binary variable (nominal levels), or ΣD_o / ΣD_e (characters). */
  overall: AgreementFigures
}

/** How far a computation is: the units (articles read) then the themes. */
export interface AgreementStep {
  stage: 'units' | 'themes'
  done: number
  total: number
}

/** Articles whose units are built in one step. */
const ARTICLES_PER_STEP = 25
/** Groups of ARTICLES_PER_STEP articles one step of a theme reads (nominal units). */
const PARTS_PER_STEP = 20
/** Continua (articles) of one theme searched for disagreements in one step. */
const CONTINUA_PER_STEP = 250

/** With its benchmark, when it has a value. */
function benchmarked(c: Coefficient): ReportCoefficient {
  return c.value === null ? c : { ...c, benchmark: benchmarkOf(c.value) }
}

function nominalFigures(tally: BinaryTally, coders: readonly string[]): AgreementFigures {
  const cohen: PairKappa[] = []
  for (let a = 0; a < coders.length; a++)
    for (let b = a + 1; b < coders.length; b++)
      cohen.push({
        coderA: coders[a]!,
        coderB: coders[b]!,
        kappa: benchmarked(tally.cohenKappa(a, b)),
      })
  return {
    percent: tally.percentAgreement(),
    fleiss: benchmarked(tally.fleissKappa()),
    alpha: benchmarked(tally.krippendorffAlpha()),
    cohen,
    unitizing: null,
  }
}

function unitizingFigures(alpha: Coefficient): AgreementFigures {
  return { percent: null, fleiss: null, alpha: null, cohen: [], unitizing: benchmarked(alpha) }
}

/**
 * The computation, one step at a time: each `next()` builds the units of a
 * few articles or computes one theme, and yields how far it is; the return
 * value is the report.
 */
export function* agreementSteps(
  input: AgreementInput,
): Generator<AgreementStep, AgreementReport, void> {
  const { unit, coders, themeIds, articles, coded } = input
  const byId = new Map(articles.map((a) => [a.id, a]))
  const textOf = (id: string) => byId.get(id)?.text ?? ''
  const coderIndex = new Map(coders.map((c, i) => [c, i]))
  /** A passage of `themeId` over [start, end) by one of `givers`, for opening the article there. */
  const passageFinder =
    (themeId: string): PassageFinder =>
    (articleId, start, end, givers) =>
      byId
        .get(articleId)
        ?.passages.find(
          (p) =>
            p.start < end &&
            p.end > start &&
            p.themeIds.includes(themeId) &&
            givers.includes(coderIndex.get(p.author) ?? -1),
        )?.id
  const chunks = Math.ceil(articles.length / ARTICLES_PER_STEP)
  const request = (from: number): UnitsRequest => ({
    unit,
    coders,
    themeIds,
    articles: articles.slice(from, from + ARTICLES_PER_STEP),
    coded,
  })
  const byCoder = coders.map((coder) => ({ coder, articles: 0, units: 0 }))
  const uncoded = { articles: 0, units: 0 }
  const themes: ThemeAgreement[] = []

  if (unit === 'characters') {
    const continua = new Map(themeIds.map((id) => [id, [] as Continuum[]]))
    for (let k = 0; k < chunks; k++) {
      const part = buildUnits({ ...request(k * ARTICLES_PER_STEP), unit: 'characters' })
      for (const [id, list] of part.themes) for (const c of list) continua.get(id)!.push(c)
      part.missing.forEach((m, c) => {
        byCoder[c]!.articles += m.articles
        byCoder[c]!.units += m.articles
      })
      uncoded.articles += part.dropped.articles
      uncoded.units += part.dropped.articles
      yield { stage: 'units', done: k + 1, total: chunks }
    }
    const parts = []
    for (const [k, id] of themeIds.entries()) {
      const list = continua.get(id)!
      const part = unitizingDisagreement(list)
      parts.push(part)
      // The disagreements a few hundred articles at a time: a step stays short.
      const disagreements = noDisagreements()
      const find = passageFinder(id)
      for (let from = 0; from < list.length; from += CONTINUA_PER_STEP) {
        yield { stage: 'themes', done: k, total: themeIds.length }
        for (const c of list.slice(from, from + CONTINUA_PER_STEP))
          addSegmentDisagreements(disagreements, c, coders.length, textOf(c.articleId), find)
      }
      themes.push({
        themeId: id,
        ...unitizingFigures(unitizingAlphaAcrossThemes([part])),
        disagreements,
      })
      yield { stage: 'themes', done: k + 1, total: themeIds.length }
    }
    const first = continua.get(themeIds[0]!) ?? []
    const compared = first.filter((c) => c.coders >= 2 && c.length > 0).length
    return {
      unit,
      coders,
      themeIds,
      articles: articles.length,
      exclusions: {
        units: articles.length,
        compared,
        excluded: articles.length - compared,
        uncoded,
        byCoder,
      },
      themes,
      overall: unitizingFigures(unitizingAlphaAcrossThemes(parts)),
    }
  }

  const parts: NominalUnits[] = []
  for (let k = 0; k < chunks; k++) {
    const part = buildUnits({ ...request(k * ARTICLES_PER_STEP), unit })
    parts.push(part)
    part.missing.forEach((m, c) => {
      byCoder[c]!.articles += m.articles
      byCoder[c]!.units += m.units
    })
    uncoded.articles += part.dropped.articles
    uncoded.units += part.dropped.units
    yield { stage: 'units', done: k + 1, total: chunks }
  }
  const pooled = new BinaryTally(coders.length)
  let kept = 0
  let compared = 0
  for (const [k, id] of themeIds.entries()) {
    const tally = new BinaryTally(coders.length)
    const disagreements = noDisagreements()
    const find = passageFinder(id)
    for (const [p, part] of parts.entries()) {
      // A theme over many articles takes a few steps: each stays short.
      if (p > 0 && p % PARTS_PER_STEP === 0)
        yield { stage: 'themes', done: k, total: themeIds.length }
      const rows = part.values.get(id)!
      tally.add(rows)
      addUnitDisagreements(disagreements, part.units, rows, textOf, find)
    }
    if (k === 0) {
      kept = tally.units()
      compared = tally.pairable()
    }
    pooled.addTally(tally)
    themes.push({ themeId: id, ...nominalFigures(tally, coders), disagreements })
    yield { stage: 'themes', done: k + 1, total: themeIds.length }
  }
  const units = kept + uncoded.units
  return {
    unit,
    coders,
    themeIds,
    articles: articles.length,
    exclusions: { units, compared, excluded: units - compared, uncoded, byCoder },
    themes,
    overall: nominalFigures(pooled, coders),
  }
}

/**
 * The whole report at once (tests, small sessions); `onTheme` is told each
 * theme done. Throws a RangeError naming the problem of a request that
 * cannot be computed (fewer than two coders, an unknown theme or article).
 */
export function computeAgreement(
  request: AgreementRequest,
  articles: ReadonlyMap<string, Pick<ArticleData, 'text' | 'passages'>>,
  meta: Pick<CorpusMeta, 'codebook' | 'articles' | 'coders'>,
  onTheme?: (done: number, total: number) => void,
): AgreementReport {
  const plan = planAgreement(request, meta, articles)
  if (!plan.ok) throw new RangeError(problemText(plan.problem))
  const steps = agreementSteps(plan.input)
  let told = 0
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
    const { stage, done, total } = step.value
    if (stage === 'themes' && done > told) onTheme?.((told = done), total)
  }
}
