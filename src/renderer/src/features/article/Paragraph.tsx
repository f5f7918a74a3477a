// One paragraph: its segments, each painted with the themes of the passages
// covering it. Re-renders only when its own segments or marks change.
import { memo } from 'react'
import type { Segment } from '../../../../shared/model/segments'
import type { Theme } from '../../../../shared/model/schema'
import { segmentStyle } from './highlight-style'

export interface Range {
  start: number
  end: number
}

interface Props {
  start: number
  end: number
  text: string
  segments: readonly Segment[]
  themesById: ReadonlyMap<string, Theme>
  /** The selected passage, when it touches this paragraph. */
  selected: Range | null
  /** The passage being flashed, when it touches this paragraph. */
  flash: Range | null
}

const inside = (s: Segment, r: Range | null) => !!r && s.start >= r.start && s.end <= r.end

export const Paragraph = memo(function Paragraph(props: Props) {
  const { start, end, text, segments, themesById, selected, flash } = props
  return (
    <p data-start={start} data-end={end}>
      {segments.map((s) => {
        const content = text.slice(s.start, s.end)
        if (s.depth === 0)
          return (
            <span key={s.start} className="seg" data-start={s.start} data-end={s.end}>
              {content}
            </span>
          )
        const themes = s.themeIds.map((id) => themesById.get(id)!)
        let className = 'seg hl'
        if (inside(s, selected)) className += ' is-selected'
        if (inside(s, flash)) className += ' is-flashing'
        return (
          <span
            key={s.start}
            className={className}
            data-start={s.start}
            data-end={s.end}
            data-themes={s.themeIds.join(' ')}
            title={themes.length ? themes.map((t) => t.name).join(', ') : 'Untagged'}
            style={segmentStyle(themes, s.depth)}
          >
            {content}
          </span>
        )
      })}
    </p>
  )
})
