// What the summary's SVG charts share: fonts, inks and margins (presentation
// attributes only, so that a chart serialized to PNG looks as on screen),
// the cell colour scale, round axis ends, and short labels.
export const FONT = "'DejaVu Sans', 'Noto Sans', system-ui, -apple-system, 'Segoe UI', sans-serif"
export const INK = '#1f2328'
export const MUTED = '#5f6670'
export const GRID = '#d9d5cb'
export const TRACK = '#f3f1ec'
/** The margin around every chart. */
export const PAD = 20

/** The cells' scale: from paper to a deep blue, readable with either ink. */
const LOW = [247, 251, 255]
const HIGH = [8, 69, 148]

/** The fill of a cell worth `value` of `max` (0–1 along the scale). */
export function cellFill(value: number, max: number): string {
  const f = max > 0 ? Math.min(1, Math.max(0, value / max)) : 0
  const c = LOW.map((low, i) => Math.round(low + (HIGH[i]! - low) * Math.sqrt(f)))
  return `rgb(${c.join(',')})`
}

/** The ink that reads on a cell of fill `cellFill(value, max)`. */
export function cellInk(value: number, max: number): string {
  return max > 0 && Math.sqrt(value / max) > 0.55 ? '#ffffff' : INK
}

/** The smallest round number at or above `max`: the top of an axis. */
export function niceMax(max: number): number {
  if (max <= 0) return 1
  const power = 10 ** Math.floor(Math.log10(max))
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= max) ?? 10
  return step * power
}

/** A label cut to `max` characters with an ellipsis (charts have no room to wrap). */
export function shorten(name: string, max: number): string {
  const chars = [...name]
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : name
}
