// Test support: valid Gloss sessions that carry a counter, so a test can tell
// which of many saved states a file holds. The counter is ui.scrollTop; the
// passage count and updatedAt follow it, so consecutive states differ in size
// too and a torn or mixed write cannot pass as a whole state.
import { DEFAULT_CODEBOOK } from '@shared/model/codebook'
import { makePassage } from '@shared/model/edits'
import type { Session } from '@shared/model/schema'
import { sha256Hex } from '../session-file'

const PARAGRAPH =
  'L’entreprise 👩‍💻 grandit vite, peut-être trop vite : les équipes doublent chaque année. '

/** About 40 KB of article text, so a write takes a little while. */
export const COUNTER_TEXT = PARAGRAPH.repeat(450)

export function counterSession(counter: number): Session {
  const time = new Date(Date.UTC(2025, 0, 1) + counter * 1000).toISOString()
  const word = 'grandit'
  const passages = Array.from({ length: counter % 7 }, (_, i) => {
    const start = COUNTER_TEXT.indexOf(word, i * PARAGRAPH.length)
    return makePassage(COUNTER_TEXT, {
      id: `p${i}`,
      start,
      end: start + word.length,
      themeIds: [DEFAULT_CODEBOOK[0]!.id],
      author: 'crash-test',
      now: time,
    })
  })
  return {
    schemaVersion: 1,
    id: 'crash-session',
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: time,
    document: {
      title: 'Crash test',
      sourceFileName: 'crash.txt',
      text: COUNTER_TEXT,
      sha256: sha256Hex(COUNTER_TEXT),
    },
    codebook: DEFAULT_CODEBOOK.map((t) => ({ ...t })),
    passages,
    ui: { scrollTop: counter },
  }
}

/** The counter a session built by counterSession carries. */
export function counterOf(session: Session): number {
  return session.ui.scrollTop
}
