// Test support: one valid one-article session (format 1) with an emoji in
// its text and a passage with a note of a CRLF and quotes, for the tests of
// the session file and of the session folder built from it.
import { DEFAULT_CODEBOOK } from '@shared/model/codebook'
import { makePassage } from '@shared/model/edits'
import type { Session } from '@shared/model/schema'
import { sha256Hex } from '../session-file'

export const T0 = '2025-04-01T12:00:00.000Z'
export const TEXT = 'L’entreprise 👩‍💻 grandit vite.\n\nPeut-être trop vite.'

/** The session, its article named `title` from the file `sourceFileName`. */
export function validSession(title = 'Test', sourceFileName = 'test.txt'): Session {
  const start = TEXT.indexOf('grandit')
  return {
    schemaVersion: 1,
    id: 'sess-42',
    createdAt: T0,
    updatedAt: T0,
    document: { title, sourceFileName, text: TEXT, sha256: sha256Hex(TEXT) },
    codebook: DEFAULT_CODEBOOK.map((t) => ({ ...t })),
    passages: [
      {
        ...makePassage(TEXT, {
          id: 'p1',
          start,
          end: start + 'grandit vite'.length,
          themeIds: ['growth'],
          author: 'ana',
          now: T0,
        }),
        note: 'Note\r\navec "guillemets"',
      },
    ],
    ui: { scrollTop: 10 },
  }
}
