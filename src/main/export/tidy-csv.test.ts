import { parse } from 'csv-parse/sync'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEFAULT_CODEBOOK } from '@shared/model/codebook'
import { makePassage } from '@shared/model/edits'
import type { Passage, Session } from '@shared/model/schema'
import { sha256Hex } from '../store/session-file'
import { BOM } from './csv'
import { sessionToTidyCsv, type TIDY_HEADER } from './tidy-csv'

const T0 = '2025-03-01T08:00:00.000Z'
const T1 = '2025-03-02T09:30:00.000Z'
const IDS = DEFAULT_CODEBOOK.map((t) => t.id)

function session(text: string, passages: Passage[]): Session {
  return {
    schemaVersion: 1,
    id: 's1',
    createdAt: T0,
    updatedAt: T1,
    document: { title: 'Un article', sourceFileName: 'a.txt', text, sha256: sha256Hex(text) },
    codebook: DEFAULT_CODEBOOK.map((t) => ({ ...t })),
    passages,
    ui: { scrollTop: 0 },
  }
}

function at(
  text: string,
  word: string,
  id: string,
  themeIds: string[],
  extra: Partial<Passage> = {},
) {
  const start = text.indexOf(word)
  if (start < 0) throw new Error(`no ${word}`)
  const p = makePassage(text, {
    id,
    start,
    end: start + word.length,
    themeIds,
    author: 'ana',
    now: T0,
  })
  return { ...p, updatedAt: T1, ...extra }
}

const rowsOf = (csv: string) =>
  parse<Record<(typeof TIDY_HEADER)[number], string>>(csv, { bom: true, columns: true })

const TEXT = 'Rapport 😀 interne 👩‍💻. La culture du secret règne; la sécurité suit.'

describe('sessionToTidyCsv', () => {
  it('writes one row per passage and theme, in document order, untagged with an empty theme', () => {
    const s = session(TEXT, [
      at(TEXT, 'la sécurité', 'p3', ['safety']),
      at(TEXT, 'culture du secret', 'p2', ['culture', 'secrecy'], {
        note: 'deux\nlignes, "citées"',
      }),
      at(TEXT, 'interne', 'p1', []),
    ])
    const { csv, rows } = sessionToTidyCsv(s)
    expect(csv.startsWith(BOM)).toBe(true)
    expect(csv.split('\r\n')[0]).toBe(
      `${BOM}passage_id,theme,start,end,quote,note,coder,created_at,updated_at`,
    )
    expect(csv.endsWith('\r\n')).toBe(true)
    const parsed = rowsOf(csv)
    expect(rows).toBe(4)
    expect(parsed.map((r) => [r.passage_id, r.theme])).toEqual([
      ['p1', ''],
      ['p2', 'Culture'],
      ['p2', 'Secrecy'],
      ['p3', 'Safety'],
    ])
    expect(parsed[1]).toMatchObject({
      quote: 'culture du secret',
      note: 'deux\nlignes, "citées"',
      coder: 'ana',
      created_at: T0,
      updated_at: T1,
    })
  })

  it('gives code point offsets: slicing the code points gives back the quote', () => {
    const s = session(TEXT, [at(TEXT, 'la sécurité', 'p', ['safety', 'growth'])])
    const parsed = rowsOf(sessionToTidyCsv(s).csv)
    const cps = [...TEXT]
    for (const r of parsed) {
      expect(cps.slice(Number(r.start), Number(r.end)).join('')).toBe('la sécurité')
      expect(Number(r.start)).toBeLessThan(TEXT.indexOf('la sécurité'))
    }
    // Numbers are written bare.
    expect(sessionToTidyCsv(s).csv).toContain(`,${parsed[0]!.start},${parsed[0]!.end},`)
  })

  it('neutralizes formula-like cells, theme names included', () => {
    const text = '=SUM(A1) et @cmd et -x'
    const s = session(text, [at(text, '=SUM(A1)', 'p', ['growth'], { note: '+1', author: '@me' })])
    s.codebook[0]!.name = '=Growth'
    const [r] = rowsOf(sessionToTidyCsv(s).csv)
    expect(r).toMatchObject({ theme: "'=Growth", quote: "'=SUM(A1)", note: "'+1", coder: "'@me" })
  })

  it('has as many rows as the sum over passages of max(1, themes), on random sessions', () => {
    const text = 'abcdefghijklmnopqrstuvwxyz😀0123456789'
    const arb = fc.array(
      fc.record({
        start: fc.integer({ min: 0, max: 25 }),
        len: fc.integer({ min: 1, max: 10 }),
        themes: fc.subarray(IDS),
      }),
      { maxLength: 30 },
    )
    fc.assert(
      fc.property(arb, (raw) => {
        const passages = raw.map((r, i) =>
          makePassage(text, {
            id: `p${i}`,
            start: r.start,
            // Never cut the emoji (UTF-16 26–28) in two.
            end: r.start + r.len === 27 ? 28 : r.start + r.len,
            themeIds: r.themes,
            author: 'a',
            now: T0,
          }),
        )
        const { csv, rows } = sessionToTidyCsv(session(text, passages))
        const parsed = rowsOf(csv)
        const expected = passages.reduce((n, p) => n + Math.max(1, p.themeIds.length), 0)
        expect(rows).toBe(expected)
        expect(parsed).toHaveLength(expected)
        // Every (passage, theme) pair appears exactly once.
        const pairs = new Set(parsed.map((r) => `${r.passage_id}|${r.theme}`))
        expect(pairs.size).toBe(expected)
      }),
      { numRuns: 200 },
    )
  })
})
