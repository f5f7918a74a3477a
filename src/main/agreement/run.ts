// Runs an agreement computation (shared/agreement/report.ts) in main without
// holding the event loop: the steps of agreementSteps (the units of a few
// articles, or one theme) run for at most SLICE_MS, then the loop is given
// back (setImmediate) so that saves, other calls and the progress events
// keep flowing; progress is told at most every PROGRESS_MS and at the end of
// each stage. A run stops at the next slice once `cancelled()` says so, and
// then answers null. The units of the agreement units CSV are built the same
// way (buildUnitsInSteps).
// Never reads or writes a file; never changes a session.
import type { AgreementInput, AgreementReport, AgreementStep } from '@shared/agreement/report'
import { agreementSteps } from '@shared/agreement/report'
import { buildUnits, type NominalUnits, type SpanUnits } from '@shared/agreement/units'
import { mergeUnits } from './merge-units'

/** Longest stretch of work between two turns of the event loop. */
const SLICE_MS = 25
const PROGRESS_MS = 100
/** Articles whose units one step of buildUnitsInSteps builds. */
const ARTICLES_PER_STEP = 25

export interface RunControl {
  cancelled: () => boolean
  onProgress?: (step: AgreementStep) => void
}

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

/** Drives a generator in slices of time; null when cancelled. */
async function drive<T>(
  steps: Generator<AgreementStep, T, void>,
  { cancelled, onProgress }: RunControl,
): Promise<T | null> {
  let told = -Infinity
  for (;;) {
    await yieldToLoop()
    if (cancelled()) return null
    const until = performance.now() + SLICE_MS
    do {
      const step = steps.next()
      if (step.done) return step.value
      const now = performance.now()
      const last = step.value.done === step.value.total
      if (onProgress && (last || now - told >= PROGRESS_MS)) {
        told = now
        onProgress(step.value)
      }
    } while (performance.now() < until)
  }
}

/** The report of `input`, computed a slice at a time; null when cancelled. */
export function runAgreement(
  input: AgreementInput,
  control: RunControl,
): Promise<AgreementReport | null> {
  return drive(agreementSteps(input), control)
}

function* unitSteps(
  input: AgreementInput,
): Generator<AgreementStep, NominalUnits | SpanUnits, void> {
  const parts: (NominalUnits | SpanUnits)[] = []
  const total = Math.ceil(input.articles.length / ARTICLES_PER_STEP)
  for (let k = 0; k < total; k++) {
    const articles = input.articles.slice(k * ARTICLES_PER_STEP, (k + 1) * ARTICLES_PER_STEP)
    parts.push(buildUnits({ ...input, articles }))
    yield { stage: 'units', done: k + 1, total }
  }
  return mergeUnits(input, parts)
}

/** The units of `input` over all its articles (the units CSV's input), built a slice at a time. */
export function buildUnitsInSteps(
  input: AgreementInput,
  control: RunControl,
): Promise<NominalUnits | SpanUnits | null> {
  return drive(unitSteps(input), control)
}
