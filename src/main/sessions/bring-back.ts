// "Bring coders' work back…": coder copies chosen by the analyst are read
// and checked (coder-copy-read.ts), all of them, before anything changes.
// Any problem (a file that is not a coder copy of this session, two copies
// of one coder…) and nothing is brought back: every problem is reported,
// with the files that were fine. Otherwise each copy's coder layer is
// planned over every article (shared/model/bring-back.ts) and applied in
// ONE call of the registry: one state transition, so one commit of the
// session folder (new generations of the articles it changes, then the
// index naming them: crash-atomic), and one step of the renderer's history
// (the edits and their exact inverses go back with the report).
// It must never write a coder copy, nor change the session when a copy is
// refused.
import type { BringBackProblem, BringBackResult } from '@shared/ipc/bring-back'
import { planCoderLayer, type CoderCopyContent } from '@shared/model/bring-back'
import { invertCorpusEdit, type CorpusEdit } from '@shared/model/corpus-edits'
import { mainMessage } from '@shared/main-messages'
import { writeFailureReason } from '../errors'
import { StoreError } from '../store/session-file'
import { readCoderCopy, type CoderCopyCheck, type CoderCopyRead } from './coder-copy-read'
import type { OpenEntry, SessionRegistry } from './registry'

const contentOf = (copy: CoderCopyRead): CoderCopyContent => ({
  file: copy.file,
  coder: copy.coder,
  codebook: copy.index.codebook,
  articles: copy.index.articles,
  ...(copy.index.coders && { coders: copy.index.coders }),
  texts: copy.articles,
})

/** Brings the coder copies at `paths` back into the open session `entry` (all, or none). */
export async function bringBackCopies(
  registry: SessionRegistry,
  entry: OpenEntry,
  paths: readonly string[],
  now: () => string,
): Promise<BringBackResult> {
  const target = {
    sessionId: entry.state.id,
    titleOf: async (id: string) => {
      const open = registry.get(id)
      if (open) return registry.titleOf(open)
      return (await registry.recent.get(id))?.title ?? null
    },
  }
  const checks: CoderCopyCheck[] = []
  for (const path of paths) checks.push(await readCoderCopy(path, target))

  const problems: BringBackProblem[] = []
  const copies: CoderCopyRead[] = []
  // The analyst's own passages carry this name: a coder of that name would replace them.
  const author = await registry.authorOf(entry)
  const byCoder = new Map<string, CoderCopyRead>()
  for (const check of checks) {
    if (!check.ok) {
      problems.push({ file: check.file, problem: check.problem })
      continue
    }
    const { copy } = check
    const other = byCoder.get(copy.coder)
    if (copy.coder === author)
      problems.push({
        file: copy.file,
        problem: mainMessage('main.bringback.coderIsYou', { name: copy.coder }),
      })
    else if (other)
      problems.push({
        file: copy.file,
        problem: mainMessage('main.bringback.sameCoder', { name: copy.coder, file: other.file }),
      })
    else {
      byCoder.set(copy.coder, copy)
      copies.push(copy)
    }
  }
  const fine = copies.map((c) => c.file)
  if (problems.length) return { problems, fine, coders: [], forward: [], backward: [] }

  // Reading took a while: the session may have closed or turned read-only meanwhile.
  if (registry.get(entry.state.id) !== entry)
    throw new StoreError('write-failed', mainMessage('main.session.notOpen'))
  if (entry.readOnlyReason) throw new StoreError('write-failed', entry.readOnlyReason)

  // Planned and applied on the session as it is now: nothing is awaited in
  // between. Each coder's plan sees the themes and records the coders before
  // it added; their passages are not its own, so they need not be applied to
  // plan it (the one apply is the registry's, below).
  const time = now()
  let state = entry.state
  const forward: CorpusEdit[] = []
  const backward: CorpusEdit[] = []
  const coders: BringBackResult['coders'] = []
  for (const copy of copies) {
    const { edit, report } = planCoderLayer(state, contentOf(copy), time)
    backward.unshift(invertCorpusEdit(state, null, edit))
    forward.push(edit)
    coders.push(report)
    const meta = { ...state.meta, codebook: edit.codebook ?? state.meta.codebook }
    if (edit.coders) meta.coders = edit.coders
    state = { ...state, meta }
  }
  const result: BringBackResult = { problems: [], fine, coders, forward, backward }
  try {
    await registry.applyEdits(entry, null, forward)
  } catch (e) {
    // Applied in memory, not written: main writes it with the next save, as for any edit.
    if (e instanceof StoreError && e.code === 'write-failed')
      return { ...result, notSaved: e.ref ?? writeFailureReason(e) }
    throw e
  }
  return result
}
