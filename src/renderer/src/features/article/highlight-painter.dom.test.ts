import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Segment } from '@shared/model/segments'
import { sessionOf } from '@renderer/test-support/fake-api'
import { articleText, mountArticle, type MountedArticle } from '@renderer/test-support/article-dom'
import { HighlightPainter, type PaintInput } from './highlight-painter'
import {
  allHighlightNames,
  bgName,
  barName,
  highlightPriority,
  MARKS,
  PAINTED_ATTRIBUTE,
} from './highlight-styles'
import { paragraphElements } from './viewport'

const TEXT = articleText(40)
const codebook = sessionOf(TEXT).codebook
const [A, B] = [codebook[0]!.id, codebook[1]!.id]
const slotOf = new Map(codebook.map((t, i) => [t.id, i]))

let m: MountedArticle
let painter: HighlightPainter
let segments: Map<number, Segment[]>

beforeEach(() => {
  m = mountArticle(TEXT)
  painter = new HighlightPainter(document)
  painter.setCodebook(codebook)
  segments = new Map()
})
afterEach(() => {
  painter.dispose()
  m.unmount()
})

/** A segment of paragraph i, at [from, to) of its text. */
function seg(i: number, from: number, to: number, themeIds: string[], depth = 1): Segment {
  const base = m.paragraphs[i]!.start
  return { start: base + from, end: base + to, depth, themeIds }
}

const input = (over: Partial<PaintInput> = {}): PaintInput => ({
  paragraphs: paragraphElements(m.article),
  starts: m.paragraphs.map((p) => p.start),
  segmentsOf: (i) => segments.get(i) ?? [],
  first: 0,
  last: 3,
  slotOf,
  marks: { selected: null, flash: null, hover: null },
  ...over,
})

/** name → "paragraph:start-end" of each registered range (offsets in the paragraph). */
function registered(): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  const ps = [...paragraphElements(m.article)]
  for (const [name, h] of CSS.highlights) {
    if (!name.startsWith('gloss-')) continue
    for (const r of h) {
      const i = ps.indexOf(r.startContainer.parentElement!)
      ;(out[name] ??= []).push(`${i}:${r.startOffset}-${r.endOffset}`)
    }
  }
  for (const list of Object.values(out)) list.sort()
  return out
}
const rangesOf = (name: string) => [...((CSS.highlights.get(name) as Highlight) ?? [])]

describe('HighlightPainter', () => {
  it('registers every highlight name, empty, with the paint order as priority', () => {
    const names = allHighlightNames()
    let last = -1
    for (const name of names) {
      const h = CSS.highlights.get(name) as Highlight
      expect(h.size).toBe(0)
      expect(h.priority).toBe(highlightPriority(name))
      expect(h.priority).toBeGreaterThan(last)
      last = h.priority
    }
  })

  it('paints the segments of the paragraphs in the window, merging runs under one highlight', () => {
    segments.set(1, [seg(1, 0, 4, [A]), seg(1, 4, 9, [A, B], 2), seg(1, 9, 12, [B])])
    segments.set(9, [seg(9, 0, 5, [A])])
    painter.paint(input())
    expect(registered()).toEqual({
      [bgName(0)]: ['1:0-9'],
      [bgName(1)]: ['1:9-12'],
      [barName(0, 0)]: ['1:0-9'],
      [barName(1, 1)]: ['1:4-9'],
      [barName(1, 0)]: ['1:9-12'],
      [MARKS.overlap]: ['1:4-9'],
    })
    expect(painter.rangeCount).toBe(6)
    const painted = [...paragraphElements(m.article)].map((p) => p.hasAttribute(PAINTED_ATTRIBUTE))
    expect(painted.slice(0, 5)).toEqual([true, true, true, true, false])
  })

  it('paints marks and search matches clipped to the painted paragraphs', () => {
    const p2 = m.paragraphs[2]!
    const p5 = m.paragraphs[5]!
    painter.paint(
      input({
        marks: { selected: { start: p2.start + 2, end: p2.start + 6 }, flash: null, hover: null },
        search: {
          matches: [
            { start: p2.start + 10, end: p2.start + 14 },
            { start: p2.end - 2, end: p2.end },
            { start: p5.start, end: p5.start + 3 },
          ],
          current: 1,
        },
      }),
    )
    expect(registered()).toEqual({
      [MARKS.selected]: ['2:2-6'],
      [MARKS.search]: ['2:10-14'],
      [MARKS.searchCurrent]: [`2:${p2.end - p2.start - 2}-${p2.end - p2.start}`],
    })
  })

  it('on a new paint, changes only the paragraphs whose segments or marks changed', () => {
    segments.set(0, [seg(0, 0, 4, [A])])
    segments.set(2, [seg(2, 0, 4, [B])])
    painter.paint(input())
    const [kept] = rangesOf(bgName(0))
    segments.set(2, [seg(2, 1, 6, [B])])
    painter.paint(input({ marks: { selected: null, flash: null, hover: seg(2, 1, 6, []) } }))
    expect(rangesOf(bgName(0))[0]).toBe(kept)
    expect(registered()[bgName(1)]).toEqual(['2:1-6'])
    expect(registered()[MARKS.hover]).toEqual(['2:1-6'])
  })

  it('drops the ranges of paragraphs that leave the window and paints those that enter it', () => {
    segments.set(1, [seg(1, 0, 4, [A])])
    segments.set(20, [seg(20, 0, 4, [A])])
    painter.paint(input())
    expect(registered()[bgName(0)]).toEqual(['1:0-4'])
    painter.paint(input({ first: 18, last: 22 }))
    expect(registered()[bgName(0)]).toEqual(['20:0-4'])
    expect(paragraphElements(m.article)[1]!.hasAttribute(PAINTED_ATTRIBUTE)).toBe(false)
    expect(painter.rangeCount).toBe(2)
  })

  it('repaints everything when the codebook order changes', () => {
    segments.set(1, [seg(1, 0, 4, [A])])
    painter.paint(input())
    painter.paint(input({ slotOf: new Map([[A, 3]]) }))
    expect(registered()).toEqual({ [bgName(3)]: ['1:0-4'], [barName(3, 0)]: ['1:0-4'] })
  })

  it('dispose() unregisters every highlight, its stylesheet and the painted marks', () => {
    segments.set(1, [seg(1, 0, 4, [A])])
    painter.paint(input())
    const sheets = document.adoptedStyleSheets.length
    painter.dispose()
    expect([...CSS.highlights.keys()].filter((n) => n.startsWith('gloss-'))).toEqual([])
    expect(document.adoptedStyleSheets).toHaveLength(sheets - 1)
    expect(m.article.querySelector(`[${PAINTED_ATTRIBUTE}]`)).toBeNull()
    expect(painter.rangeCount).toBe(0)
  })
})
