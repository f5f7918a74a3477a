// The painter and the article renderer when coders are shown apart: each
// coder's bars under their own highlight names (theme slot × stack
// position × coder slot), styled in the coder's mark, registered only once
// needed; with one coder shown, the names and the look of a one-coder
// session.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { LayeredSegment } from '@shared/model/coder-segments'
import { makePassage } from '@shared/model/edits'
import type { Passage } from '@shared/model/schema'
import type { Segment } from '@shared/model/segments'
import { CODER_LINE_HEIGHT } from '@renderer/lib/coder-marks'
import { sessionOf } from '@renderer/test-support/fake-api'
import {
  articleText,
  mountArticle,
  pointOfChar,
  type MountedArticle,
} from '@renderer/test-support/article-dom'
import { ArticleRenderer, type ArticleContent } from './article-renderer'
import { HighlightPainter, type PaintInput } from './highlight-painter'
import {
  barName,
  bgName,
  coderBarName,
  highlightPriority,
  MARKS,
  UNTAGGED_SLOT,
} from './highlight-styles'
import { paragraphElements } from './viewport'

const TEXT = articleText(60)
const codebook = sessionOf(TEXT).codebook
const [A, B] = [codebook[0]!.id, codebook[1]!.id]
const slotOf = new Map(codebook.map((t, i) => [t.id, i]))

let m: MountedArticle

beforeEach(() => {
  m = mountArticle(TEXT)
})
afterEach(() => {
  m.unmount()
})

/** name → "paragraph:start-end" of each registered range. */
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

const coderNames = () => [...CSS.highlights.keys()].filter((n) => n.startsWith('gloss-cbar-'))

/** The rules of the painter's stylesheet, as text. */
const rules = () =>
  document.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((r) => r.cssText))

describe('HighlightPainter with coders shown apart', () => {
  let painter: HighlightPainter
  let segments: Map<number, Segment[]>
  beforeEach(() => {
    painter = new HighlightPainter(document)
    painter.setCodebook(codebook)
    segments = new Map()
  })
  afterEach(() => painter.dispose())

  const input = (): PaintInput => ({
    paragraphs: paragraphElements(m.article),
    starts: m.paragraphs.map((p) => p.start),
    segmentsOf: (i) => segments.get(i) ?? [],
    first: 0,
    last: 3,
    slotOf,
    marks: { selected: null, flash: null, hover: null },
  })
  function seg(
    i: number,
    from: number,
    to: number,
    layers: LayeredSegment['layers'],
  ): LayeredSegment {
    const base = m.paragraphs[i]!.start
    const themes = new Set(layers.flatMap((l) => l.themeIds))
    return {
      start: base + from,
      end: base + to,
      depth: layers.length,
      themeIds: codebook.map((t) => t.id).filter((id) => themes.has(id)),
      layers,
    }
  }

  it('registers no coder highlight until coders are shown apart, then only their slots', () => {
    expect(coderNames()).toEqual([])
    painter.setCoderSlots([0, 2])
    const names = coderNames()
    expect(names).toContain(coderBarName(0, 0, 0))
    expect(names).toContain(coderBarName(UNTAGGED_SLOT, 3, 2))
    expect(names.some((n) => n.endsWith('-1'))).toBe(false)
    // Between the theme bars and the marks painted over them.
    const h = CSS.highlights.get(coderBarName(0, 0, 0)) as Highlight
    expect(h.priority).toBeGreaterThan(highlightPriority(barName(8, 3)))
    expect(h.priority).toBeLessThan(highlightPriority(MARKS.hover))
  })

  it('styles each coder slot with its line, in the theme’s colour, only for the slots shown', () => {
    painter.setCoderSlots([0, 1])
    const style = (name: string) => {
      const rule = document.adoptedStyleSheets
        .flatMap((sheet) => [...sheet.cssRules])
        .find((r) => r.cssText.includes(`::highlight(${name})`)) as CSSStyleRule | undefined
      return rule?.style
    }
    expect(style(coderBarName(0, 0, 0))).toMatchObject({
      textDecorationStyle: 'solid',
      textDecorationColor: 'rgb(0, 158, 115)',
      textDecorationThickness: '2px',
    })
    expect(style(coderBarName(0, 0, 1))?.textDecorationStyle).toBe('dashed')
    expect(style(coderBarName(1, 2, 1))).toMatchObject({
      textDecorationStyle: 'dashed',
      textDecorationColor: 'rgb(230, 159, 0)',
    })
    // Stacked bars further below the text, a gap between them.
    expect(style(coderBarName(1, 2, 1))?.textUnderlineOffset).toBe('13px')
    expect(style(coderBarName(UNTAGGED_SLOT, 0, 0))?.textDecorationColor).toBe('rgb(138, 138, 138)')
    expect(style(coderBarName(0, 0, 2))).toBeUndefined()
    painter.setCoderSlots([])
    expect(rules().join('\n')).not.toContain('gloss-cbar-')
  })

  it('paints each coder’s themes in its own bars, coder after coder, the first theme’s tint under them', () => {
    painter.setCoderSlots([0, 1])
    segments.set(1, [
      seg(1, 0, 4, [{ slot: 0, themeIds: [A] }]),
      seg(1, 4, 9, [
        { slot: 0, themeIds: [A] },
        { slot: 1, themeIds: [A, B] },
      ]),
      seg(1, 9, 12, [{ slot: 1, themeIds: [] }]),
    ])
    painter.paint(input())
    expect(registered()).toEqual({
      [bgName(0)]: ['1:0-9'],
      [coderBarName(0, 0, 0)]: ['1:0-9'],
      [coderBarName(0, 1, 1)]: ['1:4-9'],
      [coderBarName(1, 2, 1)]: ['1:4-9'],
      [coderBarName(UNTAGGED_SLOT, 0, 1)]: ['1:9-12'],
      [MARKS.overlap]: ['1:4-9'],
    })
  })

  it('keeps four bars at most, each coder keeping one, and paints plain bars for segments without layers', () => {
    painter.setCoderSlots([0, 1, 2])
    const layers = [
      { slot: 0, themeIds: codebook.map((t) => t.id) },
      { slot: 1, themeIds: [A, B] },
      { slot: 2, themeIds: [B] },
    ]
    segments.set(0, [seg(0, 0, 5, layers)])
    painter.paint(input())
    const bars = Object.keys(registered()).filter((n) => n.startsWith('gloss-cbar-'))
    expect(bars.sort()).toEqual(
      [
        coderBarName(0, 0, 0),
        coderBarName(1, 1, 0),
        coderBarName(0, 2, 1),
        coderBarName(1, 3, 2),
      ].sort(),
    )
    const base = m.paragraphs[0]!.start
    segments.set(0, [{ start: base, end: base + 5, depth: 1, themeIds: [A] }])
    painter.paint(input())
    expect(registered()).toEqual({ [bgName(0)]: ['0:0-5'], [barName(0, 0)]: ['0:0-5'] })
  })
})

describe('ArticleRenderer with coders shown apart', () => {
  const first = () => m.paragraphs[1]!
  const passage = (id: string, from: number, to: number, theme: number, author: string): Passage =>
    makePassage(TEXT, {
      id,
      start: first().start + from,
      end: first().start + to,
      themeIds: [codebook[theme]!.id],
      author,
      now: '2026-12-01T09:00:00.000Z',
    })
  const callbacks = { onScroll: vi.fn(), onPassageClick: vi.fn(), describeHover: vi.fn(() => '') }
  let renderer: ArticleRenderer
  let content: ArticleContent
  beforeEach(() => {
    renderer = new ArticleRenderer(m.scroller, m.article, callbacks)
    content = {
      paragraphs: m.paragraphs,
      passages: [passage('ana', 3, 20, 0, 'Ana'), passage('bo', 3, 20, 1, 'Bo')],
      codebook,
      selectedId: null,
      flashId: null,
    }
  })
  afterEach(() => renderer.destroy())

  it('paints both coders’ bars in their marks and makes room for them; one coder shown: as before', () => {
    renderer.update({
      ...content,
      coderSlots: new Map([
        ['Ana', 0],
        ['Bo', 1],
      ]),
    })
    expect(registered()).toMatchObject({
      [bgName(0)]: ['1:3-20'],
      [coderBarName(0, 0, 0)]: ['1:3-20'],
      [coderBarName(1, 1, 1)]: ['1:3-20'],
    })
    expect(m.article.style.lineHeight).toBe(String(CODER_LINE_HEIGHT))

    // Bo hidden: the session view gives Ana's passages alone, and no coder slots.
    renderer.update({ ...content, passages: content.passages.slice(0, 1), coderSlots: null })
    expect(registered()).toEqual({ [bgName(0)]: ['1:3-20'], [barName(0, 0)]: ['1:3-20'] })
    expect(m.article.style.lineHeight).toBe('')
  })

  it('names the coders under the pointer in the tooltip, in the session’s order', async () => {
    renderer.update({
      ...content,
      coderSlots: new Map([
        ['Bo', 0],
        ['Ana', 1],
      ]),
    })
    const at = pointOfChar(m, first().start + 8)
    m.article.dispatchEvent(
      new MouseEvent('mousemove', { bubbles: true, clientX: at.x, clientY: at.y }),
    )
    await vi.waitFor(() => expect(callbacks.describeHover).toHaveBeenCalled())
    expect(callbacks.describeHover).toHaveBeenLastCalledWith(
      [codebook[0]!.name, codebook[1]!.name],
      2,
      ['Bo', 'Ana'],
    )
  })

  it('gives back the article’s own line height when destroyed', () => {
    renderer.update({
      ...content,
      coderSlots: new Map([
        ['Ana', 0],
        ['Bo', 1],
      ]),
    })
    renderer.destroy()
    expect(m.article.style.lineHeight).toBe('')
    expect(coderNames()).toEqual([])
  })
})
