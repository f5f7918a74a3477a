// Test support: the child process of the crash test (bundled to .mjs by the
// test, run with plain node). Saves counter sessions to the file named by its
// argument through SessionFile, one after another, forever, starting after the
// counter already on disk. Before each save it prints "start <n>", after it
// "done <n>"; stdout to a pipe is synchronous on Linux, so the parent sees
// every line printed before the SIGKILL.
import { SessionFile, readSessionFile } from '../session-file'
import { counterOf, counterSession } from './counter-session'

async function main(): Promise<void> {
  const file = process.argv[2]
  if (!file) throw new Error('usage: save-loop <session file>')
  let counter = 0
  try {
    counter = counterOf(await readSessionFile(file))
  } catch (e) {
    if ((e as { code?: string }).code !== 'unreadable') throw e
  }
  const sessionFile = new SessionFile(file, counterSession(counter))
  for (;;) {
    counter++
    process.stdout.write(`start ${counter}\n`)
    await sessionFile.save(counterSession(counter))
    process.stdout.write(`done ${counter}\n`)
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`save-loop: ${e instanceof Error ? e.stack : String(e)}\n`)
  process.exit(1)
})
