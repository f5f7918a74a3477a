import { describe, expect, it } from 'vitest'
import { GUARD, MARGIN, windowFor } from './painted-window'

describe('windowFor', () => {
  it('paints MARGIN paragraphs beyond the visible ones when there is no window yet', () => {
    expect(windowFor([10, 14])).toEqual([10 - MARGIN, 14 + MARGIN])
  })

  it('keeps the same window (the same array) while the view stays GUARD paragraphs inside it', () => {
    const current: [number, number] = [8, 16]
    expect(windowFor([8 + GUARD, 16 - GUARD], current)).toBe(current)
    expect(windowFor([9, 12], current)).toBe(current)
  })

  it('moves the window once the view comes within GUARD paragraphs of an edge', () => {
    const current: [number, number] = [8, 16]
    expect(windowFor([8, 12], current)).toEqual([8 - MARGIN, 12 + MARGIN])
    expect(windowFor([12, 16], current)).toEqual([12 - MARGIN, 16 + MARGIN])
    expect(windowFor([30, 34], current)).toEqual([30 - MARGIN, 34 + MARGIN])
  })

  it('may reach before the first paragraph (the painter clamps it)', () => {
    expect(windowFor([0, 3])).toEqual([-MARGIN, 3 + MARGIN])
  })
})
