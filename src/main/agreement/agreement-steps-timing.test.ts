// How long each step of an agreement computation takes at the size Gloss
// aims at (2,000 articles, 3 coders of 100,000 passages, 40 themes): main
// gives the event loop back between steps, so the longest step bounds how
// long main can be held. Skipped unless GLOSS_TIMING=1; prints its numbers
// and asserts none (no timing asserts in tests). Run it alone:
//   GLOSS_TIMING=1 npx vitest run src/main/agreement/agreement-steps-timing.test.ts
import { loadavg } from 'node:os'
import { describe, it } from 'vitest'
import { agreementSteps, codedRule, type AgreementInput } from '@shared/agreement/report'
import type { AgreementArticle } from '@shared/agreement/units'
import type { Passage } from '@shared/model/schema'
import { prng } from '../../../test-support/prng'

const CODERS = ['ana', 'ben', 'cleo']
const THEMES = Array.from({ length: 40 }, (_, i) => `t${i}`)

function corpus(): AgreementArticle[] {
  const r = prng(20_261_202)
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!
  const words = 'le la les un une ministre école santé économie croissance dit selon mais'.split(
    ' ',
  )
  return Array.from({ length: 2_000 }, (_, a) => {
    const paragraphs: string[] = []
    for (let n = 0; n < 5_000;) {
      const p = Array.from({ length: 3 }, () =>
        Array.from({ length: 12 }, () => pick(words)).join(' '),
      ).join('. ')
      paragraphs.push(`${p}.`)
      n += p.length + 3
    }
    const text = paragraphs.join('\n\n')
    const passages: Passage[] = []
    for (let k = 0; k < 50; k++) {
      const start = Math.floor(r() * (text.length - 250))
      const end = start + 20 + Math.floor(r() * 180)
      const themeIds = [...new Set([pick(THEMES), pick(THEMES)])]
      for (const author of CODERS) {
        const s = Math.max(0, start + Math.floor(r() * 21) - 10)
        passages.push({
          id: `${a}-${k}-${author}`,
          start: s,
          end: Math.max(s + 1, end + Math.floor(r() * 21) - 10),
          quote: '',
          prefix: '',
          suffix: '',
          themeIds: r() < 0.1 ? [pick(THEMES)] : themeIds,
          note: '',
          createdAt: '',
          updatedAt: '',
          author,
        })
      }
    }
    passages.sort((x, y) => x.start - y.start)
    return { id: `a${a}`, text, language: 'fr', passages }
  })
}

describe.skipIf(!process.env.GLOSS_TIMING)('agreement steps at full size', () => {
  it('prints the whole computation and its longest step, per unit', () => {
    const articles = corpus()
    const lines = [
      `load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    ]
    for (const unit of ['article', 'paragraph', 'sentence', 'characters'] as const) {
      const input: AgreementInput = {
        unit,
        coders: CODERS,
        themeIds: THEMES,
        articles,
        coded: codedRule([], CODERS, articles),
      }
      const steps = agreementSteps(input)
      const cpu0 = process.cpuUsage()
      const t0 = performance.now()
      let longest = { ms: 0, stage: '' }
      const all: string[] = []
      for (;;) {
        const s0 = performance.now()
        const step = steps.next()
        const ms = performance.now() - s0
        const stage = step.done ? 'report' : `${step.value.stage} ${step.value.done}`
        all.push(`${ms.toFixed(0)}:${stage}`)
        if (ms > longest.ms) longest = { ms, stage }
        if (step.done) break
      }
      if (process.env.GLOSS_TIMING === 'steps')
        console.log(
          unit,
          all
            .sort((x, y) => parseFloat(y) - parseFloat(x))
            .slice(0, 8)
            .join(' '),
        )
      const cpu = process.cpuUsage(cpu0)
      lines.push(
        `${unit}: ${(performance.now() - t0).toFixed(0)} ms wall, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU; longest step ${longest.ms.toFixed(1)} ms (${longest.stage})`,
      )
    }
    console.log(lines.join('\n'))
  })
})
