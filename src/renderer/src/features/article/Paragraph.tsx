// One paragraph: its text split into segments, each painted with the themes
// of the passages covering it.
import { memo, useMemo } from 'react'
import { computeSegments, themesOf } from '../../../../shared/model/segments'
import type { Passage, Theme } from '../../../../shared/model/schema'
import { segmentStyle } from './highlight-style'

interface Props {
  start: number
  end: number
  text: string
  passages: readonly Passage[]
  codebook: readonly Theme[]
  selectedId: string | null
  flashId: string | null
}

export const Paragraph = memo(function Paragraph(props: Props) {
  const { start, end, text, passages, codebook, selectedId, flashId } = props
  const segments = useMemo(() => computeSegments(start, end, passages), [start, end, passages])
  const order = useMemo(() => codebook.map((t) => t.id), [codebook])
  const byId = useMemo(() => new Map(codebook.map((t) => [t.id, t])), [codebook])

  return (
    <p data-start={start} data-end={end}>
      {segments.map((s) => {
        const content = text.slice(s.start, s.end)
        if (s.passages.length === 0)
          return (
            <span key={s.start} className="seg" data-start={s.start} data-end={s.end}>
              {content}
            </span>
          )
        const themes = themesOf(s, order).map((id) => byId.get(id)!)
        const ids = s.passages.map((p) => p.id)
        const classes = ['seg', 'hl']
        if (selectedId && ids.includes(selectedId)) classes.push('is-selected')
        if (flashId && ids.includes(flashId)) classes.push('is-flashing')
        return (
          <span
            key={s.start}
            className={classes.join(' ')}
            data-start={s.start}
            data-end={s.end}
            data-themes={themes.map((t) => t.id).join(' ')}
            title={themes.length ? themes.map((t) => t.name).join(', ') : 'Untagged'}
            style={segmentStyle(themes, s.passages.length)}
          >
            {content}
          </span>
        )
      })}
    </p>
  )
})
