// The article's text, one paragraph element per paragraph (one text node
// each, carrying data-start/data-end), in chunks of CHUNK_SIZE paragraphs.
// Chunks away from the viewport are not laid out (content-visibility: auto);
// their height is estimated from their length until they have been laid out
// once. Chunks rather than single paragraphs, because Chromium checks every
// such element against the viewport in every frame. Renders text only.
import { memo, useMemo, type CSSProperties } from 'react'
import type { Paragraph } from '@shared/model/text'
import { CHUNK_SIZE } from './viewport'

/** About how many characters fill a line of the article's measure (68ch of
 *  serif text): the first estimate of a chunk's height before its layout. */
const CHARS_PER_LINE = 74

export const ArticleParagraphs = memo(function ArticleParagraphs({
  text,
  paragraphs,
}: {
  text: string
  paragraphs: readonly Paragraph[]
}) {
  const chunks = useMemo(() => {
    const out: Paragraph[][] = []
    for (let i = 0; i < paragraphs.length; i += CHUNK_SIZE)
      out.push(paragraphs.slice(i, i + CHUNK_SIZE))
    return out
  }, [paragraphs])
  return chunks.map((chunk) => {
    const lines = chunk.reduce(
      (n, p) => n + Math.max(1, Math.ceil((p.end - p.start) / CHARS_PER_LINE)),
      0,
    )
    return (
      <div
        key={chunk[0]!.start}
        className="article-chunk"
        style={{ '--lines': lines, '--paragraphs': chunk.length } as CSSProperties}
      >
        {chunk.map((p) => (
          <p key={p.start} data-start={p.start} data-end={p.end}>
            {text.slice(p.start, p.end)}
          </p>
        ))}
      </div>
    )
  })
})
