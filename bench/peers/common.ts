// What every peer page shares: it loads a generated Gloss session (the very
// file Gloss opens), lays the article out as paragraphs with a "\n" text node
// between them (so that the article's textContent IS the session's text and
// every library's character offsets are Gloss's), and exposes window.__peer
// for the bench, which times each library's own API with the same probes as
// Gloss.
import type { Add } from '../../test-support/generate'
import { installProbes, randomPoints } from '../probes'
import type { Passage, Session, Theme } from '@shared/model/schema'

export interface PeerImpl {
  /** Called once the article is in the DOM. */
  setup(article: HTMLElement, codebook: readonly Theme[]): void
  /** Applies every passage; may report facts (dropped ranges…). */
  apply(passages: readonly Passage[]): Promise<string | undefined> | string | undefined
  add(passage: Passage): Promise<void> | void
  /** True once highlights are in the DOM (after apply). */
  painted(): boolean
  /** True once the passage `id` is in the DOM (after add). */
  addPainted(id: string): boolean
  /** Ids of the passages under a viewport point, by the library's own means. */
  hitTest(x: number, y: number): string[]
}

export interface ApplyResult {
  ms: number
  elementsBefore: number
  elementsAfter: number
  longestTask: number
  note?: string
}

export interface HitResult {
  perPoint: number[]
  batchMeans: number[]
  hits: number
}

export interface PeerApi {
  load(passages: number): Promise<void>
  apply(): Promise<ApplyResult>
  reveal(add: number): Promise<void>
  add(add: number): Promise<number>
  hitTest(points: number): Promise<HitResult>
  scroll(frames: number, step: number): Promise<number[]>
}

declare global {
  interface Window {
    __peer: PeerApi
  }
}

export const article = () => document.querySelector<HTMLElement>('article[aria-label="Article"]')!
export const scroller = () => document.querySelector<HTMLElement>('.article-scroller')!

/** Maps text offsets to DOM points in the peer article, however it was wrapped. */
export class ArticleIndex {
  /** Paragraph elements and the "\n" text nodes that follow them. */
  private readonly paras: HTMLElement[] = []
  private readonly seps: Text[] = []
  private readonly starts: number[] = []
  private readonly ends: number[] = []

  constructor(root: HTMLElement, text: string) {
    let at = 0
    let start = 0
    const frag = document.createDocumentFragment()
    while (start <= text.length) {
      let end = text.indexOf('\n', start)
      if (end === -1) end = text.length
      const p = document.createElement('p')
      p.textContent = text.slice(start, end)
      frag.append(p)
      this.paras.push(p)
      this.starts.push(start)
      this.ends.push(end)
      if (end < text.length) {
        const sep = document.createTextNode('\n')
        frag.append(sep)
        this.seps.push(sep)
      }
      at = end
      start = end + 1
    }
    root.replaceChildren(frag)
    if (root.textContent !== text || at !== text.length)
      throw new Error('the peer article does not reproduce the text')
  }

  /** The paragraph element holding offset (for scrolling). */
  paragraphAt(offset: number): HTMLElement {
    return this.paras[this.indexOf(offset)]!
  }

  private indexOf(offset: number): number {
    let lo = 0
    let hi = this.starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1
      if (this.starts[mid]! <= offset) lo = mid
      else hi = mid - 1
    }
    return lo
  }

  /**
   * The DOM point at `offset`: 'start' points at the character at offset,
   * 'end' just after the character before it (never at the edge of an empty node).
   */
  point(offset: number, bias: 'start' | 'end'): [Node, number] {
    const ch = bias === 'start' ? offset : offset - 1
    const i = this.indexOf(ch)
    const k = bias === 'start' ? 0 : 1
    if (ch >= this.ends[i]!) return [this.seps[i]!, k]
    const walker = document.createTreeWalker(this.paras[i]!, NodeFilter.SHOW_TEXT)
    let acc = this.starts[i]!
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      if (ch < acc + n.length) return [n, ch - acc + k]
      acc += n.length
    }
    throw new Error(`offset ${offset} is outside paragraph ${i}`)
  }

  range(start: number, end: number): Range {
    const r = document.createRange()
    r.setStart(...this.point(start, 'start'))
    r.setEnd(...this.point(end, 'end'))
    return r
  }
}

/** Loads data/<name>.js, which sets window.__benchData (the CSP forbids fetch). */
function getData<T>(name: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script')
    script.src = `data/${name}.js`
    script.onload = () => {
      const w = window as unknown as { __benchData: T }
      resolve(w.__benchData)
      script.remove()
    }
    script.onerror = () => reject(new Error(`cannot load data/${name}.js`))
    document.head.append(script)
  })
}

/** Installs window.__peer for one library. */
export function startPeer(impl: PeerImpl, onIndex?: (index: ArticleIndex) => void): void {
  installProbes()
  const bp = window.__bp
  let session: Session | null = null
  let index: ArticleIndex | null = null
  let adds: Add[] = []
  const elements = () => article().getElementsByTagName('*').length

  window.__peer = {
    async load(passages) {
      session = await getData<Session>(`session-${passages}`)
      adds = await getData<Add[]>('adds')
      index = new ArticleIndex(article(), session.document.text)
      onIndex?.(index)
      impl.setup(article(), session.codebook)
      await bp.afterNextPaint()
      await bp.afterNextPaint()
    },

    async apply() {
      const passages = session!.passages
      const before = elements()
      const tasks = bp.longTasks.length
      const t0 = performance.now()
      const note = await impl.apply(passages)
      const [t1] = await bp.paintTimes([() => passages.length === 0 || impl.painted()], {
        root: article(),
      })
      return {
        ms: t1! - t0,
        elementsBefore: before,
        elementsAfter: elements(),
        longestTask: Math.max(0, ...bp.longTasks.slice(tasks).map((t) => t.duration)),
        ...(note ? { note } : {}),
      }
    },

    async reveal(i) {
      index!.paragraphAt(adds[i]!.start).scrollIntoView({ block: 'center' })
      await bp.afterNextPaint()
      await new Promise((r) => setTimeout(r, 60))
      await bp.afterNextPaint()
    },

    async add(i) {
      const a = adds[i]!
      const text = session!.document.text
      const passage: Passage = {
        id: a.id,
        start: a.start,
        end: a.end,
        quote: text.slice(a.start, a.end),
        prefix: text.slice(Math.max(0, a.start - 32), a.start),
        suffix: text.slice(a.end, a.end + 32),
        themeIds: [a.themeId],
        note: '',
        createdAt: new Date().toISOString(),
        updatedAt: new Date().toISOString(),
        author: 'bench',
      }
      const t0 = performance.now()
      await impl.add(passage)
      const [t1] = await bp.paintTimes([() => impl.addPainted(a.id)], { root: article() })
      return t1! - t0
    },

    hitTest(n) {
      const points = randomPoints(n)
      const perPoint: number[] = []
      let hits = 0
      for (const { x, y } of points) {
        const t = performance.now()
        hits += impl.hitTest(x, y).length
        perPoint.push(performance.now() - t)
      }
      const batchMeans: number[] = []
      for (let b = 0; b < points.length; b += 100) {
        const batch = points.slice(b, b + 100)
        const t = performance.now()
        for (const { x, y } of batch) impl.hitTest(x, y)
        batchMeans.push((performance.now() - t) / batch.length)
      }
      return Promise.resolve({ perPoint, batchMeans, hits })
    },

    scroll(frames, step) {
      scroller().scrollTop = 0
      return bp.afterNextPaint().then(() => bp.scrollFrames(scroller(), frames, step))
    },
  }
}
