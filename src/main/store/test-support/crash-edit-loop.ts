// Test support: the child process of the corpus crash test (bundled to .mjs
// by the test, run with plain node). Opens the session folder named by its
// argument through the real SessionRegistry, as Gloss's main process does,
// and edits it forever with random changes (crash-corpus.ts planChange):
// passage edits, codebook changes across the corpus, renames, removing,
// restoring and adding articles. For each change it prints
//   about <kind> <digest>    once the registry holds the new state, before
//                            any of it can have reached the disk;
//   written <kind> <digest>  once the save has resolved.
// On start it prints `written open <digest>` for the state it loaded. With a
// kind as last argument, it makes a change of that kind among its first few.
// stdout to a pipe is synchronous on Linux: the parent reads every line
// printed before the SIGKILL.
import { writeFileSync } from 'node:fs'
import { invertCorpusEdit, type CorpusEdit } from '@shared/model/corpus-edits'
import { SessionRegistry } from '../../sessions/registry'
import { SettingsStore } from '../settings'
import { planChange, prng, stateDigest, type EditKind } from './crash-corpus'

async function main(): Promise<void> {
  const [dataDir, dir, seedArg, target] = process.argv.slice(2)
  if (!dataDir || !dir || !seedArg)
    throw new Error('usage: crash-edit-loop <data dir> <folder> <seed> [<kind>]')
  const seed = Number(seedArg)
  const rng = prng(seed)
  const now = () => new Date().toISOString()
  const registry = new SessionRegistry({
    dataDir,
    author: 'crash-test',
    now,
    settings: new SettingsStore(dataDir),
  })
  const opened = await registry.openPath(dir)
  if (opened.readOnlyReason) throw new Error(`opened read-only: ${opened.readOnlyReason}`)
  const entry = registry.get(opened.session.id)!
  // Corpus-wide changes are planned over every article, as main's handlers wait for them.
  await entry.loaded
  if (entry.readOnlyReason) throw new Error('an article could not be read')
  const dump = process.env.CRASH_DUMP_DIR
  const say = (line: string) => {
    process.stdout.write(`${line}\n`)
    if (dump)
      writeFileSync(
        `${dump}/${line.split(' ')[2]}.json`,
        JSON.stringify({ meta: entry.state.meta, articles: [...entry.state.articles] }, null, 1),
      )
  }
  say(`written open ${stateDigest(entry.state)}`)
  let counter = 0
  const fresh = () => `${seed}-${++counter}`
  // Restores of removed articles, newest last, as undo would offer them.
  const removed: CorpusEdit[] = []
  // A few random changes, then the one the parent aims its kill at (a
  // restore needs a removal first), then random changes again.
  const script: (EditKind | undefined)[] = Array.from({ length: Math.floor(rng() * 3) })
  if (target === 'restore') script.push('remove')
  if (target) script.push(target as EditKind)
  for (;;) {
    const before = entry.state
    const change = planChange(rng, before, removed, fresh, now(), script.shift())
    let saving: Promise<void>
    if ('articles' in change) saving = registry.addArticles(entry, change.articles)
    else {
      for (const edit of change.edits) {
        if (edit.type === 'removeArticles')
          removed.push(invertCorpusEdit(before, change.articleId, edit))
        // Undo is linear: once a theme leaves the codebook, older removals
        // can only come back through the undo of that change first.
        if (edit.type === 'setCodebook' && edit.codebook.length < before.meta.codebook.length)
          removed.length = 0
      }
      saving = registry.applyEdits(entry, change.articleId, change.edits)
    }
    // The registry took the new state synchronously; nothing is on disk yet.
    if (entry.state === before) {
      await saving
      throw new Error(`the registry did not take the ${change.kind}`)
    }
    say(`about ${change.kind} ${stateDigest(entry.state)}`)
    await saving
    say(`written ${change.kind} ${stateDigest(entry.state)}`)
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`crash-edit-loop: ${e instanceof Error ? e.stack : String(e)}\n`)
  process.exit(1)
})
