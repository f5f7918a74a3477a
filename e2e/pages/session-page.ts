// Page object for the session view: what an analyst does, in their words.
import { expect, type Locator, type Page } from '@playwright/test'

export class SessionPage {
  readonly article: Locator
  readonly toolbar: Locator
  readonly status: Locator
  readonly passages: Locator
  readonly details: Locator

  constructor(readonly page: Page) {
    this.article = page.getByRole('article', { name: 'Article' })
    this.toolbar = page.getByRole('toolbar', { name: 'Tag selection' })
    this.status = page.getByRole('status').filter({ hasText: /Saved|Saving|Not saved/ })
    this.passages = page.getByRole('list', { name: 'Passages' }).getByRole('listitem')
    this.details = page.getByRole('region', { name: 'Passage details' })
  }

  async openSample() {
    await this.page.getByRole('button', { name: 'Open sample article' }).click()
    await this.article.waitFor()
  }

  /** Viewport points at the start and end of the n-th occurrence of `text`. */
  async pointsOf(text: string, occurrence = 0) {
    return this.article.evaluate(
      async (article, [needle, nth]) => {
        const paras = Array.from(article.querySelectorAll<HTMLElement>('p'))
        const full = paras.map((p) => p.textContent).join('')
        let at = -1
        for (let i = 0; i <= nth; i++) at = full.indexOf(needle, at + 1)
        if (at < 0) throw new Error(`text not found: ${needle}`)
        // Map a position in the concatenated paragraph text to a DOM point.
        const point = (pos: number): [Node, number] => {
          let acc = 0
          for (const p of paras) {
            const len = p.textContent.length
            if (pos <= acc + len && p.firstChild) return [p.firstChild, pos - acc]
            acc += len
          }
          throw new Error('out of range')
        }
        const range = document.createRange()
        range.setStart(...point(at))
        range.setEnd(...point(at + needle.length))
        const r0 = range.getBoundingClientRect()
        if (r0.top < 60 || r0.bottom > window.innerHeight - 60) {
          ;(range.startContainer.parentElement as HTMLElement).scrollIntoView({ block: 'center' })
          // Long articles lay out the text coming into view on the next
          // frames, which may move it: wait until it stays put.
          const frame = () => new Promise((r) => requestAnimationFrame(r))
          let last = NaN
          for (let still = 0, n = 0; still < 3 && n < 60; n++) {
            await frame()
            const top = range.getBoundingClientRect().top
            still = top === last ? still + 1 : 0
            last = top
          }
        }
        const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0)
        const first = rects[0]!
        const last = rects[rects.length - 1]!
        return {
          start: { x: first.left + 1, y: first.top + first.height / 2 },
          end: { x: last.right - 1, y: last.top + last.height / 2 },
        }
      },
      [text, occurrence] as const,
    )
  }

  /** Drags the mouse across the n-th occurrence of `text` in the article. */
  async selectWithMouse(text: string, occurrence = 0) {
    const { start, end } = await this.pointsOf(text, occurrence)
    await this.page.mouse.move(start.x, start.y)
    await this.page.mouse.down()
    await this.page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2, { steps: 4 })
    await this.page.mouse.move(end.x, end.y, { steps: 4 })
    await this.page.mouse.up()
  }

  /** Tags the n-th occurrence of `text` with a theme, through the toolbar button. */
  async tag(text: string, theme: string, occurrence = 0) {
    await this.selectWithMouse(text, occurrence)
    await this.toolbar.getByRole('button', { name: `Tag as ${theme}` }).click()
  }

  /** Tags `text` with several themes: the first from the toolbar, the others in the passage's details. */
  async tagWith(text: string, first: string, ...others: string[]) {
    await this.tag(text, first)
    for (const theme of others) await this.details.getByRole('button', { name: theme }).click()
  }

  /** The sidebar item of the passage whose quote contains `text`. */
  passage(text: string): Locator {
    return this.passages.filter({ hasText: text })
  }

  /** Clicks the highlighted text to open its passage's details. */
  async clickHighlight(text: string) {
    const { start, end } = await this.pointsOf(text)
    await this.page.mouse.click((start.x + end.x) / 2, (start.y + end.y) / 2)
  }

  async waitSaved() {
    await this.status.filter({ hasText: /^Saved$/ }).waitFor()
  }

  /**
   * The theme ids painted on the first character of the n-th occurrence of
   * `text`, read back from the registered CSS highlights (background tint and
   * underline bars, a coder's or not; slot i is the i-th theme of the default codebook).
   */
  async themesAt(text: string, occurrence = 0): Promise<string[]> {
    const { start } = await this.pointsOf(text, occurrence)
    await this.page.waitForTimeout(50) // a scroll re-paints on the next frame
    return this.page.evaluate(
      ({ x, y, order }) => {
        const pos = document.caretPositionFromPoint(x + 1, y)
        if (!pos) return []
        const slots = new Set<number>()
        for (const [name, highlight] of CSS.highlights) {
          const m = /^gloss-(?:bg|bar|cbar)-([0-8])(?:-|$)/.exec(name)
          if (!m) continue
          for (const r of highlight)
            if (
              r.startContainer === pos.offsetNode &&
              r.startOffset <= pos.offset &&
              pos.offset < r.endOffset
            )
              slots.add(Number(m[1]))
        }
        return [...slots].sort().map((i) => order[i]!)
      },
      { ...start, order: ['growth', 'culture', 'secrecy', 'safety'] },
    )
  }

  /** Names of the highlights covering the first character of `text` (marks such as gloss-flash). */
  async marksAt(text: string): Promise<string[]> {
    const { start } = await this.pointsOf(text)
    await this.page.waitForTimeout(50)
    return this.page.evaluate(({ x, y }) => {
      const pos = document.caretPositionFromPoint(x + 1, y)
      if (!pos) return []
      const names: string[] = []
      for (const [name, highlight] of CSS.highlights)
        for (const r of highlight)
          if (
            r.startContainer === pos.offsetNode &&
            r.startOffset <= pos.offset &&
            pos.offset < r.endOffset
          )
            names.push(name)
      return names
    }, start)
  }

  /** Opens the sample and tags three passages far apart in it (Growth, Culture, Safety), then clears the selection. */
  async openSampleWithThreePassages(): Promise<void> {
    await this.openSample()
    await this.tag('Il y a trois semaines', 'Growth')
    await this.tag('Croissance rapide', 'Culture')
    await this.tag('Les gouvernements regardent', 'Safety')
    await expect(this.passages).toHaveCount(3)
    await this.page.keyboard.press('Escape')
    await expect(this.details).toBeHidden()
  }

  /**
   * Waits until the selection `text` made from the keyboard has reached Gloss:
   * it is the document's selection, and Gloss reports keyboard selections in
   * the frame after the selectionchange, so two frames later it has it.
   */
  async settleSelection(text: string): Promise<void> {
    await expect.poll(() => this.page.evaluate(() => String(getSelection()))).toBe(text)
    await this.page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    )
  }

  /**
   * Starts noting, on every frame in the page, the text under the passage
   * flash (a mark that lives 1.2 s). Returns a reader of what was flashed so
   * far: a check that cannot miss the flash however slow the machine, unlike
   * reading the marks once after the action.
   */
  async recordFlashes(): Promise<() => Promise<string[]>> {
    await this.page.evaluate(() => {
      const seen = new Set<string>()
      Object.defineProperty(window, '__glossFlashed', { value: seen, configurable: true })
      const look = () => {
        for (const r of CSS.highlights.get('gloss-flash') ?? []) {
          // The painter registers StaticRanges: read their text through a Range.
          const range = document.createRange()
          range.setStart(r.startContainer, r.startOffset)
          range.setEnd(r.endContainer, r.endOffset)
          seen.add(range.toString())
        }
        requestAnimationFrame(look)
      }
      requestAnimationFrame(look)
    })
    return () =>
      this.page.evaluate(() => [
        ...(window as unknown as { __glossFlashed: Set<string> }).__glossFlashed,
      ])
  }
}
