// Whether saved window bounds are still visible: a screen may have been
// unplugged since. Plain code, tested without Electron.
import type { WindowBounds } from '@shared/settings'

export interface DisplayArea {
  workArea: { x: number; y: number; width: number; height: number }
}

/** True when at least 100 × 50 px of the window's top lies on some display. */
export function isOnScreen(bounds: WindowBounds, displays: readonly DisplayArea[]): boolean {
  return displays.some(({ workArea: a }) => {
    const w = Math.min(bounds.x + bounds.width, a.x + a.width) - Math.max(bounds.x, a.x)
    const h = Math.min(bounds.y + 50, a.y + a.height) - Math.max(bounds.y, a.y)
    return w >= 100 && h >= 50
  })
}
