import { describe, expect, it } from 'vitest'
import type { Passage, Theme } from '@shared/model/schema'
import { paintSlots, slotsFollowPassages } from './paint-slots'

const theme = (i: number, colour = `#0000${i.toString(16).padStart(2, '0')}`): Theme => ({
  id: `t${i}`,
  name: `T${i}`,
  colour,
})
const tagged = (...themeIds: string[]) => ({ themeIds }) as Passage

describe('paintSlots', () => {
  it('gives a small codebook one slot per colour, whatever the article', () => {
    const codebook = [theme(0), theme(1, '#ABCDEF'), theme(2, '#abcdef'), theme(3)]
    const slots = paintSlots(codebook, [])
    expect(slots.colours).toEqual(['#000000', '#abcdef', '#000003'])
    expect([...slots.slotOf]).toEqual([
      ['t0', 0],
      ['t1', 1],
      ['t2', 1],
      ['t3', 2],
    ])
    expect(slotsFollowPassages(codebook)).toBe(false)
    // Same slots: the same object, so the painter keeps what it painted.
    expect(paintSlots(codebook, [tagged('t3')], slots)).toBe(slots)
  })

  it('gives a forty-colour codebook’s slots to the themes the article uses, in codebook order', () => {
    const codebook = Array.from({ length: 40 }, (_, i) => theme(i))
    expect(slotsFollowPassages(codebook)).toBe(true)
    const slots = paintSlots(codebook, [tagged('t23', 't7'), tagged('t39')])
    expect([...slots.slotOf]).toEqual([
      ['t7', 0],
      ['t23', 1],
      ['t39', 2],
    ])
    expect(slots.colours).toEqual(['#000007', '#000017', '#000027'])
    // A tenth colour in use gets no slot; the first nine keep theirs.
    const many = Array.from({ length: 10 }, (_, i) => tagged(`t${30 + i}`))
    const capped = paintSlots(codebook, many)
    expect(capped.slotOf.size).toBe(9)
    expect(capped.slotOf.has('t39')).toBe(false)
    expect(capped.slotOf.get('t30')).toBe(0)
  })
})
