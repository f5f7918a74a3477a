import { describe, expect, it } from 'vitest'
import { isOnScreen } from './window-bounds'

const laptop = { workArea: { x: 0, y: 0, width: 1440, height: 900 } }
const external = { workArea: { x: 1440, y: 0, width: 2560, height: 1440 } }
const win = (x: number, y: number) => ({ x, y, width: 1200, height: 800, maximized: false })

describe('isOnScreen', () => {
  it('accepts a window on any display', () => {
    expect(isOnScreen(win(100, 100), [laptop])).toBe(true)
    expect(isOnScreen(win(2000, 200), [laptop, external])).toBe(true)
  })

  it('refuses a window left on a display that is gone, or pushed off the top', () => {
    expect(isOnScreen(win(2000, 200), [laptop])).toBe(false)
    expect(isOnScreen(win(100, -790), [laptop])).toBe(false)
    expect(isOnScreen(win(-1150, 100), [laptop])).toBe(false)
  })
})
