// Writes a generated corpus (generate-corpus.ts) as a real session folder,
// through Gloss's own CorpusFolder: what "Open session…" opens, in e2e specs,
// handler tests and the benchmark. Test support only.
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { CorpusState } from '@shared/model/corpus-edits'
import { CorpusFolder, indexPathOf } from '../src/main/store/corpus-folder'

/**
 * Writes `state` as a session folder at `dir` (created if needed) and
 * returns the path of its index (what "Open session…" is given).
 */
export async function writeCorpus(
  dir: string,
  state: CorpusState,
  openArticleId: string | null = state.meta.articles[0]?.id ?? null,
): Promise<string> {
  await mkdir(dir, { recursive: true })
  const folder = new CorpusFolder(dir, state, new Map(), openArticleId)
  await folder.saveAll(state, openArticleId)
  await folder.close()
  return indexPathOf(dir)
}

/** Where a corpus folder goes under a test's folder. */
export const corpusDir = (parent: string, name = 'corpus') => join(parent, `${name}.gloss`)
