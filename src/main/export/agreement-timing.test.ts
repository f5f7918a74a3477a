// Timings of the agreement units at the size Gloss aims at: 2,000 articles
// of about 5,000 characters, 3 coders of 100,000 passages each, 40 themes.
// Skipped unless GLOSS_TIMING=1; prints its numbers and asserts none
// (conventions: no timing asserts in tests). Run it alone:
//   GLOSS_TIMING=1 npx vitest run src/main/export/agreement-timing.test.ts
// Each step is timed in wall-clock and in CPU time of this process (the
// machine is shared: CPU time is what the step itself costs).
import { loadavg } from 'node:os'
import { describe, expect, it } from 'vitest'
import { splitSentences } from '@shared/agreement/sentences'
import { buildUnits, type AgreementArticle, type UnitKind } from '@shared/agreement/units'
import type { Passage } from '@shared/model/schema'
import { splitParagraphs } from '@shared/model/text'
import { agreementUnitsCsvChunks, agreementUnitsRowCount } from './agreement-units-csv'

const ARTICLES = 2_000
const CODERS = ['ana', 'ben', 'cleo']
const PASSAGES_PER_CODER = 100_000
const THEMES = Array.from({ length: 40 }, (_, i) => `t${i}`)

/** A small seeded generator (numbers in [0, 1)), so every run measures the same input. */
function random(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0
    return s / 2 ** 32
  }
}

const WORDS =
  'le la les un une des ministre gouvernement école santé économie croissance a dit « Je » M. Dupont 3,5 % selon l’Insee mais aussi… puis'.split(
    ' ',
  )

function corpus(): AgreementArticle[] {
  const r = random(20261202)
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!
  const articles: AgreementArticle[] = []
  for (let a = 0; a < ARTICLES; a++) {
    const paragraphs: string[] = []
    let length = 0
    while (length < 5_000) {
      const sentences: string[] = []
      for (let s = 0, n = 2 + Math.floor(r() * 4); s < n; s++) {
        const words = Array.from({ length: 8 + Math.floor(r() * 15) }, () => pick(WORDS))
        sentences.push(
          `${words.join(' ').replace(/^./, (c) => c.toUpperCase())}${pick(['.', '.', '?', ' !', ' »'])}`,
        )
      }
      const p = sentences.join(' ')
      paragraphs.push(p)
      length += p.length + 2
    }
    const text = paragraphs.join('\n\n')
    const passages: Passage[] = []
    for (const author of CODERS)
      for (let k = 0; k < PASSAGES_PER_CODER / ARTICLES; k++) {
        const start = Math.floor(r() * (text.length - 200))
        const end = start + 20 + Math.floor(r() * 180)
        const themeIds = [
          ...new Set(Array.from({ length: 1 + Math.floor(r() * 3) }, () => pick(THEMES))),
        ]
        passages.push({
          id: `${a}-${author}-${k}`,
          start,
          end,
          quote: text.slice(start, end),
          prefix: '',
          suffix: '',
          themeIds,
          note: '',
          createdAt: '2026-01-01T00:00:00.000Z',
          updatedAt: '2026-01-01T00:00:00.000Z',
          author,
        })
      }
    articles.push({ id: `a${a}`, text, language: a % 2 ? 'fr' : 'en', passages })
  }
  return articles
}

/** Best of `runs` wall-clock and CPU times, in ms, as text. */
function best(runs: number, f: () => unknown): string {
  let wall = Infinity
  let cpu = Infinity
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    const c0 = process.cpuUsage()
    f()
    const c = process.cpuUsage(c0)
    wall = Math.min(wall, performance.now() - t0)
    cpu = Math.min(cpu, (c.user + c.system) / 1000)
  }
  return `${wall.toFixed(0)} ms wall, ${cpu.toFixed(0)} ms CPU`
}

describe.skipIf(!process.env.GLOSS_TIMING)('agreement units at full size', () => {
  it('prints how long each step takes', () => {
    const articles = corpus()
    const chars = articles.reduce((n, a) => n + a.text.length, 0)
    const passages = articles.reduce((n, a) => n + a.passages.length, 0)
    // A fifth of the articles coded by two coders only, one by nobody.
    const coded = (id: string, coder: string) =>
      id !== 'a7' && !(Number(id.slice(1)) % 5 === 0 && coder === 'cleo')
    const lines = [
      `${articles.length} articles, ${chars} UTF-16 units, ${passages} passages; load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    ]
    lines.push(
      `ICU alone (Intl.Segmenter over every paragraph): ${best(3, () => {
        let n = 0
        const segmenter = new Intl.Segmenter('fr', { granularity: 'sentence' })
        for (const a of articles)
          for (const p of splitParagraphs(a.text))
            n += [...segmenter.segment(a.text.slice(p.start, p.end))].length
        return n
      })}`,
    )
    lines.push(
      `splitSentences over every paragraph: ${best(3, () => {
        let n = 0
        for (const a of articles)
          for (const p of splitParagraphs(a.text))
            n += splitSentences(a.text, p.start, p.end, a.language).length
        return n
      })}`,
    )
    for (const unit of ['article', 'paragraph', 'sentence', 'characters'] as UnitKind[]) {
      const request = { unit, articles, coders: CODERS, themeIds: THEMES, coded }
      const result = buildUnits(request)
      expect(result.dropped.articles).toBe(1)
      lines.push(`buildUnits '${unit}': ${best(3, () => buildUnits(request))}`)
      if (unit === 'paragraph' || unit === 'characters') {
        let size = 0
        const input = { themes: THEMES.map((id) => ({ id, name: `Theme ${id}` })), articles }
        const time = best(1, () => {
          for (const chunk of agreementUnitsCsvChunks(result, input)) size += chunk.length
        })
        lines.push(
          `  its CSV: ${agreementUnitsRowCount(result)} rows, ${(size / 1e6).toFixed(0)} M characters: ${time}`,
        )
      }
    }
    console.log(lines.join('\n'))
  })
})
