// The article paints only the paragraphs near the viewport, and a paint
// changes only what differs from the last one (paragraphs entering or leaving
// the window, paragraphs whose passages changed). These checks compare what
// is registered as CSS highlights, character by character, with the session
// file on disk: after opening, while scrolling, after a jump, after tagging.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { readArticleView } from './pages/data-folder'
import { SessionPage } from './pages/session-page'
import { makeSession, prng, TIME } from '../test-support/generate'
import { makePassage } from '../src/shared/model/edits'

const PARAGRAPHS = 400
const PASSAGES = 3000
const THEMES = ['growth', 'culture', 'secrecy', 'safety']

function session() {
  const rnd = prng(7)
  const words = ['la', 'sécurité', 'équipe', 'croissance', 'secret', 'culture', 'direction']
  const text = Array.from({ length: PARAGRAPHS }, (_, i) => {
    const n = 20 + Math.floor(rnd() * 120)
    return `§${i} ` + Array.from({ length: n }, () => words[Math.floor(rnd() * 7)]).join(' ')
  }).join('\n\n')
  const passages = Array.from({ length: PASSAGES }, (_, i) => {
    // Some cross a paragraph boundary.
    const len = i % 30 === 0 ? 200 : 4 + Math.floor(rnd() * 60)
    const start = Math.floor(rnd() * (text.length - len))
    return makePassage(text, {
      id: `p${String(i).padStart(5, '0')}`,
      start,
      end: start + len,
      themeIds: THEMES.filter(() => rnd() < 0.4),
      // The harness's analyst: the passage tagged below is the same coder's,
      // and the article keeps one coder's look (coder-layers.spec.ts shows coders apart).
      author: 'e2e-analyst',
      now: TIME,
    })
  })
  passages.sort((a, b) => a.start - b.start || b.end - a.end)
  return makeSession(text, passages, 'painted-highlights')
}

interface Painted {
  /** Index of each paragraph that has ranges, and of the visible ones. */
  paintedParagraphs: number[]
  visible: [number, number]
  /** For each visible paragraph: its start offset and, per character, "slots|overlap". */
  paragraphs: { start: number; marks: string[] }[]
}

/** What the visible paragraphs show, read back from the registered highlights. */
const readPainted = (page: Page) =>
  page.evaluate((): Painted => {
    const scroller = document.querySelector('.article-scroller')!.getBoundingClientRect()
    const ps = [...document.querySelectorAll<HTMLElement>('article p')]
    const indexOf = new Map(ps.map((p, i) => [p.firstChild, i]))
    const visibleIdx = ps
      .map((p, i) => [p.getBoundingClientRect(), i] as const)
      .filter(([r]) => r.bottom > scroller.top && r.top < scroller.bottom)
      .map(([, i]) => i)
    const first = visibleIdx[0]!
    const last = visibleIdx[visibleIdx.length - 1]!
    const slots = new Map<number, Set<string>[]>()
    const painted = new Set<number>()
    for (const [name, highlight] of CSS.highlights) {
      const m = /^gloss-(?:bg|bar|cbar)-([0-8])(?:-|$)/.exec(name)
      const tag = m ? m[1]! : name === 'gloss-overlap' ? 'o' : null
      for (const r of highlight) {
        const i = indexOf.get(r.startContainer as ChildNode)
        if (i === undefined) continue
        painted.add(i)
        if (tag === null || i < first || i > last) continue
        let chars = slots.get(i)
        if (!chars)
          slots.set(
            i,
            (chars = Array.from({ length: ps[i]!.textContent.length }, () => new Set<string>())),
          )
        for (let k = r.startOffset; k < r.endOffset; k++) chars[k]!.add(tag)
      }
    }
    return {
      paintedParagraphs: [...painted].sort((a, b) => a - b),
      visible: [first, last],
      paragraphs: visibleIdx.map((i) => {
        const p = ps[i]!
        const chars = slots.get(i)
        return {
          start: Number(p.dataset.start),
          marks: Array.from({ length: p.textContent.length }, (_, k) =>
            chars ? [...chars[k]!].sort().join('') : '',
          ),
        }
      }),
    }
  })

type Saved = ReturnType<typeof session>

/** The same, computed from the session file: theme slots and an overlap mark per character. */
function expected(saved: Saved, start: number, length: number): string[] {
  const order = saved.codebook.map((t) => t.id)
  const out: string[] = []
  for (let k = start; k < start + length; k++) {
    const covering = saved.passages.filter((p) => p.start <= k && k < p.end)
    const tags = new Set(covering.flatMap((p) => p.themeIds).map((id) => String(order.indexOf(id))))
    if (covering.length > 1) tags.add('o')
    out.push([...tags].sort().join(''))
  }
  return out
}

/** The session as saved: the one-file session is upgraded into a folder beside it on open. */
async function readSaved(file: string): Promise<Saved> {
  return await readArticleView(file.replace(/\.gloss\.json$/, '.gloss'))
}

async function expectPaintedAsSaved(page: Page, file: string) {
  const saved = await readSaved(file)
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
  )
  const painted = await readPainted(page)
  expect(painted.paragraphs.length).toBeGreaterThan(0)
  for (const p of painted.paragraphs)
    expect(p.marks, `paragraph at ${p.start}`).toEqual(expected(saved, p.start, p.marks.length))
  // Only the paragraphs near the viewport carry ranges (a few dozen of 400).
  const [first, last] = painted.visible
  expect(painted.paintedParagraphs.length).toBeLessThanOrEqual(30)
  expect(painted.paintedParagraphs[0]).toBeGreaterThanOrEqual(first - 20)
  expect(painted.paintedParagraphs.at(-1)).toBeLessThanOrEqual(last + 20)
  return painted
}

test('the painted highlights match the session file while scrolling, after a jump and after tagging', async ({
  app,
}) => {
  const file = join(app.dataDir, 'peint.gloss.json')
  await writeFile(file, JSON.stringify(session()))
  await app.answerNextDialog(file)
  await app.page.getByRole('button', { name: 'Open session…' }).click()
  const s = new SessionPage(app.page)
  await expect(s.article.locator('p')).toHaveCount(PARAGRAPHS)
  const scroller = app.page.locator('.article-scroller')

  await expectPaintedAsSaved(app.page, file)

  // Scroll as a wheel does, a frame at a time, checking on the way.
  for (let round = 0; round < 4; round++) {
    await scroller.evaluate(async (el) => {
      for (let i = 0; i < 12; i++) {
        el.scrollTop += 90
        await new Promise((r) => requestAnimationFrame(r))
      }
    })
    await expectPaintedAsSaved(app.page, file)
  }
  // Back up a little: paragraphs that left the window and come back.
  await scroller.evaluate((el) => (el.scrollTop -= 700))
  await expectPaintedAsSaved(app.page, file)

  // A jump far down, then tag a passage there: its paragraph is repainted.
  await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight * 0.6))
  const before = await expectPaintedAsSaved(app.page, file)
  const p = before.paragraphs[1]!
  const saved = await readSaved(file)
  // "§n word": the paragraph's own number makes it unique.
  const target = saved.document.text
    .slice(p.start, p.start + 60)
    .split(' ')
    .slice(0, 2)
    .join(' ')
  await s.tag(target, 'Safety')
  await s.waitSaved()
  const after = await readSaved(file)
  expect(after.passages).toHaveLength(PASSAGES + 1)
  await expectPaintedAsSaved(app.page, file)

  // Hover: the passage under the pointer is marked and its themes named; after
  // a wheel scroll, once the scroll stops, the passage now under the pointer.
  // A point on tagged text, in the middle of the view.
  const at = await scroller.evaluate((el) => {
    const box = el.getBoundingClientRect()
    const mid = box.top + box.height / 2
    const rects = [...(CSS.highlights.get('gloss-bg-0') ?? [])]
      .flatMap((r) => {
        const range = new Range()
        range.setStart(r.startContainer, r.startOffset)
        range.setEnd(r.endContainer, r.endOffset)
        return [...range.getClientRects()]
      })
      .filter((r) => r.width > 8 && r.top > mid - 200 && r.bottom < mid + 200)
    const r = rects[0]!
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 }
  })
  await app.page.mouse.move(at.x, at.y)
  await expectHoverAsSaved(app.page, file, at)
  await app.page.mouse.wheel(0, 900)
  await expectHoverAsSaved(app.page, file, at)
})

/** The character under `at`, the hover marks over it and the article's tooltip. */
const hoverAt = (page: Page, at: { x: number; y: number }) =>
  page.evaluate(({ x, y }) => {
    const pos = document.caretPositionFromPoint(x, y)
    const p = pos?.offsetNode.parentElement
    if (!pos || !p?.dataset.start) return null
    // The caret sits between two characters: take the one whose box holds the point.
    let offset = pos.offset
    const r = document.createRange()
    r.setStart(pos.offsetNode, offset)
    r.setEnd(pos.offsetNode, Math.min(offset + 1, (pos.offsetNode as Text).length))
    const b = r.getBoundingClientRect()
    if (!(x >= b.left && x <= b.right)) offset -= 1
    const hover = [...(CSS.highlights.get('gloss-hover') ?? [])]
    return {
      char: Number(p.dataset.start) + offset,
      hovered: hover.some(
        (h) =>
          h.startContainer === pos.offsetNode && h.startOffset <= offset && offset < h.endOffset,
      ),
      title: document.querySelector('article')!.title,
    }
  }, at)

async function expectHoverAsSaved(page: Page, file: string, at: { x: number; y: number }) {
  const saved = await readSaved(file)
  const names = new Map(saved.codebook.map((t) => [t.id, t.name]))
  await expect
    .poll(async () => {
      const h = await hoverAt(page, at)
      if (!h) return 'no text under the pointer'
      const covering = saved.passages.filter((p) => p.start <= h.char && h.char < p.end)
      const themes = [...new Set(covering.flatMap((p) => p.themeIds))].map((id) => names.get(id)!)
      const wanted = covering.length > 0
      if (h.hovered !== wanted)
        return `hover mark ${h.hovered}, passages under it ${covering.length}`
      const missing = themes.filter((t) => !h.title.includes(t))
      if (!wanted && h.title !== '') return `tooltip "${h.title}" off any passage`
      return missing.length ? `tooltip "${h.title}" lacks ${missing.join(', ')}` : 'as saved'
    })
    .toBe('as saved')
}
