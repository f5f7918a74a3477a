// Writes a coder copy (coder-copy.ts makes its state) as a one-file copy,
// `<name>.gloss.zip`, the way "Save a copy as one file…" writes one
// (sessions/portable-copy.ts): the files of CorpusFolder.copyFiles
// (session.json, then articles/<id>.1.json), deflated by fflate. `editIndex`
// changes the index's JSON before it is zipped (a hand-edited copy, a newer
// format, a blank coder name: what a test cannot build as a typed state).
// Test support only.
import { writeFile } from 'node:fs/promises'
import { strToU8, zipSync, type Zippable } from 'fflate'
import type { CorpusState } from '@shared/model/corpus-edits'
import { CorpusFolder, INDEX_FILE } from '../src/main/store/corpus-folder'

export interface WriteCoderCopyOptions {
  /** Changes the index's JSON (parsed) before it is written. */
  editIndex?: (index: Record<string, unknown>) => unknown
  /** Changes an article file's JSON before it is written. */
  editArticle?: (name: string, article: Record<string, unknown>) => unknown
}

/** The bytes of a one-file copy of `state`. */
export function coderCopyZip(state: CorpusState, options: WriteCoderCopyOptions = {}): Buffer {
  // Only its copyFiles is used: nothing is read or written in this folder.
  const folder = new CorpusFolder('/nonexistent', state, new Map(), null)
  const files: Zippable = {}
  for (const [name, text] of folder.copyFiles(state)) {
    let content = text
    if (name === INDEX_FILE && options.editIndex)
      content = JSON.stringify(options.editIndex(JSON.parse(text) as Record<string, unknown>))
    else if (name !== INDEX_FILE && options.editArticle)
      content = JSON.stringify(
        options.editArticle(name, JSON.parse(text) as Record<string, unknown>),
      )
    files[name] = [strToU8(content), { level: 6 }]
  }
  return Buffer.from(zipSync(files))
}

/** Writes `state` as a one-file copy at `path`; returns the path. */
export async function writeCoderCopy(
  path: string,
  state: CorpusState,
  options: WriteCoderCopyOptions = {},
): Promise<string> {
  await writeFile(path, coderCopyZip(state, options))
  return path
}
