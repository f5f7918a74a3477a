// A coder's name underlined with the coder's mark (lib/coder-marks.ts): the
// legend of the Coders control, and the coder wherever a passage is shown
// (its details, the passage list, the Passages view). The line is drawn in
// the text's colour: in the article it takes the theme's.
import type { CSSProperties } from 'react'
import { CODER_MARKS, MAX_CODER_SLOTS } from '@renderer/lib/coder-marks'

export function markStyle(slot: number): CSSProperties {
  const mark = CODER_MARKS[Math.min(slot, MAX_CODER_SLOTS - 1)]!
  return {
    textDecorationLine: 'underline',
    textDecorationStyle: mark.style,
    textDecorationThickness: `${mark.thickness}px`,
    textUnderlineOffset: '3px',
    textDecorationSkipInk: 'none',
  }
}

export function CoderName({
  label,
  slot,
  className = 'coder-name',
}: {
  label: string
  slot: number
  className?: string
}) {
  return (
    <span className={className} data-coder-slot={slot} style={markStyle(slot)}>
      {label}
    </span>
  )
}
