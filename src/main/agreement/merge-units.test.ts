// The units built a few articles at a time and joined (what the agreement
// units CSV is written from) are the units of one buildUnits call over every
// article: same units, values, continua, missing and dropped counts.
import { describe, expect, it } from 'vitest'
import { planAgreement } from '@shared/agreement/report'
import { buildUnits, type UnitKind } from '@shared/agreement/units'
import { agreementStudy } from '../../../test-support/agreement-corpus'
import { mergeUnits } from './merge-units'
import { buildUnitsInSteps } from './run'

describe('units built in steps', () => {
  for (const unit of ['article', 'paragraph', 'sentence', 'characters'] as UnitKind[])
    it(`are the units of all the articles at once (${unit})`, async () => {
      const { meta, articles } = agreementStudy(5)
      // Someone with no passage and no article opened: every value of theirs is missing.
      meta.coders = [...meta.coders!, { name: 'dan', opened: [] }]
      const plan = planAgreement({ unit, coders: ['ana', 'ben', 'cleo', 'dan'] }, meta, articles)
      if (!plan.ok) throw new Error('no plan')
      const whole = buildUnits(plan.input)
      const stepped = await buildUnitsInSteps(plan.input, { cancelled: () => false })
      expect(stepped).toEqual(whole)
      const halves = [plan.input.articles.slice(0, 5), plan.input.articles.slice(5)].map((a) =>
        buildUnits({ ...plan.input, articles: a }),
      )
      expect(mergeUnits(plan.input, halves)).toEqual(whole)
    })

  it('stop when cancelled', async () => {
    const { meta, articles } = agreementStudy(5)
    const plan = planAgreement({ unit: 'paragraph', coders: ['ana', 'ben'] }, meta, articles)
    if (!plan.ok) throw new Error('no plan')
    expect(await buildUnitsInSteps(plan.input, { cancelled: () => true })).toBeNull()
  })
})
