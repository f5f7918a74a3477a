// The Agreement view's numbers: a small corpus of two coders worked out by
// hand (the e2e spec checks the same figures on screen), the edge cases
// (one coder, a theme nobody used, an article a coder never opened), and on
// seeded random corpora the equality of every figure with the coefficient
// functions applied to buildUnits's matrices of the whole corpus.
import { describe, expect, it } from 'vitest'
import { prng } from '../../../test-support/prng'
import type { ArticleData, CorpusMeta } from '../model/corpus'
import type { Passage, Theme } from '../model/schema'
import {
  cohenKappa,
  fleissKappa,
  krippendorffAlpha,
  percentAgreement,
  type Coefficient,
} from './coefficients'
import { DISAGREEMENTS_KEPT } from './disagreements'
import {
  codedRule,
  computeAgreement,
  planAgreement,
  type AgreementReport,
  type AgreementRequest,
} from './report'
import { unitizingAlphaAcrossThemes, unitizingAlphaOver, unitizingDisagreement } from './unitizing'
import { buildUnits, toMatrix, type UnitKind } from './units'

const T = '2026-01-01T00:00:00.000Z'

function on(text: string, quote: string, author: string, themeIds: string[]): Passage {
  const start = text.indexOf(quote)
  if (start < 0) throw new Error(`no ${quote}`)
  const end = start + quote.length
  return {
    id: `p${start}-${end}-${author}-${themeIds.join('+')}`,
    start,
    end,
    quote,
    prefix: '',
    suffix: '',
    themeIds,
    note: '',
    createdAt: T,
    updatedAt: T,
    author,
  }
}

const languageOf = (language?: string): Record<string, string> => (language ? { language } : {})

const theme = (id: string): Theme => ({ id, name: id.toUpperCase(), colour: '#0072b2' })

/** A session of the given articles (text and passages), coders and their opened lists. */
function session(
  specs: { id: string; text: string; passages: Passage[]; language?: string }[],
  coders: Record<string, string[]>,
  themes = ['eco', 'edu', 'unused'],
) {
  const meta: Pick<CorpusMeta, 'codebook' | 'articles' | 'coders'> = {
    codebook: themes.map(theme),
    articles: specs.map((s) => ({
      id: s.id,
      title: `Article ${s.id}`,
      sourceFileName: '',
      sha256: '0'.repeat(64),
      chars: s.text.length,
      addedAt: T,
      attributes: languageOf(s.language),
      passageCount: s.passages.length,
    })),
    coders: Object.entries(coders).map(([name, opened]) => ({ name, opened })),
  }
  const articles = new Map<string, ArticleData>(
    specs.map((s) => [
      s.id,
      { id: s.id, text: s.text, passages: s.passages, ui: { scrollTop: 0 }, updatedAt: T },
    ]),
  )
  return { meta, articles }
}

// The e2e spec's corpus (e2e/agreement.spec.ts seeds the same texts and passages).
// One: four paragraphs; two: two paragraphs.
const ONE =
  'Le budget de la ville augmente.\n\nLes impôts locaux restent stables.\n\nLes écoles rouvrent en septembre.\n\nLe maire part en vacances.'
const TWO = 'Le chômage recule dans la région.\n\nLes salaires stagnent depuis un an.'

/**
 * eco per paragraph, ana: 1 1 0 0 | 1 0; ben: 1 0 0 0 | 1 1.
 * edu: both on the third paragraph of ONE only. unused: nobody.
 */
function handCorpus() {
  return session(
    [
      {
        id: 'one',
        text: ONE,
        passages: [
          on(ONE, 'budget de la ville', 'ana', ['eco']),
          on(ONE, 'impôts locaux', 'ana', ['eco']),
          on(ONE, 'écoles rouvrent', 'ana', ['edu']),
          on(ONE, 'Le budget', 'ben', ['eco']),
          on(ONE, 'rouvrent en septembre', 'ben', ['edu']),
        ],
      },
      {
        id: 'two',
        text: TWO,
        passages: [
          on(TWO, 'chômage recule', 'ana', ['eco']),
          on(TWO, 'Le chômage', 'ben', ['eco']),
          on(TWO, 'salaires stagnent', 'ben', ['eco']),
        ],
      },
    ],
    { ana: ['one', 'two'], ben: ['one', 'two'] },
  )
}

const value = (c: Coefficient | null | undefined) => c?.value ?? null

describe('computeAgreement on a corpus worked out by hand', () => {
  const { meta, articles } = handCorpus()
  const report = computeAgreement({ unit: 'paragraph', coders: ['ana', 'ben'] }, articles, meta)
  const [eco, edu, unused] = report.themes

  it('compares the six paragraphs of the two articles, none left out', () => {
    expect(report.themeIds).toEqual(['eco', 'edu', 'unused'])
    expect(report.exclusions).toEqual({
      units: 6,
      compared: 6,
      excluded: 0,
      uncoded: { articles: 0, units: 0 },
      byCoder: [
        { coder: 'ana', articles: 0, units: 0 },
        { coder: 'ben', articles: 0, units: 0 },
      ],
    })
  })

  it('gives eco: 4 of 6 paragraphs agree; kappa 1/3, alpha 14/36', () => {
    expect(eco!.percent).toEqual({ value: 4 / 6, units: 6, excluded: 0 })
    expect(value(eco!.fleiss)).toBeCloseTo(1 / 3, 12)
    expect(eco!.cohen).toHaveLength(1)
    expect(eco!.cohen[0]!.coderA).toBe('ana')
    expect(eco!.cohen[0]!.coderB).toBe('ben')
    expect(value(eco!.cohen[0]!.kappa)).toBeCloseTo(1 / 3, 12)
    // o_01 = 2, n_0 = n_1 = 6, n = 12: α = 1 − 11 · 2 / 36.
    expect(value(eco!.alpha)).toBeCloseTo(14 / 36, 12)
    expect(eco!.alpha!.benchmark).toBe('not-reliable')
    expect(eco!.alpha!.units).toBe(6)
    expect(eco!.unitizing).toBeNull()
  })

  it('gives edu: perfect agreement, reliable', () => {
    expect(value(edu!.percent)).toBe(1)
    expect(value(edu!.alpha)).toBe(1)
    expect(value(edu!.fleiss)).toBe(1)
    expect(value(edu!.cohen[0]!.kappa)).toBe(1)
    expect(edu!.alpha!.benchmark).toBe('reliable')
    expect(edu!.percent!.benchmark).toBeUndefined()
    expect(edu!.disagreements).toEqual({ total: 0, shown: [] })
  })

  it('says a theme nobody used has no variation: kappa and alpha not defined', () => {
    expect(value(unused!.percent)).toBe(1)
    for (const c of [unused!.alpha, unused!.fleiss, unused!.cohen[0]!.kappa]) {
      expect(c!.value).toBeNull()
      expect(c!.undefinedBecause).toBe('no-variation')
      expect(c!.benchmark).toBeUndefined()
    }
  })

  it('pools every paragraph × theme decision for all themes: 16 of 18 agree, alpha 0.6875', () => {
    expect(value(report.overall.percent)).toBeCloseTo(16 / 18, 12)
    expect(report.overall.percent!.units).toBe(18)
    // o_01 = 2, n_1 = 8, n_0 = 28, n = 36: α = 1 − 35 · 2 / (28 · 8).
    expect(value(report.overall.alpha)).toBeCloseTo(0.6875, 12)
    expect(report.overall.alpha!.benchmark).toBe('tentative')
  })

  it('lists the two eco disagreements with each coder’s value and the paragraph’s text', () => {
    expect(eco!.disagreements.total).toBe(2)
    expect(eco!.disagreements.shown).toEqual([
      {
        articleId: 'one',
        start: 33,
        end: 67,
        excerpt: 'Les impôts locaux restent stables.',
        values: [1, 0],
        // ana's passage, which gave eco there: the article opens on it.
        passageId: `p${ONE.indexOf('impôts')}-${ONE.indexOf('impôts') + 13}-ana-eco`,
      },
      {
        articleId: 'two',
        start: 35,
        end: 70,
        excerpt: 'Les salaires stagnent depuis un an.',
        values: [0, 1],
        passageId: `p${TWO.indexOf('salaires')}-${TWO.indexOf('salaires') + 17}-ben-eco`,
      },
    ])
    expect(ONE.slice(33, 67)).toBe('Les impôts locaux restent stables.')
  })

  it('tells each theme done', () => {
    const seen: string[] = []
    computeAgreement({ unit: 'article', coders: ['ana', 'ben'] }, articles, meta, (d, n) =>
      seen.push(`${d}/${n}`),
    )
    expect(seen).toEqual(['1/3', '2/3', '3/3'])
  })
})

describe('computeAgreement: requests and missing data', () => {
  it('refuses fewer than two coders, a coder twice, an unknown theme or article', () => {
    const { meta, articles } = handCorpus()
    const plan = (r: AgreementRequest) => planAgreement(r, meta, articles)
    expect(plan({ unit: 'paragraph', coders: ['ana'] })).toEqual({
      ok: false,
      problem: { kind: 'fewer-than-two-coders' },
    })
    expect(() => computeAgreement({ unit: 'paragraph', coders: ['ana'] }, articles, meta)).toThrow(
      'Agreement needs two coders or more',
    )
    expect(plan({ unit: 'paragraph', coders: ['ana', 'ana'] })).toMatchObject({ ok: false })
    expect(plan({ unit: 'paragraph', coders: ['ana', 'ben'], themeIds: ['nope'] })).toMatchObject({
      ok: false,
      problem: { kind: 'unknown-theme', themeId: 'nope' },
    })
    expect(plan({ unit: 'paragraph', coders: ['ana', 'ben'], themeIds: [] })).toMatchObject({
      ok: false,
      problem: { kind: 'no-themes' },
    })
    expect(
      plan({ unit: 'paragraph', coders: ['ana', 'ben'], articleIds: ['two', 'gone'] }),
    ).toMatchObject({ ok: false, problem: { kind: 'unknown-article', articleId: 'gone' } })
  })

  it('computes over the articles asked for only, and the themes asked for in their order', () => {
    const { meta, articles } = handCorpus()
    const report = computeAgreement(
      { unit: 'paragraph', coders: ['ben', 'ana'], themeIds: ['edu', 'eco'], articleIds: ['two'] },
      articles,
      meta,
    )
    expect(report.articles).toBe(1)
    expect(report.themeIds).toEqual(['edu', 'eco'])
    expect(report.exclusions.units).toBe(2)
    // two, eco: ana 1 0, ben 1 1.
    expect(report.themes[1]!.disagreements.shown.map((d) => d.values)).toEqual([[1, 0]])
  })

  it('counts an article a coder never opened as missing for that coder, and leaves its units out', () => {
    const three = 'Un paragraphe.\n\nUn autre.'
    const { meta, articles } = session(
      [
        { id: 'one', text: ONE, passages: [on(ONE, 'budget', 'ana', ['eco'])] },
        // Only ana opened it: her units there have no second value.
        { id: 'three', text: three, passages: [on(three, 'autre', 'ana', ['eco'])] },
        // Nobody opened it.
        { id: 'four', text: 'Rien.', passages: [] },
      ],
      { ana: ['one', 'three'], ben: ['one'] },
    )
    const report = computeAgreement({ unit: 'paragraph', coders: ['ana', 'ben'] }, articles, meta)
    expect(report.exclusions).toEqual({
      units: 7,
      compared: 4,
      excluded: 3,
      uncoded: { articles: 1, units: 1 },
      byCoder: [
        { coder: 'ana', articles: 0, units: 0 },
        { coder: 'ben', articles: 1, units: 2 },
      ],
    })
    const eco = report.themes[0]!
    expect(eco.alpha!.units).toBe(4)
    expect(eco.alpha!.excluded).toBe(2)
    // ana's passage in "three" is no disagreement: ben has no value there.
    expect(eco.disagreements.shown.map((d) => [d.articleId, d.values])).toEqual([['one', [1, 0]]])
  })

  it('counts an article as coded when the coder opened it or has a passage in it', () => {
    const coded = codedRule(
      [
        { name: 'ana', opened: ['x'] },
        { name: 'ben', opened: [] },
      ],
      ['ana', 'ben', 'cleo'],
      [
        { id: 'x', passages: [] },
        { id: 'y', passages: [on('abc', 'b', 'ben', ['eco']), on('abc', 'c', 'dan', ['eco'])] },
      ],
    )
    expect(coded('x', 'ana')).toBe(true)
    expect(coded('y', 'ana')).toBe(false)
    expect(coded('y', 'ben')).toBe(true)
    expect(coded('x', 'ben')).toBe(false)
    expect(coded('y', 'cleo')).toBe(false)
    expect(coded('y', 'dan')).toBe(false)
  })

  it('finds the stretches of characters where coders disagree, in UTF-16 offsets', () => {
    // An emoji before the passages: code points and UTF-16 offsets differ by one.
    const text = '😀 Le budget de la ville augmente fortement.'
    const { meta, articles } = session(
      [
        {
          id: 'one',
          text,
          passages: [
            on(text, 'budget de la ville', 'ana', ['eco']),
            on(text, 'la ville augmente', 'ben', ['eco']),
          ],
        },
      ],
      { ana: ['one'], ben: ['one'] },
      ['eco'],
    )
    const report = computeAgreement({ unit: 'characters', coders: ['ana', 'ben'] }, articles, meta)
    const eco = report.themes[0]!
    expect(eco.percent).toBeNull()
    expect(eco.cohen).toEqual([])
    expect(eco.unitizing!.value).not.toBeNull()
    expect(eco.disagreements.shown.map((d) => [text.slice(d.start, d.end), d.values])).toEqual([
      ['budget de ', [1, 0]],
      [' augmente', [0, 1]],
    ])
    expect(eco.disagreements.shown[0]!.context).toEqual({
      before: '😀 Le ',
      after: 'la ville augmente fortement.',
    })
    expect(report.exclusions).toMatchObject({ units: 1, compared: 1, excluded: 0 })
  })

  it('keeps the first disagreements of a theme and counts them all', () => {
    const paragraphs = Array.from({ length: DISAGREEMENTS_KEPT + 30 }, (_, i) => `Para ${i}.`)
    const text = paragraphs.join('\n\n')
    const passages = paragraphs.map((p) => on(text, p, 'ana', ['eco']))
    const { meta, articles } = session([{ id: 'one', text, passages }], {
      ana: ['one'],
      ben: ['one'],
    })
    const report = computeAgreement({ unit: 'paragraph', coders: ['ana', 'ben'] }, articles, meta)
    expect(report.themes[0]!.disagreements.total).toBe(DISAGREEMENTS_KEPT + 30)
    expect(report.themes[0]!.disagreements.shown).toHaveLength(DISAGREEMENTS_KEPT)
    expect(report.themes[0]!.disagreements.shown[0]!.excerpt).toBe('Para 0.')
  })
})

/** A seeded corpus: 60 articles, 3 coders who mostly agree, some articles not opened by some. */
function randomCorpus(seed: number) {
  const rnd = prng(seed)
  const coders = ['ana', 'ben', 'cleo']
  const themes = ['t1', 't2', 't3', 't4']
  const opened: Record<string, string[]> = { ana: [], ben: [], cleo: [] }
  const specs = Array.from({ length: 60 }, (_, a) => {
    const paragraphs = Array.from(
      { length: 1 + Math.floor(rnd() * 5) },
      (_, p) => `Article ${a} paragraphe ${p}. Il dit des choses. M. Dupont répond.`,
    )
    const text = paragraphs.join('\n\n')
    const passages: Passage[] = []
    for (const coder of coders) {
      if (rnd() < 0.85) opened[coder]!.push(`a${a}`)
      else continue
      for (let k = 0; k < 4; k++) {
        if (rnd() < 0.4) continue
        const start = Math.floor(rnd() * (text.length - 10))
        const end = Math.min(text.length, start + 3 + Math.floor(rnd() * 60))
        const themeIds = themes.filter(() => rnd() < 0.35)
        if (themeIds.length === 0) continue
        passages.push({ ...on(text, text.slice(start, end), coder, themeIds), start, end })
      }
    }
    return { id: `a${a}`, text, passages, language: a % 2 ? 'en' : 'fr' }
  })
  return { ...session(specs, opened, themes), coders, themes }
}

/** The coefficient functions on the whole corpus's matrices, per theme and pooled. */
function expectEqual(ours: Coefficient | null | undefined, theirs: Coefficient) {
  expect(ours).toBeTruthy()
  expect(ours!.units).toBe(theirs.units)
  expect(ours!.excluded).toBe(theirs.excluded)
  expect(ours!.undefinedBecause).toBe(theirs.undefinedBecause)
  if (theirs.value === null) expect(ours!.value).toBeNull()
  else expect(ours!.value).toBeCloseTo(theirs.value, 12)
}

describe('computeAgreement against the coefficient functions on buildUnits’s matrices', () => {
  for (const seed of [1, 2, 3])
    for (const unit of ['article', 'paragraph', 'sentence'] as UnitKind[])
      it(`gives the same figures, seed ${seed}, ${unit}`, () => {
        const { meta, articles, coders, themes } = randomCorpus(seed)
        const report: AgreementReport = computeAgreement({ unit, coders }, articles, meta)
        const plan = planAgreement({ unit, coders }, meta, articles)
        if (!plan.ok) throw new Error('no plan')
        const units = buildUnits({ ...plan.input, unit: unit as 'paragraph' })
        const pooled: (number | null)[][] = coders.map(() => [])
        for (const [k, id] of themes.entries()) {
          const matrix = toMatrix(units.values.get(id)!)
          matrix.forEach((row, c) => pooled[c]!.push(...row))
          const figures = report.themes[k]!
          expectEqual(figures.percent, percentAgreement(matrix))
          expectEqual(figures.fleiss, fleissKappa(matrix))
          expectEqual(figures.alpha, krippendorffAlpha(matrix, 'nominal'))
          let pair = 0
          for (let a = 0; a < coders.length; a++)
            for (let b = a + 1; b < coders.length; b++)
              expectEqual(figures.cohen[pair++]!.kappa, cohenKappa(matrix[a]!, matrix[b]!))
        }
        expectEqual(report.overall.percent, percentAgreement(pooled))
        expectEqual(report.overall.fleiss, fleissKappa(pooled))
        expectEqual(report.overall.alpha, krippendorffAlpha(pooled, 'nominal'))
        // Values compared, not only "no value".
        expect(report.overall.alpha!.value).not.toBeNull()
        expect(
          report.themes.filter((f) => f.cohen[0]!.kappa.value !== null).length,
        ).toBeGreaterThan(2)
        expect(report.exclusions.compared).toBe(report.themes[0]!.alpha!.units)
        expect(report.exclusions.units).toBe(units.units.length + units.dropped.units)
      })

  for (const seed of [1, 2])
    it(`gives the same unitizing alpha per theme and over all themes, seed ${seed}`, () => {
      const { meta, articles, coders, themes } = randomCorpus(seed)
      const report = computeAgreement({ unit: 'characters', coders }, articles, meta)
      const plan = planAgreement({ unit: 'characters', coders }, meta, articles)
      if (!plan.ok) throw new Error('no plan')
      const units = buildUnits({ ...plan.input, unit: 'characters' })
      const parts = themes.map((id) => unitizingDisagreement(units.themes.get(id)!))
      for (const [k, id] of themes.entries())
        expectEqual(report.themes[k]!.unitizing, unitizingAlphaOver(units.themes.get(id)!))
      expectEqual(report.overall.unitizing, unitizingAlphaAcrossThemes(parts))
      expect(report.overall.unitizing!.value).not.toBeNull()
    })
})
