// Hostile input through IPC: every handler, reached as ipc.ts reaches it
// (checked-calls.ts), gets arbitrary values (fast-check, 1,000 runs per
// handler) and must answer with an error value, never throw, and never write
// anything.
import fc from 'fast-check'
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { INVOKE_METHODS, type OpenedSession, type Result } from '@shared/api'
import { IPC_METHODS } from '@shared/ipc/methods'
import { checkedCalls, type CheckedCalls } from './checked-calls'
import { FakeDialogs } from './test-support/fake-dialogs'
import { createHandlers, type Handlers } from './handlers'

const RUNS = 1000
const SAMPLE = new URL('../../resources/sample-article-fr.txt', import.meta.url).pathname

let dir: string
let handlers: Handlers
let ipc: CheckedCalls
let opened: OpenedSession
const dialogs = new FakeDialogs({ unanswered: 'cancel' })

/** Every file under the data folder with its bytes and modification time. */
async function snapshot(root: string): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  for (const name of await readdir(root, { recursive: true })) {
    const path = join(root, name)
    const info = await stat(path)
    if (info.isFile()) out.set(name, `${info.mtimeMs}:${(await readFile(path)).toString('base64')}`)
  }
  return out
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gloss-fuzz-'))
  handlers = createHandlers({ dataDir: dir, dialogs, samplePath: SAMPLE, author: 'fuzz' })
  ipc = checkedCalls(handlers)
  const r = await handlers.openSample()
  if (!r.ok) throw new Error(r.error.message)
  opened = r.value
})
afterAll(async () => {
  await handlers.shutdown()
  await rm(dir, { recursive: true, force: true })
})

const isRejected = (r: Result<unknown>) =>
  r.ok === false && typeof r.error.code === 'string' && typeof r.error.message === 'string'

describe('every IPC handler rejects arbitrary arguments', () => {
  it.each(INVOKE_METHODS)(
    `%s: ${RUNS} runs, error values only, nothing written`,
    async (method) => {
      const before = await snapshot(dir)
      const calls = dialogs.asked.length
      // Arguments the contract accepts are not hostile; everything else is.
      const hostile = fc
        .array(
          fc.anything({
            withBigInt: true,
            withDate: true,
            withMap: true,
            withSet: true,
            withTypedArray: true,
            withNullPrototype: true,
          }),
          { maxLength: 4 },
        )
        .filter((args) => !IPC_METHODS[method].args.safeParse(args).success)
      await fc.assert(
        fc.asyncProperty(hostile, async (args) => {
          const r = await ipc[method](...args)
          expect(isRejected(r)).toBe(true)
          expect(r.ok || r.error.code).toBe('invalid-argument')
        }),
        { numRuns: RUNS },
      )
      expect(dialogs.asked.length).toBe(calls)
      expect(await snapshot(dir)).toEqual(before)
    },
  )

  it('accepts well-formed ids of sessions that are not open only to say so', async () => {
    const before = await snapshot(dir)
    const id = fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/).filter((s) => s !== opened.session.id)
    await fc.assert(
      fc.asyncProperty(
        id,
        fc.constantFrom('openRecent', 'openBackup', 'exportCsv', 'closeSession' as const),
        async (sid, method) => {
          const r = await ipc[method](sid)
          expect(r).toMatchObject({ ok: false, error: { code: 'not-found' } })
        },
      ),
      { numRuns: RUNS },
    )
    expect(await snapshot(dir)).toEqual(before)
  })

  it('rejects well-shaped edits that do not fit the open session, all or nothing', async () => {
    const before = await snapshot(dir)
    const { text } = opened.session.document
    const time = '2026-01-01T00:00:00.000Z'
    const badPassage = fc
      .record({
        id: fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/),
        start: fc.integer({ min: 0, max: text.length + 50 }),
        len: fc.integer({ min: 1, max: 80 }),
        quote: fc.string({ minLength: 1, maxLength: 20 }),
        themeIds: fc.array(fc.constantFrom('growth', 'culture', 'unknown-theme'), { maxLength: 3 }),
      })
      // A passage is valid only when its quote is the text at its place, inside the text, with known themes.
      .filter(
        (p) =>
          p.start + p.len > text.length ||
          text.slice(p.start, p.start + p.len) !== p.quote ||
          p.themeIds.includes('unknown-theme') ||
          new Set(p.themeIds).size !== p.themeIds.length,
      )
      .map((p) => ({
        type: 'putPassage' as const,
        passage: {
          id: p.id,
          start: p.start,
          end: p.start + p.len,
          quote: p.quote,
          prefix: '',
          suffix: '',
          themeIds: p.themeIds,
          note: '',
          createdAt: time,
          updatedAt: time,
          author: 'fuzz',
        },
      }))
    const good = { type: 'setUi' as const, ui: { scrollTop: 1 } }
    await fc.assert(
      fc.asyncProperty(badPassage, fc.boolean(), async (bad, goodFirst) => {
        const edits = goodFirst ? [good, bad] : [bad]
        const r = await ipc.applyEdits(opened.session.id, opened.articleId, edits)
        expect(r).toMatchObject({ ok: false, error: { code: 'invalid-edit' } })
      }),
      { numRuns: RUNS },
    )
    expect(await snapshot(dir)).toEqual(before)
  })
})
