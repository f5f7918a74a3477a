// The one writer of session copies in one file: "Save a copy as one file…"
// and "Make coder copies…" both pack a session's files (as
// store/corpus-folder.ts's freshFolderFiles gives them) into a plain zip
// (deflate) and write it durably. "Open session…" reads such a zip back
// (portable-copy.ts).
// It must never: leave a half-written copy under the copy's name (the zip
// is complete before it is written, through store/durable-file.ts), write
// over an existing file when asked for a new one, or hold the main process
// for a whole session at a time (it gives the event loop back after each
// file).
import { setImmediate as nextTurn } from 'node:timers/promises'
import { strToU8, Zip, ZipDeflate } from 'fflate'
import { mainMessage } from '@shared/main-messages'
import { writeFailureReason } from '../errors'
import { writeFileDurably, writeNewFileDurably } from '../store/durable-file'
import { StoreError } from '../store/session-file'

/** Thrown when packing stops because the analyst cancelled. */
export class CopyCancelled extends Error {
  constructor() {
    super('cancelled')
  }
}

export interface PackOptions {
  /** Asked after each file: true stops the packing (CopyCancelled). */
  cancelled?: () => boolean
  /** Told after each file is packed. */
  onFile?: () => void
}

/**
 * The bytes of a zip of `files` ([name in the session folder, JSON text or
 * a file's bytes], the index first).
 */
export async function packSessionFiles(
  files: Iterable<[string, string | Uint8Array]> | AsyncIterable<[string, string | Uint8Array]>,
  { cancelled, onFile }: PackOptions = {},
): Promise<Buffer> {
  const chunks: Uint8Array[] = []
  const failures: Error[] = []
  const zip = new Zip((error, data) => {
    if (error) failures.push(error)
    else chunks.push(data)
  })
  for await (const [name, text] of files) {
    const file = new ZipDeflate(name, { level: 6 })
    zip.add(file)
    file.push(typeof text === 'string' ? strToU8(text) : text, true)
    onFile?.()
    // One file at a time: main keeps answering the window meanwhile.
    await nextTurn()
    if (cancelled?.()) throw new CopyCancelled()
  }
  zip.end()
  if (failures[0]) throw failures[0]
  return Buffer.concat(chunks)
}

/**
 * Writes a packed copy to `filePath`, durably; with `newFile`, never over a
 * file that is there (the errno EEXIST is passed on, for the caller to take
 * another name). Other failures become a StoreError naming the path and why.
 */
export async function writeSessionZip(
  filePath: string,
  bytes: Uint8Array,
  { newFile = false } = {},
): Promise<void> {
  try {
    if (newFile) await writeNewFileDurably(filePath, bytes)
    else await writeFileDurably(filePath, bytes)
  } catch (e) {
    if (newFile && (e as NodeJS.ErrnoException).code === 'EEXIST') throw e
    throw new StoreError(
      'write-failed',
      mainMessage('main.write.cannotWrite', { path: filePath, reason: writeFailureReason(e) }),
    )
  }
}
