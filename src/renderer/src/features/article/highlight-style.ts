// How a painted segment looks: a light tint of its first theme, darker where
// passages overlap, and one coloured bar per theme stacked under the text, so
// every theme on every character stays visible. Set through the CSS object
// model (React's style prop), which the CSP allows; no inline style attributes.
import type { CSSProperties } from 'react'
import type { Theme } from '../../../../shared/model/schema'

const BAR = 3
const GAP = 1
const UNTAGGED = '#8a8a8a'

export function hexToRgba(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16)
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`
}

const cache = new Map<string, CSSProperties>()

/** The style of a segment; one shared object per combination of themes and depth. */
export function segmentStyle(themes: readonly Theme[], depth: number): CSSProperties {
  const key = `${Math.min(depth, 4)}|${themes.map((t) => t.colour).join(',')}`
  let style = cache.get(key)
  if (!style) {
    if (cache.size > 5000) cache.clear()
    style = buildStyle(themes, depth)
    cache.set(key, style)
  }
  return style
}

function buildStyle(themes: readonly Theme[], depth: number): CSSProperties {
  const colours = themes.length ? themes.map((t) => t.colour) : [UNTAGGED]
  const alpha = Math.min(0.2 + 0.1 * (depth - 1), 0.5)
  return {
    backgroundColor: hexToRgba(colours[0]!, alpha),
    backgroundImage: colours.map((c) => `linear-gradient(${c}, ${c})`).join(', '),
    backgroundSize: colours.map(() => `100% ${BAR}px`).join(', '),
    backgroundPosition: colours.map((_, i) => `0 calc(100% - ${i * (BAR + GAP)}px)`).join(', '),
    backgroundRepeat: 'no-repeat',
    paddingBottom: `${colours.length * (BAR + GAP)}px`,
  }
}
