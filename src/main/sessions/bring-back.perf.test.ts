// How long bringing one large coder copy back takes in main, by hand only
// (skipped unless GLOSS_PERF=1; nothing is asserted about time):
//   GLOSS_PERF=1 npx vitest run src/main/sessions/bring-back.perf.test.ts
// A session of 2,000 articles and 40 themes (the benchmark corpus's texts),
// and one coder copy holding 100,000 passages of its coder, written as a
// one-file copy; then, through the real handlers, the whole bring-back
// (read the zip, validate, plan, apply, write the folder), each phase timed
// alone too, and what the step costs to carry to the renderer and back
// (its serialized size, main's validation of it on undo). Two sessions:
// with no passages of the analyst's, and with 100,000 of them. The numbers
// go in docs/performance.md.
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { serialize } from 'node:v8'
import { z } from 'zod'
import { afterAll, describe, expect, it } from 'vitest'
import { planCoderLayer } from '@shared/model/bring-back'
import {
  applyCorpusEdit,
  corpusEditSchema,
  invertCorpusEdit,
  type CorpusState,
} from '@shared/model/corpus-edits'
import { coderCopyOf } from '../../../test-support/coder-copy'
import { BENCH_CORPUS, generateCorpus } from '../../../test-support/generate-corpus'
import { writeCoderCopy } from '../../../test-support/write-coder-copy'
import { writeCorpus } from '../../../test-support/write-corpus'
import { createHandlers } from '../handlers'
import { FakeDialogs } from '../test-support/fake-dialogs'
import { value } from '../test-support/results'
import { readCoderCopy } from './coder-copy-read'

const SPEC = { ...BENCH_CORPUS, passages: [25, 75] as const }
const SAMPLE = new URL('../../../resources/sample-article-fr.txt', import.meta.url).pathname
const ms = (t0: number) => Math.round(performance.now() - t0)

/** The coder's copy: every generated passage, as the coder's (about 100,000). */
function karimsCopy(corpus: CorpusState, session: CorpusState): CorpusState {
  const copy = coderCopyOf(session, { coder: 'Karim' })
  const articles = new Map(
    [...copy.articles].map(([id, a]) => [
      id,
      {
        ...a,
        passages: corpus.articles
          .get(id)!
          .passages.map((p) => ({ ...p, id: `k-${p.id}`, author: 'Karim' })),
      },
    ]),
  )
  return {
    ...copy,
    articles,
    meta: {
      ...copy.meta,
      articles: copy.meta.articles.map((a) => ({
        ...a,
        passageCount: articles.get(a.id)!.passages.length,
      })),
      coders: [{ name: 'Karim', opened: copy.meta.articles.map((a) => a.id) }],
    },
  }
}

let tmp = ''
afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true })
})

describe.skipIf(!process.env.GLOSS_PERF)('bringing back one coder copy of 100,000 passages', () => {
  it.each([
    ['a session with no passages of its own', false],
    ['a session with 100,000 passages of its own', true],
  ])('into %s', { timeout: 600_000 }, async (what, own) => {
    tmp = await mkdtemp(join(tmpdir(), 'gloss-bring-back-perf-'))
    const corpus = generateCorpus(SPEC)
    const session: CorpusState = own
      ? corpus
      : {
          ...corpus,
          articles: new Map([...corpus.articles].map(([id, a]) => [id, { ...a, passages: [] }])),
          meta: {
            ...corpus.meta,
            articles: corpus.meta.articles.map((a) => ({ ...a, passageCount: 0 })),
          },
        }
    const copy = karimsCopy(corpus, session)
    const passages = [...copy.articles.values()].reduce((n, a) => n + a.passages.length, 0)
    const index = await writeCorpus(join(tmp, 'corpus.gloss'), session)
    const copyPath = await writeCoderCopy(join(tmp, 'karim.gloss.zip'), copy)
    const copyBytes = (await stat(copyPath)).size

    // Each phase alone, on main's state.
    let t0 = performance.now()
    const read = await readCoderCopy(copyPath, {
      sessionId: session.id,
      titleOf: () => Promise.resolve(null),
    })
    const readMs = ms(t0)
    if (!read.ok) throw new Error(JSON.stringify(read.problem))
    t0 = performance.now()
    const { edit } = planCoderLayer(
      session,
      {
        file: read.copy.file,
        coder: read.copy.coder,
        codebook: read.copy.index.codebook,
        articles: read.copy.index.articles,
        coders: read.copy.index.coders,
        texts: read.copy.articles,
      },
      '2026-12-04T10:00:00.000Z',
    )
    const planMs = ms(t0)
    t0 = performance.now()
    const inverse = invertCorpusEdit(session, null, edit)
    const invertMs = ms(t0)
    t0 = performance.now()
    applyCorpusEdit(session, null, edit, '2026-12-04T10:00:00.000Z')
    const applyMs = ms(t0)

    // What carrying the step costs: the renderer gets both edits once; undo
    // and redo send one back, which main validates (checked-calls.ts).
    t0 = performance.now()
    const cloned = serialize({ forward: [edit], backward: [inverse] }).length
    const cloneMs = ms(t0)
    t0 = performance.now()
    z.array(corpusEditSchema).parse([edit])
    const validateForwardMs = ms(t0)
    t0 = performance.now()
    z.array(corpusEditSchema).parse([inverse])
    const validateBackwardMs = ms(t0)

    // End to end through the handlers: read, check, plan, apply, written to disk.
    const dataDir = join(tmp, 'data')
    await mkdir(dataDir)
    const dialogs = new FakeDialogs()
    const handlers = createHandlers({ dataDir, dialogs, samplePath: SAMPLE, author: 'analyst' })
    dialogs.answer(index)
    const opened = value(await handlers.openSession())!
    dialogs.answer([copyPath])
    const chosen = value(await handlers.chooseCoderCopies(opened.session.id))!
    t0 = performance.now()
    const cpu0 = process.cpuUsage()
    const result = value(await handlers.bringBackCoders(opened.session.id, chosen.token))
    const endToEndMs = ms(t0)
    const cpu = process.cpuUsage(cpu0)
    const cpuMs = Math.round((cpu.user + cpu.system) / 1000)
    expect(result.coders[0]!.passages.added).toBe(passages)
    t0 = performance.now()
    value(await handlers.applyEdits(opened.session.id, opened.articleId, result.backward))
    const undoMs = ms(t0)
    await handlers.shutdown()

    console.log(
      [
        `bring-back into ${what}: 2,000 articles, ${passages} passages of the coder, 40 themes`,
        `  copy ${(copyBytes / 1e6).toFixed(1)} MB zipped`,
        `  end to end in main (read, check, plan, apply, write): ${endToEndMs} ms (CPU ${cpuMs} ms)`,
        `  load average (1, 5 min): ${loadavg()
          .slice(0, 2)
          .map((l) => l.toFixed(1))
          .join(', ')}`,
        `  alone: read + validate ${readMs} ms, plan ${planMs} ms, invert ${invertMs} ms, apply ${applyMs} ms`,
        `  the step serialized (forward + backward): ${(cloned / 1e6).toFixed(1)} MB in ${cloneMs} ms`,
        `  validating the edits as main does on redo / undo: ${validateForwardMs} ms / ${validateBackwardMs} ms`,
        `  undo through applyEdits (validated by the caller here: not included), written: ${undoMs} ms`,
      ].join('\n'),
    )
    await rm(tmp, { recursive: true, force: true })
    tmp = ''
  })
})
