// Handler tests for the summary and tidy exports: exportTidyCsv,
// exportSummaryCsv and saveSummaryPng, against real temp files. Paths come
// only from the Dialogs port; arguments are checked before any dialog opens.
import { parse } from 'csv-parse/sync'
import { deflateSync } from 'node:zlib'
import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MAX_PNG_BYTES, type OpenedSession } from '@shared/api'
import { makePassage } from '@shared/model/edits'
import { checkedCalls } from './checked-calls'
import { createHandlers, SAMPLE_TITLE, type Handlers } from './handlers'
import { slug } from './sessions/file-names'
import type { FakeDialogs } from './test-support/fake-dialogs'
import { codeOf as code, value } from './test-support/results'
import { closeSampleSession, openSampleSession, SAMPLE_PATH } from './test-support/sample-session'

/** A real 2×1 PNG (signature, IHDR, IDAT, IEND), built by hand. */
function tinyPng(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (b: Buffer) => {
    let c = 0xffffffff
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const out = Buffer.alloc(body.length + 8)
    out.writeUInt32BE(data.length, 0)
    body.copy(out, 4)
    out.writeUInt32BE(crc(body), body.length + 4)
    return out
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(2, 0)
  ihdr.writeUInt32BE(1, 4)
  ihdr.set([8, 2, 0, 0, 0], 8) // 8-bit RGB
  const pixels = Buffer.from([0, 255, 0, 0, 0, 0, 255]) // filter byte, red, blue
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

let dir: string
let dialogs: FakeDialogs
let handlers: Handlers
let opened: OpenedSession

beforeEach(async () => {
  ;({ dir, dialogs, handlers, opened } = await openSampleSession('gloss-summary-handlers-'))
})
afterEach(() => closeSampleSession({ dir, handlers }))

/** Tags `word` (its first occurrence in the sample) with themes. */
async function tag(word: string, id: string, themeIds: string[]) {
  const { text } = opened.session.document
  const start = text.indexOf(word)
  if (start < 0) throw new Error(`no ${word}`)
  const passage = makePassage(text, {
    id,
    start,
    end: start + word.length,
    themeIds,
    author: 'tester',
    now: '2025-06-01T12:00:00.000Z',
  })
  value(
    await handlers.applyEdits(opened.session.id, opened.articleId, [
      { type: 'putPassage', passage },
    ]),
  )
}

const tempFiles = async () => (await readdir(dir)).filter((n) => n.endsWith('.tmp'))

describe('exportTidyCsv', () => {
  it('writes one row per passage and theme at the path the dialog answers', async () => {
    await tag('Calvin French-Owen', 'p1', ['growth', 'culture'])
    await tag('Codex', 'p2', [])
    const target = join(dir, 'tidy.csv')
    dialogs.answers.push(target)
    expect(value(await handlers.exportTidyCsv(opened.session.id))).toEqual({
      filePath: target,
      rows: 3,
    })
    expect(dialogs.asked[0]).toMatchObject({
      defaultFileName: `${slug(SAMPLE_TITLE)}-tidy.csv`,
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    })
    const rows = parse<Record<string, string>>(await readFile(target, 'utf8'), {
      bom: true,
      columns: true,
    })
    expect(rows.map((r) => [r.passage_id, r.theme])).toEqual(
      expect.arrayContaining([
        ['p1', 'Growth'],
        ['p1', 'Culture'],
        ['p2', ''],
      ]),
    )
    expect(await tempFiles()).toEqual([])
  })

  it('returns ok(null) and writes nothing when the dialog is cancelled', async () => {
    dialogs.answers.push(null)
    const before = await readdir(dir)
    expect(await handlers.exportTidyCsv(opened.session.id)).toEqual({ ok: true, value: null })
    expect(await readdir(dir)).toEqual(before)
  })

  it('rejects invalid arguments as values, before asking for a path', async () => {
    expect(code(await checkedCalls(handlers).exportTidyCsv())).toBe('invalid-argument')
    expect(code(await checkedCalls(handlers).exportTidyCsv('../etc'))).toBe('invalid-argument')
    expect(code(await checkedCalls(handlers).exportTidyCsv({ id: opened.session.id }))).toBe(
      'invalid-argument',
    )
    expect(code(await handlers.exportTidyCsv('not-open'))).toBe('not-found')
    expect(dialogs.asked).toEqual([])
  })
})

describe('exportSummaryCsv', () => {
  it('computes the numbers in main from the session, and writes them', async () => {
    const { text } = opened.session.document
    const word = 'Calvin French-Owen'
    await tag(word, 'p1', ['growth', 'culture'])
    await tag('Calvin', 'p2', ['safety']) // nested in p1
    const target = join(dir, 'summary.csv')
    dialogs.answers.push(target)
    expect(value(await handlers.exportSummaryCsv(opened.session.id))).toEqual({
      filePath: target,
      rows: 5,
    })
    expect(dialogs.asked[0]).toMatchObject({
      title: 'Save summary as CSV',
      defaultFileName: `${slug(SAMPLE_TITLE)}-summary.csv`,
    })
    const raw = await readFile(target)
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const rows = parse<Record<string, string>>(raw.toString('utf8'), { bom: true, columns: true })
    const growth = rows.find((r) => r.theme === 'Growth')!
    const share = Math.round((word.length / [...text].length) * 100 * 100) / 100
    expect(growth).toMatchObject({
      passages: '1',
      characters: String(word.length),
      share_percent: String(share),
      with_Growth: '',
      with_Culture: '1',
      with_Safety: '1',
    })
    expect(rows.find((r) => r.theme === 'Safety')).toMatchObject({ with_Culture: '1' })
  })

  it('returns ok(null) when cancelled and rejects bad arguments', async () => {
    dialogs.answers.push(null)
    expect(await handlers.exportSummaryCsv(opened.session.id)).toEqual({ ok: true, value: null })
    expect(code(await checkedCalls(handlers).exportSummaryCsv(42))).toBe('invalid-argument')
    expect(code(await handlers.exportSummaryCsv('not-open'))).toBe('not-found')
    expect(dialogs.asked).toHaveLength(1)
  })
})

describe('saveSummaryPng', () => {
  it('writes the PNG bytes at the path the dialog answers, atomically', async () => {
    const png = tinyPng()
    const target = join(dir, 'chart.png')
    dialogs.answers.push(target)
    expect(value(await handlers.saveSummaryPng(opened.session.id, png.toString('base64')))).toEqual(
      { filePath: target },
    )
    expect(dialogs.asked[0]).toMatchObject({
      title: 'Save summary chart as PNG',
      defaultFileName: `${slug(SAMPLE_TITLE)}-summary.png`,
      filters: [{ name: 'PNG image', extensions: ['png'] }],
    })
    expect(await readFile(target)).toEqual(png)
    expect(await tempFiles()).toEqual([])
  })

  it('returns ok(null) and writes nothing when the dialog is cancelled', async () => {
    dialogs.answers.push(null)
    const before = await readdir(dir)
    expect(await handlers.saveSummaryPng(opened.session.id, tinyPng().toString('base64'))).toEqual({
      ok: true,
      value: null,
    })
    expect(await readdir(dir)).toEqual(before)
  })

  it('rejects what is not a PNG in base64, before asking for a path', async () => {
    const png = tinyPng().toString('base64')
    // Base64 that needs padding: the PNG and one more byte (a PNG of any length works).
    const bytes = tinyPng()
    const padded = Buffer.concat([bytes, Buffer.alloc(bytes.length % 3 ? 0 : 1)]).toString('base64')
    expect(padded).toMatch(/=$/)
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1').toString('base64')
    const cases: [string, unknown[]][] = [
      ['no image', [opened.session.id]],
      ['a GIF', [opened.session.id, gif]],
      ['text', [opened.session.id, Buffer.from('hello, not a png').toString('base64')]],
      ['not base64', [opened.session.id, `${png.slice(0, 20)}*${png.slice(21)}`]],
      ['base64 with whitespace', [opened.session.id, `${png.slice(0, 20)}\n${png.slice(20)}`]],
      ['padding in the middle', [opened.session.id, `${png.slice(0, 16)}====${png.slice(20)}`]],
      ['unpadded', [opened.session.id, padded.replace(/=+$/, '')]],
      ['a data URL', [opened.session.id, `data:image/png;base64,${png}`]],
      ['bytes instead of base64', [opened.session.id, tinyPng()]],
      ['an empty string', [opened.session.id, '']],
      ['a bad session id', ['../x', png]],
      ['an extra argument', [opened.session.id, png, '/tmp/evil.png']],
    ]
    for (const [what, args] of cases)
      expect(code(await checkedCalls(handlers).saveSummaryPng(...args)), what).toBe(
        'invalid-argument',
      )
    expect(dialogs.asked).toEqual([])
  })

  it('rejects an image larger than 20 MB', async () => {
    const head = tinyPng().subarray(0, 12)
    const big = Buffer.concat([head, Buffer.alloc(MAX_PNG_BYTES + 3 - head.length)])
    const ipc = checkedCalls(handlers)
    const r = await ipc.saveSummaryPng(opened.session.id, big.toString('base64'))
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    expect(dialogs.asked).toEqual([])
    // Just under the limit is accepted.
    const fits = Buffer.concat([head, Buffer.alloc(MAX_PNG_BYTES - 3 - head.length)])
    dialogs.answers.push(null)
    expect(await ipc.saveSummaryPng(opened.session.id, fits.toString('base64'))).toEqual({
      ok: true,
      value: null,
    })
  })

  it('says not-found for a session that is not open', async () => {
    expect(code(await handlers.saveSummaryPng('not-open', tinyPng().toString('base64')))).toBe(
      'not-found',
    )
    expect(existsSync(join(dir, 'chart.png'))).toBe(false)
  })
})

describe('export progress', () => {
  /** Handlers that record the progress they report, on the sample with `count` passages. */
  async function exporting(count: number) {
    const events: { done: number; total: number }[] = []
    const h = createHandlers({
      dataDir: join(dir, 'progress-data'),
      dialogs,
      samplePath: SAMPLE_PATH,
      author: 'tester',
      onExportProgress: (p) => events.push(p),
    })
    const s = value(await h.openSample())
    const { text } = s.session.document
    // One-word passages over the sample, wrapping around: up to `count` of them.
    const words = [...text.matchAll(/\p{L}{4,}/gu)]
    const edits = Array.from({ length: count }, (_, i) => {
      const m = words[i % words.length]!
      const start = m.index + (i >= words.length ? 1 : 0)
      return {
        type: 'putPassage' as const,
        passage: makePassage(text, {
          id: `p${i}`,
          start,
          end: m.index + m[0].length,
          themeIds: ['growth'],
          author: 'tester',
          now: '2025-06-01T12:00:00.000Z',
        }),
      }
    })
    if (edits.length) value(await h.applyEdits(s.session.id, s.articleId, edits))
    return { h, id: s.session.id, events }
  }

  it('reports rows written from 0 to the total, once the save dialog has answered', async () => {
    const { h, id, events } = await exporting(2500)
    try {
      dialogs.answers.push(null)
      expect(value(await h.exportCsv(id))).toBeNull()
      expect(events).toEqual([]) // cancelled: nothing was written
      dialogs.answers.push(join(dir, 'big.csv'))
      expect(value(await h.exportCsv(id))).toMatchObject({ rows: 2500 })
      expect(events[0]).toEqual({ done: 0, total: 2500 })
      expect(events.at(-1)).toEqual({ done: 2500, total: 2500 })
      for (let i = 1; i < events.length; i++) {
        expect(events[i]!.total).toBe(2500)
        expect(events[i]!.done).toBeGreaterThanOrEqual(events[i - 1]!.done)
      }
      const written = parse(await readFile(join(dir, 'big.csv'), 'utf8'), { bom: true })
      expect(written).toHaveLength(2501)

      events.length = 0
      dialogs.answers.push(join(dir, 'tidy.csv'))
      value(await h.exportTidyCsv(id))
      // The tidy export is streamed too, its progress counted in passages.
      expect(events[0]).toEqual({ done: 0, total: 2500 })
      expect(events.at(-1)).toEqual({ done: 2500, total: 2500 })
      for (let i = 1; i < events.length; i++)
        expect(events[i]!.done).toBeGreaterThanOrEqual(events[i - 1]!.done)
    } finally {
      await h.shutdown()
    }
  })
})
