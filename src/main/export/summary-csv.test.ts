import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { DEFAULT_CODEBOOK } from '@shared/model/codebook'
import { makePassage } from '@shared/model/edits'
import type { Passage, Session } from '@shared/model/schema'
import { sha256Hex } from '../store/session-file'
import { BOM } from './csv'
import { sessionToSummaryCsv } from './summary-csv'

const T0 = '2025-03-01T08:00:00.000Z'

function session(text: string, passages: Passage[]): Session {
  return {
    schemaVersion: 1,
    id: 's1',
    createdAt: T0,
    updatedAt: T0,
    document: { title: 'Un article', sourceFileName: 'a.txt', text, sha256: sha256Hex(text) },
    codebook: DEFAULT_CODEBOOK.map((t) => ({ ...t })),
    passages,
    ui: { scrollTop: 0 },
  }
}

const p = (text: string, id: string, start: number, end: number, themeIds: string[]) =>
  makePassage(text, { id, start, end, themeIds, author: 'a', now: T0 })

const HEADER = [
  'theme',
  'passages',
  'characters',
  'share_percent',
  'with_Growth',
  'with_Culture',
  'with_Secrecy',
  'with_Safety',
]

describe('sessionToSummaryCsv', () => {
  // 30 code points; the emoji is one of them.
  const text = '😀bcdefghij0123456789ABCDEFGHIJ'

  it('writes one row per theme then untagged, with co-occurrence columns', () => {
    const s = session(text, [
      p(text, 'a', 0, 11, ['growth', 'culture']), // 10 code points (😀 is 2 UTF-16 units)
      p(text, 'b', 6, 16, ['growth']), // overlaps a: growth covers 0–16 → 15 code points
      p(text, 'c', 20, 23, ['safety']),
      p(text, 'u', 25, 28, []),
    ])
    const { csv, rows } = sessionToSummaryCsv(s)
    expect(csv.startsWith(BOM)).toBe(true)
    expect(csv.split('\r\n')[0]).toBe(BOM + HEADER.join(','))
    expect(rows).toBe(5)
    const parsed = parse(csv, { bom: true })
    expect(parsed.slice(1)).toEqual([
      ['Growth', '2', '15', '50', '', '2', '0', '0'],
      ['Culture', '1', '10', '33.33', '2', '', '0', '0'],
      ['Secrecy', '0', '0', '0', '0', '0', '', '0'],
      ['Safety', '1', '3', '10', '0', '0', '0', ''],
      ['', '1', '3', '10', '', '', '', ''],
    ])
  })

  it('writes zeros for an empty session', () => {
    const parsed = parse(sessionToSummaryCsv(session(text, [])).csv, { bom: true })
    expect(parsed).toHaveLength(6)
    expect(parsed[1]).toEqual(['Growth', '0', '0', '0', '', '0', '0', '0'])
  })

  it('neutralizes formula-like theme names in rows and headers', () => {
    const s = session(text, [])
    s.codebook[1]!.name = '=cmd|calc'
    s.codebook[2]!.name = '@Secrecy, "quoted"'
    const parsed = parse(sessionToSummaryCsv(s).csv, { bom: true })
    expect(parsed[0]!.slice(5, 7)).toEqual(['with_=cmd|calc', 'with_@Secrecy, "quoted"'])
    expect(parsed[2]![0]).toBe("'=cmd|calc")
    expect(parsed[3]![0]).toBe('\'@Secrecy, "quoted"')
  })
})
