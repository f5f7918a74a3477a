// Inter-coder agreement, in main (Node), through the agreement handler as
// the Agreement view calls it: a reliability study of 2,000 articles of
// about 5,000 characters, 3 coders of 100,000 passages each (50 per article,
// each coder's edges and themes moved a little from a shared coding), 40
// themes, written as a session folder and opened. For paragraph and
// character units: the whole computation (every theme, all themes, the
// disagreements), its CPU time, and the longest time the event loop was held
// (saves and other calls wait that long at most). Requests alternate between
// the two units, so that main never answers from the report it keeps.
// Rows in bench/results/latest.json.
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { deserialize, serialize } from 'node:v8'
import { test } from '@playwright/test'
import type { ArticleData, ArticleEntry } from '../src/shared/model/corpus'
import type { CorpusState } from '../src/shared/model/corpus-edits'
import { makePassage } from '../src/shared/model/edits'
import type { Passage, Theme } from '../src/shared/model/schema'
import { createHandlers } from '../src/main/handlers'
import { sha256Hex } from '../src/main/store/hash'
import { FakeDialogs } from '../src/main/test-support/fake-dialogs'
import { prng } from '../test-support/prng'
import { writeCorpus } from '../test-support/write-corpus'
import { record, row, type Row } from './results'
import { Problems } from './util'

const ARTICLES = 2_000
const CODERS = ['ana', 'ben', 'cleo']
const PER_ARTICLE = 50
const THEMES = 40
const RUNS = 3
const T0 = '2026-12-01T09:00:00.000Z'

const WORDS =
  'le la les un une des ministre gouvernement école santé économie croissance a dit selon mais aussi puis conseil ville budget emploi grève port loyer'.split(
    ' ',
  )

/** The study: every coder opened every article; passages follow a shared coding, with noise. */
function study(): CorpusState {
  const r = prng(20_261_202)
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!
  const codebook: Theme[] = Array.from({ length: THEMES }, (_, i) => ({
    id: `t${i}`,
    name: `Theme ${i + 1}`,
    colour: '#0072b2',
  }))
  const entries: ArticleEntry[] = []
  const articles = new Map<string, ArticleData>()
  for (let a = 0; a < ARTICLES; a++) {
    const paragraphs: string[] = []
    let length = 0
    while (length < 5_000) {
      const sentences = Array.from({ length: 2 + Math.floor(r() * 4) }, () => {
        const words = Array.from({ length: 8 + Math.floor(r() * 15) }, () => pick(WORDS))
        return `${words.join(' ').replace(/^./, (c) => c.toUpperCase())}.`
      })
      const p = `${a === 0 ? '' : `N° ${a}. `}${sentences.join(' ')}`
      paragraphs.push(p)
      length += p.length + 2
    }
    const text = paragraphs.join('\n\n')
    const shared = Array.from({ length: PER_ARTICLE }, () => {
      const start = Math.floor(r() * (text.length - 250))
      const themes = [
        ...new Set(Array.from({ length: 1 + Math.floor(r() * 3) }, () => pick(codebook).id)),
      ]
      return { start, end: start + 20 + Math.floor(r() * 180), themes }
    })
    const passages: Passage[] = []
    for (const author of CODERS)
      shared.forEach((s, k) => {
        const start = Math.max(0, s.start + Math.floor(r() * 21) - 10)
        const end = Math.min(text.length, Math.max(start + 1, s.end + Math.floor(r() * 21) - 10))
        const themeIds = r() < 0.1 ? [pick(codebook).id] : s.themes
        passages.push(
          makePassage(text, { id: `${a}-${author}-${k}`, start, end, themeIds, author, now: T0 }),
        )
      })
    passages.sort((x, y) => x.start - y.start)
    const id = `a${a}`
    entries.push({
      id,
      title: `Article ${a + 1}`,
      sourceFileName: `${id}.txt`,
      sha256: sha256Hex(text),
      chars: text.length,
      addedAt: T0,
      attributes: { language: 'fr' },
      passageCount: passages.length,
    })
    articles.set(id, { id, text, passages, ui: { scrollTop: 0 }, updatedAt: T0 })
  }
  const ids = entries.map((e) => e.id)
  return {
    id: 'bench-agreement',
    createdAt: T0,
    updatedAt: T0,
    meta: {
      codebook,
      themeGroups: [],
      attributeDefs: [],
      articles: entries,
      coders: CODERS.map((name) => ({ name, opened: ids })),
    },
    articles,
  }
}

test('Gloss main: inter-coder agreement of 3 coders over 2,000 articles', async () => {
  test.setTimeout(30 * 60_000)
  const rows: Row[] = []
  const problems = new Problems()
  const work = await mkdtemp(join(tmpdir(), 'gloss-bench-agreement-'))
  // Electron's user data folder exists before Gloss starts.
  await mkdir(join(work, 'data'))
  const dialogs = new FakeDialogs()
  const handlers = createHandlers({
    dataDir: join(work, 'data'),
    dialogs,
    samplePath: resolve('resources/sample-article-fr.txt'),
    author: 'bench',
  })
  try {
    dialogs.answer(await writeCorpus(join(work, 'study.gloss'), study()))
    const opened = await handlers.openSession()
    if (!opened.ok) throw new Error(`the study did not open: ${opened.error.message}`)
    if (!opened.value) throw new Error('the study did not open')
    const sessionId = opened.value.session.id
    // Every article read (main reads them in the background after the open).
    await handlers.themeUsage(sessionId)

    const passages = ARTICLES * PER_ARTICLE * CODERS.length
    await problems.run(
      'agreement',
      async () => {
        // Per unit, per run: wall-clock, CPU time and the longest event-loop block (ms).
        const measures = { paragraph: [] as number[][], characters: [] as number[][] }
        const replies = { paragraph: '', characters: '' }
        for (let run = 0; run < RUNS; run++)
          for (const unit of ['paragraph', 'characters'] as const) {
            const delay = monitorEventLoopDelay({ resolution: 10 })
            delay.enable()
            const cpu0 = process.cpuUsage()
            const t0 = performance.now()
            const r = await handlers.agreement(sessionId, { unit, coders: CODERS })
            const ms = performance.now() - t0
            const cpu = process.cpuUsage(cpu0)
            delay.disable()
            if (!r.ok || !r.value) throw new Error(r.ok ? 'cancelled' : r.error.message)
            // What Electron's IPC does with the reply: V8's structured clone, both ends.
            const c0 = performance.now()
            const bytes = serialize(r.value)
            deserialize(bytes)
            const clone = performance.now() - c0
            measures[unit].push([ms, (cpu.user + cpu.system) / 1000, delay.max / 1e6])
            replies[unit] =
              `reply ${(bytes.length / 1e6).toFixed(1)} MB, cloned in ${clone.toFixed(0)} ms`
          }
        const column = (unit: keyof typeof measures, i: number) => measures[unit].map((m) => m[i]!)
        const note = `${ARTICLES} articles, ${CODERS.length} coders, ${THEMES} themes`
        rows.push(
          row(
            'agreementParagraph',
            'gloss',
            passages,
            column('paragraph', 0),
            `${note}; ${replies.paragraph}`,
          ),
          row('agreementParagraphCpu', 'gloss', passages, column('paragraph', 1)),
          row('agreementParagraphBlock', 'gloss', passages, column('paragraph', 2)),
          row(
            'agreementCharacters',
            'gloss',
            passages,
            column('characters', 0),
            `${note}; ${replies.characters}`,
          ),
          row('agreementCharactersCpu', 'gloss', passages, column('characters', 1)),
          row('agreementCharactersBlock', 'gloss', passages, column('characters', 2)),
        )
      },
      (message) =>
        rows.push(row('agreementParagraph', 'gloss', passages, null, `error: ${message}`)),
    )
  } finally {
    await handlers.shutdown()
    await rm(work, { recursive: true, force: true })
  }
  record(rows)
  problems.throwIfAny()
})
