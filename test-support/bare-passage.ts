// A passage as the summary's numbers read it, for the tests of stats.ts and
// corpus-stats.ts: its range and themes, with no context, note or author.
import type { Passage } from '@shared/model/schema'

const T = '2026-01-01T00:00:00.000Z'

/** The passage `id` on [start, end) of `text`, tagged with `themeIds`. */
export function barePassage(
  text: string,
  id: string,
  start: number,
  end: number,
  themeIds: string[],
): Passage {
  return {
    id,
    start,
    end,
    quote: text.slice(start, end),
    prefix: '',
    suffix: '',
    themeIds,
    note: '',
    createdAt: T,
    updatedAt: T,
    author: '',
  }
}
